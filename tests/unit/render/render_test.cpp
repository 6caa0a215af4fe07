// The renderer on small display lists: print boxes, page count, determinism, atomic output, PNGs.
#include "render/render.hpp"

#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace quire;

namespace {

page::PageDocument document(int pages) {
    page::PageDocument doc;
    doc.geometry = style::PageGeometry{};
    doc.info.title = "Test";
    doc.info.date = "2022-01-17";
    for (int i = 0; i < pages; ++i) {
        page::Page p;
        p.number = i + 1;
        p.label = std::to_string(i + 1);
        p.items.push_back(page::BoxItem{Rect{Length::pt(10), Length::pt(10), Length::pt(100), Length::pt(50)},
                                        style::Color{0.9, 0.9, 0.8}});
        p.items.push_back(page::RuleItem{0, 100, 200, 100, 0.5, style::Color{}});
        doc.pages.push_back(std::move(p));
    }
    doc.outline.push_back(page::OutlineEntry{1, "Test", 0, 0});
    return doc;
}

std::vector<double> box(QPDFPageObjectHelper& page, const char* key) {
    QPDFObjectHandle::Rectangle r = page.getObjectHandle().getKey(key).getArrayAsRectangle();
    return {r.llx, r.lly, r.urx, r.ury};
}

}  // namespace

TEST_CASE("every page has a TrimBox of the trim and a BleedBox 3 mm beyond it, inside the MediaBox") {
    const std::string pdf = render::render_pdf_bytes(document(3), {});
    QPDF q;
    q.processMemoryFile("test.pdf", pdf.data(), pdf.size());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    REQUIRE(pages.size() == 3);
    const double mm = 72.0 / 25.4;
    for (auto& p : pages) {
        const auto trim = box(p, "/TrimBox"), bleed = box(p, "/BleedBox"), media = box(p, "/MediaBox");
        CHECK(trim[2] - trim[0] == doctest::Approx(170 * mm));
        CHECK(trim[3] - trim[1] == doctest::Approx(240 * mm));
        CHECK(trim[0] - bleed[0] == doctest::Approx(3 * mm));
        CHECK(bleed[3] - trim[3] == doctest::Approx(3 * mm));
        CHECK(media[0] <= bleed[0]);
        CHECK(media[2] >= bleed[2]);
    }
    CHECK(q.getRoot().getKey("/PageMode").getName() == "/UseOutlines");
    // Page labels: the folios, as one decimal range.
    QPDFObjectHandle nums = q.getRoot().getKey("/PageLabels").getKey("/Nums");
    REQUIRE(nums.isArray());
    CHECK(nums.getArrayItem(1).getKey("/S").getName() == "/D");
    CHECK(nums.getArrayItem(1).getKey("/St").getIntValue() == 1);
}

TEST_CASE("the same document gives the same bytes") {
    CHECK(render::render_pdf_bytes(document(2), {}) == render::render_pdf_bytes(document(2), {}));
}

TEST_CASE("SOURCE_DATE_EPOCH sets the PDF's dates") {
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    const std::string pdf = render::render_pdf_bytes(document(1), {});
    unsetenv("SOURCE_DATE_EPOCH");
    QPDF q;
    q.processMemoryFile("test.pdf", pdf.data(), pdf.size());
    const std::string created = q.getTrailer().getKey("/Info").getKey("/CreationDate").getUTF8Value();
    CHECK(created.rfind("D:20231114", 0) == 0);
    const std::string fallback = render::render_pdf_bytes(document(1), {});
    QPDF q2;
    q2.processMemoryFile("test.pdf", fallback.data(), fallback.size());
    CHECK(q2.getTrailer().getKey("/Info").getKey("/CreationDate").getUTF8Value().rfind("D:20220117", 0) == 0);
}

TEST_CASE("a PDF that cannot be written leaves nothing behind") {
    const auto dir = std::filesystem::temp_directory_path() / "quire-render-test-missing" / "sub";
    CHECK_THROWS_AS(render::render_pdf(document(1), {}, dir / "x.pdf"), QuireError);
    CHECK_FALSE(std::filesystem::exists(dir / "x.pdf"));
}

TEST_CASE("page images: one PNG a page, of the trim at the resolution asked") {
    const auto dir = std::filesystem::temp_directory_path() / "quire-render-test-png";
    std::filesystem::remove_all(dir);
    const auto files = render::render_png(document(2), {.dpi = 36}, dir, "t");
    REQUIRE(files.size() == 2);
    std::ifstream in(files[0], std::ios::binary);
    unsigned char header[24] = {};
    in.read(reinterpret_cast<char*>(header), 24);
    const int w = (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
    const int h = (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23];
    CHECK(w == 241);  // 170 mm at 36 dpi
    CHECK(h == 340);  // 240 mm
    std::filesystem::remove_all(dir);
}
