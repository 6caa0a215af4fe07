#include "import/punctuation.hpp"

#include "import/analysis.hpp"

namespace quire::import {

namespace {

bool is_space(char c) { return c == ' '; }

// Opening context for a quote: the text's start, a space, an opening bracket, a dash or an opening quote.
bool opens_after(std::string_view out) {
    if (out.empty()) return true;
    const char c = out.back();
    if (c == ' ' || c == '(' || c == '[' || c == '{' || c == '/') return true;
    // – — “ ‘ « „ are multi-byte: look at the last code point.
    for (std::string_view open : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\xE2\x80\x9E"})
        if (out.ends_with(open)) return true;
    return false;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// A letter in any script: ASCII, or the lead or continuation byte of a multi-byte UTF-8 character
// (punctuation outside ASCII that matters here, quotes and dashes, is handled before this is asked).
bool is_word_byte(char c) { return is_ascii_alnum(c) || (static_cast<unsigned char>(c) & 0x80) != 0; }

// Whether the space-delimited token holding byte `i` is a URL or an e-mail address (kept as typed).
bool inside_url_or_address(std::string_view text, std::size_t i) {
    std::size_t a = text.rfind(' ', i);
    a = a == std::string_view::npos ? 0 : a + 1;
    std::size_t b = text.find(' ', i);
    const std::string_view token = text.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a);
    return token.find("://") != std::string_view::npos || token.find("www.") != std::string_view::npos ||
           token.find('@') != std::string_view::npos;
}

// Whether the hyphen at `i` joins two numbers as a range ("2016-2019", "pp. 10-12", "1914-18"): a run
// of 1–4 digits on each side, and neither a digit, letter, hyphen, dot nor slash beyond them (an ISO
// date 2022-01-17, an ISBN 978-3-16-…, a version 1.2-3 or a code A1-2 stays as typed).
bool is_number_range(std::string_view t, std::size_t i) {
    auto blocked = [](char c) { return is_ascii_alnum(c) || c == '-' || c == '.' || c == '/' || c == ',' || c == ':'; };
    std::size_t a = i;
    while (a > 0 && is_digit(t[a - 1])) --a;
    std::size_t b = i + 1;
    while (b < t.size() && is_digit(t[b])) ++b;
    const std::size_t left = i - a, right = b - i - 1;
    if (left == 0 || right == 0 || left > 4 || right > 4) return false;
    if (a > 0 && blocked(t[a - 1])) return false;
    // A trailing full stop or comma ends the sentence or clause ("in 2016-2019."), not a code.
    if (b < t.size() && blocked(t[b]) && !((t[b] == '.' || t[b] == ',' || t[b] == ':') && (b + 1 == t.size() || t[b + 1] == ' ')))
        return false;
    return true;
}

}  // namespace

std::string typographic_punctuation(std::string_view t, PunctuationChanges& n) {
    std::string out;
    out.reserve(t.size() + 16);
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        const char prev = i > 0 ? t[i - 1] : ' ';
        const char next = i + 1 < t.size() ? t[i + 1] : ' ';
        if (c == '-' && !inside_url_or_address(t, i)) {
            // "---" → em dash; a spaced "-" or "--" → spaced en dash; "--" between words → en dash.
            if (t.substr(i, 3) == "---") { out += "\xE2\x80\x94"; i += 2; ++n.dashes; continue; }
            if (t.substr(i, 2) == "--") { out += "\xE2\x80\x93"; ++i; ++n.dashes; continue; }
            if (is_space(prev) && is_space(next) && i > 0 && i + 1 < t.size()) { out += "\xE2\x80\x93"; ++n.dashes; continue; }
            if (is_number_range(t, i)) { out += "\xE2\x80\x93"; ++n.ranges; continue; }
            out += c;
            continue;
        }
        if (c == '.' && prev != '.' && t.substr(i, 3) == "..." && t.substr(i, 4) != "....") {
            out += "\xE2\x80\xA6";
            i += 2;
            ++n.ellipses;
            continue;
        }
        if (c == '"' && !inside_url_or_address(t, i)) {
            out += opens_after(out) ? "\xE2\x80\x9C" : "\xE2\x80\x9D";
            ++n.quotes;
            continue;
        }
        if (c == '\'' && !inside_url_or_address(t, i)) {
            // it's, Kyiv's; ’90s (elision before a year's digits); otherwise an opening or closing quote.
            if (is_word_byte(prev) && i > 0 && is_word_byte(next)) { out += "\xE2\x80\x99"; ++n.apostrophes; continue; }
            if (opens_after(out) && is_digit(next) && i + 2 < t.size() && is_digit(t[i + 2])) {
                out += "\xE2\x80\x99";
                ++n.apostrophes;
                continue;
            }
            if (opens_after(out)) { out += "\xE2\x80\x98"; ++n.quotes; continue; }
            out += "\xE2\x80\x99";  // a closing quote, or a plural possessive (the Baltics')
            ++n.apostrophes;
            continue;
        }
        out += c;
    }
    return out;
}

void rule_typographic_punctuation(PageAnalysis& a) {
    PunctuationChanges n;
    std::optional<std::size_t> first;
    for (std::size_t i = 0; i < a.page.lines.size(); ++i) {
        PageLine& line = a.page.lines[i];
        switch (line.role) {
            case LineRole::Title: case LineRole::Standfirst: case LineRole::Caption: case LineRole::InlineCaption:
            case LineRole::Paragraph: case LineRole::Subheading: case LineRole::Bio: case LineRole::Notice: {
                const int before = n.total();
                line.text = typographic_punctuation(line.text, n);
                if (n.total() > before && !first) first = i;
                break;
            }
            default: break;
        }
    }
    // What the rules took from those lines already: kept in step (speaker labels and names are
    // matched against the lines' text later).
    PunctuationChanges again;
    a.caption = typographic_punctuation(a.caption, again);
    a.credit = typographic_punctuation(a.credit, again);
    for (auto* names : {&a.authors, &a.interviewers, &a.speakers})
        for (auto& name : *names) name = typographic_punctuation(name, again);
    if (n.total() == 0) return;
    std::string what;
    auto part = [&](int count, const char* one, const char* many) {
        if (count == 0) return;
        if (!what.empty()) what += ", ";
        what += std::to_string(count) + " " + (count == 1 ? one : many);
    };
    part(n.dashes, "dash", "dashes");
    part(n.quotes, "quote", "quotes");
    part(n.apostrophes, "apostrophe", "apostrophes");
    part(n.ellipses, "ellipsis", "ellipses");
    part(n.ranges, "number range", "number ranges");
    a.decide("punctuation", what, "rule_typographic_punctuation", first);
}

}  // namespace quire::import
