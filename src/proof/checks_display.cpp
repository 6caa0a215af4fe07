#include "proof/checks_display.hpp"

#include "page/display_lines.hpp"
#include "proof/layout_checks.hpp"

#include <string_view>

namespace quire::proof {

namespace {

bool is_display(const std::string& style) { return style == "title" || style == "subtitle" || style == "standfirst"; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }


std::string trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

// The first number range written with a hyphen in `t` ("2016-2019", "10-12"), as the import's
// rule finds them (import/punctuation.cpp): 1–4 digits each side, no letter, digit, hyphen, dot or
// slash around. Empty when there is none.
std::string hyphenated_range(std::string_view t) {
    auto blocked = [](char c) { return is_ascii_alnum(c) || c == '-' || c == '.' || c == '/' || c == ',' || c == ':'; };
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
        if (t[i] != '-' || !is_digit(t[i - 1]) || !is_digit(t[i + 1])) continue;
        std::size_t a = i, b = i + 1;
        while (a > 0 && is_digit(t[a - 1])) --a;
        while (b < t.size() && is_digit(t[b])) ++b;
        if (i - a > 4 || b - i - 1 > 4) continue;
        if (a > 0 && blocked(t[a - 1])) continue;
        if (b < t.size() && blocked(t[b]) && !((t[b] == '.' || t[b] == ',' || t[b] == ':') && (b + 1 == t.size() || t[b + 1] == ' ')))
            continue;
        return std::string(t.substr(a, b - a));
    }
    return {};
}

}  // namespace

void check_display(const page::PageDocument& doc, Report& report) {
    const auto& g = doc.geometry;
    const std::string& lang = doc.info.lang;
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        const page::LineRecord& line = doc.lines[i];
        const std::string text = trimmed(line.text);
        if (is_display(line.style) && line.paragraph_lines > 1) {
            const bool last = line.line_in_paragraph == line.paragraph_lines;
            // The display breaker's own rule (page/display_lines.hpp): a long word alone on the last
            // line fills it and is no runt.
            if (last && !text.empty() && text.find(' ') == std::string::npos &&
                page::is_display_runt(line.natural_width, line.width))
                report.add(Severity::Warning, "display-runt", line_place(line, g),
                           "the " + line.style + "'s last line is one word: \u201C" + text + "\u201D");
            if (!last) {
                const std::size_t space = text.find_last_of(' ');
                const std::string word = space == std::string::npos ? text : text.substr(space + 1);
                if (page::is_function_word(word, lang))
                    report.add(Severity::Warning, "display-function-break", line_place(line, g),
                               "the " + line.style + "'s line ends in \u201C" + word + "\u201D: break before it");
            }
        }
        if (line.line_in_paragraph > 1 &&
            (text.starts_with("\u2013 ") || text.starts_with("\u2014 ") || text == "\u2013" || text == "\u2014"))
            report.add(Severity::Warning, "dash-at-line-start", line_place(line, g),
                       "a line starts with a spaced dash: \u201C" + text.substr(0, 24) + "\u201D");
        std::string range = hyphenated_range(text);
        // A range broken at its hyphen: "2016-" at a line's end, "2019" at the next one's start.
        if (range.empty() && !line.hyphenated && text.size() >= 2 && text.back() == '-' && is_digit(text[text.size() - 2]) &&
            i + 1 < doc.lines.size() && line.paragraph_lines > line.line_in_paragraph) {
            const std::string next = trimmed(doc.lines[i + 1].text);
            if (!next.empty() && is_digit(next.front())) {
                std::size_t a = text.size() - 1;
                while (a > 0 && is_digit(text[a - 1])) --a;
                std::size_t b = 0;
                while (b < next.size() && is_digit(next[b])) ++b;
                if (text.size() - 1 - a <= 4 && b <= 4 && (a == 0 || !is_ascii_alnum(text[a - 1])))
                    range = text.substr(a) + next.substr(0, b);
            }
        }
        if (!range.empty())
            report.add(Severity::Warning, "hyphen-in-range", line_place(line, g),
                       "a number range with a hyphen: \u201C" + range + "\u201D wants an en dash (\u2013)");
    }
}

}  // namespace quire::proof
