// render/png_write.hpp: the proof encodes a page's PNGs on a second thread from pixels copied out of
// cairo (copy_rgb24 + write_rgb24_png); those files must be the very bytes write_surface_png writes
// from the surface itself, and a surface that is not RGB24 must be refused, not misread.
#include "render/png_write.hpp"

#include <cairo.h>
#include <doctest/doctest.h>

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
