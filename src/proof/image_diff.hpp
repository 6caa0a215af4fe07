// Where two renderings of a page differ: a pixel comparison on a grid of cells, changed cells grouped
// into regions (nearby changes merged, so that one changed word is one box, not one box per glyph).
#pragma once

#include "core/length.hpp"
#include "proof/rasterize.hpp"

#include <vector>

namespace quire::proof {

struct ImageDiffOptions {
    int cell_px = 4;         // grid cell, in pixels of the rasters compared
    int merge_cells = 3;     // changed cells this close (in cells) join one region
    int tolerance = 32;      // a channel must differ by more than this (0..255) to count
};

struct ImageDiff {
    std::vector<Rect> regions;   // in PDF points from the page's top left, sorted top to bottom
    long changed_pixels = 0;
    bool changed() const { return changed_pixels > 0; }
};

// Compares two rasters made at the same scale; pixels outside the smaller one count as white paper,
// so a page that grew or shrank reports its new or lost area.
ImageDiff diff_images(const PageImage& old_page, const PageImage& new_page, const ImageDiffOptions& options = {});

}  // namespace quire::proof
