// Rasterising, image comparison, word diff and the PDF diff, on PDFs made by the fixture.
#include "pdf_fixture.hpp"

#include "core/diagnostic.hpp"
#include "proof/image_diff.hpp"
#include "proof/pdf_diff.hpp"
#include "proof/rasterize.hpp"
#include "proof/word_diff.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace quire;
using namespace quire::proof;
using namespace quire::proof::test;

namespace {

std::vector<FixturePage> three_pages() {
    std::vector<FixturePage> pages;
    for (int p = 1; p <= 3; ++p) pages.push_back(FixturePage::text(lines_for_page(p)));
    return pages;
}

std::vector<PdfWord> words_of(std::initializer_list<const char*> list, int page = 1) {
    std::vector<PdfWord> out;
    for (const char* w : list) out.push_back(PdfWord{w, page, {}});
    return out;
}

}  // namespace

TEST_CASE("a page is rasterised on white paper at the asked resolution, and thumbnails keep the aspect") {
    const auto dir = scratch_dir("raster");
    FixturePage page;
    page.filled_box = Rect{Length::mm(50), Length::mm(50), Length::mm(20), Length::mm(10)};
    make_pdf(dir / "one.pdf", {page});
    PdfDocument doc(dir / "one.pdf");
    REQUIRE(doc.page_count() == 1);
    const PageImage image = rasterize_page(doc, 0, 72);
    CHECK(image.width() == 499);   // 176 mm at 72 dpi
    CHECK(image.height() == 697);  // 246 mm
    CHECK((image.row(5)[5] & 0xFFFFFFu) == 0xFFFFFFu);  // paper painted white
    const int bx = static_cast<int>(Length::mm(60).pt()), by = static_cast<int>(Length::mm(55).pt());
    CHECK((image.row(by)[bx] & 0xFFFFFFu) == 0u);  // the black box
    const PageImage thumb = scale_to_width(image, 120);
    CHECK(thumb.width() == 120);
    CHECK(thumb.height() == 168);
    write_png(thumb.surface(), dir / "thumb.png");
    std::ifstream png(dir / "thumb.png", std::ios::binary);
    char magic[4] = {};
    png.read(magic, 4);
    CHECK(std::string(magic + 1, 3) == "PNG");
}

TEST_CASE("image diff: identical pages have no regions, a changed block is one region where it is") {
    const auto dir = scratch_dir("imagediff");
    FixturePage a;
    a.lines = lines_for_page(1);
    FixturePage b = a;
    b.filled_box = Rect{Length::mm(100), Length::mm(150), Length::mm(30), Length::mm(12)};
    make_pdf(dir / "a.pdf", {a});
    make_pdf(dir / "b.pdf", {b});
    PdfDocument da(dir / "a.pdf"), db(dir / "b.pdf");
    const PageImage ia = rasterize_page(da, 0, 72), ia2 = rasterize_page(da, 0, 72), ib = rasterize_page(db, 0, 72);
    CHECK_FALSE(diff_images(ia, ia2).changed());
    const ImageDiff d = diff_images(ia, ib);
    REQUIRE(d.regions.size() == 1);
    CHECK(d.regions[0].x.mm() == doctest::Approx(100).epsilon(0.03));
    CHECK(d.regions[0].y.mm() == doctest::Approx(150).epsilon(0.03));
    CHECK(d.regions[0].width.mm() == doctest::Approx(30).epsilon(0.08));
}

TEST_CASE("word diff: a replaced word, an insertion, a removal") {
    const auto old_words = words_of({"the", "quick", "brown", "fox", "jumps"});
    SUBCASE("replace") {
        const WordDiff d = diff_words(old_words, words_of({"the", "quick", "red", "fox", "jumps"}));
        REQUIRE(d.edits.size() == 2);
        CHECK(d.edits[0].kind == EditKind::Removed);
        CHECK(d.edits[0].words == std::vector<std::string>{"brown"});
        CHECK(d.edits[1].kind == EditKind::Added);
        CHECK(d.edits[1].words == std::vector<std::string>{"red"});
        CHECK(d.edits[1].old_position == 3);
    }
    SUBCASE("insert two words") {
        const WordDiff d = diff_words(old_words, words_of({"the", "quick", "brown", "sly", "old", "fox", "jumps"}));
        REQUIRE(d.edits.size() == 1);
        CHECK(d.edits[0].kind == EditKind::Added);
        CHECK(d.edits[0].words == std::vector<std::string>{"sly", "old"});
    }
    SUBCASE("remove a run") {
        const WordDiff d = diff_words(old_words, words_of({"the", "jumps"}));
        REQUIRE(d.edits.size() == 1);
        CHECK(d.edits[0].words == std::vector<std::string>{"quick", "brown", "fox"});
        CHECK(d.words_removed() == 3);
    }
    SUBCASE("beyond the bound the middle is reported whole and flagged") {
        const WordDiff d = diff_words(old_words, words_of({"the", "a", "b", "c", "jumps"}), 1);
        CHECK(d.approximate);
        CHECK(d.words_removed() == 3);
        CHECK(d.words_added() == 3);
    }
}

TEST_CASE("pdf diff: the same file twice gives no changes") {
    const auto dir = scratch_dir("same");
    make_pdf(dir / "a.pdf", three_pages());
    PdfDocument a(dir / "a.pdf"), b(dir / "a.pdf");
    const PdfDiff d = diff_pdfs(a, b);
    CHECK(d.identical());
    CHECK(d.to_text().find("No changes.") != std::string::npos);
    write_diff(d, a, b, dir / "out");
    CHECK(fs::exists(dir / "out" / "changes.txt"));
    CHECK_FALSE(fs::exists(dir / "out" / "diff.pdf"));
}

TEST_CASE("pdf diff: one word changed names that page and that word") {
    const auto dir = scratch_dir("oneword");
    auto pages = three_pages();
    make_pdf(dir / "old.pdf", pages);
    const std::string before = pages[1].lines[4];
    const std::size_t space = before.find(' ');
    const std::string old_word = before.substr(0, space);
    pages[1].lines[4] = "zeppelin" + before.substr(space);
    make_pdf(dir / "new.pdf", pages);
    PdfDocument a(dir / "old.pdf"), b(dir / "new.pdf");
    const PdfDiff d = diff_pdfs(a, b);
    const auto changed = d.changed_pages();
    REQUIRE(changed.size() == 1);
    CHECK(changed[0]->change == PageChange::Changed);
    CHECK(changed[0]->new_page == 2);
    REQUIRE(changed[0]->regions.size() == 1);
    // The region is on line 5 of the page: 25 mm + 4 × 14 pt down, give or take the glyphs' height.
    CHECK(changed[0]->regions[0].y.pt() == doctest::Approx(Length::mm(25).pt() + 56 - 8).epsilon(0.05));
    REQUIRE(d.words.edits.size() == 2);
    CHECK(d.words.edits[0].words == std::vector<std::string>{old_word});
    CHECK(d.words.edits[1].words == std::vector<std::string>{"zeppelin"});
    CHECK(d.words.edits[1].page == 2);
    const std::string text = d.to_text();
    CHECK(text.find("p. 2: \u201C" + old_word + "\u201D → \u201Czeppelin\u201D") != std::string::npos);
    write_diff(d, a, b, dir / "out");
    CHECK(fs::exists(dir / "out" / "page-002.png"));
    CHECK_FALSE(fs::exists(dir / "out" / "page-001.png"));
    PdfDocument highlights(dir / "out" / "diff.pdf");
    CHECK(highlights.page_count() == 1);
}

TEST_CASE("pdf diff: a page added or removed does not mark the later pages changed") {
    const auto dir = scratch_dir("addremove");
    auto pages = three_pages();
    make_pdf(dir / "three.pdf", pages);
    auto four = pages;
    four.insert(four.begin() + 1, FixturePage::text(lines_for_page(9)));
    make_pdf(dir / "four.pdf", four);
    PdfDocument three(dir / "three.pdf"), four_doc(dir / "four.pdf");
    SUBCASE("added") {
        const PdfDiff d = diff_pdfs(three, four_doc);
        const auto changed = d.changed_pages();
        REQUIRE(changed.size() == 1);
        CHECK(changed[0]->change == PageChange::Added);
        CHECK(changed[0]->new_page == 2);
        CHECK(d.words.words_removed() == 0);
        CHECK(d.words.words_added() == 72);
        write_diff(d, three, four_doc, dir / "out-added");
        CHECK(fs::exists(dir / "out-added" / "page-002.png"));
    }
    SUBCASE("removed") {
        const PdfDiff d = diff_pdfs(four_doc, three);
        const auto changed = d.changed_pages();
        REQUIRE(changed.size() == 1);
        CHECK(changed[0]->change == PageChange::Removed);
        CHECK(changed[0]->old_page == 2);
        CHECK(d.words.words_removed() == 72);
        write_diff(d, four_doc, three, dir / "out-removed");
        CHECK(fs::exists(dir / "out-removed" / "page-old-002.png"));
        CHECK(d.to_text().find("old p. 2: page removed") != std::string::npos);
    }
}

TEST_CASE("pdf diff: a change in the slug (the proof stamp) is not a change, unless the whole page is asked") {
    const auto dir = scratch_dir("slug");
    auto stamped = [](const std::string& stamp) {
        FixturePage page = FixturePage::text({stamp});
        page.left = Length::mm(12);
        page.top = Length::mm(3);  // inside the 6 mm slug, outside the BleedBox
        FixturePage body = FixturePage::text(lines_for_page(1));
        return std::vector<FixturePage>{page, body};
    };
    // The stamp and the body on separate pages of the same geometry, so each is checked alone.
    make_pdf(dir / "r1.pdf", stamped("PROOF round 1"), WithBoxes::Yes, Length::mm(6));
    make_pdf(dir / "r2.pdf", stamped("PROOF round 2"), WithBoxes::Yes, Length::mm(6));
    PdfDocument a(dir / "r1.pdf"), b(dir / "r2.pdf");
    CHECK(diff_pdfs(a, b).identical());
    PdfDiffOptions whole;
    whole.area = PdfDiffOptions::Area::Media;
    const PdfDiff d = diff_pdfs(a, b, whole);
    REQUIRE(d.changed_pages().size() == 1);
    CHECK(d.changed_pages()[0]->new_page == 1);
    CHECK(d.words.words_added() == 1);
}

TEST_CASE("pdf diff refuses a file that is not a PDF, naming it") {
    const auto dir = scratch_dir("notpdf");
    std::ofstream(dir / "x.pdf") << "not a pdf";
    CHECK_THROWS_WITH_AS(PdfDocument(dir / "x.pdf"), doctest::Contains("x.pdf"), QuireError);
    CHECK_THROWS_AS(PdfDocument(dir / "missing.pdf"), QuireError);
}
