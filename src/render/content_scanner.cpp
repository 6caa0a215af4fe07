#include "render/content_scanner.hpp"

#include <array>
#include <cstdint>

namespace quire::render {

namespace {

using T = QPDFTokenizer;

// Character classes of qpdf 11.3 (QPDFTokenizer.cc): white space is QUtil::is_space or NUL; a
// delimiter is white space or one of / ( ) < > [ ] { } %.
enum : std::uint8_t { kSpace = 1, kDelimiter = 2 };

constexpr std::array<std::uint8_t, 256> make_classes() {
    std::array<std::uint8_t, 256> c{};
    for (unsigned char ch : {'\0', ' ', '\n', '\r', '\t', '\f', '\v'}) c[ch] = kSpace | kDelimiter;
    for (unsigned char ch : {'/', '(', ')', '<', '>', '[', ']', '{', '}', '%'}) c[ch] = kDelimiter;
    return c;
}
constexpr std::array<std::uint8_t, 256> kClasses = make_classes();

bool is_space(char ch) { return kClasses[static_cast<unsigned char>(ch)] & kSpace; }
bool is_delimiter(char ch) { return kClasses[static_cast<unsigned char>(ch)] & kDelimiter; }
bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }
bool is_octal(char ch) { return ch >= '0' && ch <= '7'; }
bool is_hex(char ch) { return is_digit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'); }

// The type qpdf gives a run of non-delimiters (its states st_number, st_real, st_sign, st_decimal
// and st_literal all end at the first delimiter): an integer is [+-]digits, a real
// [+-](digits.digits* | .digits), and anything else a keyword: true/false, null, or a word.
T::token_type_e classify(std::string_view t) {
    std::size_t i = (t[0] == '+' || t[0] == '-') ? 1 : 0;
    std::size_t digits = 0;
    while (i < t.size() && is_digit(t[i])) ++i, ++digits;
    if (i == t.size() && digits > 0) return T::tt_integer;
    if (i < t.size() && t[i] == '.') {
        ++i;
        std::size_t fraction = 0;
        while (i < t.size() && is_digit(t[i])) ++i, ++fraction;
        if (i == t.size() && digits + fraction > 0) return T::tt_real;
    }
    if (t == "true" || t == "false") return T::tt_bool;
    if (t == "null") return T::tt_null;
    return T::tt_word;
}

// The end of a literal string opened at `open` (one past its closing parenthesis), or npos at EOF
// or for a string left to qpdf. qpdf's states, for the bytes only: nesting, "\" escaping the next
// byte, CR LF as one. An octal escape of fewer than three digits is left to qpdf: 11.3 as released
// swallows the byte after it, Debian's 11.3.0-1+deb12u1 (and qpdf 11.6.3) reads it as usual.
std::size_t string_end(std::string_view s, std::size_t open) {
    enum class St { In, Escape, Octal, AfterCr } st = St::In;
    int depth = 1, octal_digits = 0;
    for (std::size_t i = open + 1; i < s.size(); ++i) {
        const char ch = s[i];
        switch (st) {
        case St::AfterCr:
            st = St::In;
            if (ch == '\n') continue;
            [[fallthrough]];
        case St::In:
            if (ch == '\\') st = St::Escape;
            else if (ch == '(') ++depth;
            else if (ch == ')' && --depth == 0) return i + 1;
            else if (ch == '\r') st = St::AfterCr;
            continue;
        case St::Escape:
            if (is_octal(ch)) st = St::Octal, octal_digits = 1;
            else st = ch == '\r' ? St::AfterCr : St::In;
            continue;
        case St::Octal:
            if (!is_octal(ch)) return std::string_view::npos;  // "\d" or "\dd": see above
            if (++octal_digits == 3) st = St::In;
            continue;
        }
    }
    return std::string_view::npos;
}

// The end of a hex string opened at `open` (one past its ">"), or npos for a bad character or EOF.
std::size_t hex_string_end(std::string_view s, std::size_t open) {
    for (std::size_t i = open + 1; i < s.size(); ++i) {
        if (s[i] == '>') return i + 1;
        if (!is_hex(s[i]) && !is_space(s[i])) return std::string_view::npos;
    }
    return std::string_view::npos;
}

}  // namespace

bool ContentScanner::next(ContentToken& t) {
    const std::string_view s = content_;
    const std::size_t n = s.size(), i = at_;
    if (state_ != State::Scanning) return false;
    if (i == n) {
        state_ = State::Done;
        t = ContentToken{T::tt_eof, s.substr(n), s.substr(n)};
        return true;
    }
    auto token = [&](T::token_type_e type, std::size_t end) {
        t = ContentToken{type, s.substr(i, end - i), s.substr(i, end - i)};
        at_ = end;
        return true;
    };
    auto give_up = [&] {
        state_ = State::LeftToQpdf;
        return false;
    };
    const char ch = s[i];
    std::size_t j = i + 1;
    if (is_space(ch)) {
        while (j < n && is_space(s[j])) ++j;
        return token(T::tt_space, j);
    }
    switch (ch) {
    case '%':  // to the end of the line, the CR or LF not included
        while (j < n && s[j] != '\r' && s[j] != '\n') ++j;
        return token(T::tt_comment, j);
    case '(':
        j = string_end(s, i);
        return j == std::string_view::npos ? give_up() : token(T::tt_string, j);
    case '<':
        if (j < n && s[j] == '<') return token(T::tt_dict_open, j + 1);
        j = hex_string_end(s, i);
        return j == std::string_view::npos ? give_up() : token(T::tt_string, j);
    case '>':
        if (j < n && s[j] == '>') return token(T::tt_dict_close, j + 1);
        return give_up();  // qpdf: "unexpected >"
    case ')':
        return give_up();  // qpdf: "unexpected )"
    case '[': return token(T::tt_array_open, j);
    case ']': return token(T::tt_array_close, j);
    case '{': return token(T::tt_brace_open, j);
    case '}': return token(T::tt_brace_close, j);
    case '/':
        for (; j < n && !is_delimiter(s[j]); ++j)
            if (s[j] == '#') return give_up();  // qpdf decodes #xx into the value
        return token(T::tt_name, j);
    default:
        break;
    }
    while (j < n && !is_delimiter(s[j])) ++j;
    const std::string_view word = s.substr(i, j - i);
    const T::token_type_e type = classify(word);
    // An inline image: qpdf reads ID's data by searching for a plausible EI.
    if (type == T::tt_word && (word == "BI" || word == "ID" || word == "EI")) return give_up();
    return token(type, j);
}

bool scan_content(std::string_view content, std::vector<ContentToken>& out) {
    out.clear();
    ContentScanner scanner(content);
    ContentToken t;
    while (scanner.next(t)) out.push_back(t);
    return !scanner.left_to_qpdf();
}

}  // namespace quire::render
