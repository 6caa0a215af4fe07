#include "import/utf8.hpp"

namespace quire::import::utf8 {

char32_t next(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(pos);
    int extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) { ++pos; return b0; }
    if ((b0 & 0xE0) == 0xC0) { extra = 1; cp = b0 & 0x1Fu; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { extra = 2; cp = b0 & 0x0Fu; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { extra = 3; cp = b0 & 0x07u; min = 0x10000; }
    else { ++pos; return invalid; }
    if (pos + static_cast<std::size_t>(extra) >= text.size()) {  // sequence cut by the end of the text
        ++pos;
        return invalid;
    }
    for (int i = 1; i <= extra; ++i) {
        const unsigned char b = byte(pos + static_cast<std::size_t>(i));
        if ((b & 0xC0) != 0x80) { ++pos; return invalid; }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    // RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++pos; return invalid; }
    pos += static_cast<std::size_t>(extra) + 1;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool valid(std::string_view text, std::size_t* bad_offset) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        if (next(text, pos) == invalid) {
            if (bad_offset) *bad_offset = start;
            return false;
        }
    }
    return true;
}

std::size_t length(std::string_view text) {
    std::size_t pos = 0, n = 0;
    while (pos < text.size()) { next(text, pos); ++n; }
    return n;
}

std::string truncate(std::string_view text, std::size_t count) {
    std::size_t pos = 0, n = 0;
    while (pos < text.size() && n < count) { next(text, pos); ++n; }
    if (pos >= text.size()) return std::string(text);
    return std::string(text.substr(0, pos)) + "…";
}

bool is_space(char32_t cp) {
    switch (cp) {
        case 0x09: case 0x0B: case 0x0C: case 0x20: case 0xA0: case 0x1680:
        case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;  // EN QUAD … HAIR SPACE
    }
}

}  // namespace quire::import::utf8
