#include "proof/rasterize.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"

#include <algorithm>
#include <cmath>

namespace quire::proof {

PageImage::PageImage(CairoSurface surface, double scale)
    : surface_(std::move(surface)), scale_(scale) {
    width_ = cairo_image_surface_get_width(surface_.get());
    height_ = cairo_image_surface_get_height(surface_.get());
    stride_ = cairo_image_surface_get_stride(surface_.get());
}

const std::uint32_t* PageImage::row(int y) const {
    const unsigned char* data = cairo_image_surface_get_data(surface_.get());
    return reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride_);
}

void PageImage::flush() const { cairo_surface_flush(surface_.get()); }

PageImage rasterize_page(const PdfDocument& doc, int index, double dpi) {
    auto page = doc.page(index);
    return rasterize_page(page.get(), dpi);
}

PageImage rasterize_page(PopplerPage* page, double dpi) {
    double w_pt = 0, h_pt = 0;
    poppler_page_get_size(page, &w_pt, &h_pt);
    const double scale = dpi / 72.0;
    const int w = std::max(1, static_cast<int>(std::lround(w_pt * scale)));
    const int h = std::max(1, static_cast<int>(std::lround(h_pt * scale)));
    CairoSurface surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)};
    check_surface(surface.get(), "page raster");
    {
        Cairo cr{cairo_create(surface.get())};
        // Poppler draws the marks only; the paper is ours to paint (stack-notes).
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale, scale);
        poppler_page_render(page, cr.get());
    }
    cairo_surface_flush(surface.get());
    return PageImage(std::move(surface), scale);
}

PageImage scale_to_width(const PageImage& image, int width) {
    const double k = static_cast<double>(width) / image.width();
    const int h = std::max(1, static_cast<int>(std::lround(image.height() * k)));
    CairoSurface surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, h)};
    check_surface(surface.get(), "thumbnail");
    {
        Cairo cr{cairo_create(surface.get())};
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), k, static_cast<double>(h) / image.height());
        cairo_set_source_surface(cr.get(), image.surface(), 0, 0);
        // GOOD filters over the covered source pixels when shrinking (cairo ≥ 1.14), so thin rules
        // and text stay grey rather than dropping out as with nearest or bilinear sampling.
        cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
        cairo_paint(cr.get());
    }
    cairo_surface_flush(surface.get());
    return PageImage(std::move(surface), image.scale() * k);
}

namespace {

// libpng reports errors by longjmp: nothing with a destructor lives in this frame.
bool write_rgb24_png(std::FILE* file, const unsigned char* data, int width, int height, int stride) {
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

void write_png(cairo_surface_t* surface, const std::filesystem::path& target) {
    PendingOutput pending(target);
    cairo_surface_flush(surface);
    if (cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_IMAGE && cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24) {
        std::FILE* file = std::fopen(pending.temp_path().c_str(), "wb");
        if (!file) throw QuireError(SourceSpan{target.string()}, "cannot write PNG: the folder is not writable");
        const bool ok = write_rgb24_png(file, cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                                        cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface));
        if (std::fclose(file) != 0 || !ok) throw QuireError(SourceSpan{target.string()}, "cannot write PNG (libpng failed)");
        pending.commit();
        return;
    }
    const cairo_status_t status = cairo_surface_write_to_png(surface, pending.temp_path().c_str());
    if (status != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{target.string()}, std::string("cannot write PNG: ") + cairo_status_to_string(status));
    pending.commit();
}

}  // namespace quire::proof
