// Page make-up checks on our own display list: a column that ends short on a page that is not an
// article's last (a hole), vertical space that stacks (several blank grid lines between two lines of
// one column where no image stands), and an article's last page that is less than a third full.
// Issue 16 ("the proof sees what the art desk sees"). Places are page, column and line as the proof
// numbers them.
#pragma once

#include "page/page_document.hpp"
#include "proof/report.hpp"

namespace quire::proof {

struct MakeUpCheckOptions {
    // A column on a page that is not its article's last ends this many grid lines or more above the
    // foot of the text area: a hole (one line short is the grid's rounding after a heading).
    double hole_lines = 2;
    // More than this many empty grid lines between two consecutive lines of a column: stacked space.
    // A subhead's space before and the grid's rounding leave at most two; the back matter's designed
    // separations (the bio's rule, a notice's tinted box with its padding) measure 2.1–2.2 in the
    // magazine layout; a pull quote's space after added to a subhead's space before measured 3.3–3.4.
    double stacked_lines = 2.5;
    // An article's last page (of two or more) filled below this share of its text area: near empty.
    double near_empty_share = 1.0 / 3.0;
};

void check_makeup(const page::PageDocument& doc, const MakeUpCheckOptions& options, Report& report);

}  // namespace quire::proof
