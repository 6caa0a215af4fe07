#include "import/dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace quire::import {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::optional<std::string> iso(int y, int m, int d) {
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    char buf[40];  // room for any int, though the checks above keep it to 10
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

// A little cursor over the text.
struct Scan {
    std::string_view s;
    std::size_t pos = 0;
    bool at_end() const { return pos >= s.size(); }
    char peek() const { return at_end() ? '\0' : s[pos]; }
    void skip_spaces() { while (!at_end() && s[pos] == ' ') ++pos; }
    std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
        std::size_t start = pos;
        int value = 0;
        while (!at_end() && std::isdigit(static_cast<unsigned char>(s[pos])) && pos - start < max_digits) {
            value = value * 10 + (s[pos] - '0');
            ++pos;
        }
        const std::size_t n = pos - start;
        // A number must end where the digits end (no "20221").
        if (n < min_digits || (!at_end() && std::isdigit(static_cast<unsigned char>(s[pos])))) {
            pos = start;
            return std::nullopt;
        }
        return value;
    }
    // An English month name, full or abbreviated (3 letters, or "Sept"), an optional dot after an
    // abbreviation. Returns 1..12.
    std::optional<int> month() {
        static constexpr std::array<std::string_view, 12> names{
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
        std::size_t start = pos;
        std::string word;
        while (!at_end() && std::isalpha(static_cast<unsigned char>(s[pos])))
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(s[pos++])));
        for (std::size_t i = 0; i < names.size(); ++i) {
            const bool full = word == names[i];
            const bool abbrev = word.size() >= 3 && word.size() < names[i].size() &&
                                names[i].substr(0, word.size()) == word && (word.size() == 3 || word == "sept");
            if (full || abbrev) {
                if (abbrev && peek() == '.') ++pos;
                return static_cast<int>(i) + 1;
            }
        }
        pos = start;
        return std::nullopt;
    }
};

// The date must end at a word boundary: "January 17, 2022 - …" yes, "January 17, 2022abc" no.
bool ends_cleanly(const Scan& sc) {
    return sc.at_end() || !std::isalnum(static_cast<unsigned char>(sc.peek()));
}

std::optional<FoundDate> month_day_year(std::string_view text) {
    Scan sc{text};
    auto m = sc.month();
    if (!m) return std::nullopt;
    sc.skip_spaces();
    auto d = sc.number(1, 2);
    if (!d) return std::nullopt;
    if (sc.peek() == ',') ++sc.pos;
    sc.skip_spaces();
    auto y = sc.number(4, 4);
    if (!y || !ends_cleanly(sc)) return std::nullopt;
    auto out = iso(*y, *m, *d);
    if (!out) return std::nullopt;
    return FoundDate{*out, sc.pos};
}

std::optional<FoundDate> day_month_year(std::string_view text) {
    Scan sc{text};
    auto d = sc.number(1, 2);
    if (!d) return std::nullopt;
    if (sc.peek() == '.') {  // "17.01.2022" (Polish and German style)
        Scan num = sc;
        ++num.pos;
        auto mm = num.number(1, 2);
        if (mm && num.peek() == '.') {
            ++num.pos;
            auto y = num.number(4, 4);
            if (y && ends_cleanly(num)) {
                auto out = iso(*y, *mm, *d);
                if (out) return FoundDate{*out, num.pos};
            }
        }
        return std::nullopt;
    }
    sc.skip_spaces();
    auto m = sc.month();
    if (!m) return std::nullopt;
    if (sc.peek() == ',') ++sc.pos;
    sc.skip_spaces();
    auto y = sc.number(4, 4);
    if (!y || !ends_cleanly(sc)) return std::nullopt;
    auto out = iso(*y, *m, *d);
    if (!out) return std::nullopt;
    return FoundDate{*out, sc.pos};
}

std::optional<FoundDate> iso_date(std::string_view text) {
    Scan sc{text};
    auto y = sc.number(4, 4);
    if (!y || sc.peek() != '-') return std::nullopt;
    ++sc.pos;
    auto m = sc.number(2, 2);
    if (!m || sc.peek() != '-') return std::nullopt;
    ++sc.pos;
    auto d = sc.number(2, 2);
    if (!d || !ends_cleanly(sc)) return std::nullopt;
    auto out = iso(*y, *m, *d);
    if (!out) return std::nullopt;
    return FoundDate{*out, sc.pos};
}

}  // namespace

std::optional<FoundDate> parse_date_prefix(std::string_view text) {
    if (auto f = month_day_year(text)) return f;
    if (auto f = iso_date(text)) return f;
    if (auto f = day_month_year(text)) return f;
    return std::nullopt;
}

std::optional<std::string> parse_date(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    auto f = parse_date_prefix(text);
    if (!f || f->length != text.size()) return std::nullopt;
    return f->iso;
}

}  // namespace quire::import
