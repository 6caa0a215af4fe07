#include "import/text_match.hpp"

#include "import/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

namespace quire::import {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && ascii_lower(text.substr(0, prefix.size())) == ascii_lower(prefix);
}

bool ends_with_ci(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           ascii_lower(text.substr(text.size() - suffix.size())) == ascii_lower(suffix);
}

bool contains_ci(std::string_view text, std::string_view needle) {
    return ascii_lower(text).find(ascii_lower(needle)) != std::string::npos;
}

bool equals_ci(std::string_view a, std::string_view b) { return ascii_lower(a) == ascii_lower(b); }

std::size_t word_count(std::string_view text) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        if (c == ' ') in_word = false;
        else if (!in_word) { in_word = true; ++n; }
    }
    return n;
}

namespace {

// The last code point that is not a closing quote or bracket.
char32_t last_significant(std::string_view text) {
    std::vector<char32_t> cps;
    std::size_t pos = 0;
    while (pos < text.size()) cps.push_back(utf8::next(text, pos));
    for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
        const char32_t c = *it;
        if (c == U'"' || c == U'\'' || c == U'”' || c == U'’' || c == U'»' || c == U')' || c == U']') continue;
        return c;
    }
    return 0;
}

char32_t first_code_point(std::string_view text) {
    std::size_t pos = 0;
    return text.empty() ? 0 : utf8::next(text, pos);
}

}  // namespace

bool ends_sentence(std::string_view text) {
    const char32_t c = last_significant(text);
    return c == U'.' || c == U'!' || c == U'?' || c == U'…';
}

bool ends_with_stop(std::string_view text) {
    const char32_t c = last_significant(text);
    return c == U'.' || c == U',' || c == U';' || c == U':' || c == U'…';
}

bool starts_like_heading(std::string_view text) {
    const char32_t c = first_code_point(text);
    if (c == U'"' || c == U'“' || c == U'‘' || c == U'«' || c == U'„') return true;
    return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)) ||
           u_isdigit(static_cast<UChar32>(c));
}

bool starts_lower(std::string_view text) {
    return u_islower(static_cast<UChar32>(first_code_point(text)));
}

std::string trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return std::string(text);
}

std::vector<std::string> split_on(std::string_view text, const std::vector<std::string_view>& separators) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        bool matched = false;
        for (auto sep : separators) {
            if (text.substr(pos, sep.size()) == sep) {
                parts.push_back(trim(text.substr(start, pos - start)));
                pos += sep.size();
                start = pos;
                matched = true;
                break;
            }
        }
        if (!matched) ++pos;
    }
    parts.push_back(trim(text.substr(start)));
    return parts;
}

}  // namespace quire::import
