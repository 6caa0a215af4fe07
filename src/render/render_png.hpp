// One page of a PageDocument as PNG bytes, drawn by the same code as the PDF pages and the page
// images (render/draw.hpp), for images that are pages: the EPUB's drawn cover
// (page/epub_cover.hpp), the print issue's cover for the issue EPUB.
//
//   quire::page::PageDocument cover = quire::page::lay_out_epub_cover(text, layout, fonts, {}, diags);
//   std::string png = quire::render::render_page_png(cover, 0, 1.0);
#pragma once

#include "page/page_document.hpp"

#include <cstddef>
#include <string>

namespace quire::render {

// The trim area of page `page` (0-based) at `scale` device pixels per point: a PNG of
// round(trim × scale) pixels, RGB, white under the page's items, font hinting off. The same
// document gives the same bytes. Throws QuireError for a page that does not exist or if Cairo fails.
std::string render_page_png(const page::PageDocument& document, std::size_t page, double scale);

}  // namespace quire::render
