// The checks that read the display list of our own layout (page/page_document.hpp): loose and
// overfull lines, widows and orphans, hyphen ladders, missing glyphs and fallback fonts, images
// without alt text or below the resolution print needs; and, through their own files, drop caps
// (checks_initial), display type (checks_display), make-up (checks_makeup) and the body's lines
// (checks_lines: runts, hyphenated names, tight and letter-spaced lines, wrong languages). Every finding is
// placed by page, column and line as the proof's line numbers show them.
#pragma once

#include "linebreak/line_types.hpp"
#include "page/page_document.hpp"
#include "proof/report.hpp"
#include "style/layout.hpp"

#include <string>

namespace quire::proof {

struct LayoutCheckOptions {
    // Beyond this adjustment ratio a line is reported as very loose (linebreak::kVeryLooseRatio).
    double loose_ratio = linebreak::kVeryLooseRatio;
    // Consecutive hyphenated lines allowed: the art desk's rule (issue 16) is two, the line breaker's
    // hard limit too since stop 30 (line_types.hpp); reported here should a setting allow more.
    int max_hyphen_ladder = 2;
    double warn_ppi = 300, error_ppi = 150;
};

// Adds the findings to `report`. Boxes are given in media coordinates (the PDF page as drawn,
// slug included), so that the contact sheet marks them on the page images.
void check_layout(const page::PageDocument& doc, const style::Layout& layout, const LayoutCheckOptions& options,
                  Report& report);

// Words of the body text as laid out (every line record), for the report's word count.
int laid_out_words(const page::PageDocument& doc);

// A line record's place for a finding: page, column and line (1-based), and its box on the page as
// drawn (line records are in trim coordinates). Shared by every line-level check.
Place line_place(const page::LineRecord& line, const style::PageGeometry& g);

// For the findings' messages: a number printf-style ("%.2f"), and a text cut to `max_chars`
// characters with an ellipsis.
std::string format_number(const char* format, double v);
std::string excerpt(const std::string& text, long max_chars = 48);

}  // namespace quire::proof
