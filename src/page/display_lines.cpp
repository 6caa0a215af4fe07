#include "page/display_lines.hpp"

#include "linebreak/items.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <limits>

namespace quire::page {

namespace {

// Short function words per language that a display line should not end with (the primary
// subtag; lower case). Articles, prepositions, conjunctions and the like: the words a newspaper's
// sub-editor keeps with the next line (The Times Style Guide, "headlines"; Duden's "Zeilenfall").
struct FunctionWords {
    std::string_view lang;
    std::string_view words;  // separated and surrounded by spaces
};
constexpr std::array<FunctionWords, 13> kFunctionWords{{
    {"en", " a an the of in on at to for by with and or but nor from as into onto than that this its our their his her is are was be vs "},
    {"pl", " w we z ze i a o u na do od za po pod nad dla jak czy nie się że oraz lub ku przy przez "},
    {"de", " der die das den dem des ein eine einen und oder in im an am zu zum zur von vom mit für auf aus bei nach "},
    {"fr", " le la les un une des de du et ou à au aux en dans pour par sur avec "},
    {"es", " el la los las un una de del y o en a al con por para "},
    {"ru", " в во и к ко с со у о об а на по за из от до для не же но "},
    {"uk", " в у і й з із зі та а на по за від до для не же о "},
    {"cs", " v ve k ke s se z ze o u a i na po za do od "},
    {"be", " і й у ў з са а на па за ад да для не ці "},
    {"lt", " ir ar bei o su į iš per po prie be nuo "},
    {"ro", " și sau în la de cu pe din pentru prin un o a al ale "},
    // Armenian and Georgian: the conjunctions and the particles a line should not end on
    // (Armenian և/ու "and", կամ "or", որ "that"; Georgian და "and", ან "or", რომ "that", თუ "if").
    {"hy", " և ու կամ որ թե ի "},
    {"ka", " და ან რომ თუ ხოლო "},
}};

std::string lower(std::string_view s) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))).toLower().toUTF8String(out);
    return out;
}

bool has_forced_break(const std::string& t) {
    return t.find('\n') != std::string::npos || t.find("\xE2\x80\xA8") != std::string::npos;
}

// How well a break falls with the sense: after a sentence or clause (". ? ! : ;"), after a
// comma, or inside a phrase. An art desk breaks display lines where a reader pauses.
enum class Sense { None, Comma, Clause };

// The punctuation at the end of `word`, closing quotes and brackets skipped ("Russia.”").
Sense sense_of(std::string_view word) {
    while (!word.empty()) {
        if (word.ends_with("\xE2\x80\x9D") || word.ends_with("\xE2\x80\x99") || word.ends_with("\xC2\xBB"))
            word.remove_suffix(word.ends_with("\xC2\xBB") ? 2 : 3);
        else if (word.back() == ')' || word.back() == ']' || word.back() == '"' || word.back() == '\'')
            word.remove_suffix(1);
        else
            break;
    }
    if (word.empty()) return Sense::None;
    const char last = word.back();
    if (last == '.' || last == '?' || last == '!' || last == ':' || last == ';') return Sense::Clause;
    // The Armenian full stop ։ (U+0589) ends a sentence too.
    if (word.ends_with("\xD6\x89")) return Sense::Clause;
    if (last == ',') return Sense::Comma;
    return Sense::None;
}

// A place the display breaker may break: after the word ending at `end` (the break item's text
// offset), the next line starting at `next_x`.
struct Candidate {
    std::size_t item = 0;
    std::uint32_t offset = 0;   // byte offset of the break in the itemized text
    bool glue = false;          // a space (replaced by the break) or after a hyphen (inserted)
    double x = 0;               // the width of the text before the break
    double next_x = 0;          // where the text after it starts
    bool function_word = false; // the word before it is a function word
    bool short_word_after = false;  // the rest of the paragraph is a single short word
    Sense sense = Sense::None;      // the punctuation the word before it ends with
    bool inside_name = false;       // between two capitalised words ("Black / Sea")
};

// Whether `word` starts with an upper-case letter.
bool capitalised(std::string_view word) {
    if (word.empty()) return false;
    UChar32 cp = 0;
    int32_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), cp);
    return u_isupper(cp) || u_istitle(cp);
}

}  // namespace

bool is_display_runt(double word_width_pt, double measure_pt) {
    return word_width_pt < measure_pt * kDisplayRuntShare;
}

bool is_function_word(std::string_view word, std::string_view lang) {
    const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
    const std::string w = " " + lower(word) + " ";
    for (const auto& f : kFunctionWords)
        if (f.lang == primary) return f.words.find(w) != std::string_view::npos;
    return false;
}

text::StyledParagraph balance_display_lines(const text::StyledParagraph& paragraph, double width_pt,
                                            text::FontCollection& fonts) {
    if (paragraph.spans.empty() || width_pt <= 0) return paragraph;
    for (const auto& s : paragraph.spans)
        if (has_forced_break(s.text)) return paragraph;
    linebreak::LineSpec spec;
    spec.widths_pt = {width_pt};
    spec.alignment = linebreak::Alignment::RaggedRight;
    spec.hyphenation = linebreak::Hyphenation::Off;
    Diagnostics scratch;  // the setting proper reports missing glyphs; measuring does not again
    const linebreak::ParagraphItems p = linebreak::build_items(paragraph, spec, fonts, scratch);
    const std::string& t = p.itemized.text;

    // The candidates, with the paragraph's start as candidate 0.
    std::vector<Candidate> c;
    c.push_back(Candidate{});
    double x = 0;
    for (std::size_t i = 0; i < p.items.size(); ++i) {
        const linebreak::Item& it = p.items[i];
        if (it.kind == linebreak::ItemKind::Box) { x += it.width; continue; }
        if (it.kind == linebreak::ItemKind::Glue) {
            const bool tied = i > 0 && p.items[i - 1].kind == linebreak::ItemKind::Penalty &&
                              p.items[i - 1].penalty >= linebreak::kInfinitePenalty;
            if (!it.fil && !tied && i > 0 && p.items[i - 1].kind == linebreak::ItemKind::Box && it.ref < t.size() && t[it.ref] == ' ')
                c.push_back(Candidate{i, it.ref, true, x, x + it.width, false, false});
            x += it.width;
            continue;
        }
        // Not inside a word too wide for the measure (Item::emergency): the setting breaks it where it
        // must, and says so.
        if (it.penalty < linebreak::kInfinitePenalty && it.penalty > -linebreak::kInfinitePenalty && !it.discretionary &&
            !it.emergency)
            c.push_back(Candidate{i, it.ref, false, x, x, false, false});
    }
    const double total = x;
    if (total <= width_pt || c.size() < 2) return paragraph;
    // The word before each break, and whether only one short word follows the last.
    const std::string& lang = paragraph.lang;
    for (std::size_t k = 1; k < c.size(); ++k) {
        std::size_t a = c[k].offset;
        while (a > 0 && t[a - 1] != ' ') --a;
        const std::string_view word = std::string_view(t).substr(a, c[k].offset - a);
        c[k].function_word = c[k].glue && is_function_word(word, lang);
        if (c[k].glue) c[k].sense = sense_of(word);
        if (c[k].glue && c[k].sense == Sense::None && capitalised(word)) {
            std::size_t b = c[k].offset + 1;
            while (b < t.size() && t[b] != ' ') ++b;
            c[k].inside_name = capitalised(std::string_view(t).substr(c[k].offset + 1, b - c[k].offset - 1));
        }
    }
    {
        Candidate& last = c.back();
        std::string_view rest = std::string_view(t).substr(last.offset);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        last.short_word_after = is_display_runt(total - last.next_x, width_pt) && rest.find(' ') == std::string_view::npos;
    }
    // Penalties in units of the measure's square, beside the squared shortfalls: a line ending in
    // a function word costs as much as a line 70 % short, or as much as the extra shortfall of a
    // fourth or fifth line (about 1/L of the measure's square), so that a standfirst takes a line
    // more rather than end one in "the".
    const double w2 = width_pt * width_pt;
    const double function_word_cost = 0.5 * w2;
    const double runt_cost = 0.5 * w2;
    // A break where the reader pauses earns a little: enough to choose "concrete. / Across the
    // region" over "concrete. Across / the region" when the lines are about as even.
    // A name is read as one word: "the Black / Sea" costs nearly what a function word does.
    const double name_cost = 0.3 * w2;
    const double clause_bonus = 0.05 * w2, comma_bonus = 0.02 * w2;
    const std::size_t n = c.size();
    const double inf = std::numeric_limits<double>::infinity();
    // best[L][k]: least cost of L lines ending at candidate k (k = n: the paragraph's end).
    const std::size_t max_lines = 12;
    std::vector<std::vector<double>> best(max_lines + 1, std::vector<double>(n + 1, inf));
    std::vector<std::vector<std::size_t>> from(max_lines + 1, std::vector<std::size_t>(n + 1, 0));
    best[0][0] = 0;
    auto end_x = [&](std::size_t k) { return k == n ? total : c[k].x; };
    // The fewest lines first; then one more line, taken when it buys a break by sense (no line
    // ending in a function word, no runt) dearer than the extra line: a standfirst whose last
    // line is full can only end its second line in "and" when set in three lines.
    const double extra_line_cost = 0.1 * w2;
    std::size_t fewest = 0;
    for (std::size_t L = 1; L <= max_lines && (!fewest || L == fewest + 1); ++L) {
        for (std::size_t k = 1; k <= n; ++k)
            for (std::size_t a = 0; a < k; ++a) {
                if (best[L - 1][a] == inf) continue;
                const double len = end_x(k) - c[a].next_x;
                if (len > width_pt + 0.01) continue;
                double cost = best[L - 1][a] + (width_pt - len) * (width_pt - len);
                if (k < n && c[k].function_word) cost += function_word_cost;
                if (k < n && c[k].inside_name) cost += name_cost;
                if (k < n && c[k].sense == Sense::Clause) cost -= clause_bonus;
                if (k < n && c[k].sense == Sense::Comma) cost -= comma_bonus;
                if (k == n && a == n - 1 && c[a].short_word_after) cost += runt_cost;
                if (cost < best[L][k]) { best[L][k] = cost; from[L][k] = a; }
            }
        if (best[L][n] < inf && !fewest) fewest = L;
    }
    std::size_t lines = fewest;
    if (fewest && fewest < max_lines && best[fewest + 1][n] + extra_line_cost < best[fewest][n]) lines = fewest + 1;
    if (lines <= 1) return paragraph;
    std::vector<std::size_t> chosen;
    for (std::size_t k = n, L = lines; L > 1; --L) {
        k = from[L][k];
        chosen.push_back(k);
    }
    // The breaks into the spans' text, from the end so that earlier offsets stay valid.
    text::StyledParagraph out = paragraph;
    std::sort(chosen.begin(), chosen.end(), std::greater<>());
    for (std::size_t k : chosen) {
        const std::uint32_t at = c[k].offset;
        std::size_t si = 0;
        while (si + 1 < p.itemized.span_start.size() && p.itemized.span_start[si + 1] <= at) ++si;
        std::string& text = out.spans[si].text;
        const std::size_t local = at - p.itemized.span_start[si];
        if (c[k].glue) text.replace(local, 1, "\xE2\x80\xA8");
        else text.insert(local, "\xE2\x80\xA8");
    }
    return out;
}

void no_negative_tracking_on_capitals(text::StyledParagraph& paragraph) {
    bool letters = false;
    for (const auto& s : paragraph.spans) {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s.text);
        for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
            const UChar32 cp = u.char32At(i);
            if (u_islower(cp)) return;
            if (u_isalpha(cp)) letters = true;
        }
    }
    if (!letters) return;
    for (auto& s : paragraph.spans) s.font.tracking_em = std::max(0.0, s.font.tracking_em);
}

void hang_opening_quote(linebreak::SetParagraph& set) {
    if (set.lines.empty()) return;
    linebreak::SetLine& first = set.lines.front();
    static constexpr std::array<std::string_view, 8> kOpening{"\xE2\x80\x9C", "\xE2\x80\x98", "\"", "'", "\xC2\xAB", "\xE2\x80\x9E",
                                                              "\xE2\x80\x9A", "\xC2\xBB"};
    bool quote = false;
    for (auto q : kOpening) quote = quote || std::string_view(first.text).starts_with(q);
    if (!quote || first.runs.empty() || first.runs.front().glyphs.size() < 2) return;
    if (first.runs.front().direction != linebreak::RunDirection::LeftToRight) return;
    const auto& g = first.runs.front().glyphs;
    // The quote's advance: from its glyph to the next cluster's.
    std::size_t k = 1;
    while (k < g.size() && g[k].cluster == g[0].cluster) ++k;
    if (k >= g.size()) return;
    first.x_offset_pt -= g[k].x_pt - g[0].x_pt;
}

}  // namespace quire::page
