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
#include <optional>

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

namespace {

// `source` drawn into a new white w×h image, scaled to fit, with `filter`.
PageImage resample(const PageImage& source, int w, int h, cairo_filter_t filter, double scale) {
    CairoSurface surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)};
    check_surface(surface.get(), "thumbnail");
    {
        Cairo cr{cairo_create(surface.get())};
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), static_cast<double>(w) / source.width(), static_cast<double>(h) / source.height());
        cairo_set_source_surface(cr.get(), source.surface(), 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr.get()), filter);
        cairo_paint(cr.get());
    }
    cairo_surface_flush(surface.get());
    return PageImage(std::move(surface), scale);
}

}  // namespace

PageImage scale_to_width(const PageImage& image, int width) {
    const double k = static_cast<double>(width) / image.width();
    const int h = std::max(1, static_cast<int>(std::lround(image.height() * k)));
    // Shrinking must average the covered pixels, so that thin rules and text stay grey rather than
    // dropping out as with nearest or bilinear sampling. cairo's GOOD filter does it with pixman's
    // general separable convolution, which took a tenth of a proof's instructions for the
    // thumbnails (2.1× smaller than the page images). Halving first is the same average where it
    // matters: bilinear sampling at exactly 1:2 lands between four pixels and takes their mean (a
    // 2×2 box filter); GOOD then does the rest, a step of less than 2× that costs little.
    std::optional<PageImage> halved;
    const PageImage* source = &image;
    while (source->width() >= 2 * width && source->height() >= 2) {
        halved = resample(*source, source->width() / 2, source->height() / 2, CAIRO_FILTER_BILINEAR, source->scale() / 2);
        source = &*halved;
    }
    return resample(*source, width, h, CAIRO_FILTER_GOOD, image.scale() * k);
}

void write_png(cairo_surface_t* surface, const std::filesystem::path& target) { render::write_surface_png(surface, target); }

}  // namespace quire::proof
