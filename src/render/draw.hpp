// Drawing display-list items with Cairo, shared by the PDF and PNG renderers.
#pragma once

#include "page/page_document.hpp"

#include <cairo.h>

#include <map>

namespace quire::render {

enum class Target { Pdf, Raster };

// Cairo font faces for the document's fonts, made once and released together.
class FontFaces {
public:
    FontFaces() = default;
    ~FontFaces();
    FontFaces(const FontFaces&) = delete;
    FontFaces& operator=(const FontFaces&) = delete;
    cairo_font_face_t* get(const text::Font& font);

private:
    std::map<const text::Font*, cairo_font_face_t*> faces_;  // owned references
};

// Draws the page's items in order. `cr`'s user space must have the trim's top-left at its origin,
// in points. `scale` is device pixels per point (Raster: decides how far images are decoded).
void draw_items(cairo_t* cr, const page::Page& page, Target target, double scale, FontFaces& faces);

}  // namespace quire::render
