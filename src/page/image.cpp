#include "page/image.hpp"

#include "core/output_file.hpp"

#include <jpeglib.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstring>
#include <vector>

namespace quire::page {

namespace {

// libjpeg reports fatal errors through error_exit, which must not return: jump back to the caller
// (libjpeg's example.c). Nothing with a destructor lives between setjmp and the library calls.
struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void jpeg_error_exit(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

struct JpegInfo {
    bool ok = false;
    int width = 0, height = 0;
    char message[JMSG_LENGTH_MAX] = {};
};

JpegInfo read_jpeg_header(const std::string& bytes) {
    JpegInfo info;
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_error_exit;
    if (setjmp(err.jump)) {
        std::memcpy(info.message, err.message, sizeof info.message);
        jpeg_destroy_decompress(&cinfo);
        return info;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    info.ok = true;
    info.width = static_cast<int>(cinfo.image_width);
    info.height = static_cast<int>(cinfo.image_height);
    jpeg_destroy_decompress(&cinfo);
    return info;
}

// Decodes straight into cairo's RGB24 layout (JCS_EXT_BGRX on little-endian: stack-notes), reduced by
// scale_num/8. Returns false on a corrupt file.
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
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    // libjpeg converts CMYK to no RGB layout: read CMYK and convert below.
    const bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRX;
    cinfo.scale_num = scale_num;
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_ISLOW;  // exact: page images must be the same on every machine
    jpeg_start_decompress(&cinfo);
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(cinfo.output_width),
                                         static_cast<int>(cinfo.output_height));
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

bool jpeg_is_adobe_cmyk(std::string_view b) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    if (b.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return false;
    bool adobe = false;
    int components = 0;
    std::size_t i = 2;
    // The segments before the scan: FF, marker, 2-byte length (JPEG, ITU T.81 Annex B).
    while (i + 4 <= b.size() && byte(i) == 0xFF) {
        const unsigned marker = byte(i + 1);
        if (marker == 0xFF) { ++i; continue; }  // fill byte
        if (marker == 0xD9 || marker == 0xDA) break;  // end of image, start of scan
        const std::size_t length = std::size_t(byte(i + 2)) << 8 | byte(i + 3);
        if (length < 2 || i + 2 + length > b.size()) break;
        const std::string_view body = b.substr(i + 4, length - 2);
        if (marker == 0xEE && body.size() >= 12 && body.substr(0, 5) == "Adobe") adobe = true;
        // A frame header (SOF0–SOF15 but DHT C4, JPG C8, DAC CC): its component count decides.
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC && body.size() >= 6)
            components = static_cast<unsigned char>(body[5]);
        i += 2 + length;
    }
    return adobe && components == 4;
}

namespace {

// libpng from memory, to premultiplied ARGB32 (cairo's format).
struct PngReadState {
    const std::string* bytes;
    std::size_t pos = 0;
};

void png_read_mem(png_structp png, png_bytep out, png_size_t n) {
    auto* st = static_cast<PngReadState*>(png_get_io_ptr(png));
    if (st->pos + n > st->bytes->size()) png_error(png, "truncated PNG");
    std::memcpy(out, st->bytes->data() + st->pos, n);
    st->pos += n;
}

cairo_surface_t* decode_png(const std::string& bytes, int* width, int* height) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return nullptr;
    png_infop info = png_create_info_struct(png);
    cairo_surface_t* surface = nullptr;
    std::vector<png_bytep> rows;  // sized before setjmp could return here; freed by its destructor
    PngReadState st{&bytes};
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        if (surface) cairo_surface_destroy(surface);
        return nullptr;
    }
    png_set_read_fn(png, &st, png_read_mem);
    png_read_info(png, info);
    const auto w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_bgr(png);  // cairo ARGB32 is B,G,R,A in memory on little-endian
    png_set_filler(png, 0xff, PNG_FILLER_AFTER);
    png_read_update_info(png, info);
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(w), static_cast<int>(h));
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    rows.resize(h);
    for (png_uint_32 y = 0; y < h; ++y) rows[y] = data + static_cast<std::ptrdiff_t>(y) * stride;
    png_read_image(png, rows.data());
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    // Premultiply alpha, as cairo expects.
    for (png_uint_32 y = 0; y < h; ++y) {
        unsigned char* p = rows[y];
        for (png_uint_32 x = 0; x < w; ++x, p += 4) {
            const unsigned a = p[3];
            if (a != 255)
                for (int c = 0; c < 3; ++c) p[c] = static_cast<unsigned char>((p[c] * a + 127) / 255);
        }
    }
    cairo_surface_mark_dirty(surface);
    *width = static_cast<int>(w);
    *height = static_cast<int>(h);
    return surface;
}

}  // namespace

std::shared_ptr<const Image> load_image(const std::filesystem::path& path, const SourceSpan& where) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw QuireError(where, "image '" + path.string() + "' does not exist");
    auto image = std::make_shared<Image>();
    image->path = path;
    try {
        image->bytes = read_file(path);
    } catch (const QuireError&) {
        throw QuireError(where, "image '" + path.string() + "' cannot be read");
    }
    const std::string& b = image->bytes;
    if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8) {
        image->format = ImageFormat::Jpeg;
        JpegInfo info = read_jpeg_header(b);
        if (!info.ok || info.width <= 0 || info.height <= 0)
            throw QuireError(where, "image '" + path.string() + "' is not a readable JPEG: " + info.message);
        // The PDF embeds the bytes as they are: a file cut short (no EOI marker, FF D9, near its end:
        // ITU T.81 B.2.1) would print as a half-grey picture, so refuse it here.
        const std::size_t tail = std::min<std::size_t>(b.size(), 64);
        if (b.substr(b.size() - tail).find("\xFF\xD9") == std::string::npos)
            throw QuireError(where, "image '" + path.string() + "' is a truncated JPEG (no end-of-image marker)");
        image->width = info.width;
        image->height = info.height;
    } else if (b.size() >= 8 && png_sig_cmp(reinterpret_cast<png_const_bytep>(b.data()), 0, 8) == 0) {
        image->format = ImageFormat::Png;
        int w = 0, h = 0;
        cairo_surface_t* s = decode_png(b, &w, &h);
        if (!s) throw QuireError(where, "image '" + path.string() + "' is not a readable PNG");
        cairo_surface_destroy(s);
        image->width = w;
        image->height = h;
    } else {
        throw QuireError(where, "image '" + path.string() + "' is neither a JPEG nor a PNG");
    }
    return image;
}

CairoSurface image_surface(const Image& image, SurfaceUse use, double min_scale) {
    if (image.format == ImageFormat::Png) {
        int w = 0, h = 0;
        return CairoSurface{decode_png(image.bytes, &w, &h)};
    }
    if (use == SurfaceUse::Pdf) {
        // cairo's PDF surface writes the JPEG's bytes (with the JPEG's own /Width and /Height) and
        // never reads these pixels, so the surface is a stand-in of one pixel: the image XObject fills
        // the surface's extents, scaled as the caller scales the surface. A full-size stand-in would
        // cost nothing to make (calloc'd pages) but cairo copies its pixels when it is destroyed
        // while the PDF surface holds a snapshot of it (cairo-surface-snapshot.c): 80 MB for a
        // 20-megapixel photograph.
        CairoSurface s{cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)};
        auto* copy = static_cast<unsigned char*>(std::malloc(image.bytes.size()));
        std::memcpy(copy, image.bytes.data(), image.bytes.size());
        cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_JPEG, copy, image.bytes.size(), std::free, copy);
        return s;
    }
    unsigned num = 8;
    while (num > 1 && static_cast<double>(num - 1) / 8.0 >= min_scale) --num;
    cairo_surface_t* s = nullptr;
    if (!decode_jpeg(image.bytes, num, &s)) return CairoSurface{};
    return CairoSurface{s};
}

}  // namespace quire::page
