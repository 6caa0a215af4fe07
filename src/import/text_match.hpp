// Small text tests the import rules are written in (ASCII case folding is enough: the markers the
// rules look for are English or Polish words whose first letters are ASCII).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quire::import {

std::string ascii_lower(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
bool ends_with_ci(std::string_view text, std::string_view suffix);
bool contains_ci(std::string_view text, std::string_view needle);
bool equals_ci(std::string_view a, std::string_view b);

std::size_t word_count(std::string_view text);

// Ends like a sentence: . ! ? … possibly followed by closing quotes or brackets.
bool ends_sentence(std::string_view text);
// Ends with punctuation that a heading never ends with (. , ; : …); ? and ! do not count.
bool ends_with_stop(std::string_view text);

// The first code point is an upper-case letter (Latin, Cyrillic, Greek …), a digit or an opening quote.
bool starts_like_heading(std::string_view text);
// The first code point is a lower-case letter.
bool starts_lower(std::string_view text);

// Splits on any of `separators` (each matched exactly, e.g. " - "), trimming the parts.
std::vector<std::string> split_on(std::string_view text, const std::vector<std::string_view>& separators);

std::string trim(std::string_view text);

}  // namespace quire::import
