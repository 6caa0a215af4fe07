// The EPUB's drawn cover as a page: the magazine's name, the section, the title, the author and the
// date, set by the print engine's paragraph setter (linebreak/: shaping, font fallback, Knuth–Plass
// breaks) in the layout's own styles (section-label, title, byline), and handed to render/ like any
// printed page (render::render_page_png makes the PNG). One page whose size in points is the image's
// size in pixels: rendered at scale 1, a point is a pixel.
//
//   auto fonts = std::make_shared<quire::text::FontCollection>();
//   quire::page::CoverText text{"New Eastern Europe", "Articles and Commentary", title, "A. Author", "17 January 2022", "en"};
//   quire::page::PageDocument cover = quire::page::lay_out_epub_cover(text, layout, fonts, {}, diagnostics);
//   std::string png = quire::render::render_page_png(cover, 0, 1.0);  // 1200 × 1800 pixels
#pragma once

#include "core/diagnostic.hpp"
#include "page/page_document.hpp"
#include "style/layout.hpp"
#include "text/font_collection.hpp"

#include <memory>
#include <string>

namespace quire::page {

// What the cover says, as plain text; the layout's styles decide case, faces and colours.
struct CoverText {
    std::string magazine;  // "New Eastern Europe"; set in capitals
    std::string section;   // "Articles and Commentary"
    std::string title;
    std::string author;    // "Aleksandar Srbinovski" or "A and B"
    std::string date;      // as displayed
    std::string lang;      // BCP 47: shaping, line breaking, the capitals' rules
};

struct CoverSize {
    int width = 1200;   // pixels; 2:3 portrait, the proportion stores ask for
    int height = 1800;
};

// The cover, one page of `size` points (pixels at scale 1). The title is set ragged in the title
// style at the largest size (from a tenth of the width down) at which its lines fit the measure and
// the space above the byline: it is never cut, a long one shrinks. Characters no font has go to
// `diagnostics`; throws QuireError for a style or font family the layout or font table lacks.
PageDocument lay_out_epub_cover(const CoverText& text, const style::Layout& layout,
                                std::shared_ptr<text::FontCollection> fonts, CoverSize size, Diagnostics& diagnostics);

}  // namespace quire::page
