#include "text/name_break.hpp"

#include "text/itemize.hpp"

#include <unicode/uchar.h>

namespace quire::text {

namespace {

std::string trimmed(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && s[a] == ' ') ++a;
    while (b > a && s[b - 1] == ' ') --b;
    return s.substr(a, b - a);
}

bool is_quote_or_bracket(UChar32 c) {
    switch (u_charType(c)) {
        case U_START_PUNCTUATION:
        case U_END_PUNCTUATION:
        case U_INITIAL_PUNCTUATION:
        case U_FINAL_PUNCTUATION: return true;
        default: return c == '"' || c == '\'';
    }
}

bool is_sentence_stop(UChar32 c) {
    return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 || c == 0x0589 || c == 0x037E || c == 0x055C ||
           c == 0x055E;
}

}  // namespace

BrokenWord broken_word(const std::string& line_text) {
    std::string t = line_text;
    while (!t.empty() && (t.back() == '-' || t.back() == ' ')) t.pop_back();
    if (t.size() >= 3 && t.compare(t.size() - 3, 3, "\u2010") == 0) t.erase(t.size() - 3);  // U+2010 HYPHEN
    const std::size_t space = t.find_last_of(' ');
    BrokenWord b;
    b.word = space == std::string::npos ? t : t.substr(space + 1);
    b.before = space == std::string::npos ? std::string() : trimmed(t.substr(0, space));
    while (!b.word.empty()) {
        std::size_t i = 0;
        const auto c = static_cast<UChar32>(decode_utf8(b.word, i));
        if (!is_quote_or_bracket(c)) break;
        b.word.erase(0, i);
    }
    return b;
}

bool ends_sentence(const std::string& text) {
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t start = end - 1;  // back to the first byte of the last character
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::size_t i = start;
        const auto c = static_cast<UChar32>(decode_utf8(text, i));
        end = start;
        if (c == ' ') continue;
        if (is_quote_or_bracket(c)) continue;
        return is_sentence_stop(c);
    }
    return false;
}

bool is_name_break(const std::string& line_text, const std::string* previous_line, bool first_line) {
    const BrokenWord b = broken_word(line_text);
    if (b.word.empty()) return false;
    std::size_t i = 0;
    if (!u_isupper(static_cast<UChar32>(decode_utf8(b.word, i)))) return false;
    if (!b.before.empty()) return !ends_sentence(b.before);
    // The broken word starts its line: the line before says whether a sentence ended.
    if (first_line) return false;
    if (!previous_line) return true;
    return !ends_sentence(trimmed(*previous_line));
}

}  // namespace quire::text
