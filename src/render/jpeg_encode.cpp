#include "render/jpeg_encode.hpp"

#include "core/diagnostic.hpp"
#include "page/jpeg_error.hpp"

#include <algorithm>
#include <csetjmp>
#include <cstdlib>

#include <jpeglib.h>

namespace quire::render {

using page::JpegError;
using page::jpeg_error_exit;

std::string encode_jpeg(const JpegPixels& pixels, int quality) {
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
    cinfo.image_width = static_cast<JDIMENSION>(pixels.width);
    cinfo.image_height = static_cast<JDIMENSION>(pixels.height);
    cinfo.input_components = 4;
    switch (pixels.samples) {
        case JpegSamples::Bgrx: cinfo.in_color_space = JCS_EXT_BGRX; break;
        case JpegSamples::Xrgb: cinfo.in_color_space = JCS_EXT_XRGB; break;
        case JpegSamples::CmykAdobeInverted: cinfo.in_color_space = JCS_CMYK; break;
    }
    jpeg_set_defaults(&cinfo);  // RGB: YCbCr 4:2:0
    // CMYK: libjpeg's YCCK defaults (Y and K full, Cb Cr 2 × 2) and the Adobe marker (jcmarker.c).
    if (pixels.samples == JpegSamples::CmykAdobeInverted) jpeg_set_colorspace(&cinfo, JCS_YCCK);
    jpeg_set_quality(&cinfo, std::clamp(quality, 1, 100), TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        // libjpeg reads the rows and never writes them (its API is older than const).
        JSAMPROW row = const_cast<unsigned char*>(pixels.data) + static_cast<std::ptrdiff_t>(cinfo.next_scanline) * pixels.stride;
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string bytes(reinterpret_cast<const char*>(out), size);
    std::free(out);
    return bytes;
}

}  // namespace quire::render
