// Dates as the magazine's site prints them, to ISO 8601.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace quire::import {

struct FoundDate {
    std::string iso;          // "2022-01-17"
    std::size_t length = 0;   // bytes of the text the date took
};

// A date at the very start of `text`: "January 17, 2022", "Jan. 17, 2022", "Sept 5 2021",
// "17 January 2022", "17 Jan. 2022", "2022-01-17", "17.01.2022". English month names, full or
// abbreviated, any letter case. Checks the day against the month (leap years included).
std::optional<FoundDate> parse_date_prefix(std::string_view text);

// The whole of `text` (trimmed) is one date.
std::optional<std::string> parse_date(std::string_view text);

}  // namespace quire::import
