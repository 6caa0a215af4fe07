// The contact sheet and the page images of a proof folder.
#include "pdf_fixture.hpp"

#include "proof/contact_sheet.hpp"
#include "proof/proof_folder.hpp"

#include <doctest/doctest.h>

using namespace quire;
using namespace quire::proof;
using namespace quire::proof::test;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("page images: one screen image and one thumbnail per page, stale ones removed") {
    const auto dir = scratch_dir("images");
    make_pdf(dir / "five.pdf", {FixturePage::text(lines_for_page(1)), FixturePage::text(lines_for_page(2)),
                                FixturePage::text(lines_for_page(3)), FixturePage::text(lines_for_page(4)),
                                FixturePage::text(lines_for_page(5))});
    fs::create_directories(dir / "out" / "pages");
    std::ofstream(dir / "out" / "pages" / "page-009.png") << "stale";
    PdfDocument doc(dir / "five.pdf");
    const auto pages = write_page_images(doc, dir / "out", PageImageOptions{50, 120});
    REQUIRE(pages.size() == 5);
    CHECK(pages[2].image == "pages/page-003.png");
    CHECK(pages[2].thumb == "thumbs/page-003.png");
    CHECK(pages[2].size.width.mm() == doctest::Approx(176));
    for (int i = 1; i <= 5; ++i) {
        CHECK(fs::exists(dir / "out" / "pages" / ("page-00" + std::to_string(i) + ".png")));
        CHECK(fs::exists(dir / "out" / "thumbs" / ("page-00" + std::to_string(i) + ".png")));
    }
    CHECK_FALSE(fs::exists(dir / "out" / "pages" / "page-009.png"));
}

TEST_CASE("contact sheet: every page, spreads after a lone first page, findings marked and listed") {
    ContactSheet sheet;
    sheet.title = "Proof: <Armenia> & Russia";
    for (int i = 1; i <= 5; ++i)
        sheet.pages.push_back(SheetPage{i, "pages/p" + std::to_string(i) + ".png", "thumbs/p" + std::to_string(i) + ".png",
                                        Size{Length::pt(500), Length::pt(700)}});
    sheet.links = {{"proof.pdf", "proof.pdf"}};
    Report report;
    report.stats.pages = 5;
    Place placed;
    placed.page = 3;
    placed.column = 2;
    placed.line = 7;
    placed.box = Rect{Length::pt(250), Length::pt(350), Length::pt(100), Length::pt(10)};
    report.add(Severity::Warning, "widow", placed, "widow: \u201Cend.\u201D");
    Place unplaced;
    unplaced.page = 5;
    report.add(Severity::Error, "font-not-embedded", unplaced, "font X is not embedded");
    report.sort();
    const std::string html = contact_sheet_html(sheet, report);
    CHECK(html.find("<title>Proof: &lt;Armenia&gt; &amp; Russia</title>") != std::string::npos);
    CHECK(occurrences(html, "<img src=\"thumbs/p") == 5);
    CHECK(occurrences(html, "<figure class=\"spread") == 3);  // 1 | 2–3 | 4–5
    CHECK(html.find("pp. 2–3") != std::string::npos);
    CHECK(html.find("href=\"pages/p4.png\"") != std::string::npos);
    // The widow's mark: 250/500 = 50 % from the left, 350/700 = 50 % from the top.
    CHECK(html.find("class=\"mark warning\" style=\"left:50.00%;top:50.00%;width:20.00%") != std::string::npos);
    CHECK(html.find("<a href=\"#page-3\">p. 3, col. 2, l. 7</a>") != std::string::npos);
    CHECK(html.find("<span class=\"count\"><span class=\"badge error\">1</span>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
}
