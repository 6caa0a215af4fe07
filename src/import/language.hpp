// The language of imported text: by script where the script names it (Armenian, Georgian, Greek;
// Cyrillic told apart as Ukrainian or Russian by the letters only one of them has), and for Latin-script
// text by libexttextcat's n-gram fingerprints (Cavnar & Trenkle 1994; data from Debian's
// libexttextcat-data in /usr/share/libexttextcat/). Articles are marked with the result so that the
// right hyphenation patterns and shaping apply.
#pragma once

#include "model/article.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire::import {

struct LanguageGuess {
    std::string lang;  // BCP 47 primary subtag: "en", "uk", "ka"
    std::string how;   // "Georgian script", "Cyrillic with і ї є ґ (Ukrainian letters)", "libexttextcat"
};

// nullopt when the text is too short or nothing is sure.
std::optional<LanguageGuess> detect_language(std::string_view text);

// Whether libexttextcat's data is installed (detection of Latin-script languages needs it).
bool latin_detection_available();

struct LanguageDecision {
    std::string field;  // "language", "paragraph language"
    std::string value;
    std::string how;
    int paragraph = 0;  // 1-based index into the body (0: the article)
};

// Sets article.lang (from `forced` when not empty, else from the body's text, else keeps it) and gives
// body paragraphs written in another language their own xml:lang (Block::lang). Returns what it did.
std::vector<LanguageDecision> assign_languages(model::Article& article, const std::string& forced);

}  // namespace quire::import
