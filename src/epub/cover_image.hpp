// A cover for an article that brings none: the magazine's name, the section, the title and the
// author drawn with the layout's own faces (the print opening's styles: section-label, title,
// byline) into an image (Cairo image surface → PNG). Glyphs are shaped by HarfBuzz and drawn as
// outlines from HarfBuzz's own glyph shapes, so the image depends on nothing but the font files.
#pragma once

#include "style/layout.hpp"
#include "text/font_table.hpp"

#include <string>

namespace quire::epub {

struct CoverText {
    std::string magazine;  // "New Eastern Europe"
    std::string section;   // "Articles and Commentary"
    std::string title;
    std::string author;    // "Aleksandar Srbinovski" or "A and B"
    std::string date;      // as displayed
    std::string lang;      // BCP 47, for shaping
};

struct CoverSize {
    int width = 1200;   // pixels; 2:3 portrait, the proportion stores ask for
    int height = 1800;
};

// The cover as PNG bytes. Throws QuireError if a font cannot be read or Cairo fails.
std::string render_cover_png(const CoverText& text, const style::Layout& layout, const text::FontTable& fonts,
                             CoverSize size = {});

}  // namespace quire::epub
