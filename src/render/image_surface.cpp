// Image surfaces for drawing (render/image_surface.hpp): JPEGs decoded with libjpeg-turbo's DCT
// scaling or handed to the PDF as their bytes, PNGs decoded by page/image.cpp's reader (the one that
// checks them when the page is laid out).
#include "render/image_surface.hpp"

#include "core/artefact_cache.hpp"
#include "core/digest.hpp"
#include "page/jpeg_error.hpp"
#include "render/jpeg_encode.hpp"

#include <jpeglib.h>

#include <algorithm>
#include <bit>
#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace quire::render {

using page::JpegError;
using page::jpeg_error_exit;

namespace {

// Decodes straight into cairo's RGB24 layout (JCS_EXT_BGRX on little-endian: stack-notes), reduced by
// scale_num/8. Returns false on a corrupt file (or one libjpeg would need too much memory for).
bool decode_jpeg(const std::string& bytes, unsigned scale_num, cairo_surface_t** out) {
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_error_exit;
    err.mgr.output_message = [](j_common_ptr) {};  // warnings (corrupt data) are not ours to print
    cairo_surface_t* surface = nullptr;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        if (surface) cairo_surface_destroy(surface);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    // A progressive JPEG keeps all its coefficients: bound what libjpeg may allocate (it then fails
    // with "backing store not supported" instead of taking the machine's memory).
    cinfo.mem->max_memory_to_use = 256L << 20;
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    // libjpeg converts CMYK to no RGB layout: read CMYK and convert below.
    const bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRX;
    // Never wider or taller than a cairo surface can be (a 33000 × 200 panorama at full size would
    // make a nil surface with no pixels to write into).
    const unsigned longest = std::max(cinfo.image_width, cinfo.image_height);
    // (cinfo, not the argument, is changed after setjmp: a local would be clobbered by longjmp.)
    cinfo.scale_num = scale_num;
    while (cinfo.scale_num > 1 && (static_cast<unsigned long>(longest) * cinfo.scale_num + 7) / 8 > unsigned(page::kMaxSurfaceSide))
        --cinfo.scale_num;
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_ISLOW;  // exact: page images must be the same on every machine
    jpeg_start_decompress(&cinfo);
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(cinfo.output_width),
                                         static_cast<int>(cinfo.output_height));
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        jpeg_destroy_decompress(&cinfo);
        cairo_surface_destroy(surface);
        return false;
    }
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    if (cmyk) {
        // Adobe's CMYK JPEGs (Photoshop's, and most others: the APP14 marker) store the inks inverted
        // (jpeg_is_adobe_cmyk). A naive conversion, R = (1 − C)(1 − K): page images and proofs show
        // the photo as a screen would without a colour profile, not as the press will print it.
        const bool inverted = cinfo.saw_Adobe_marker;
        std::vector<JSAMPLE> inks(static_cast<std::size_t>(cinfo.output_width) * 4);
        while (cinfo.output_scanline < cinfo.output_height) {
            unsigned char* out_row = data + static_cast<std::ptrdiff_t>(cinfo.output_scanline) * stride;
            JSAMPROW row = inks.data();
            jpeg_read_scanlines(&cinfo, &row, 1);
            for (std::size_t x = 0; x < cinfo.output_width; ++x) {
                unsigned v[4];
                for (int k = 0; k < 4; ++k) v[k] = inverted ? inks[x * 4 + k] : 255u - inks[x * 4 + k];  // 255: no ink
                out_row[x * 4 + 0] = static_cast<unsigned char>(v[2] * v[3] / 255);  // B from yellow
                out_row[x * 4 + 1] = static_cast<unsigned char>(v[1] * v[3] / 255);  // G from magenta
                out_row[x * 4 + 2] = static_cast<unsigned char>(v[0] * v[3] / 255);  // R from cyan
                out_row[x * 4 + 3] = 0xff;
            }
        }
    } else {
        while (cinfo.output_scanline < cinfo.output_height) {
            JSAMPROW row = data + static_cast<std::ptrdiff_t>(cinfo.output_scanline) * stride;
            jpeg_read_scanlines(&cinfo, &row, 1);
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    cairo_surface_mark_dirty(surface);
    *out = surface;
    return true;
}

}  // namespace

namespace {

struct JpegHeader {
    bool adobe = false;  // an Adobe APP14 marker
    int components = 0;  // of the frame header
};

JpegHeader read_jpeg_header(std::string_view b) {
    JpegHeader h;
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    if (b.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return h;
    std::size_t i = 2;
    // The segments before the scan: FF, marker, 2-byte length (JPEG, ITU T.81 Annex B).
    while (i + 4 <= b.size() && byte(i) == 0xFF) {
        const unsigned marker = byte(i + 1);
        if (marker == 0xFF) { ++i; continue; }  // fill byte
        if (marker == 0xD9 || marker == 0xDA) break;  // end of image, start of scan
        const std::size_t length = std::size_t(byte(i + 2)) << 8 | byte(i + 3);
        if (length < 2 || i + 2 + length > b.size()) break;
        const std::string_view body = b.substr(i + 4, length - 2);
        if (marker == 0xEE && body.size() >= 12 && body.substr(0, 5) == "Adobe") h.adobe = true;
        // A frame header (SOF0–SOF15 but DHT C4, JPG C8, DAC CC): its component count decides.
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC && body.size() >= 6)
            h.components = static_cast<unsigned char>(body[5]);
        i += 2 + length;
    }
    return h;
}

}  // namespace

bool jpeg_is_adobe_cmyk(std::string_view b) {
    const JpegHeader h = read_jpeg_header(b);
    return h.adobe && h.components == 4;
}

int jpeg_components(std::string_view b) { return read_jpeg_header(b).components; }

OrientationMatrix orientation_matrix(int orientation) {
    // TIFF 6.0 / EXIF 2.3 Orientation: where the stored row 0 and column 0 are shown.
    switch (orientation) {
        case 2: return {-1, 0, 1, 0, 1, 0};   // mirrored left to right
        case 3: return {-1, 0, 1, 0, -1, 1};  // turned 180°
        case 4: return {1, 0, 0, 0, -1, 1};   // mirrored top to bottom
        case 5: return {0, 1, 0, 1, 0, 0};    // transposed
        case 6: return {0, -1, 1, 1, 0, 0};   // turned 90° clockwise to display
        case 7: return {0, -1, 1, -1, 0, 1};  // transversed
        case 8: return {0, 1, 0, -1, 0, 1};   // turned 90° anticlockwise to display
        default: return {1, 0, 0, 0, 1, 0};
    }
}

namespace {

// libjpeg-turbo's DCT scaling: the numerator over 8 of the smallest scale no less than `min_scale`.
unsigned dct_scale(double min_scale) {
    unsigned num = 8;
    while (num > 1 && static_cast<double>(num - 1) / 8.0 >= min_scale) --num;
    return num;
}

// A one-pixel stand-in carrying `jpeg` for cairo's PDF surface, which writes the JPEG's bytes (with
// the JPEG's own /Width and /Height) and never reads these pixels: the image XObject fills the
// surface's extents, scaled as the caller scales the surface. A full-size stand-in would cost
// nothing to make (calloc'd pages) but cairo copies its pixels when it is destroyed while the PDF
// surface holds a snapshot of it (cairo-surface-snapshot.c): 80 MB for a 20-megapixel photograph.
page::CairoSurface jpeg_stand_in(std::string_view jpeg) {
    page::CairoSurface s{cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)};
    auto* copy = static_cast<unsigned char*>(std::malloc(jpeg.size()));
    std::memcpy(copy, jpeg.data(), jpeg.size());
    cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_JPEG, copy, jpeg.size(), std::free, copy);
    return s;
}

// The artefact-cache key of `image` decoded at `num`/8: its bytes' digest and size, and the scale.
std::string scaled_key(const page::Image& image, unsigned num) {
    return digest_128(image.bytes).hex() + " " + std::to_string(image.bytes.size()) + " scale " + std::to_string(num) + "/8";
}

// The proof's JPEG: decoded at `num`/8 and encoded again; empty if it cannot be decoded.
std::string reduced_jpeg(const page::Image& image, unsigned num) {
    const std::string key = scaled_key(image, num) + " quality " + std::to_string(kProofJpegQuality);
    const ArtefactCache cache = ArtefactCache::shared();
    if (auto cached = cache.get("proof-jpeg", key)) return *cached;
    cairo_surface_t* decoded = nullptr;
    if (!decode_jpeg(image.bytes, num, &decoded)) return {};
    const page::CairoSurface s{decoded};
    cairo_surface_flush(s.get());
    // Cairo's RGB24 is a native-endian 0x00RRGGBB word: B, G, R, X in memory on little-endian.
    const JpegSamples samples = std::endian::native == std::endian::little ? JpegSamples::Bgrx : JpegSamples::Xrgb;
    std::string jpeg = encode_jpeg({cairo_image_surface_get_data(s.get()), cairo_image_surface_get_width(s.get()),
                                    cairo_image_surface_get_height(s.get()), cairo_image_surface_get_stride(s.get()), samples},
                                   kProofJpegQuality);
    cache.put("proof-jpeg", key, jpeg);
    return jpeg;
}

// A JPEG decoded at `num`/8 for page images and spreads, its pixels kept in the artefact cache
// ("raster-jpeg": width, height, then the RGB24 rows). DCT scaling saves the inverse transforms but
// not the entropy decoding, and a progressive JPEG is decoded whole in jpeg_start_decompress (every
// scan into the coefficient buffer) whatever the scale: 100 M instructions for one of the example
// issue's photographs on a 40-dpi spread, 1.8 G of the 96-page issue's 12.5 G (issue 17). Decodes
// of more than kMaxKeptPixels (16 MB kept) are made each time: the cache holds what is drawn small
// and often (spreads, page images, the cover for the EPUB), not photographs at print size.
constexpr std::size_t kMaxKeptPixels = 4u << 20;

page::CairoSurface reduced_raster(const page::Image& image, unsigned num) {
    const std::string key = scaled_key(image, num);
    const ArtefactCache cache = ArtefactCache::shared();
    if (const auto cached = cache.get("raster-jpeg", key); cached && cached->size() >= 8) {
        std::uint32_t w = 0, h = 0;
        std::memcpy(&w, cached->data(), 4);
        std::memcpy(&h, cached->data() + 4, 4);
        if (w > 0 && h > 0 && w <= unsigned(page::kMaxSurfaceSide) && h <= unsigned(page::kMaxSurfaceSide) &&
            cached->size() == 8 + std::size_t(w) * h * 4) {
            page::CairoSurface s{cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(w), int(h))};
            if (cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS) {
                cairo_surface_flush(s.get());
                unsigned char* data = cairo_image_surface_get_data(s.get());
                const int stride = cairo_image_surface_get_stride(s.get());
                for (std::uint32_t y = 0; y < h; ++y)
                    std::memcpy(data + std::ptrdiff_t(y) * stride, cached->data() + 8 + std::size_t(y) * w * 4, std::size_t(w) * 4);
                cairo_surface_mark_dirty(s.get());
                return s;
            }
        }
    }
    cairo_surface_t* decoded = nullptr;
    if (!decode_jpeg(image.bytes, num, &decoded)) return page::CairoSurface{};
    page::CairoSurface s{decoded};
    cairo_surface_flush(s.get());
    const std::uint32_t w = std::uint32_t(cairo_image_surface_get_width(s.get()));
    const std::uint32_t h = std::uint32_t(cairo_image_surface_get_height(s.get()));
    const int stride = cairo_image_surface_get_stride(s.get());
    const unsigned char* data = cairo_image_surface_get_data(s.get());
    std::string value(8 + std::size_t(w) * h * 4, '\0');
    std::memcpy(value.data(), &w, 4);
    std::memcpy(value.data() + 4, &h, 4);
    for (std::uint32_t y = 0; y < h; ++y)
        std::memcpy(value.data() + 8 + std::size_t(y) * w * 4, data + std::ptrdiff_t(y) * stride, std::size_t(w) * 4);
    if (std::size_t(w) * h <= kMaxKeptPixels) cache.put("raster-jpeg", key, value);
    return s;
}

}  // namespace

page::CairoSurface image_surface(const page::Image& image, SurfaceUse use, double min_scale) {
    if (image.format == page::ImageFormat::Png) return page::png_surface(image.bytes, min_scale);
    if (use == SurfaceUse::ProofPdf) {
        const unsigned num = dct_scale(min_scale);
        if (num <= 4 && jpeg_components(image.bytes) == 3) {
            const std::string jpeg = reduced_jpeg(image, num);
            if (!jpeg.empty()) return jpeg_stand_in(jpeg);
        }
        return jpeg_stand_in(image.bytes);
    }
    if (use == SurfaceUse::Pdf) return jpeg_stand_in(image.bytes);
    const unsigned num = dct_scale(min_scale);
    if (num < 8) return reduced_raster(image, num);
    cairo_surface_t* s = nullptr;
    if (!decode_jpeg(image.bytes, num, &s)) return page::CairoSurface{};
    return page::CairoSurface{s};
}

}  // namespace quire::render
