#include "page/styled.hpp"

#include <unicode/locid.h>

#include <algorithm>
#include <unicode/unistr.h>

namespace quire::page {

namespace {

// A layout's tracking is in 1/1000 em (InDesign's unit); the text engine's in em. A unit conversion.
constexpr double kTrackingUnitsPerEm = 1000.0;

text::Slant slant_of(style::Slant s) { return s == style::Slant::Italic ? text::Slant::Italic : text::Slant::Upright; }

struct SpanState {
    text::FontSpec font;
    style::TextCase text_case = style::TextCase::AsIs;
    std::string lang;
    std::string href;
};

void apply(SpanState& st, const style::CharacterStyle* cs) {
    if (!cs) return;
    if (cs->font_family) st.font.family = *cs->font_family;
    if (cs->weight) st.font.weight = *cs->weight;
    if (cs->slant) {
        // Emphasis inside italic text is set upright, as typographers have long done
        // (Bringhurst, The Elements of Typographic Style, 3.5.1).
        if (*cs->slant == style::Slant::Italic && st.font.slant == text::Slant::Italic)
            st.font.slant = text::Slant::Upright;
        else
            st.font.slant = slant_of(*cs->slant);
    }
    for (const auto& f : cs->features) st.font.features.push_back(f);
    if (cs->text_case) st.text_case = *cs->text_case;
}

void walk(const model::InlineText& content, SpanState st, const style::Layout& layout,
          text::StyledParagraph& out) {
    for (const model::Inline& in : content) {
        switch (in.kind) {
            case model::InlineKind::Text: {
                if (in.text.empty()) break;
                std::string t = st.text_case == style::TextCase::Upper ? to_upper(in.text, st.lang) : in.text;
                // Merge with the previous span when nothing but the text differs (fewer, longer runs).
                if (!out.spans.empty()) {
                    text::StyledSpan& last = out.spans.back();
                    if (last.font == st.font && last.lang == st.lang && last.href == st.href) {
                        last.text += t;
                        break;
                    }
                }
                out.spans.push_back(text::StyledSpan{std::move(t), st.font, st.lang, st.href, in.where});
                break;
            }
            case model::InlineKind::LineBreak: {
                model::Inline br = model::Inline::plain("\u2028");
                br.where = in.where;
                walk({br}, st, layout, out);
                break;
            }
            case model::InlineKind::Emphasis: {
                SpanState inner = st;
                apply(inner, layout.character_style("emphasis"));
                walk(in.children, inner, layout, out);
                break;
            }
            case model::InlineKind::Strong: {
                SpanState inner = st;
                apply(inner, layout.character_style("strong"));
                walk(in.children, inner, layout, out);
                break;
            }
            case model::InlineKind::Link: {
                SpanState inner = st;
                apply(inner, layout.character_style("link"));
                inner.href = in.href;
                walk(in.children, inner, layout, out);
                break;
            }
            case model::InlineKind::Speaker: {
                SpanState inner = st;
                apply(inner, layout.character_style("speaker"));
                walk(in.children, inner, layout, out);
                break;
            }
            case model::InlineKind::Span: {
                SpanState inner = st;
                if (!in.lang.empty()) inner.lang = in.lang;
                walk(in.children, inner, layout, out);
                break;
            }
        }
    }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }


// Spans set with old-style figures ("onum") get lining figures ("lnum") for the digits of codes
// and ordinals (code_figures).
void lining_figures_in_codes(text::StyledParagraph& p) {
    std::vector<text::StyledSpan> out;
    out.reserve(p.spans.size());
    for (auto& span : p.spans) {
        const bool oldstyle = std::find(span.font.features.begin(), span.font.features.end(), "onum") != span.font.features.end();
        const auto codes = oldstyle ? code_figures(span.text) : std::vector<std::pair<std::size_t, std::size_t>>{};
        if (codes.empty()) { out.push_back(std::move(span)); continue; }
        text::FontSpec lining = span.font;
        std::replace(lining.features.begin(), lining.features.end(), std::string("onum"), std::string("lnum"));
        std::size_t at = 0;
        for (const auto& [a, b] : codes) {
            if (a > at) out.push_back(text::StyledSpan{span.text.substr(at, a - at), span.font, span.lang, span.href, span.where});
            out.push_back(text::StyledSpan{span.text.substr(a, b - a), lining, span.lang, span.href, span.where});
            at = b;
        }
        if (at < span.text.size())
            out.push_back(text::StyledSpan{span.text.substr(at), span.font, span.lang, span.href, span.where});
    }
    p.spans = std::move(out);
}

}  // namespace

text::FontSpec font_spec(const style::ParagraphStyle& style) {
    text::FontSpec f;
    f.family = style.font_family;
    f.weight = style.weight;
    f.slant = slant_of(style.slant);
    f.size_pt = style.size.pt();
    f.features = style.features;
    f.tracking_em = style.tracking / kTrackingUnitsPerEm;
    return f;
}

text::StyledParagraph styled_paragraph(const model::InlineText& content, const style::ParagraphStyle& style,
                                       const style::Layout& layout, const std::string& lang) {
    text::StyledParagraph p;
    p.lang = lang;
    SpanState st;
    st.font = font_spec(style);
    st.text_case = style.text_case;
    st.lang = "";  // the paragraph's
    walk(content, st, layout, p);
    // Leading and trailing spaces would become glue at a line's ends.
    while (!p.spans.empty() && !p.spans.front().text.empty() && p.spans.front().text.front() == ' ')
        p.spans.front().text.erase(0, 1);
    while (!p.spans.empty() && !p.spans.back().text.empty() && p.spans.back().text.back() == ' ')
        p.spans.back().text.pop_back();
    std::erase_if(p.spans, [](const text::StyledSpan& s) { return s.text.empty(); });
    lining_figures_in_codes(p);
    return p;
}

text::StyledParagraph styled_text(const std::string& text_in, const style::ParagraphStyle& style,
                                  const std::string& lang) {
    text::StyledParagraph p;
    p.lang = lang;
    if (text_in.empty()) return p;
    std::string t = style.text_case == style::TextCase::Upper ? to_upper(text_in, lang) : text_in;
    p.spans.push_back(text::StyledSpan{std::move(t), font_spec(style), "", "", {}});
    lining_figures_in_codes(p);
    return p;
}

// Byte ranges of `t` whose digits are part of a code or an ordinal: a digit run in a word with a
// capital letter (A1, G7, COVID-19, F-16, 5G) or followed by an ordinal's letters (1st, 22nd, 3rd,
// 4th), and a number written only with 1 and 0 ("100"). Old-style figures there read as letters
// ("AI", "Ist", "IOO"): they are set lining.
std::vector<std::pair<std::size_t, std::size_t>> code_figures(const std::string& t) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t w = 0;
    while (w < t.size()) {
        while (w < t.size() && t[w] == ' ') ++w;
        std::size_t e = w;
        while (e < t.size() && t[e] != ' ') ++e;
        bool capital = false;
        for (std::size_t k = w; k < e; ++k) capital = capital || is_ascii_upper(t[k]);
        for (std::size_t k = w; k < e;) {
            if (!is_digit(t[k])) { ++k; continue; }
            std::size_t d = k;
            while (d < e && is_digit(t[d])) ++d;
            const std::string_view after = std::string_view(t).substr(d, 2);
            const bool ordinal = (after == "st" || after == "nd" || after == "rd" || after == "th") &&
                                 (d + 2 >= e || !is_ascii_lower(t[d + 2]));
            // A number written only with 1 and 0 ("100", "10", "1,000"): old-style, its figures are
            // shaped as a small capital I and a lower-case o, and the reader sees "Ioo", "IO", "I,ooo".
            // With any other digit in it the number reads as one (2022, 150), so those stay old-style.
            std::size_t n = d;  // the whole number, with its group and decimal separators
            while (n + 1 < e && (t[n] == ',' || t[n] == '.') && is_digit(t[n + 1])) {
                ++n;
                while (n < e && is_digit(t[n])) ++n;
            }
            bool letter_like = true;
            for (std::size_t q = k; q < n; ++q) letter_like = letter_like && (t[q] == '0' || t[q] == '1' || !is_digit(t[q]));
            if (letter_like && !capital && !ordinal) {
                out.emplace_back(k, n);
                k = n;
                continue;
            }
            if (capital || ordinal) out.emplace_back(k, d);
            k = d;
        }
        w = e;
    }
    return out;
}

}  // namespace quire::page
