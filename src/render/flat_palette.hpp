// A page drawn in a few flat colours (text, rules and boxes over one paper colour; no images), as
// an 8-bit palette PNG instead of RGB: the paper, and each ink at `255 / inks` levels of coverage
// between paper and ink. The EPUB's drawn cover is such a page: a third of RGB's bytes, and written
// by render/palette_png.hpp in a tenth of the time of libpng (measured: 75 ms → a few ms for
// 1200 × 1800). Anti-aliased edges keep their coverage to within half a level; no colour is lost.
#pragma once

#include "page/page_document.hpp"

#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

namespace quire::render {

struct FlatColours {
    style::Color paper;              // a box filling the trim as the page's first item, else white
    std::vector<style::Color> inks;  // the other items' colours, in order of first use, at most 3
};

// The page's colours, or nullopt when it is not flat: an image, or more than three inks.
std::optional<FlatColours> flat_colours(const page::Page& page, const style::PageGeometry& geometry);

// The PNG of `surface` (CAIRO_FORMAT_RGB24, drawn from a page with these colours), or nullopt when
// a pixel is none of the paper-to-ink blends (items of two inks overlapping): then the caller
// writes RGB.
std::optional<std::string> flat_palette_png(cairo_surface_t* surface, const FlatColours& colours);

}  // namespace quire::render
