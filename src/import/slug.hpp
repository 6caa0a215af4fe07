// The article id: a stable ASCII slug derived from the title.
#pragma once

#include <string>
#include <string_view>

namespace quire::import {

// Transliterates to ASCII: Cyrillic by the BGN/PCGN romanisation English-language media use
// ("Зеленський" → "Zelenskyi", "Щ" → "Shch"), Polish and other Latin letters by their base letter
// ("Jeziorańskiego" → "Jezioranskiego", "ł" → "l", "ß" → "ss"), other scripts by ICU's Any-Latin.
std::string to_ascii(std::string_view text);

// Lower-case ASCII letters and digits joined by single hyphens; apostrophes vanish ("Russia’s" →
// "russias"); cut at a word boundary to at most `max_length` characters. Empty input gives
// "article".
std::string slugify(std::string_view title, std::size_t max_length = 80);

}  // namespace quire::import
