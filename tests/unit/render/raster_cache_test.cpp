// JPEGs decoded down for page images and spreads come from the artefact cache the second time
// (render/image_surface.cpp, "raster-jpeg"): the same pixels as a decode, whatever the cache holds.
#include "page/image.hpp"
#include "render/image_surface.hpp"
#include "render/jpeg_encode.hpp"

#include <doctest/doctest.h>

#include <cairo.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

using namespace quire;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<const page::Image> progressive_like_photo() {
    const int w = 1200, h = 700;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &pixels[(static_cast<std::size_t>(y) * w + x) * 4];
            p[0] = static_cast<unsigned char>((x * 7 + y * 3) % 256);
            p[1] = static_cast<unsigned char>(y * 255 / h);
            p[2] = static_cast<unsigned char>(x * 255 / w);
            p[3] = 255;
        }
    return page::image_from_bytes(render::encode_jpeg({pixels.data(), w, h, w * 4, render::JpegSamples::Bgrx}, 85),
                                  "photo.jpg", SourceSpan{"a.xml", 1, 1});
}

std::string pixels(const page::CairoSurface& s) {
    cairo_surface_flush(s.get());
    const int w = cairo_image_surface_get_width(s.get()), h = cairo_image_surface_get_height(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    const unsigned char* data = cairo_image_surface_get_data(s.get());
    std::string out = std::to_string(w) + "x" + std::to_string(h) + ":";
    for (int y = 0; y < h; ++y) out.append(reinterpret_cast<const char*>(data + y * stride), static_cast<std::size_t>(w) * 4);
    return out;
}

struct CacheFolder {
    fs::path path = fs::temp_directory_path() / ("quire-raster-cache-" + std::to_string(::getpid()));
    CacheFolder() {
        fs::remove_all(path);
        setenv("QUIRE_CACHE_DIR", path.c_str(), 1);
    }
    ~CacheFolder() {
        unsetenv("QUIRE_CACHE_DIR");
        fs::remove_all(path);
    }
};

}  // namespace

TEST_CASE("a JPEG decoded down for page images: the same pixels from the cache as decoded") {
    const auto photo = progressive_like_photo();
    setenv("QUIRE_CACHE_DIR", "off", 1);
    const std::string decoded = pixels(render::image_surface(*photo, render::SurfaceUse::Raster, 0.2));
    unsetenv("QUIRE_CACHE_DIR");
    CHECK(decoded.rfind("300x175:", 0) == 0);  // 2/8 of 1200 × 700

    const CacheFolder cache;
    CHECK(pixels(render::image_surface(*photo, render::SurfaceUse::Raster, 0.2)) == decoded);  // made, kept
    REQUIRE(fs::exists(cache.path / "raster-jpeg"));
    CHECK(pixels(render::image_surface(*photo, render::SurfaceUse::Raster, 0.2)) == decoded);  // from the cache

    // An entry cut short (a full disk, a killed run) is decoded again, not drawn.
    for (const auto& e : fs::directory_iterator(cache.path / "raster-jpeg")) fs::resize_file(e.path(), fs::file_size(e.path()) / 2);
    CHECK(pixels(render::image_surface(*photo, render::SurfaceUse::Raster, 0.2)) == decoded);

    // At full size: decoded each time, nothing more kept.
    const std::size_t entries = static_cast<std::size_t>(std::distance(fs::directory_iterator(cache.path / "raster-jpeg"), {}));
    render::image_surface(*photo, render::SurfaceUse::Raster, 1.0);
    CHECK(static_cast<std::size_t>(std::distance(fs::directory_iterator(cache.path / "raster-jpeg"), {})) == entries);
}
