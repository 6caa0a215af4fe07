// Which language a text is written in: libexttextcat's n-gram fingerprints (Cavnar & Trenkle 1994,
// "N-gram-based text categorization"; Debian's libexttextcat-data in /usr/share/libexttextcat/), told
// apart further by the script where the script names the language (Armenian, Georgian, Greek) and,
// for Cyrillic, by the letters only Ukrainian or only Russian has. Used by the proof's
// `wrong-language` check (proof/checks_lines.hpp) and by the import's language detection.
//
//   quire::text::LanguageGuesser guesser;
//   const auto g = guesser.guess("Niepokoje w Kazachstanie pokazały, jak niewiele …");
//   // g.language == "pl", g.confidence == GuessConfidence::Confident
//
// A guess is never confidently wrong on purpose: a text shorter than `min_letters` letters is
// "unknown" (a name alone, "Kazakhstan", is classified as Basque with a single candidate), and when
// libexttextcat keeps several languages within its threshold (3 %) the guess is only Ambiguous.
#pragma once

#include "core/handle.hpp"

#include <string>
#include <string_view>
#include <vector>

extern "C" void textcat_Done(void* handle);

namespace quire::text {

enum class GuessConfidence {
    Unknown,    // too short, no letters, an unknown script, or libexttextcat found no clear candidate
    Ambiguous,  // several languages within libexttextcat's threshold of the best (`candidates`)
    Confident,  // one language (close relatives counted as one: Bosnian, Croatian, Serbian)
};

struct LanguageGuess {
    std::string language = "unknown";     // BCP 47 primary subtag ("en", "pl", "uk"), or "unknown"
    std::vector<std::string> candidates;  // every language libexttextcat kept, best first
    GuessConfidence confidence = GuessConfidence::Unknown;
    std::string how;                      // "libexttextcat", "Georgian script", "Cyrillic with і ї є ґ", …

    // Whether `bcp47`'s primary subtag is among the candidates (or is the guess), close relatives
    // counted as one.
    bool allows(std::string_view bcp47) const;
};

struct LanguageGuessOptions {
    // Fewer letters than this: "unknown". libexttextcat's own floor is 25 bytes; a name or a short
    // phrase below 40 letters gave single, wrong candidates in our tests ("Kazakhstan" → Basque).
    int min_letters = 40;
};

// Owns one libexttextcat classifier (its fingerprints loaded once, ≈ 8 ms for the 41 languages
// below, measured). Not thread-safe: libexttextcat classifies into buffers of the handle, so each
// thread uses its own guesser.
class LanguageGuesser {
public:
    explicit LanguageGuesser(LanguageGuessOptions options = {});

    // Whether libexttextcat's data is installed: without it every Latin or Cyrillic text is "unknown".
    bool available() const { return handle_ != nullptr; }

    LanguageGuess guess(std::string_view utf8);

private:
    LanguageGuessOptions options_;
    Handle<void, textcat_Done> handle_;
};

// The primary subtag of a BCP 47 tag, lower case: "en" of "en-GB".
std::string primary_language(std::string_view bcp47);

// Whether the guesser can recognise `bcp47` at all (it has a fingerprint for it, or its script names
// it): a text marked with a language it cannot recognise must not be called "not that language".
bool guessable_language(std::string_view bcp47);

}  // namespace quire::text
