// Issue 18, item 12: EXIF orientation and JPEGs that are headers with an end marker.
#include "hostile_helpers.hpp"

#include "page/image.hpp"
#include "render/image_surface.hpp"

#include <doctest/doctest.h>

using namespace quire;
using namespace hostile;

TEST_CASE("item 12: the EXIF orientation is read and turns the displayed size") {
    TempDir dir;
    for (int o = 1; o <= 8; ++o) {
        const std::string bytes = jpeg_bytes(64, 32, o);
        CHECK(page::jpeg_exif_orientation(bytes) == o);
        write_text(dir / "o.jpg", bytes);
        auto image = page::load_image(dir / "o.jpg", SourceSpan{"a.xml"});
        CHECK(image->orientation == o);
        CHECK(image->width == (o >= 5 ? 32 : 64));
        CHECK(image->height == (o >= 5 ? 64 : 32));
    }
    CHECK(page::jpeg_exif_orientation(jpeg_bytes(16, 16)) == 1);
    // A truncated EXIF block is no orientation, not a crash.
    std::string cut = jpeg_bytes(16, 16, 6);
    CHECK(page::jpeg_exif_orientation(cut.substr(0, 30)) == 1);
}

TEST_CASE("item 12: the orientation matrices map the stored corners where EXIF says") {
    // Orientation 6 (turn 90° clockwise): the stored top-left corner is shown at the top right.
    auto at = [](int o, double u, double v) {
        const auto m = render::orientation_matrix(o);
        return std::pair{m.a * u + m.b * v + m.c, m.d * u + m.e * v + m.f};
    };
    CHECK(at(1, 0, 0) == std::pair{0.0, 0.0});
    CHECK(at(6, 0, 0) == std::pair{1.0, 0.0});
    CHECK(at(6, 1, 0) == std::pair{1.0, 1.0});  // stored top-right: bottom right
    CHECK(at(8, 0, 0) == std::pair{0.0, 1.0});  // turned anticlockwise: top-left to bottom left
    CHECK(at(3, 0, 0) == std::pair{1.0, 1.0});
    CHECK(at(2, 0, 0) == std::pair{1.0, 0.0});
    CHECK(at(4, 0, 0) == std::pair{0.0, 1.0});
    CHECK(at(5, 1, 0) == std::pair{0.0, 1.0});
    CHECK(at(7, 0, 0) == std::pair{1.0, 1.0});
}

TEST_CASE("item 12: a page image shows an orientation-6 photo upright") {
    TempDir dir;
    // Stored 200 × 100, red on the left, blue on the right; orientation 6 shows it 100 × 200 with red on
    // top. The lead photo's frame is wide, so the middle of the displayed photo fills it: sample the
    // page image where the frame's top and bottom are.
    write_jpeg(dir / "images/turned.jpg", 400, 100, 6);
    write_text(dir / "a.xml", article_xml("images/turned.jpg"));
    const auto r = run_quire("pdf " + (dir / "a.xml").string() + " -o " + (dir / "a.pdf").string() + " --png-dir " +
                             (dir / "png").string() + " --png-dpi 30");
    INFO(r.output);
    REQUIRE(r.status == 0);
    // Crop-fill: the displayed photo is 100 wide and 400 tall; its middle (the stored middle columns,
    // where red meets blue) fills the frame: red above, blue below. Without the orientation the frame
    // would show the stored photo's middle rows: red on the left, blue on the right.
    fs::path png;
    for (const auto& e : fs::directory_iterator(dir / "png")) png = e.path();
    REQUIRE(!png.empty());
    cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    const int w = cairo_image_surface_get_width(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* d = cairo_image_surface_get_data(s);
    // Find the photo: the first row with a strongly red or blue pixel at the page's horizontal middle.
    int top = -1, bottom = -1;
    for (int y = 0; y < cairo_image_surface_get_height(s); ++y) {
        const unsigned char* p = d + y * stride + (w / 2) * 4;  // B G R A
        const bool coloured = std::abs(int(p[2]) - int(p[0])) > 100;
        if (coloured && top < 0) top = y;
        if (coloured) bottom = y;
    }
    REQUIRE(top >= 0);
    const unsigned char* upper = d + (top + 2) * stride + (w / 2) * 4;
    const unsigned char* lower = d + (bottom - 2) * stride + (w / 2) * 4;
    CHECK(upper[2] > upper[0]);  // red above
    CHECK(lower[0] > lower[2]);  // blue below
    cairo_surface_destroy(s);
}

TEST_CASE("item 12: a JPEG with a fake end marker and no scan data is an error") {
    TempDir dir;
    const std::string good = jpeg_bytes(32, 32);
    // Everything up to the scan header (FF DA and its segment), then FF D9 at once.
    const std::size_t sos = good.find("\xFF\xDA");
    REQUIRE(sos != std::string::npos);
    const std::size_t sos_len = std::size_t(static_cast<unsigned char>(good[sos + 2])) << 8 | static_cast<unsigned char>(good[sos + 3]);
    write_text(dir / "fake.jpg", good.substr(0, sos + 2 + sos_len) + "\xFF\xD9");
    CHECK_THROWS_WITH_AS(page::load_image(dir / "fake.jpg", SourceSpan{"a.xml", 5, 3}),
                         doctest::Contains("a.xml:5:3: error: image"), QuireError);
    CHECK_THROWS_WITH_AS(page::load_image(dir / "fake.jpg", SourceSpan{"a.xml", 5, 3}), doctest::Contains("no scan data"),
                         QuireError);
    // Only the markers before the frame, then the end.
    write_text(dir / "header.jpg", good.substr(0, 20) + "\xFF\xD9");
    CHECK_THROWS_AS(page::load_image(dir / "header.jpg", SourceSpan{"a.xml"}), QuireError);
    // The good one loads.
    write_text(dir / "good.jpg", good);
    CHECK(page::load_image(dir / "good.jpg", SourceSpan{"a.xml"})->width == 32);
}
