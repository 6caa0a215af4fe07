#include "render/png_write.hpp"

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace quire::render {

namespace {

// libpng reports errors by longjmp: nothing with a destructor lives in this frame.
bool encode_rgb24(std::FILE* file, const unsigned char* data, int width, int height, int stride) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    unsigned char* row = static_cast<unsigned char*>(std::malloc(static_cast<std::size_t>(width) * 3));
    if (!info || !row || setjmp(png_jmpbuf(png))) {
        std::free(row);
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, file);
    // zlib's fastest level and one filter: page images and spreads are for the screen, and the default
    // (level 6, every filter tried on every row) made PNG writing a sixth of `quire issue`'s time.
    png_set_compression_level(png, 1);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    for (int y = 0; y < height; ++y) {
        const auto* px = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            row[3 * x] = static_cast<unsigned char>(px[x] >> 16);
            row[3 * x + 1] = static_cast<unsigned char>(px[x] >> 8);
            row[3 * x + 2] = static_cast<unsigned char>(px[x]);
        }
        png_write_row(png, row);
    }
    png_write_end(png, nullptr);
    std::free(row);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

namespace {

void write_rgb24_file(const unsigned char* data, int width, int height, int stride, const std::filesystem::path& target) {
    PendingOutput pending(target);
    std::FILE* file = std::fopen(pending.temp_path().c_str(), "wb");
    if (!file) throw QuireError(SourceSpan{target.string()}, "cannot write PNG: the folder is not writable");
    const bool ok = encode_rgb24(file, data, width, height, stride);
    if (std::fclose(file) != 0 || !ok) throw QuireError(SourceSpan{target.string()}, "cannot write PNG (libpng failed)");
    pending.commit();
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
