#include "page/image.hpp"

#include "page/jpeg_error.hpp"

#include "core/input_file.hpp"

#include <jpeglib.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <csetjmp>
#include <cstring>
#include <vector>

namespace quire::page {

namespace {

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

// The JPEG's segments up to its first scan must include a frame and a scan with entropy-coded data
// after it: a file that is a header and an end marker ("fake EOI", no scan data) would print as a
// grey box. Returns what is wrong, or nullptr.
const char* jpeg_structure_problem(std::string_view b) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    std::size_t i = 2;
    while (i + 4 <= b.size()) {
        if (byte(i) != 0xFF) return "bytes that are not a marker before the first scan";
        const unsigned marker = byte(i + 1);
        if (marker == 0xFF) { ++i; continue; }
        if (marker == 0xD9) return "an end-of-image marker before any scan data";
        const std::size_t length = std::size_t(byte(i + 2)) << 8 | byte(i + 3);
        if (length < 2 || i + 2 + length > b.size()) return "a segment that runs past the end of the file";
        i += 2 + length;
        if (marker == 0xDA) {
            // Entropy-coded data: bytes until the next marker that is not a stuffed 00 or a restart.
            std::size_t data = 0;
            for (std::size_t k = i; k + 1 < b.size(); ++k) {
                if (byte(k) == 0xFF && byte(k + 1) != 0x00 && (byte(k + 1) < 0xD0 || byte(k + 1) > 0xD7)) break;
                ++data;
            }
            return data == 0 ? "no scan data (the scan header is followed by the end marker)" : nullptr;
        }
    }
    return "no scan (the file ends before its image data)";
}

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

// Averages source rows of premultiplied BGRA pixels into an output of ow × oh (a box filter), so that
// a PNG is decoded row by row into no more than the pixels the page needs (issue 18).
class Downsampler {
public:
    Downsampler(std::uint32_t w, std::uint32_t h, int ow, int oh, unsigned char* out, int stride)
        : h_(h), oh_(oh), out_(out), stride_(stride), column_(w), count_(static_cast<std::size_t>(ow)),
          sum_(static_cast<std::size_t>(ow) * 4) {
        for (std::uint32_t x = 0; x < w; ++x) {
            column_[x] = static_cast<std::uint32_t>(std::uint64_t(x) * static_cast<std::uint64_t>(ow) / w);
            ++count_[column_[x]];
        }
    }
    // One source row (BGRA, straight alpha), in order from the top.
    void add_row(const unsigned char* p) {
        const auto oy = static_cast<int>(std::uint64_t(y_) * static_cast<std::uint64_t>(oh_) / h_);
        if (oy != row_) flush();
        row_ = oy;
        ++rows_;
        for (std::size_t x = 0; x < column_.size(); ++x, p += 4) {
            const unsigned a = p[3];
            std::uint64_t* s = &sum_[column_[x] * 4];
            for (int c = 0; c < 3; ++c) s[c] += a == 255 ? p[c] : (p[c] * a + 127) / 255;  // premultiplied, as cairo expects
            s[3] += a;
        }
        ++y_;
    }
    void finish() { flush(); }

private:
    void flush() {
        if (rows_ == 0) return;
        unsigned char* o = out_ + static_cast<std::ptrdiff_t>(row_) * stride_;
        for (std::size_t x = 0; x < count_.size(); ++x) {
            const std::uint64_t n = std::uint64_t(count_[x]) * rows_;
            for (int c = 0; c < 4; ++c) o[x * 4 + c] = static_cast<unsigned char>(n ? (sum_[x * 4 + c] + n / 2) / n : 0);
        }
        std::fill(sum_.begin(), sum_.end(), 0);
        rows_ = 0;
    }

    std::uint32_t h_;
    int oh_;
    unsigned char* out_;
    int stride_;
    std::vector<std::uint32_t> column_;  // output column of each source column
    std::vector<std::uint32_t> count_;   // source columns in each output column
    std::vector<std::uint64_t> sum_;     // the current output row's sums, B G R A
    std::uint32_t y_ = 0;
    int row_ = 0;
    std::uint32_t rows_ = 0;
};

// The PNG's size from its header (IHDR), without decoding; false if it is not readable.
bool read_png_size(const std::string& bytes, std::uint32_t* width, std::uint32_t* height, bool* interlaced) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    PngReadState st{&bytes};
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_set_read_fn(png, &st, png_read_mem);
    png_read_info(png, info);
    *width = png_get_image_width(png, info);
    *height = png_get_image_height(png, info);
    *interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

// Decodes a PNG into premultiplied ARGB32 (cairo's format) of at most `max_scale` of its size (and
// never more than kMaxSurfaceSide a side), row by row. Null on a corrupt file.
cairo_surface_t* decode_png(const std::string& bytes, double max_scale) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return nullptr;
    png_infop info = png_create_info_struct(png);
    cairo_surface_t* surface = nullptr;
    // Sized before setjmp could return here; freed by their destructors.
    std::vector<unsigned char> row, whole;
    std::vector<png_bytep> rows;
    std::optional<Downsampler> sampler;
    PngReadState st{&bytes};
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        if (surface) cairo_surface_destroy(surface);
        return nullptr;
    }
    png_set_read_fn(png, &st, png_read_mem);
    png_read_info(png, info);
    const std::uint32_t w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    const bool interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_bgr(png);  // cairo ARGB32 is B,G,R,A in memory on little-endian
    png_set_filler(png, 0xff, PNG_FILLER_AFTER);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    double scale = std::min(1.0, max_scale);
    scale = std::min({scale, double(kMaxSurfaceSide) / w, double(kMaxSurfaceSide) / h});
    const int ow = std::clamp(static_cast<int>(std::ceil(w * scale)), 1, static_cast<int>(std::min<std::uint32_t>(w, kMaxSurfaceSide)));
    const int oh = std::clamp(static_cast<int>(std::ceil(h * scale)), 1, static_cast<int>(std::min<std::uint32_t>(h, kMaxSurfaceSide)));
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, ow, oh);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) png_error(png, "cannot make an image surface");
    cairo_surface_flush(surface);
    sampler.emplace(w, h, ow, oh, cairo_image_surface_get_data(surface), cairo_image_surface_get_stride(surface));
    const std::size_t row_bytes = std::size_t(w) * 4;
    if (!interlaced) {
        row.resize(row_bytes);
        for (std::uint32_t y = 0; y < h; ++y) {
            png_read_row(png, row.data(), nullptr);
            sampler->add_row(row.data());
        }
    } else {
        // Adam7 fills rows over 7 passes: the whole image is needed (load_image bounds its size).
        whole.resize(row_bytes * h);
        rows.resize(h);
        for (std::uint32_t y = 0; y < h; ++y) rows[y] = whole.data() + row_bytes * y;
        for (int pass = 0; pass < passes; ++pass)
            for (std::uint32_t y = 0; y < h; ++y) png_read_row(png, rows[y], nullptr);
        for (std::uint32_t y = 0; y < h; ++y) sampler->add_row(rows[y]);
    }
    sampler->finish();
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    cairo_surface_mark_dirty(surface);
    return surface;
}

std::string megapixels(double pixels) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", pixels / 1e6);
    return buf;
}

void check_pixels(const std::filesystem::path& path, const SourceSpan& where, double w, double h) {
    if (w * h > kMaxImageMegapixels * 1e6)
        throw QuireError(where, "image '" + path.string() + "' is " + std::to_string(static_cast<long long>(w)) + " × " +
                                    std::to_string(static_cast<long long>(h)) + " pixels (" + megapixels(w * h) +
                                    " megapixels); quire reads at most " + megapixels(kMaxImageMegapixels * 1e6) +
                                    " megapixels (a page never needs more than its box at 600 ppi): reduce it");
}

}  // namespace

CairoSurface png_surface(const std::string& bytes, double max_scale) { return CairoSurface{decode_png(bytes, max_scale)}; }

int jpeg_exif_orientation(std::string_view b) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    if (b.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return 1;
    std::size_t i = 2;
    while (i + 4 <= b.size() && byte(i) == 0xFF) {
        const unsigned marker = byte(i + 1);
        if (marker == 0xFF) { ++i; continue; }
        if (marker == 0xD9 || marker == 0xDA) break;
        const std::size_t length = std::size_t(byte(i + 2)) << 8 | byte(i + 3);
        if (length < 2 || i + 2 + length > b.size()) break;
        const std::string_view body = b.substr(i + 4, length - 2);
        if (marker == 0xE1 && body.size() >= 14 && body.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
            // A TIFF structure (EXIF 2.3 §4.5): byte order, 42, offset of IFD0; 12-byte entries.
            const std::string_view t = body.substr(6);
            const bool little = t.substr(0, 2) == "II";
            if (!little && t.substr(0, 2) != "MM") return 1;
            auto u16 = [&](std::size_t o) -> unsigned {
                if (o + 2 > t.size()) return 0;
                const unsigned x = static_cast<unsigned char>(t[o]), y = static_cast<unsigned char>(t[o + 1]);
                return little ? x | y << 8 : x << 8 | y;
            };
            auto u32 = [&](std::size_t o) -> std::uint32_t {
                return little ? u16(o) | std::uint32_t(u16(o + 2)) << 16 : std::uint32_t(u16(o)) << 16 | u16(o + 2);
            };
            const std::size_t ifd = u32(4);
            if (ifd + 2 > t.size()) return 1;
            const unsigned entries = u16(ifd);
            for (unsigned k = 0; k < entries; ++k) {
                const std::size_t e = ifd + 2 + std::size_t(k) * 12;
                if (e + 12 > t.size()) break;
                if (u16(e) == 0x0112 && u16(e + 2) == 3) {  // Orientation, SHORT
                    const unsigned v = u16(e + 8);
                    return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
                }
            }
            return 1;
        }
        i += 2 + length;
    }
    return 1;
}

std::shared_ptr<const Image> load_image(const std::filesystem::path& path, const SourceSpan& where) {
    // Only a regular file of a bounded size (a FIFO, /dev/zero or a folder is an error at the figure).
    return image_from_bytes(read_input_file(path, input_limit::kImage, "image", where), path, where);
}

std::shared_ptr<const Image> image_from_bytes(std::string bytes, const std::filesystem::path& path, const SourceSpan& where) {
    auto image = std::make_shared<Image>();
    image->path = path;
    image->bytes = std::move(bytes);
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
        if (const char* problem = jpeg_structure_problem(b))
            throw QuireError(where, "image '" + path.string() + "' is not a complete JPEG: " + problem);
        check_pixels(path, where, info.width, info.height);
        image->orientation = jpeg_exif_orientation(b);
        const bool swapped = image->orientation >= 5;
        image->width = swapped ? info.height : info.width;
        image->height = swapped ? info.width : info.height;
    } else if (b.size() >= 8 && png_sig_cmp(reinterpret_cast<png_const_bytep>(b.data()), 0, 8) == 0) {
        image->format = ImageFormat::Png;
        std::uint32_t w = 0, h = 0;
        bool interlaced = false;
        if (!read_png_size(b, &w, &h, &interlaced) || w == 0 || h == 0)
            throw QuireError(where, "image '" + path.string() + "' is not a readable PNG");
        check_pixels(path, where, w, h);
        if (interlaced && double(w) * h > kMaxInterlacedMegapixels * 1e6)
            throw QuireError(where, "image '" + path.string() + "' is an interlaced PNG of " + megapixels(double(w) * h) +
                                        " megapixels; quire decodes interlaced PNGs of at most " +
                                        megapixels(kMaxInterlacedMegapixels * 1e6) + " megapixels: save it without interlacing");
        // Decode it all once (row by row, into a few pixels) so that corrupt data is an error here.
        CairoSurface probe{decode_png(b, 1.0 / std::max(w, h))};
        if (!probe) throw QuireError(where, "image '" + path.string() + "' is not a readable PNG (corrupt data)");
        image->width = static_cast<int>(w);
        image->height = static_cast<int>(h);
    } else {
        throw QuireError(where, "image '" + path.string() + "' is neither a JPEG nor a PNG");
    }
    return image;
}

}  // namespace quire::page
