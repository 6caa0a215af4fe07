// Checks of display type and figures on the laid-out lines (issue 16, "Lines and words"): a title,
// subtitle or standfirst ending in a runt or broken after a function word, a spaced dash at the
// start of a line, a hyphen (not an en dash) in a number range. Each finding has a stable check id:
//   display-runt            a display paragraph's last line is one word
//   display-function-break  a display line ends in a function word ("The / Baton")
//   dash-at-line-start      a line starts with a spaced en or em dash
//   hyphen-in-range         "2016-2019" (a hyphen where a range wants an en dash)
#pragma once

#include "page/page_document.hpp"
#include "proof/report.hpp"

namespace quire::proof {

void check_display(const page::PageDocument& doc, Report& report);

}  // namespace quire::proof
