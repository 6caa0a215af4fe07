#include "proof/rasterize.hpp"

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "render/png_write.hpp"

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

void write_png(cairo_surface_t* surface, const std::filesystem::path& target) { render::write_surface_png(surface, target); }

}  // namespace quire::proof
