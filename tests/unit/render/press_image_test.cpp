// The press photos' conversion (render/press_image.hpp): decoded, converted and encoded a band of
// rows at a time. It must give the bytes of the whole-image path (decode all, convert all, encode
// all), for any height (bands of 16 rows, the last one short), and fail cleanly on a broken JPEG.
#include "core/diagnostic.hpp"
#include "render/jpeg_encode.hpp"
#include "render/press_image.hpp"
#include "style/color_profile.hpp"

#include <doctest/doctest.h>
#include <jpeglib.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace quire;

namespace {

// A photo-like test card: gradients and a few hard edges, as cairo's RGB24 (B, G, R, x).
std::string test_jpeg(int width, int height) {
    std::vector<unsigned char> bgrx(static_cast<std::size_t>(width) * height * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            unsigned char* p = &bgrx[(static_cast<std::size_t>(y) * width + x) * 4];
            p[0] = static_cast<unsigned char>(255 * x / width);
            p[1] = static_cast<unsigned char>(255 * y / height);
            p[2] = static_cast<unsigned char>((x / 7 + y / 5) % 2 ? 230 : 20);
            p[3] = 255;
        }
    return render::encode_jpeg({bgrx.data(), width, height, static_cast<std::ptrdiff_t>(width) * 4,
                                render::JpegSamples::Bgrx},
                               85);
}

// The reference: the whole image decoded, converted, then encoded in one piece.
std::string whole_image_path(const std::string& jpeg, const style::CmykProfile& profile, double max_ink) {
    jpeg_decompress_struct cinfo;
    jpeg_error_mgr err;
    cinfo.err = jpeg_std_error(&err);
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(jpeg.data()), static_cast<unsigned long>(jpeg.size()));
    jpeg_read_header(&cinfo, TRUE);
    cinfo.out_color_space = JCS_RGB;
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&cinfo);
    const int w = static_cast<int>(cinfo.output_width), h = static_cast<int>(cinfo.output_height);
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = rgb.data() + static_cast<std::size_t>(cinfo.output_scanline) * w * 3;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    std::vector<std::uint8_t> cmyk(static_cast<std::size_t>(w) * h * 4);
    profile.rgb_to_cmyk_pixels(rgb.data(), cmyk.data(), static_cast<std::size_t>(w) * h, max_ink,
                               style::CmykSamples::AdobeInverted);
    return render::encode_jpeg({cmyk.data(), w, h, static_cast<std::ptrdiff_t>(w) * 4, render::JpegSamples::CmykAdobeInverted},
                               render::kPressJpegQuality);
}

}  // namespace

TEST_CASE("press photos converted band by band give the whole-image path's bytes, for any height") {
    auto profile = style::CmykProfile::default_profile();
    if (!profile) {
        MESSAGE("skipped: default_cmyk.icc (libgs-common) is not installed");
        return;
    }
    for (int height : {1, 15, 16, 17, 45, 64}) {
        CAPTURE(height);
        const std::string jpeg = test_jpeg(53, height);
        const auto banded = render::convert_jpeg_to_cmyk(jpeg, 53, height, *profile, 3.0);
        REQUIRE(banded.has_value());
        CHECK(*banded == whole_image_path(jpeg, *profile, 3.0));
    }
}

TEST_CASE("a press photo that is not what its PDF dictionary says, or is cut short, fails cleanly") {
    auto profile = style::CmykProfile::default_profile();
    if (!profile) return;
    const std::string jpeg = test_jpeg(40, 40);
    // Another size than the image's: not ours to convert (left as it is).
    CHECK_FALSE(render::convert_jpeg_to_cmyk(jpeg, 41, 40, *profile, 3.0).has_value());
    // Not a JPEG at all: an error with a message, not a crash.
    CHECK_THROWS_AS(render::convert_jpeg_to_cmyk("not a jpeg at all", 40, 40, *profile, 3.0), QuireError);
    // Cut in the middle of the scan: libjpeg fills the rest (a warning, not an error); a whole JPEG comes out.
    const std::string cut = jpeg.substr(0, jpeg.size() / 2);
    const auto out = render::convert_jpeg_to_cmyk(cut, 40, 40, *profile, 3.0);
    REQUIRE(out.has_value());
    CHECK(out->size() > 100);
    CHECK(static_cast<unsigned char>((*out)[0]) == 0xFF);
    CHECK(static_cast<unsigned char>((*out)[1]) == 0xD8);
}
