// render/png_write.hpp: the proof encodes a page's PNGs on a second thread from pixels copied out of
// cairo (copy_rgb24 + write_rgb24_png); those files must be the very bytes write_surface_png writes
// from the surface itself, and a surface that is not RGB24 must be refused, not misread.
#include "render/png_write.hpp"

#include <cairo.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <unistd.h>

using namespace quire;
namespace fs = std::filesystem;

namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

// A surface with something on every row, so that a wrong stride or channel order changes the bytes.
Surface painted(cairo_format_t format, int width, int height) {
    Surface s{cairo_image_surface_create(format, width, height)};
    cairo_t* cr = cairo_create(s.get());
    cairo_set_source_rgb(cr, 0.95, 0.93, 0.90);
    cairo_paint(cr);
    for (int i = 0; i < 12; ++i) {
        cairo_set_source_rgba(cr, 0.1 * (i % 4), 0.3, 0.08 * i, 0.8);
        cairo_arc(cr, 7.0 * i + 5, 3.0 * i + 4, 4.0 + i, 0, 6.28318);
        cairo_fill(cr);
    }
    cairo_destroy(cr);
    cairo_surface_flush(s.get());
    return s;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path scratch_dir() {
    const fs::path dir = fs::temp_directory_path() / ("quire-png-write-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("png_write: copied RGB24 pixels encode to the same bytes as the surface, at an odd width") {
    const fs::path dir = scratch_dir();
    const Surface s = painted(CAIRO_FORMAT_RGB24, 83, 47);  // 83 px: the stride is padded past the row
    render::write_surface_png(s.get(), dir / "direct.png");
    const auto pixels = render::copy_rgb24(s.get());
    REQUIRE(pixels.has_value());
    CHECK(pixels->width == 83);
    CHECK(pixels->height == 47);
    CHECK(pixels->stride >= 83 * 4);
    render::write_rgb24_png(*pixels, dir / "copied.png");
    const std::string direct = slurp(dir / "direct.png");
    CHECK(direct.size() > 100);
    CHECK(slurp(dir / "copied.png") == direct);
    fs::remove_all(dir);
}

TEST_CASE("png_write: a surface that is not RGB24 is not copied as if it were") {
    const Surface argb = painted(CAIRO_FORMAT_ARGB32, 20, 10);
    CHECK_FALSE(render::copy_rgb24(argb.get()).has_value());
    const Surface a8 = painted(CAIRO_FORMAT_A8, 20, 10);
    CHECK_FALSE(render::copy_rgb24(a8.get()).has_value());
}

namespace {

// The RGB of every pixel, row by row (the x byte of xRGB left out).
std::string rgb_of(cairo_surface_t* s) {
    cairo_surface_flush(s);
    const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    std::string out;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto px = *reinterpret_cast<const std::uint32_t*>(data + y * stride + 4 * x);
            out += {static_cast<char>(px >> 16), static_cast<char>(px >> 8), static_cast<char>(px)};
        }
    return out;
}

}  // namespace

TEST_CASE("png_write: quire's encoder writes a PNG that libpng reads back pixel for pixel") {
    // libpng (through cairo's reader) checks every chunk's CRC and the zlib stream's Adler-32; the
    // widths cover a row of one pixel, a stride padded past the row and an image of several IDAT
    // chunks (1 MiB each: noise compresses to about its own size).
    const fs::path dir = scratch_dir();
    for (const auto& [w, h] : {std::pair{1, 1}, std::pair{83, 47}, std::pair{1000, 900}}) {
        CAPTURE(w);
        const Surface s = painted(CAIRO_FORMAT_RGB24, w, h);
        if (w == 1000) {  // noise in the lower half, flat paper above it
            unsigned char* data = cairo_image_surface_get_data(s.get());
            const int stride = cairo_image_surface_get_stride(s.get());
            std::uint32_t state = 12345;
            for (int y = h / 2; y < h; ++y)
                for (int x = 0; x < w; ++x) {
                    state = state * 1664525u + 1013904223u;
                    *reinterpret_cast<std::uint32_t*>(data + y * stride + 4 * x) = state >> 8;
                }
            cairo_surface_mark_dirty(s.get());
        }
        render::write_surface_png(s.get(), dir / "page.png");
        const std::string bytes = slurp(dir / "page.png");
        REQUIRE(bytes.size() > 8);
        CHECK(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        const Surface back{cairo_image_surface_create_from_png((dir / "page.png").c_str())};
        REQUIRE(cairo_surface_status(back.get()) == CAIRO_STATUS_SUCCESS);
        CHECK(cairo_image_surface_get_width(back.get()) == w);
        CHECK(cairo_image_surface_get_height(back.get()) == h);
        CHECK(cairo_image_surface_get_format(back.get()) == CAIRO_FORMAT_RGB24);
        CHECK(rgb_of(back.get()) == rgb_of(s.get()));
        if (w == 1000) {
            std::size_t idat = 0;
            for (std::size_t at = bytes.find("IDAT"); at != std::string::npos; at = bytes.find("IDAT", at + 4)) ++idat;
            CHECK(idat >= 2);
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("png_write: a corrupted byte is caught by the reader (the CRCs are real)") {
    const fs::path dir = scratch_dir();
    const Surface s = painted(CAIRO_FORMAT_RGB24, 40, 30);
    render::write_surface_png(s.get(), dir / "page.png");
    std::string bytes = slurp(dir / "page.png");
    const std::size_t idat = bytes.find("IDAT");
    REQUIRE(idat != std::string::npos);
    bytes[idat + 10] = static_cast<char>(bytes[idat + 10] ^ 0x40);
    std::ofstream(dir / "bad.png", std::ios::binary) << bytes;
    const Surface back{cairo_image_surface_create_from_png((dir / "bad.png").c_str())};
    CHECK(cairo_surface_status(back.get()) != CAIRO_STATUS_SUCCESS);
    fs::remove_all(dir);
}
