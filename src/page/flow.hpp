// The flow: set blocks into columns and pages. Baselines of grid styles sit on the baseline grid;
// headings keep with the first lines of what follows; a paragraph breaks across columns only with
// at least `orphans` lines before the break and `widows` after it (two and two: Bringhurst 2.4.8-9);
// pull quotes, figures and notices do not break.
#pragma once

#include "core/diagnostic.hpp"
#include "page/blocks.hpp"
#include "style/layout.hpp"

#include <vector>

namespace quire::page {

struct ColumnFrame {
    double x = 0;             // left edge (trim coordinates)
    double top = 0;           // where content may start
    double max_baseline = 0;  // the lowest baseline allowed
};

struct FlowFrames {
    style::PageGeometry geometry;
    double opening_top = 0;   // where the body starts on the opening page (below title and photo)
    int limit_page = -1;      // balancing: on this page, columns end at `limit_baseline`
    double limit_baseline = 0;
    int max_pages = 500;
    int first_folio = 1;      // the opening page's folio: odd = a right-hand page, even = left

    double text_x(int page) const;  // the text area's left edge: mirrored on left pages of a spread
    bool left_page(int page) const; // even folios are left-hand pages (verso) on a spread
    ColumnFrame frame(int page, int column) const;
    double snap(double y) const;    // the first grid line at or below y
};

struct PlacedLine {
    int block = 0, line = 0;
    int page = 0, column = 0;
    double baseline = 0;
};

struct PlacedBlock {           // where each block starts (figures draw their image from here)
    int page = 0, column = 0;
    double top = 0;            // top of the block's content (after space before)
};

struct FlowResult {
    std::vector<PlacedLine> lines;
    std::vector<PlacedBlock> blocks;  // one per FlowBlock
    int pages = 1;
    // The lowest baseline used in each column of the last page.
    std::vector<double> last_page_bottoms;
};

// Throws QuireError (at the block's place) when a block cannot be set in an empty column or the
// text needs more than `max_pages` pages.
FlowResult flow_blocks(const std::vector<FlowBlock>& blocks, const FlowFrames& frames);

// Flows, then shortens the last page's columns to the least height that keeps the page count, so
// that they end on the same line or within one (balanced).
FlowResult flow_balanced(const std::vector<FlowBlock>& blocks, FlowFrames frames);

}  // namespace quire::page
