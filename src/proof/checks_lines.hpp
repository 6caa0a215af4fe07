// Checks of the body's lines as an art desk reads them (issue 16, "The proof sees what the art desk
// sees"), on the line records of our own layout (page::LineRecord) and the glyph runs' languages.
// Each finding has a stable check id and the place the proof's line numbers show:
//   runt                 a body paragraph's or subhead's last line is one word (titles, subtitles and
//                        standfirsts are display-runt, proof/checks_display.hpp)
//   penultimate-hyphen   a paragraph's second-to-last line ends in a hyphen
//   tight-line           a justified line squeezed to adjustment ratio ≤ −0.9 (word spaces near their
//                        minimum: TeX's shrink is one third of the space, r = −1)
//   letter-spaced        a justified line whose lower case was letter-spaced to fill it (page/justify.hpp)
//   hyphenated-name      a page with more than one capitalised word (not a sentence's first) broken
//                        across lines, in any script with case; one finding per page, naming them
//   wrong-language       a paragraph or long span marked with one language (xml:lang) whose text reads
//                        confidently as another, and which was hyphenated with the marked language's patterns
#pragma once

#include "linebreak/line_types.hpp"
#include "page/page_document.hpp"
#include "proof/report.hpp"
#include "style/layout.hpp"

namespace quire::proof {

struct LineCheckOptions {
    // At or below this ratio a line is very tight (linebreak::kVeryTightRatio).
    double tight_ratio = linebreak::kVeryTightRatio;
    // Hyphenated names tolerated on a page of an ordinary article (issue 16: "at most one per page").
    int names_per_page = 1;
    // A paragraph or span marked with a language is judged only when it has this many letters: the
    // n-gram guess is reliable on a few hundred characters, not on a quotation of ten words.
    int language_min_letters = 150;
};

void check_line_defects(const page::PageDocument& doc, const style::Layout& layout, const LineCheckOptions& options,
                        Report& report);

}  // namespace quire::proof
