#include "page/initial.hpp"

#include <hb-ot.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace quire::page {

namespace {

std::size_t utf8_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    return 4;
}

char32_t decode_utf8(std::string_view t, std::size_t& i) {
    const auto c = static_cast<unsigned char>(t[i]);
    const std::size_t len = utf8_length(c);
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len && i + k < t.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
    i += len;
    return cp;
}

}  // namespace

Initial take_initial(text::StyledParagraph& p) {
    if (p.spans.empty()) return {};
    std::string& t = p.spans.front().text;
    std::size_t pos = 0;
    static const std::vector<std::string> openers{"\u201C", "\u2018", "\"", "'", "\u00AB", "\u201E", "(", "\u201A", "\u2039"};
    bool more = true;
    while (more) {
        more = false;
        for (const auto& o : openers)
            if (t.compare(pos, o.size(), o) == 0) {
                pos += o.size();
                more = true;
            }
    }
    if (pos >= t.size()) return {};
    const std::size_t letter_at = pos;
    const auto lead = static_cast<unsigned char>(t[pos]);
    if (lead == ' ' || (lead < 0x80 && !std::isalnum(lead))) return {};
    pos += utf8_length(lead);
    // Keep combining marks (U+0300–U+036F: CC 80–CD AF in UTF-8) with their letter.
    while (pos + 1 < t.size() && (static_cast<unsigned char>(t[pos]) == 0xCC ||
                                  (static_cast<unsigned char>(t[pos]) == 0xCD &&
                                   static_cast<unsigned char>(t[pos + 1]) <= 0xAF)))
        pos += 2;
    Initial in{t.substr(0, letter_at), t.substr(letter_at, pos - letter_at), false};
    std::size_t take = pos;
    while (take < t.size() && t[take] == ' ') ++take;
    in.own_word = take > pos && take < t.size();
    if (!in.own_word) take = pos;
    t.erase(0, take);
    return in;
}

Ink ink_of(const linebreak::SetLine& line) {
    Ink ink;
    for (const auto& run : line.runs) {
        if (!run.font) continue;
        const double sc = run.size_pt / run.font->units_per_em();
        for (const auto& g : run.glyphs) {
            hb_glyph_extents_t e{};
            if (!hb_font_get_glyph_extents(run.font->hb_font(), g.id, &e) || e.width == 0 || e.height == 0) continue;
            const double x0 = line.x_offset_pt + g.x_pt + e.x_bearing * sc;
            const double x1 = x0 + e.width * sc;
            const double top = e.y_bearing * sc - g.y_pt, bottom = (e.y_bearing + e.height) * sc - g.y_pt;
            if (ink.empty) ink = Ink{x0, x1, top, bottom, false};
            ink.left = std::min(ink.left, x0);
            ink.right = std::max(ink.right, x1);
            ink.top = std::max(ink.top, top);
            ink.bottom = std::min(ink.bottom, bottom);
        }
    }
    return ink;
}

double cap_height_em(const text::Font& font) {
    hb_position_t cap = 0;
    hb_ot_metrics_get_position_with_fallback(font.hb_font(), HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
    return static_cast<double>(cap) / font.units_per_em();
}

bool capitals_word(std::string_view word, int upper_before) {
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    int upper = upper_before;
    for (std::size_t i = 0; i < word.size();) {
        const auto cat = hb_unicode_general_category(uf, decode_utf8(word, i));
        if (cat == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER) return false;
        if (cat == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER) ++upper;
    }
    return upper >= 2;
}

bool begins_running_text(model::BlockKind kind) {
    return kind == model::BlockKind::List || kind == model::BlockKind::BlockQuote;
}

Opening opening_of(const model::InlineText& content) {
    if (!content.empty() && content.front().kind == model::InlineKind::Speaker) return Opening::SpeakerLabel;
    // A paragraph wholly in italics or bold is set apart from the text: a review's book details
    // ("<em>Author, Title, Publisher, 2022. 336 pages.</em>"), an editor's note, a dateline.
    const bool set_apart = std::any_of(content.begin(), content.end(), [](const model::Inline& i) {
        return i.kind == model::InlineKind::Emphasis || i.kind == model::InlineKind::Strong;
    }) && std::all_of(content.begin(), content.end(), [](const model::Inline& i) {
        return i.kind == model::InlineKind::Emphasis || i.kind == model::InlineKind::Strong ||
               (i.kind == model::InlineKind::Text && i.text.find_first_not_of(" \n") == std::string::npos);
    });
    if (set_apart) return Opening::HeadingLike;
    std::string t = model::plain_text(content);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.pop_back();
    int chars = 0, upper = 0, lower = 0;
    char32_t last = 0;
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    for (std::size_t i = 0; i < t.size();) {
        const char32_t cp = decode_utf8(t, i);
        ++chars;
        last = cp;
        const auto cat = hb_unicode_general_category(uf, cp);
        if (cat == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER) ++upper;
        if (cat == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER) ++lower;
    }
    // About one line of the body's measure; a longer paragraph is text whatever its case.
    constexpr int kShortLine = 60;
    if (chars == 0 || chars > kShortLine) return Opening::Text;
    if (upper >= 2 && lower == 0) return Opening::HeadingLike;
    static const std::u32string sentence_end = U".!?\u2026:;\u201D\u2019\u00BB\"')\u0589\u0964\u3002";
    if (sentence_end.find(last) == std::u32string::npos) return Opening::HeadingLike;
    return Opening::Text;
}

}  // namespace quire::page
