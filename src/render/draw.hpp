// Drawing display-list items with Cairo, shared by the PDF and PNG renderers.
#pragma once

#include "core/handle.hpp"

#include "page/page_document.hpp"
#include "render/image_surface.hpp"

#include <cairo.h>

#include <filesystem>
#include <map>
#include <utility>

namespace quire::render {

enum class Target { Pdf, Raster };

// What drawing a document makes once and keeps until the surface is finished: Cairo font faces for
// the document's fonts, and the image surfaces. An image surface must outlive the PDF surface's use
// of it: cairo's PDF surface holds a snapshot of each source, and destroying the source before
// cairo_surface_finish makes cairo copy every pixel (copy-on-write, cairo-surface-snapshot.c) — for a
// 20-megapixel photograph 80 MB written for nothing, ≈ 10 ms. Kept here, each image is made once.
class DrawResources {
public:
    DrawResources() = default;
    DrawResources(const DrawResources&) = delete;
    DrawResources& operator=(const DrawResources&) = delete;
    cairo_font_face_t* font_face(const text::Font& font);
    // The surface for `image` drawn with `use`, at no less than `min_scale` of its full size.
    cairo_surface_t* image(const page::Image& image, SurfaceUse use, double min_scale);

private:
    // One face per font file (and face index): pages set with different FontCollections share it.
    std::map<std::pair<std::filesystem::path, int>, Handle<cairo_font_face_t, cairo_font_face_destroy>> faces_;
    struct ImageKey {
        const page::Image* image;
        SurfaceUse use;
        double min_scale;
        auto operator<=>(const ImageKey&) const = default;
    };
    std::map<ImageKey, page::CairoSurface> images_;
};

// Draws the page's items in order. `cr`'s user space must have the trim's top-left at its origin,
// in points. `scale` is device pixels per point (Raster: decides how far images are decoded).
void draw_items(cairo_t* cr, const page::Page& page, Target target, double scale, DrawResources& resources);

}  // namespace quire::render
