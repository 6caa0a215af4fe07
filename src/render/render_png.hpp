// One page of a PageDocument as PNG bytes, drawn by the same code as the PDF pages and the page
// images (render/draw.hpp), for images that are pages: the EPUB's drawn cover
// (page/epub_cover.hpp), the print issue's cover for the issue EPUB.
//
//   quire::page::PageDocument cover = quire::page::lay_out_epub_cover(text, layout, fonts, {}, diags);
//   std::string png = quire::render::render_page_png(cover, 0, 1.0);
//   std::string jpeg = quire::render::render_page_jpeg(issue_pages, 0, 1800 / trim_height_pt);  // a photo cover
#pragma once

#include "page/page_document.hpp"

#include <cstddef>
#include <string>

namespace quire::render {

// The trim area of page `page` (0-based) at `scale` device pixels per point: a PNG of
// round(trim × scale) pixels, RGB, white under the page's items, font hinting off. The same
// document gives the same bytes. Throws QuireError for a page that does not exist or if Cairo fails.
std::string render_page_png(const page::PageDocument& document, std::size_t page, double scale);

// The same drawing as a baseline JPEG (4:2:0, `quality` 1–100): for pages with photographs (the print
// issue's cover), whose PNG would be megabytes. The same document gives the same bytes.
std::string render_page_jpeg(const page::PageDocument& document, std::size_t page, double scale, int quality = 85);

}  // namespace quire::render
