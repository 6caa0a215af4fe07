// The make-up checks (proof/checks_makeup.hpp) on display lists made by hand: column holes on pages
// an article goes on from, stacked vertical space, a near-empty last page. One case each that must be
// found and one beside it that must not.
#include "page/page_document.hpp"
#include "proof/checks_makeup.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace quire;
using namespace quire::proof;

namespace {

// The default geometry: 12 pt grid from one step below the top margin.
const style::PageGeometry kGeometry{};
double grid_line(int n) { return (kGeometry.margin_top + kGeometry.baseline * n).pt(); }
int lines_per_column() {
    return static_cast<int>(std::floor(kGeometry.text_height().pt() / kGeometry.baseline.pt()));
}

page::LineRecord line(int page, int column, int n, double baseline) {
    page::LineRecord r;
    r.page = page;
    r.column = column;
    r.line_in_column = n;
    r.style = "body";
    r.x = 50 + column * 200.0;
    r.baseline = baseline;
    r.width = 180;
    r.text = "text";
    return r;
}

// Columns filled from the first grid line down to grid line `to` (1-based).
void fill(page::PageDocument& doc, int page, int column, int to) {
    for (int n = 1; n <= to; ++n) doc.lines.push_back(line(page, column, n, grid_line(n)));
}

std::vector<Finding> run(const page::PageDocument& doc, const std::string& check) {
    Report report;
    check_makeup(doc, MakeUpCheckOptions{}, report);
    std::vector<Finding> out;
    std::copy_if(report.findings.begin(), report.findings.end(), std::back_inserter(out),
                 [&](const Finding& f) { return f.check == check; });
    return out;
}

}  // namespace

TEST_CASE("make-up checks: a column hole on a page the article goes on from, not on its last page") {
    page::PageDocument doc;
    doc.geometry = kGeometry;
    doc.pages.resize(2);
    const int full = lines_per_column();
    fill(doc, 0, 0, full);
    fill(doc, 0, 1, full - 4);  // four lines short: a hole
    fill(doc, 1, 0, 10);        // the last page may end anywhere
    fill(doc, 1, 1, 5);
    const auto holes = run(doc, "column-hole");
    REQUIRE(holes.size() == 1);
    CHECK(holes[0].place.to_string() == "p. 1, col. 2, l. " + std::to_string(full - 4));
    CHECK(holes[0].message.find("4.0 grid lines") != std::string::npos);
}

TEST_CASE("make-up checks: one line short of the foot is no hole") {
    page::PageDocument doc;
    doc.geometry = kGeometry;
    doc.pages.resize(2);
    fill(doc, 0, 0, lines_per_column());
    fill(doc, 0, 1, lines_per_column() - 1);
    fill(doc, 1, 0, lines_per_column());
    CHECK(run(doc, "column-hole").empty());
}

TEST_CASE("make-up checks: stacked vertical space, unless an image stands in the gap") {
    page::PageDocument doc;
    doc.geometry = kGeometry;
    doc.pages.resize(1);
    doc.lines = {line(0, 0, 1, grid_line(1)), line(0, 0, 2, grid_line(2)),
                 line(0, 0, 3, grid_line(6)),   // three empty grid lines before: stacked
                 line(0, 0, 4, grid_line(8)),   // one: a subhead’s space
                 line(0, 1, 1, grid_line(1)), line(0, 1, 2, grid_line(10))};  // an image between
    page::ImageItem image;
    image.frame = Rect{Length::pt(250), Length::pt(grid_line(2)), Length::pt(180), Length::pt(80)};
    doc.pages[0].items.push_back(image);
    const auto stacked = run(doc, "stacked-space");
    REQUIRE(stacked.size() == 1);
    CHECK(stacked[0].place.to_string() == "p. 1, col. 1, l. 3");
    CHECK(stacked[0].message.find("3.0 empty grid lines") != std::string::npos);
}

TEST_CASE("make-up checks: a near-empty last page of an article, but not a one-page article") {
    page::PageDocument doc;
    doc.geometry = kGeometry;
    doc.pages.resize(2);
    page::LineRecord title = line(0, 0, 1, grid_line(1));
    title.column = -1;  // the opening's head
    doc.lines.push_back(title);
    fill(doc, 0, 0, lines_per_column());
    fill(doc, 0, 1, lines_per_column());
    fill(doc, 1, 0, 6);  // six lines of two columns: far below a third
    auto near = run(doc, "near-empty-page");
    REQUIRE(near.size() == 1);
    CHECK(near[0].place.page == 2);

    fill(doc, 1, 1, lines_per_column());  // now over half full
    CHECK(run(doc, "near-empty-page").empty());

    page::PageDocument single;
    single.geometry = kGeometry;
    single.pages.resize(1);
    single.lines.push_back(title);
    fill(single, 0, 0, 3);
    CHECK(run(single, "near-empty-page").empty());
}
