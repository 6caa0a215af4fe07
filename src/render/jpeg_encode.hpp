// The one JPEG encoder of quire (libjpeg-turbo): the photo cover (render_png.hpp,
// render_page_jpeg) and the press PDF's CMYK photos (render/press_image.hpp). Each colour model is
// written as libjpeg's defaults for it, which are what readers expect:
//   RGB  → YCbCr, chroma 2 × 2 subsampled (JFIF);
//   CMYK → YCCK (Adobe transform 2) with the Adobe marker, the two chroma channels 2 × 2 subsampled,
//          the luma of C, M, Y and the black at full resolution. The samples are Adobe-inverted
//          (255 = no ink): the PDF image needs /Decode [1 0 1 0 1 0 1 0] (render/image_surface.hpp).
// YCCK rather than plain CMYK: the photo's colour detail was 2 × 2 in the RGB JPEG it came from, so
// nothing is lost that was there, and the file is half the size (measured on the example's photo at
// quality 90: 587 KB against 1092 KB, 45.9 dB PSNR on the plates; docs/press.md).
//
//   std::string jpeg = render::encode_jpeg({data, width, height, stride, render::JpegSamples::Bgrx}, 85);
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace quire::render {

enum class JpegSamples {
    Bgrx,               // 4 bytes a pixel: cairo's RGB24 on a little-endian machine
    Xrgb,               // … on a big-endian one
    CmykAdobeInverted,  // 4 bytes a pixel, C M Y K, 255 = no ink
};

struct JpegPixels {
    const unsigned char* data;
    int width;
    int height;
    std::ptrdiff_t stride;  // bytes from one row to the next
    JpegSamples samples;
};

// Baseline JPEG at `quality` (1..100, clamped). Same pixels → same bytes. Throws QuireError.
std::string encode_jpeg(const JpegPixels& pixels, int quality);

// The same, with the pixels made band by band as the encoder asks for them (a large photo is never
// whole in memory): `fill(band, first_row, rows)` writes `rows` rows of `width` × 4 bytes from row
// `first_row` into `band`. The bytes are those encode_jpeg gives for the same pixels.
inline constexpr int kJpegBandRows = 16;  // libjpeg's largest MCU height: one band, one row of MCUs
using JpegBandSource = std::function<void(unsigned char* band, int first_row, int rows)>;
std::string encode_jpeg_bands(int width, int height, JpegSamples samples, int quality, const JpegBandSource& fill);

}  // namespace quire::render
