// The renderer on small display lists: print boxes, page count, determinism, atomic output, PNGs.
#include "render/render.hpp"

#include "core/output_file.hpp"
#include "page/image.hpp"
#include "render/image_surface.hpp"

#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include <cairo.h>
#include <jpeglib.h>

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
                                        style::Color{0.9, 0.9, 0.8, std::nullopt}});
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

namespace {

// A 16 × 16 CMYK JPEG written as Photoshop writes them: inks inverted, Adobe's APP14 marker (libjpeg
// writes it for CMYK). Every pixel carries `inks` (C, M, Y, K; 0 = none).
std::string cmyk_jpeg(const std::filesystem::path& path, std::array<unsigned char, 4> inks) {
    jpeg_compress_struct c;
    jpeg_error_mgr err;
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buffer, &size);
    c.image_width = 16;
    c.image_height = 16;
    c.input_components = 4;
    c.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 95, TRUE);
    jpeg_start_compress(&c, TRUE);
    std::vector<unsigned char> row(16 * 4);
    for (int x = 0; x < 16; ++x)
        for (int k = 0; k < 4; ++k) row[std::size_t(x * 4 + k)] = static_cast<unsigned char>(255 - inks[std::size_t(k)]);
    while (c.next_scanline < 16) {
        JSAMPROW r = row.data();
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    std::string bytes(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    jpeg_destroy_compress(&c);
    std::ofstream(path, std::ios::binary) << bytes;
    return bytes;
}

page::PageDocument with_image(const std::filesystem::path& jpeg) {
    page::PageDocument doc = document(1);
    const Rect r{Length::pt(50), Length::pt(50), Length::pt(200), Length::pt(200)};
    doc.pages[0].items.push_back(page::ImageItem{page::load_image(jpeg, SourceSpan{"test"}), r, r, "a test image"});
    return doc;
}

}  // namespace

TEST_CASE("an inverted CMYK JPEG prints as a positive: /Decode in the PDF, converted in page images") {
    const auto dir = std::filesystem::temp_directory_path() / "quire-render-test-cmyk";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string bytes = cmyk_jpeg(dir / "cyan.jpg", {255, 0, 0, 0});
    CHECK(render::jpeg_is_adobe_cmyk(bytes));
    CHECK_FALSE(render::jpeg_is_adobe_cmyk(read_file(std::filesystem::path(QUIRE_TEST_DATA) / "print" / "photo.jpg")));
    CHECK_FALSE(render::jpeg_is_adobe_cmyk("not a jpeg"));

    const std::string pdf = render::render_pdf_bytes(with_image(dir / "cyan.jpg"), {});
    QPDF q;
    q.processMemoryFile("cmyk.pdf", pdf.data(), pdf.size());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    REQUIRE(pages.size() == 1);
    int images = 0;
    for (auto& [name, image] : pages[0].getImages()) {
        ++images;
        QPDFObjectHandle dict = image.getDict();
        CHECK(dict.getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK"));
        REQUIRE(dict.getKey("/Decode").isArray());
        CHECK(dict.getKey("/Decode").getArrayNItems() == 8);
        CHECK(dict.getKey("/Decode").getArrayItem(0).getIntValue() == 1);
    }
    CHECK(images == 1);

    // The page image: cyan ink is red 0, green and blue full (a negative would be the opposite).
    const auto files = render::render_png(with_image(dir / "cyan.jpg"), {.dpi = 72}, dir, "t");
    REQUIRE(files.size() == 1);
    cairo_surface_t* png = cairo_image_surface_create_from_png(files[0].c_str());
    REQUIRE(cairo_surface_status(png) == CAIRO_STATUS_SUCCESS);
    const unsigned char* px = cairo_image_surface_get_data(png);
    const int stride = cairo_image_surface_get_stride(png);
    // The image's centre, (150, 150) pt of the trim at 72 dpi; BGRA in memory.
    const unsigned char* p = px + 150 * stride + 150 * 4;
    CHECK(p[2] < 40);   // red
    CHECK(p[1] > 200);  // green
    CHECK(p[0] > 200);  // blue
    cairo_surface_destroy(png);
    std::filesystem::remove_all(dir);
}
