#include "render/jpeg_encode.hpp"

#include "core/diagnostic.hpp"
#include "page/jpeg_error.hpp"

#include <algorithm>
#include <csetjmp>
#include <cstdlib>
#include <vector>

#include <jpeglib.h>

namespace quire::render {

using page::JpegError;
using page::jpeg_error_exit;

namespace {

// Encodes `height` rows of `width` pixels, asking `row(y)` for each row in order.
template <typename RowOf>
std::string encode(int width, int height, JpegSamples samples, int quality, RowOf&& row) {
    jpeg_compress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_error_exit;
    unsigned char* out = nullptr;
    unsigned long size = 0;
    if (setjmp(err.jump)) {
        jpeg_destroy_compress(&cinfo);
        std::free(out);
        throw QuireError(SourceSpan{}, std::string("cannot encode the JPEG image: ") + err.message);
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, &out, &size);
    cinfo.image_width = static_cast<JDIMENSION>(width);
    cinfo.image_height = static_cast<JDIMENSION>(height);
    cinfo.input_components = 4;
    switch (samples) {
        case JpegSamples::Bgrx: cinfo.in_color_space = JCS_EXT_BGRX; break;
        case JpegSamples::Xrgb: cinfo.in_color_space = JCS_EXT_XRGB; break;
        case JpegSamples::CmykAdobeInverted: cinfo.in_color_space = JCS_CMYK; break;
    }
    jpeg_set_defaults(&cinfo);  // RGB: YCbCr 4:2:0
    // CMYK: libjpeg's YCCK defaults (Y and K full, Cb Cr 2 × 2) and the Adobe marker (jcmarker.c).
    if (samples == JpegSamples::CmykAdobeInverted) jpeg_set_colorspace(&cinfo, JCS_YCCK);
    jpeg_set_quality(&cinfo, std::clamp(quality, 1, 100), TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        // libjpeg reads the rows and never writes them (its API is older than const).
        JSAMPROW r = const_cast<unsigned char*>(row(static_cast<int>(cinfo.next_scanline)));
        jpeg_write_scanlines(&cinfo, &r, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string bytes(reinterpret_cast<const char*>(out), size);
    std::free(out);
    return bytes;
}

}  // namespace

std::string encode_jpeg(const JpegPixels& pixels, int quality) {
    return encode(pixels.width, pixels.height, pixels.samples, quality,
                  [&](int y) { return pixels.data + static_cast<std::ptrdiff_t>(y) * pixels.stride; });
}

std::string encode_jpeg_bands(int width, int height, JpegSamples samples, int quality, const JpegBandSource& fill) {
    const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> band(row_bytes * kJpegBandRows);
    int band_first = 0, band_rows = 0;
    return encode(width, height, samples, quality, [&](int y) {
        if (y >= band_first + band_rows) {
            band_first = y;
            band_rows = std::min(kJpegBandRows, height - y);
            fill(band.data(), band_first, band_rows);
        }
        return band.data() + static_cast<std::size_t>(y - band_first) * row_bytes;
    });
}

}  // namespace quire::render
