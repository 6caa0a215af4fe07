// render_page_png (render/render_png.hpp): one page to PNG bytes, on the EPUB's drawn cover
// (page/epub_cover.hpp), palette for flat pages, RGB otherwise.
#include "page/epub_cover.hpp"
#include "render/render_png.hpp"

#include "core/diagnostic.hpp"

#include <doctest/doctest.h>
#include <png.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace quire;

namespace {

struct Decoded {
    int width = 0, height = 0;
    int colour_type = -1;  // IHDR: 2 RGB, 3 palette
    std::vector<std::uint8_t> rgb;
};

Decoded decode(const std::string& bytes) {
    Decoded d;
    REQUIRE(bytes.size() > 33);
    REQUIRE(bytes.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0);
    d.colour_type = static_cast<unsigned char>(bytes[25]);
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    REQUIRE(png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()));
    image.format = PNG_FORMAT_RGB;
    d.rgb.resize(PNG_IMAGE_SIZE(image));
    REQUIRE(png_image_finish_read(&image, nullptr, d.rgb.data(), 0, nullptr));
    d.width = static_cast<int>(image.width);
    d.height = static_cast<int>(image.height);
    return d;
}

page::PageDocument example_cover(page::CoverSize size) {
    const style::Layout layout = style::load_layout_or_throw("magazine");
    Diagnostics diagnostics;
    const page::CoverText text{"New Eastern Europe", "Articles and Commentary",
                               "Armenia as a mere pawn in Russia\u2019s Kazakhstan strategy", "Aleksandar Srbinovski",
                               "17 January 2022", "en"};
    return page::lay_out_epub_cover(text, layout, std::make_shared<text::FontCollection>(), size, diagnostics);
}

}  // namespace

TEST_CASE("render_page_png: the cover has the page's size in pixels, is not blank, and the same bytes twice") {
    const page::PageDocument doc = example_cover({600, 900});
    const std::string png = render::render_page_png(doc, 0, 1.0);
    CHECK(render::render_page_png(doc, 0, 1.0) == png);
    const Decoded d = decode(png);
    CHECK(d.width == 600);
    CHECK(d.height == 900);
    CHECK(d.colour_type == 3);  // flat colours: a palette
    // Paper at a blank spot (the left margin, mid-height), ink (dark: the title) on a good share.
    const auto at = [&](int x, int y) { return &d.rgb[(static_cast<std::size_t>(y) * 600 + static_cast<std::size_t>(x)) * 3]; };
    const std::uint8_t* paper = at(10, 450);
    CHECK(paper[0] > 240);
    std::size_t dark = 0, red = 0;
    for (std::size_t i = 0; i < d.rgb.size(); i += 3) {
        if (d.rgb[i] < 80 && d.rgb[i + 1] < 80 && d.rgb[i + 2] < 80) ++dark;
        if (d.rgb[i] > 120 && d.rgb[i + 1] < 80) ++red;  // the accent band, name, rule, section, date
    }
    CHECK(dark > 600 * 900 / 50);
    CHECK(red > 600 * 900 / 100);
    // Scale: pixels per point.
    const Decoded half = decode(render::render_page_png(doc, 0, 0.5));
    CHECK(half.width == 300);
    CHECK(half.height == 450);
    CHECK_THROWS_AS(render::render_page_png(doc, 1, 1.0), QuireError);
}

TEST_CASE("render_page_png: the palette keeps every pixel of the RGB drawing to within rounding") {
    const page::PageDocument flat = example_cover({300, 450});
    // More than three inks (empty boxes: nothing drawn) make the page not flat: RGB, the same drawing.
    page::PageDocument rgb = example_cover({300, 450});
    for (double g : {0.2, 0.4, 0.6}) rgb.pages[0].items.push_back(page::BoxItem{Rect{}, style::Color{0, g, 0, std::nullopt}});
    const Decoded p = decode(render::render_page_png(flat, 0, 1.0));
    const Decoded r = decode(render::render_page_png(rgb, 0, 1.0));
    CHECK(p.colour_type == 3);
    CHECK(r.colour_type == 2);
    REQUIRE(p.rgb.size() == r.rgb.size());
    int worst = 0;
    for (std::size_t i = 0; i < p.rgb.size(); ++i) worst = std::max(worst, std::abs(int(p.rgb[i]) - int(r.rgb[i])));
    CHECK(worst <= 3);
    CHECK(p.rgb != std::vector<std::uint8_t>(p.rgb.size(), p.rgb[0]));
}

TEST_CASE("render_page_jpeg: a JPEG of the page at the scale asked, the same bytes twice") {
    page::PageDocument doc = example_cover({300, 450});
    const std::string jpeg = render::render_page_jpeg(doc, 0, 2.0, 80);
    CHECK(render::render_page_jpeg(doc, 0, 2.0, 80) == jpeg);
    REQUIRE(jpeg.size() > 200);
    CHECK(jpeg.compare(0, 3, "\xFF\xD8\xFF") == 0);
    // The frame header (SOF0: FF C0, length, precision, height, width) gives the pixel size.
    const std::size_t sof = jpeg.find("\xFF\xC0");
    REQUIRE(sof != std::string::npos);
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(jpeg[i]); };
    CHECK((byte(sof + 5) << 8 | byte(sof + 6)) == 900);
    CHECK((byte(sof + 7) << 8 | byte(sof + 8)) == 600);
    CHECK_THROWS_AS(render::render_page_jpeg(doc, 3, 1.0), QuireError);
}
