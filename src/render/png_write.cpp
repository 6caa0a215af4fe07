#include "render/png_write.hpp"

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace quire::render {

namespace {

using Bytes = std::vector<unsigned char>;

void put_u32(Bytes& out, std::uint32_t v) {
    const unsigned char b[4] = {static_cast<unsigned char>(v >> 24), static_cast<unsigned char>(v >> 16),
                                static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v)};
    out.insert(out.end(), b, b + 4);
}

// One PNG chunk: length, type, data, CRC-32 of type and data (PNG spec §5.3).
void put_chunk(Bytes& out, const char (&type)[5], const unsigned char* data, std::size_t size) {
    put_u32(out, static_cast<std::uint32_t>(size));
    const std::size_t from = out.size();
    out.insert(out.end(), type, type + 4);
    if (size) out.insert(out.end(), data, data + size);
    put_u32(out, libdeflate_crc32(0, out.data() + from, out.size() - from));
}

struct CompressorDeleter {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// The PNG of an xRGB image: 8-bit RGB, every row with the SUB filter (each byte less the one three
// bytes before it: photographs and flat paper alike compress well, and choosing a filter per row
// costs more than it saves at this level), one zlib stream at libdeflate's level 1, in IDAT chunks of
// at most 1 MiB. libdeflate compresses the whole image in one call, a third faster than zlib's
// level 1 through libpng for the same size (a page image: 571.8 kB in 16.4 ms with zlib, 570.7 kB
// in 10.4 ms with libdeflate; issue 17). Empty when libdeflate cannot allocate its compressor.
Bytes encode_rgb24(const unsigned char* data, int width, int height, int stride) {
    const std::size_t row_bytes = static_cast<std::size_t>(width) * 3 + 1;
    Bytes filtered(row_bytes * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        const auto* px = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        unsigned char* out = filtered.data() + row_bytes * static_cast<std::size_t>(y);
        *out++ = 1;  // filter type SUB: each byte less the same channel's byte of the pixel before
        std::uint32_t left = 0;
        for (int x = 0; x < width; ++x, out += 3) {
            const std::uint32_t p = px[x];
            out[0] = static_cast<unsigned char>((p >> 16) - (left >> 16));
            out[1] = static_cast<unsigned char>((p >> 8) - (left >> 8));
            out[2] = static_cast<unsigned char>(p - left);
            left = p;
        }
    }
    const std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(1));
    if (!compressor) return {};
    Bytes z(libdeflate_zlib_compress_bound(compressor.get(), filtered.size()));
    const std::size_t z_size = libdeflate_zlib_compress(compressor.get(), filtered.data(), filtered.size(), z.data(), z.size());
    if (z_size == 0) return {};
    filtered = Bytes();

    Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    png.reserve(z_size + z_size / (1u << 20) * 12 + 64);
    Bytes header;
    put_u32(header, static_cast<std::uint32_t>(width));
    put_u32(header, static_cast<std::uint32_t>(height));
    header.insert(header.end(), {8, 2, 0, 0, 0});  // 8 bits, RGB, deflate, adaptive filtering, no interlace
    put_chunk(png, "IHDR", header.data(), header.size());
    constexpr std::size_t kIdatMax = std::size_t(1) << 20;
    for (std::size_t at = 0; at < z_size; at += kIdatMax)
        put_chunk(png, "IDAT", z.data() + at, std::min(kIdatMax, z_size - at));
    put_chunk(png, "IEND", nullptr, 0);
    return png;
}

void write_rgb24_file(const unsigned char* data, int width, int height, int stride, const std::filesystem::path& target) {
    const Bytes png = encode_rgb24(data, width, height, stride);
    if (png.empty()) throw QuireError(SourceSpan{target.string()}, "cannot write PNG: out of memory");
    write_file_atomically(target, std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
}

bool is_rgb24_image(cairo_surface_t* surface) {
    return cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_IMAGE && cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24;
}

}  // namespace

std::optional<Rgb24Pixels> copy_rgb24(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    if (!is_rgb24_image(surface)) return std::nullopt;
    Rgb24Pixels p;
    p.width = cairo_image_surface_get_width(surface);
    p.height = cairo_image_surface_get_height(surface);
    p.stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    p.data.assign(data, data + static_cast<std::ptrdiff_t>(p.stride) * p.height);
    return p;
}

void write_rgb24_png(const Rgb24Pixels& p, const std::filesystem::path& target) {
    write_rgb24_file(p.data.data(), p.width, p.height, p.stride, target);
}

void write_surface_png(cairo_surface_t* surface, const std::filesystem::path& target) {
    cairo_surface_flush(surface);
    if (is_rgb24_image(surface)) {
        write_rgb24_file(cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                         cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface), target);
        return;
    }
    PendingOutput pending(target);
    const cairo_status_t status = cairo_surface_write_to_png(surface, pending.temp_path().c_str());
    if (status != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{target.string()}, std::string("cannot write PNG: ") + cairo_status_to_string(status));
    pending.commit();
}

}  // namespace quire::render
