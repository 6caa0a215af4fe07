#include "render/palette_png.hpp"

#include <doctest/doctest.h>
#include <png.h>

#include <cstring>
#include <vector>

using namespace quire::render;

namespace {

// Decodes with libpng's simplified API to RGB.
std::vector<std::uint8_t> decode_rgb(const std::string& bytes, int& width, int& height) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    REQUIRE(png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()));
    image.format = PNG_FORMAT_RGB;
    std::vector<std::uint8_t> rgb(PNG_IMAGE_SIZE(image));
    REQUIRE(png_image_finish_read(&image, nullptr, rgb.data(), 0, nullptr));
    width = static_cast<int>(image.width);
    height = static_cast<int>(image.height);
    return rgb;
}

}  // namespace

TEST_CASE("palette PNG: libpng reads back every pixel (runs across rows, long runs, short ones, all 256 indices)") {
    const int w = 300, h = 97;
    std::vector<std::uint8_t> palette;
    for (int i = 0; i < 256; ++i) {
        palette.push_back(static_cast<std::uint8_t>(i));
        palette.push_back(static_cast<std::uint8_t>(255 - i));
        palette.push_back(static_cast<std::uint8_t>((i * 7) & 0xFF));
    }
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w * h), 0);
    std::uint32_t seed = 12345;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            seed = seed * 1103515245u + 12345u;
            const std::size_t at = static_cast<std::size_t>(y * w + x);
            if (y % 10 == 3) pixels[at] = static_cast<std::uint8_t>((seed >> 16) & 0xFF);  // noise
            else if (y % 10 == 5) pixels[at] = static_cast<std::uint8_t>(x / 37);          // runs of 37
            else if (y % 10 == 7) pixels[at] = static_cast<std::uint8_t>(x % 3 == 0 ? 200 : 200 + x % 2);
            // other rows: paper (0), joined into runs longer than 258 across rows
        }
    PaletteImage image;
    image.width = w;
    image.height = h;
    image.palette_rgb = palette;
    image.row = [&](int y) { return pixels.data() + static_cast<std::ptrdiff_t>(y) * w; };
    const std::string png = encode_palette_png(image);
    int dw = 0, dh = 0;
    const auto rgb = decode_rgb(png, dw, dh);
    REQUIRE(dw == w);
    REQUIRE(dh == h);
    int wrong = 0;
    for (std::size_t i = 0; i < pixels.size(); ++i)
        for (std::size_t c = 0; c < 3; ++c)
            if (rgb[i * 3 + c] != palette[pixels[i] * 3 + c]) ++wrong;
    CHECK(wrong == 0);
    // Blank rows cost almost nothing: far smaller than the raw pixels.
    CHECK(png.size() < pixels.size() / 2);
}
