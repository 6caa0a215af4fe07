// Page images: rasterising a PDF page with Poppler (onto a white page: Poppler does not paint the
// paper), scaling a raster down for thumbnails (so that a page is rasterised once, not once per
// size), and writing PNG without leaving half-written files.
#pragma once

#include "proof/poppler_doc.hpp"

#include <cstdint>
#include <filesystem>

namespace quire::proof {

// An RGB24 raster of one page. `scale` is pixels per PDF point (dpi / 72).
class PageImage {
public:
    PageImage() = default;
    PageImage(CairoSurface surface, double scale);

    cairo_surface_t* surface() const { return surface_.get(); }
    int width() const { return width_; }
    int height() const { return height_; }
    double scale() const { return scale_; }
    bool empty() const { return !surface_; }
    // Row `y` as 0x00RRGGBB pixels (cairo RGB24, native endian). Call flush() after drawing first.
    const std::uint32_t* row(int y) const;
    void flush() const;

private:
    CairoSurface surface_;
    int width_ = 0;
    int height_ = 0;
    int stride_ = 0;
    double scale_ = 1.0;
};

// Rasterises page `index` at `dpi` (72 dpi = one pixel a point).
PageImage rasterize_page(const PdfDocument& doc, int index, double dpi);
PageImage rasterize_page(PopplerPage* page, double dpi);

// A copy scaled so that it is `width` pixels wide (aspect kept), filtered for downscaling.
PageImage scale_to_width(const PageImage& image, int width);

// Writes `image` (or any cairo image surface) as PNG through a temporary file and rename.
void write_png(cairo_surface_t* surface, const std::filesystem::path& target);

}  // namespace quire::proof
