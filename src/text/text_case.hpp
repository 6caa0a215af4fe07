// Case mapping as the language does it (ICU's full case mapping: "ß" → "SS", Turkish "i" → "İ",
// Georgian Mkhedruli → Mtavruli, Armenian "և" → "ԵՎ"), for styles that set their text in capitals.
// One function for print, the EPUB's cover and anything else that draws capitals, so that they agree.
#pragma once

#include <string>

namespace quire::text {

// `utf8` in upper case for the BCP 47 language `lang` ("" → English).
std::string to_upper(const std::string& utf8, const std::string& lang);

}  // namespace quire::text
