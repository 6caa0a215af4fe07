// Display type: titles and standfirsts broken by balance and sense, as an art desk breaks them by
// hand. Body text is Knuth–Plass's; display lines are few, read one by one, and a reader sees a
// ragged line ending in "The" or a last line of one short word ("in / 2022?") at once.
//
//   text::StyledParagraph title = styled_text(a.meta.title, l.style("title"), lang);
//   no_negative_tracking_on_capitals(title);
//   title = balance_display_lines(title, width, fonts);     // spaces turned into U+2028 line breaks
//   linebreak::SetParagraph set = set_in_style(title, l.style("title"), width, fonts, diags);
//   hang_opening_quote(set);                                // “ hangs into the left margin
#pragma once

#include "linebreak/line_types.hpp"
#include "text/font_collection.hpp"
#include "text/styled_text.hpp"

#include <string_view>

namespace quire::page {

// Whether `word` is a short function word of `lang` (articles, prepositions, conjunctions) that
// should not end a display line: "The / Baton" reads as two headlines.
bool is_function_word(std::string_view word, std::string_view lang);

// A display paragraph's last line of one word is a runt when the word is shorter than this share
// of the measure: "in / 2022?" looks lost under a full line, while a long word that fills most of
// a line ("Armenia and the region's / security" set three words to a line) reads as a line.
inline constexpr double kDisplayRuntShare = 1.0 / 3.0;
bool is_display_runt(double word_width_pt, double measure_pt);

// The paragraph with its line breaks chosen for balance: the fewest lines the ragged breaker needs,
// lines as even as possible (least sum of squared shortfalls from the measure), a line never ending
// in a function word nor the paragraph in a runt (one word alone) where another break does. The
// breaks are forced breaks (U+2028) in the returned paragraph; one that fits on one line, has
// forced breaks already, or has a word wider than the measure, comes back unchanged.
text::StyledParagraph balance_display_lines(const text::StyledParagraph& paragraph, double width_pt,
                                            text::FontCollection& fonts);

// Capitals need no negative tracking (they are set open, not tight: Bringhurst 3.2.2): a title
// that has letters and no lower case loses its negative tracking.
void no_negative_tracking_on_capitals(text::StyledParagraph& paragraph);

// An opening quotation mark at the start of the first line hangs into the left margin, so the
// letters align with the lines below (hanging punctuation, Bringhurst 4.1.1).
void hang_opening_quote(linebreak::SetParagraph& set);

}  // namespace quire::page
