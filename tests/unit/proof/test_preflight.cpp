// Preflight checks and the report, on PDFs made by the fixture with known faults.
#include "pdf_fixture.hpp"

#include "proof/preflight.hpp"
#include "proof/report.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace quire;
using namespace quire::proof;
using namespace quire::proof::test;

namespace {

// These PDFs are Cairo's RGB drawings for the box, font and image checks; the press checks (output
// intent, RGB, K-only text …) are shown on real outputs in tests/e2e/press_example.sh.
Report run_preflight(const fs::path& pdf, PreflightOptions options = {}) {
    options.press = PreflightOptions::Press::Skip;
    PdfDocument doc(pdf);
    Report report;
    report.title = "Preflight";
    preflight(doc, options, report);
    return report;
}

std::vector<Finding> of_check(const Report& r, const std::string& check) {
    std::vector<Finding> out;
    std::copy_if(r.findings.begin(), r.findings.end(), std::back_inserter(out),
                 [&](const Finding& f) { return f.check == check; });
    return out;
}

}  // namespace

TEST_CASE("preflight: a clean two-page PDF has no findings and its counts") {
    const auto dir = scratch_dir("clean");
    make_pdf(dir / "clean.pdf", {FixturePage::text(lines_for_page(1)), FixturePage::text(lines_for_page(2))});
    const Report r = run_preflight(dir / "clean.pdf");
    CHECK(r.findings.empty());
    CHECK(r.stats.pages == 2);
    CHECK(r.stats.words == 144);
    CHECK(r.stats.trim_size == "170 × 240 mm");
    CHECK_FALSE(report_fails(r, Strictness::Strict));
}

TEST_CASE("preflight: Words::Skip leaves the word count to the caller and the findings as they were") {
    const auto dir = scratch_dir("nowords");
    make_pdf(dir / "clean.pdf", {FixturePage::text(lines_for_page(1)), FixturePage::text(lines_for_page(2))});
    PreflightOptions options;
    options.words = PreflightOptions::Words::Skip;
    const Report r = run_preflight(dir / "clean.pdf", options);
    CHECK(r.findings.empty());
    CHECK(r.stats.pages == 2);
    CHECK(r.stats.words == 0);  // 144 when counted (above)
    CHECK(r.stats.reading_minutes == 0);
}

TEST_CASE("preflight: boxes missing is an error for print, not for the screen") {
    const auto dir = scratch_dir("noboxes");
    make_pdf(dir / "plain.pdf", {FixturePage::text(lines_for_page(1))}, WithBoxes::No);
    const Report r = run_preflight(dir / "plain.pdf");
    REQUIRE(of_check(r, "trimbox").size() == 1);
    CHECK(of_check(r, "trimbox")[0].severity == Severity::Error);
    CHECK(of_check(r, "bleedbox")[0].severity == Severity::Warning);
    CHECK(report_fails(r, Strictness::Normal));
    PreflightOptions screen;
    screen.boxes = PreflightOptions::Boxes::Optional;
    CHECK(run_preflight(dir / "plain.pdf", screen).findings.empty());
}

TEST_CASE("preflight: an image's effective resolution at its placed size") {
    const auto dir = scratch_dir("ppi");
    FixturePage page = FixturePage::text(lines_for_page(1));
    // 200 px over 2 inches = 100 ppi; over 0.5 inch = 400 ppi.
    page.image = FixtureImage{200, 100, Rect{Length::inch(1), Length::inch(4), Length::inch(2), Length::inch(1)}};
    FixturePage sharp = FixturePage::text({});
    sharp.image = FixtureImage{200, 100, Rect{Length::inch(1), Length::inch(4), Length::inch(0.5), Length::inch(0.25)}};
    make_pdf(dir / "ppi.pdf", {page, sharp});
    PdfDocument doc(dir / "ppi.pdf");
    const auto images = placed_images(doc.page(0).get(), 0);
    REQUIRE(images.size() == 1);
    CHECK(images[0].width_px == 200);
    CHECK(images[0].ppi == doctest::Approx(100).epsilon(0.01));
    CHECK(images[0].area.x.pt() == doctest::Approx(72).epsilon(0.01));
    CHECK(images[0].area.y.pt() == doctest::Approx(288).epsilon(0.01));
    const Report r = run_preflight(dir / "ppi.pdf");
    const auto low = of_check(r, "low-ppi");
    REQUIRE(low.size() == 1);
    CHECK(low[0].severity == Severity::Error);
    CHECK(low[0].place.page == 1);
    CHECK(low[0].message.find("100 ppi") != std::string::npos);
}

TEST_CASE("preflight: text in the margin next to the trim is reported with its words") {
    const auto dir = scratch_dir("safe");
    FixturePage page = FixturePage::text({"safely inside", "close to the edge"});
    page.left = Length::mm(3 + 2);  // 2 mm inside the trim (bleed 3 mm)
    page.top = Length::mm(60);
    FixturePage beyond = FixturePage::text({"cut off"});
    beyond.left = Length::mm(1);  // in the bleed, beyond the trim
    make_pdf(dir / "safe.pdf", {page, beyond});
    const Report r = run_preflight(dir / "safe.pdf");
    const auto out = of_check(r, "outside-safe-area");
    REQUIRE(out.size() == 3);
    CHECK(out[0].place.page == 1);
    CHECK(out[0].message.find("\"safely\"") != std::string::npos);
    CHECK(out[0].severity == Severity::Warning);
    CHECK(out[1].message.find("\"close") != std::string::npos);
    CHECK(out[2].place.page == 2);
    CHECK(out[2].severity == Severity::Error);
    CHECK(out[2].message.find("beyond the trim") != std::string::npos);
}

TEST_CASE("preflight: a font that is not embedded is an error naming the font and page") {
    const auto dir = scratch_dir("fonts");
    make_unembedded_font_pdf(dir / "ad.pdf");
    const Report r = run_preflight(dir / "ad.pdf");
    const auto fonts = of_check(r, "font-not-embedded");
    REQUIRE(fonts.size() == 1);
    CHECK(fonts[0].severity == Severity::Error);
    CHECK(fonts[0].place.page == 1);
    CHECK(fonts[0].message.find("Helvetica") != std::string::npos);
}

TEST_CASE("report: stable text and JSON, places as an editor writes them, strictness") {
    Report r;
    r.title = "Proof of x";
    r.stats.pages = 2;
    r.stats.words = 476;
    r.stats.reading_minutes = reading_minutes(476);
    Place p;
    p.page = 2;
    p.column = 1;
    p.line = 14;
    r.add(Severity::Warning, "loose-line", p, "line is loose (ratio 1.42)");
    r.add(Severity::Note, "page-count", Place{}, "2 pages");
    r.sort();
    CHECK(r.findings[0].check == "page-count");
    CHECK(r.findings[1].to_string() == "p. 2, col. 1, l. 14: warning [loose-line]: line is loose (ratio 1.42)");
    const auto j = r.to_json();
    CHECK(j["counts"]["warning"] == 1);
    CHECK(j["findings"][1]["place"]["line"] == 14);
    CHECK(j["stats"]["reading_minutes"] == doctest::Approx(2.0));
    CHECK(r.to_text().find("Reading time:  2 min") != std::string::npos);
    CHECK_FALSE(report_fails(r, Strictness::Normal));
    CHECK(report_fails(r, Strictness::Strict));
}
