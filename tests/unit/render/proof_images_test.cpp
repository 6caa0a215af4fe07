// A proof PDF's photographs (render/image_surface.hpp, SurfaceUse::ProofPdf): a three-component
// JPEG larger than the proof needs goes in decoded down and encoded again; anything else keeps its
// bytes, and the print PDF always does.
#include "page/image.hpp"
#include "render/image_surface.hpp"
#include "render/jpeg_encode.hpp"

#include <doctest/doctest.h>

#include <cairo.h>

#include <string>
#include <string_view>
#include <vector>

using namespace quire;

namespace {

std::string_view mime_jpeg(const page::CairoSurface& s) {
    const unsigned char* data = nullptr;
    unsigned long length = 0;
    cairo_surface_get_mime_data(s.get(), CAIRO_MIME_TYPE_JPEG, &data, &length);
    return {reinterpret_cast<const char*>(data), length};
}

// A 1600 × 800 photograph-like JPEG (a gradient), of three components or of four (CMYK).
std::shared_ptr<const page::Image> jpeg(render::JpegSamples samples) {
    const int w = 1600, h = 800;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &pixels[(static_cast<std::size_t>(y) * w + x) * 4];
            p[0] = static_cast<unsigned char>(x * 255 / w);
            p[1] = static_cast<unsigned char>(y * 255 / h);
            p[2] = 128;
            p[3] = 255;
        }
    std::string bytes = render::encode_jpeg({pixels.data(), w, h, w * 4, samples}, 90);
    return page::image_from_bytes(std::move(bytes), "photo.jpg", SourceSpan{"a.xml", 1, 1});
}

}  // namespace

TEST_CASE("a proof PDF's JPEG is decoded down to what the proof needs, a print PDF's keeps its bytes") {
    const auto rgb = jpeg(render::JpegSamples::Bgrx);
    REQUIRE(render::jpeg_components(rgb->bytes) == 3);

    SUBCASE("a quarter is all the proof needs: decoded at 2/8, encoded again") {
        const page::CairoSurface s = render::image_surface(*rgb, render::SurfaceUse::ProofPdf, 0.24);
        REQUIRE(s);
        const std::string reduced(mime_jpeg(s));
        REQUIRE_FALSE(reduced.empty());
        CHECK(reduced != rgb->bytes);
        const auto decoded = page::image_from_bytes(reduced, "reduced.jpg", SourceSpan{});
        CHECK(decoded->width == 400);
        CHECK(decoded->height == 200);
        CHECK(render::jpeg_components(reduced) == 3);
        // The same bytes the second time (from the artefact cache, or made again).
        CHECK(std::string(mime_jpeg(render::image_surface(*rgb, render::SurfaceUse::ProofPdf, 0.24))) == reduced);
    }
    SUBCASE("more than half needed: the bytes as they are") {
        const page::CairoSurface s = render::image_surface(*rgb, render::SurfaceUse::ProofPdf, 0.6);
        CHECK(mime_jpeg(s) == rgb->bytes);
    }
    SUBCASE("the print PDF: the bytes as they are, however small the box") {
        const page::CairoSurface s = render::image_surface(*rgb, render::SurfaceUse::Pdf, 0.1);
        CHECK(mime_jpeg(s) == rgb->bytes);
    }
    SUBCASE("a CMYK JPEG keeps its inks in the proof too") {
        const auto cmyk = jpeg(render::JpegSamples::CmykAdobeInverted);
        REQUIRE(render::jpeg_components(cmyk->bytes) == 4);
        const page::CairoSurface s = render::image_surface(*cmyk, render::SurfaceUse::ProofPdf, 0.1);
        CHECK(mime_jpeg(s) == cmyk->bytes);
    }
}
