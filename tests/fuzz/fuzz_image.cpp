// libFuzzer target: image checks and decoding (JPEG, PNG; issue 18).
#include "render/image_surface.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        auto image = quire::page::image_from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.img",
                                                   quire::SourceSpan{"fuzz.xml", 1, 1});
        // Small decodes: the code paths, not the pixels, are under test.
        const double scale = 64.0 / std::max(image->width, image->height);
        (void)quire::render::image_surface(*image, quire::render::SurfaceUse::Raster, scale);
        (void)quire::render::image_surface(*image, quire::render::SurfaceUse::Pdf, scale);
    } catch (const quire::QuireError&) {
        // refused with a place: the expected outcome for most inputs
    }
    return 0;
}
