// The flow's make-up rules of issue 16 (helper makeup2): floats across both columns at a page's head,
// and the back matter (bio, donation notice) never alone at the head of a page. Fake blocks, no fonts.
#include "page/flow.hpp"

#include "flow_fixtures.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>

using namespace quire;
using namespace quire::page;

namespace {

using testing::body;

FlowFrames frames() { return testing::magazine_frames(); }

FlowBlock spanning_quote(int lines) {
    FlowBlock b = body(lines);
    b.style_name = "pullquote";
    b.role = BlockRole::PullQuote;
    b.keep_together = true;
    b.on_grid = false;
    b.spans = true;
    b.space_after = 12;
    return b;
}

constexpr int kColumn = 47;  // lines in a full column of the magazine page

std::map<std::pair<int, int>, int> counts(const FlowResult& r, int block = -1) {
    std::map<std::pair<int, int>, int> out;
    for (const auto& l : r.lines)
        if (block < 0 || l.block == block) ++out[{l.page, l.column}];
    return out;
}

double first_baseline(const FlowResult& r, int page, int column, int not_block) {
    double y = 1e9;
    for (const auto& l : r.lines)
        if (l.page == page && l.column == column && l.block != not_block) y = std::min(y, l.baseline);
    return y;
}

}  // namespace

TEST_CASE("a spanning pull quote goes to the head of the next page, both columns start below it") {
    const FlowFrames f = frames();
    // A paragraph fills most of page 1; the quote falls in column 2 and waits for page 2's head.
    const std::vector<FlowBlock> blocks{body(70), spanning_quote(2), body(100)};
    const FlowResult r = flow_blocks(blocks, f);
    REQUIRE(r.blocks[1].page == 1);
    CHECK(r.blocks[1].column == 0);
    const auto quote = counts(r, 1);
    CHECK(quote.at({1, 0}) == 2);
    // The text runs on: page 1's second column is full (no hole where the quote fell).
    CHECK(counts(r).at({0, 1}) == kColumn);
    // Page 2: both columns start below the quote's last line, on the same grid line.
    double quote_bottom = 0;
    for (const auto& l : r.lines)
        if (l.block == 1) quote_bottom = std::max(quote_bottom, l.baseline);
    const double left = first_baseline(r, 1, 0, 1), right = first_baseline(r, 1, 1, 1);
    CHECK(left > quote_bottom + 12);
    CHECK(right == doctest::Approx(left));
    CHECK(right > f.frame(1, 1).top + 12);  // the right column is pushed down too
}

TEST_CASE("a spanning float where nothing is on the page yet goes at once, at the page's head") {
    const FlowFrames f = frames();
    const FlowResult r = flow_blocks({spanning_quote(3), body(20)}, f);
    CHECK(r.blocks[0].page == 0);
    CHECK(first_baseline(r, 0, 0, 0) > r.lines[2].baseline);
    CHECK(r.lines.size() == 23);
}

TEST_CASE("a spanning float left over at the text's end goes to the foot of the last page if it fits") {
    const FlowFrames f = frames();
    const FlowResult r = flow_blocks({body(20), spanning_quote(2), body(10)}, f);
    CHECK(r.pages == 1);
    double text_bottom = 0;
    for (const auto& l : r.lines)
        if (l.block != 1) text_bottom = std::max(text_bottom, l.baseline);
    CHECK(r.blocks[1].page == 0);
    CHECK(r.blocks[1].top > text_bottom);
}

TEST_CASE("a spanning float the text's end leaves no room for goes to the last text page's head, not a page alone") {
    const FlowFrames f = frames();
    // Column 1 full, then a quote in column 2 that does not fit whole and waits for page 2's head, and
    // too little text after it to reach page 2: the quote would be alone on page 2. It heads page 1's
    // columns instead (the text they no longer hold runs on to page 2).
    const FlowResult r = flow_blocks({body(kColumn), body(kColumn - 30), spanning_quote(3), body(28)}, f);
    std::map<int, int> text_lines_on;
    for (const auto& l : r.lines)
        if (l.block != 2) ++text_lines_on[l.page];
    for (int page = 0; page < r.pages; ++page) CHECK(text_lines_on[page] > 0);
    CHECK(r.blocks[2].page == 0);
    CHECK(first_baseline(r, 0, 0, 2) > r.blocks[2].top);
    CHECK(first_baseline(r, 0, 1, 2) > r.blocks[2].top);
}

TEST_CASE("the donation notice does not start a page alone: the text's last lines go with it") {
    const FlowFrames f = frames();
    FlowBlock notice = body(4);
    notice.role = BlockRole::Notice;
    notice.keep_together = true;
    notice.keep_with_previous = true;
    notice.on_grid = false;
    // The text fills page 1 to the last line of column 2: the notice would be alone on page 2.
    const std::vector<FlowBlock> blocks{body(kColumn), body(kColumn), notice};
    const FlowResult r = flow_blocks(blocks, f);
    REQUIRE(r.pages == 2);
    const auto text = counts(r, 1);
    CHECK(text.at({0, 1}) == kColumn - 2);
    CHECK(text.at({1, 0}) == 2);  // two lines (the widows) go on with the notice
    CHECK(r.blocks[2].page == 1);
    // Without the keep, the notice would be alone (the rule, not chance, moved the lines).
    std::vector<FlowBlock> plain = blocks;
    plain[2].keep_with_previous = false;
    CHECK(counts(flow_blocks(plain, f), 1).count({1, 0}) == 0);
}
