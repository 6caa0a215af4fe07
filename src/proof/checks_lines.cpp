#include "proof/checks_lines.hpp"

#include "proof/layout_checks.hpp"
#include "text/language_guess.hpp"
#include "text/name_break.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace quire::proof {

namespace {

constexpr long kExcerpt = 40;  // characters of a line quoted in a finding

// The running text's paragraph styles and the subheads (layouts/magazine.xml, layouts/a4.xml). Titles,
// subtitles and standfirsts are display type (checks_display.cpp); captions, credits, pull quotes and
// the furniture are short by nature and set ragged.
const std::set<std::string> kBodyText = {"body", "body-first", "blockquote", "list", "bio", "notice"};
const std::set<std::string> kSubheads = {"subheading", "subheading-3"};

std::string trimmed(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && s[a] == ' ') ++a;
    while (b > a && s[b - 1] == ' ') --b;
    return s.substr(a, b - a);
}

// "col. 2, l. 14" (or "l. 3" of the opening's head, which has no column).
std::string where_on_page(const page::LineRecord& line) {
    return (line.column >= 0 ? "col. " + std::to_string(line.column + 1) + ", " : std::string()) + "l. " +
           std::to_string(line.line_in_column);
}

using text::broken_word;
using text::BrokenWord;

const char* language_name(const std::string& lang) {
    static const std::map<std::string, const char*> names = {
        {"en", "English"},    {"pl", "Polish"},    {"uk", "Ukrainian"}, {"ru", "Russian"},     {"be", "Belarusian"},
        {"de", "German"},     {"fr", "French"},    {"es", "Spanish"},   {"it", "Italian"},     {"pt", "Portuguese"},
        {"nl", "Dutch"},      {"cs", "Czech"},     {"sk", "Slovak"},    {"sl", "Slovene"},     {"hr", "Croatian"},
        {"bg", "Bulgarian"},  {"mk", "Macedonian"}, {"ro", "Romanian"}, {"hu", "Hungarian"},   {"lt", "Lithuanian"},
        {"lv", "Latvian"},    {"et", "Estonian"},  {"fi", "Finnish"},   {"sv", "Swedish"},     {"da", "Danish"},
        {"nb", "Norwegian"},  {"hy", "Armenian"},  {"ka", "Georgian"},  {"el", "Greek"},       {"tr", "Turkish"},
        {"sq", "Albanian"},   {"az", "Azerbaijani"}, {"kk", "Kazakh"},  {"la", "Latin"},       {"ca", "Catalan"}};
    const auto it = names.find(lang);
    return it == names.end() ? nullptr : it->second;
}

std::string named(const std::string& lang) {
    const char* name = language_name(lang);
    return name ? std::string(name) + " (" + lang + ")" : lang;
}

int letters_in(const std::string& text) {
    int n = 0;
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p))
        if (g_unichar_isalpha(g_utf8_get_char(p))) ++n;
    return n;
}

class LineChecker {
public:
    LineChecker(const page::PageDocument& doc, const style::Layout& layout, const LineCheckOptions& options,
                Report& report)
        : doc_(doc), layout_(layout), options_(options), report_(report) {}

    void run() {
        std::map<int, std::vector<std::pair<const page::LineRecord*, std::string>>> names;
        for (std::size_t i = 0; i < doc_.lines.size(); ++i) {
            const page::LineRecord& line = doc_.lines[i];
            const page::LineRecord* previous = i > 0 ? &doc_.lines[i - 1] : nullptr;
            if (previous && !(previous->paragraph == line.paragraph && previous->style == line.style &&
                              previous->line_in_paragraph + 1 == line.line_in_paragraph))
                previous = nullptr;
            // The line after holds the rest of the broken word (a Georgian name is told by its ending).
            const page::LineRecord* next = i + 1 < doc_.lines.size() ? &doc_.lines[i + 1] : nullptr;
            if (next && !(next->paragraph == line.paragraph && next->style == line.style &&
                          next->line_in_paragraph == line.line_in_paragraph + 1))
                next = nullptr;
            check(line);
            if (line.hyphenated) {
                const BrokenWord b = broken_word(line.text);
                if (is_name(line, previous, next)) names[line.page].emplace_back(&line, b.word);
            }
        }
        for (const auto& [page, list] : names) {
            if (static_cast<int>(list.size()) <= options_.names_per_page) continue;
            std::string which;
            for (const auto& [line, word] : list)
                which += (which.empty() ? "" : ", ") + ("\u201C" + word + "-\u201D (" + where_on_page(*line) + ")");
            report_.add(Severity::Warning, "hyphenated-name", line_place(*list.front().first, doc_.geometry),
                        std::to_string(list.size()) + " hyphenated names on the page (at most " +
                            std::to_string(options_.names_per_page) + " tolerated): " + which);
        }
        check_languages();
    }

private:
    bool justified(const std::string& style) const {
        const auto it = layout_.styles.find(style);
        return it == layout_.styles.end() || it->second.align == style::Align::Justify;
    }

    void check(const page::LineRecord& line) {
        const auto& g = doc_.geometry;
        const bool body = kBodyText.count(line.style) > 0;
        const bool last = line.line_in_paragraph == line.paragraph_lines;
        const std::string text = trimmed(line.text);
        if ((body || kSubheads.count(line.style)) && last && line.paragraph_lines > 1 && linebreak::is_one_word(text))
            report_.add(body ? Severity::Note : Severity::Warning, "runt", line_place(line, g),
                        std::string(body ? "the paragraph's" : "the subhead's") + " last line is one word: \u201C" +
                            text + "\u201D");
        if (body && line.hyphenated && line.line_in_paragraph + 1 == line.paragraph_lines)
            report_.add(Severity::Note, "penultimate-hyphen", line_place(line, g),
                        "the paragraph's second-to-last line ends in a hyphen: \u201C\u2026" +
                            broken_word(line.text).word + "-\u201D");
        if (body && justified(line.style) && !last && !line.overfull && line.ratio <= options_.tight_ratio)
            report_.add(Severity::Note, "tight-line", line_place(line, g),
                        "very tight line (ratio " + format_number("%.2f", line.ratio) + ", word spaces near their minimum): \u201C" +
                            excerpt(text, kExcerpt) + "\u201D");
        if (line.letter_spacing > 0)
            report_.add(Severity::Warning, "letter-spaced", line_place(line, g),
                        "lower case letter-spaced by " + format_number("%.2f", line.letter_spacing) +
                            " pt a letter to fill a loose line: \u201C" + excerpt(text, kExcerpt) + "\u201D");
    }

    // A capitalised word, broken across lines, that does not start a sentence: most often a name. Georgian
    // (Mkhedruli) has no case: a Georgian word is a name by its surname ending (text::is_georgian_name),
    // the broken word completed from the line after.
    static bool is_name(const page::LineRecord& line, const page::LineRecord* previous, const page::LineRecord* next) {
        return text::is_name_break(line.text, previous ? &previous->text : nullptr, line.line_in_paragraph <= 1,
                                   next ? &next->text : nullptr);
    }

    // Paragraphs, and spans within them, marked with a language their text is confidently not in,
    // and hyphenated: the marked language's patterns broke another language's words.
    void check_languages() {
        struct Span {
            std::string text;
            const page::LineRecord* first_break = nullptr;
            std::vector<std::string> broken;
        };
        // (paragraph, style, head or flow) → language → its text in that paragraph
        std::map<std::tuple<int, std::string, bool>, std::map<std::string, Span>> paragraphs;
        for (std::size_t p = 0; p < doc_.pages.size(); ++p) {
            std::vector<const page::LineRecord*> on_page;
            for (const auto& rec : doc_.lines)
                if (rec.page == static_cast<int>(p)) on_page.push_back(&rec);
            if (on_page.empty()) continue;
            std::map<const page::LineRecord*, std::vector<std::pair<double, const linebreak::GlyphRun*>>> runs;
            for (const page::Item& item : doc_.pages[p].items) {
                const auto* t = std::get_if<page::TextItem>(&item);
                if (!t || t->run.text.empty() || t->run.lang.empty()) continue;
                const double x = t->x + t->run.x_start_pt;
                for (const auto* rec : on_page) {
                    if (std::abs(rec->baseline - t->y) > 0.5 || x < rec->x - 1 || x > rec->x + rec->width + 1) continue;
                    runs[rec].emplace_back(x, &t->run);
                    break;
                }
            }
            for (auto& [rec, list] : runs) {
                std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
                auto& langs = paragraphs[{rec->paragraph, rec->style, rec->column < 0}];
                for (std::size_t k = 0; k < list.size(); ++k) {
                    const linebreak::GlyphRun& run = *list[k].second;
                    Span& span = langs[text::primary_language(run.lang)];
                    std::string piece = run.text;
                    const bool breaks_here = rec->hyphenated && k + 1 == list.size();
                    if (breaks_here) {
                        while (!piece.empty() && piece.back() == '-') piece.pop_back();
                        if (!span.first_break) span.first_break = rec;
                        span.broken.push_back(broken_word(rec->text).word);
                    }
                    span.text += piece;
                    if (k + 1 == list.size() && !breaks_here) span.text += ' ';
                }
            }
        }
        std::optional<text::LanguageGuesser> guesser;
        for (const auto& [key, langs] : paragraphs) {
            for (const auto& [lang, span] : langs) {
                if (!span.first_break || !text::guessable_language(lang)) continue;
                if (letters_in(span.text) < options_.language_min_letters) continue;
                if (!guesser) guesser.emplace();
                const text::LanguageGuess g = guesser->guess(span.text);
                if (g.confidence != text::GuessConfidence::Confident || g.allows(lang)) continue;
                std::string words;
                for (std::size_t k = 0; k < span.broken.size() && k < 3; ++k)
                    words += (words.empty() ? "" : ", ") + ("\u201C" + span.broken[k] + "-\u201D");
                if (span.broken.size() > 3) words += ", \u2026";
                report_.add(Severity::Warning, "wrong-language", line_place(*span.first_break, doc_.geometry),
                            "text marked xml:lang=\"" + lang + "\" reads as " + named(g.language) + " (" + g.how +
                                "), and was hyphenated with " + named(lang) + " patterns: " + words +
                                "; mark its language");
            }
        }
    }

    const page::PageDocument& doc_;
    const style::Layout& layout_;
    const LineCheckOptions& options_;
    Report& report_;
};

}  // namespace

void check_line_defects(const page::PageDocument& doc, const style::Layout& layout, const LineCheckOptions& options,
                        Report& report) {
    LineChecker(doc, layout, options, report).run();
}

}  // namespace quire::proof
