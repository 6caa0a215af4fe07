// Typographic punctuation for imported text: what a web page's editor typed on a keyboard, as a
// typesetter sets it (SmartyPants' rules; Bringhurst 5.2). Web pages mix curly quotes with straight
// ones that slipped through, and write " - " for a dash; print and EPUB should not.
//
//   PunctuationChanges n;
//   typographic_punctuation("Dear Readers - it's \"ours\"...", n)
//     == "Dear Readers – it’s “ours”…"   (n.dashes 1, n.apostrophes 1, n.quotes 2, n.ellipses 1)
#pragma once

#include <string>
#include <string_view>

namespace quire::import {

struct PunctuationChanges {
    int dashes = 0;       // " - " and " -- " → " – " (a spaced en dash, the magazine's British style); "---" → "—"
    int quotes = 0;       // straight double quotes → “ ” (English, the magazine's language)
    int apostrophes = 0;  // ' between letters or before a year's digits → ’; other straight singles → ‘ ’
    int ellipses = 0;     // "..." → "…"
    int ranges = 0;       // "2016-2019", "10-12": a hyphen between two numbers → en dash (Bringhurst 5.2.2)
    int total() const { return dashes + quotes + apostrophes + ellipses + ranges; }
};

// The text with its keyboard punctuation made typographic. Words, hyphens inside words (well-known),
// minus signs before digits (-5), dates and codes with more than one hyphen (2022-01-17, 978-3-16), URLs and e-mail addresses are left as they are.
std::string typographic_punctuation(std::string_view text, PunctuationChanges& changes);

}  // namespace quire::import
