// The flow on fake blocks (lines without glyphs): no fonts needed. Geometry: the magazine layout.
#include "page/flow.hpp"

#include "flow_fixtures.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>

using namespace quire;
using namespace quire::page;

namespace {

using testing::body;
using testing::magazine_frames;

FlowBlock heading() {
    FlowBlock b = body(1, "subheading");
    b.keep_with_next = true;
    b.space_before = 12;
    return b;
}

int lines_per_column(const FlowFrames& f) {
    const ColumnFrame c = f.frame(1, 0);
    return static_cast<int>(std::floor((c.max_baseline - f.snap(c.top + 9)) / 12 + 1e-6)) + 1;
}

// lines per (page, column)
std::map<std::pair<int, int>, int> column_counts(const FlowResult& r) {
    std::map<std::pair<int, int>, int> out;
    for (const auto& l : r.lines) ++out[{l.page, l.column}];
    return out;
}

}  // namespace

TEST_CASE("body lines sit on the baseline grid") {
    FlowFrames f = magazine_frames();
    const FlowResult r = flow_blocks({body(5), body(7)}, f);
    const double g0 = (f.geometry.margin_top + f.geometry.baseline).pt();
    for (const auto& l : r.lines) {
        const double k = (l.baseline - g0) / 12.0;
        CHECK(std::abs(k - std::round(k)) < 1e-6);
    }
    CHECK(r.lines.front().baseline == doctest::Approx(g0));
    CHECK(r.lines[5].baseline == doctest::Approx(g0 + 5 * 12));  // no space between paragraphs
}

TEST_CASE("a column holds 47 lines of the 12 pt grid on the magazine page") {
    CHECK(lines_per_column(magazine_frames()) == 47);
}

TEST_CASE("no orphan: a paragraph that would leave one line at the foot moves on") {
    FlowFrames f = magazine_frames();
    const int n = lines_per_column(f);
    const FlowResult r = flow_blocks({body(n - 1), body(4)}, f);
    // One line left in column 1: the second paragraph starts at the top of column 2.
    const auto counts = column_counts(r);
    CHECK(counts.at({0, 0}) == n - 1);
    CHECK(counts.at({0, 1}) == 4);
}

TEST_CASE("no widow: a paragraph carries at least two lines over") {
    FlowFrames f = magazine_frames();
    const int n = lines_per_column(f);
    const FlowResult r = flow_blocks({body(n - 5), body(6)}, f);
    // 5 lines left; the paragraph of 6 would leave 1 line over: 4 stay, 2 go.
    const auto counts = column_counts(r);
    CHECK(counts.at({0, 0}) == n - 1);
    CHECK(counts.at({0, 1}) == 2);
}

TEST_CASE("a subheading is never the last thing in a column") {
    FlowFrames f = magazine_frames();
    const int n = lines_per_column(f);
    const FlowResult r = flow_blocks({body(n - 3), heading(), body(5)}, f);
    // The heading needs its space (one grid line), itself and two lines of the next paragraph.
    for (const auto& l : r.lines)
        if (l.block == 1) CHECK(l.column == 1);
}

TEST_CASE("the last page's columns are balanced") {
    FlowFrames f = magazine_frames();
    const FlowResult r = flow_balanced({body(10), body(11), body(9)}, f);
    const auto counts = column_counts(r);
    REQUIRE(counts.count({0, 1}));
    CHECK(std::abs(counts.at({0, 0}) - counts.at({0, 1})) <= 1);
    CHECK(counts.at({0, 0}) + counts.at({0, 1}) == 30);
}

TEST_CASE("a long text runs over pages, mirrored on left pages") {
    FlowFrames f = magazine_frames();
    std::vector<FlowBlock> blocks;
    for (int i = 0; i < 60; ++i) blocks.push_back(body(8));
    const FlowResult r = flow_balanced(blocks, f);
    CHECK(r.pages == 6);  // 480 lines at 94 a page
    CHECK(f.frame(1, 0).x == doctest::Approx(f.geometry.margin_outside.pt()));
    CHECK(f.frame(2, 0).x == doctest::Approx(f.geometry.margin_inside.pt()));
}

TEST_CASE("more pages than the layout allows is an error with the place") {
    FlowFrames f = magazine_frames();
    f.max_pages = 2;
    std::vector<FlowBlock> blocks;
    for (int i = 0; i < 40; ++i) {
        blocks.push_back(body(8));
        blocks.back().where = SourceSpan{"a.xml", 10 + i, 5};
    }
    CHECK_THROWS_WITH_AS(flow_blocks(blocks, f), doctest::Contains("a.xml:"), QuireError);
}

TEST_CASE("a block that keeps together moves whole to the next column") {
    FlowFrames f = magazine_frames();
    const int n = lines_per_column(f);
    FlowBlock quote = body(4, "pullquote");
    quote.keep_together = true;
    quote.on_grid = false;
    const FlowResult r = flow_blocks({body(n - 2), quote, body(3)}, f);
    for (const auto& l : r.lines)
        if (l.block == 1) CHECK(l.column == 1);
}

TEST_CASE("a pull quote that does not fit floats to where it fits, the text fills the column") {
    FlowFrames f = magazine_frames();
    const int n = lines_per_column(f);
    FlowBlock quote = body(6, "pullquote");
    quote.role = BlockRole::PullQuote;
    quote.keep_together = true;
    quote.on_grid = false;
    const FlowResult r = flow_blocks({body(n - 3), quote, body(10)}, f);
    const auto counts = column_counts(r);
    CHECK(counts.at({0, 0}) == n);  // the paragraph after the quote fills column 1
    double quote_top = 1e9, text_top = 1e9;
    for (const auto& l : r.lines) {
        if (l.block == 1) CHECK(l.column == 1);
        if (l.page != 0 || l.column != 1) continue;
        if (l.block == 1) quote_top = std::min(quote_top, l.baseline);
        if (l.block == 2) text_top = std::min(text_top, l.baseline);
    }
    CHECK(quote_top < text_top);  // the quote heads column 2; the paragraph goes on under it
}

TEST_CASE("space between blocks collapses: a pull quote then a subhead get the larger space, not the sum") {
    FlowFrames f = magazine_frames();
    FlowBlock quote = body(3, "pullquote");
    quote.role = BlockRole::PullQuote;
    quote.keep_together = true;
    quote.space_before = 12;
    quote.space_after = 12;
    const FlowResult r = flow_blocks({body(2), quote, heading(), body(4)}, f);
    double quote_last = 0, head = 0;
    for (const auto& l : r.lines) {
        if (l.block == 1) quote_last = std::max(quote_last, l.baseline);
        if (l.block == 2) head = l.baseline;
    }
    // depth 3 + max(12, 12) + above 9 = 24: two grid steps (the sum would be three).
    CHECK(head - quote_last == doctest::Approx(24));
}

TEST_CASE("rules and padding do not collapse, the styles' space does") {
    FlowFrames f = magazine_frames();
    FlowBlock first = body(2);
    first.on_grid = false;
    first.space_after = 12;
    FlowBlock notice = body(2, "notice");
    notice.on_grid = false;
    notice.fixed_before = 7;            // padding of its tinted box
    notice.space_before = 14 + 7;
    const FlowResult r = flow_blocks({first, notice}, f);
    double a = 0, b = 0;
    for (const auto& l : r.lines) {
        if (l.block == 0) a = std::max(a, l.baseline);
        if (l.block == 1 && b == 0) b = l.baseline;
    }
    CHECK(b - a == doctest::Approx(3 + 7 + 14 + 9));  // depth, padding, max(12, 14), above
}

TEST_CASE("a subheading above a paragraph too short to break moves on with it, not left at the foot") {
    FlowFrames f = magazine_frames();
    const int n = lines_per_column(f);
    // After n - 4 lines, the subhead's space and its line leave two lines: the three-line paragraph
    // cannot break (two before, two after), so the subhead goes with it.
    const FlowResult r = flow_blocks({body(n - 4), heading(), body(3), body(20)}, f);
    int head_column = -1, para_column = -1;
    for (const auto& l : r.lines) {
        if (l.block == 1) head_column = l.column;
        if (l.block == 2 && l.line == 0) para_column = l.column;
    }
    CHECK(head_column == 1);
    CHECK(para_column == 1);
}
