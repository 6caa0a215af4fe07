// An issue reviewed as a reader holds it: facing pages side by side (1 alone as the front cover,
// 2–3, 4–5, …), each a PNG cut at the trim, and spreads.html, a contact sheet of them. The pages are
// painted by the caller: quire's own pages from their display list (the typeset form the PDF is made
// from, in screen colours), supplied ads from their PDF by Poppler (paint_supplied_page), exactly as
// placed. Rasterising the 12 MB press PDF with Poppler instead cost five times as long (CMYK JPEGs
// decoded at full size for a 40 dpi picture).
#pragma once

#include "style/layout.hpp"

#include <cairo.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace quire::proof {

struct SpreadsOptions {
    double dpi = 40;
    std::string title;                    // "New Eastern Europe 1-2 2023"
    std::vector<std::string> page_notes;  // per page (0-based): "Armenia as a mere pawn…", "ad", …
    // Spreads drawn at once, each thread drawing and encoding whole spreads: the painter is called
    // from this many threads (the calling one among them), with the thread's number.
    int workers = 1;
};

// Paints page `index` (0-based) on `cr`, whose user space has the page's trim top-left at its origin,
// in points, `scale` device pixels a point; the paper is already white. `worker` (0 … workers − 1)
// says which thread calls: two calls with different workers may run at once.
using PagePainter = std::function<void(cairo_t* cr, int index, double scale, int worker)>;

// Writes dir/spread-001.png, dir/spread-002-003.png, … and dir/spreads.html; returns the PNGs.
std::vector<std::filesystem::path> write_spreads(int page_count, const PagePainter& paint, const style::PageGeometry& geometry,
                                                 const std::filesystem::path& dir, const SpreadsOptions& options);

// Paints the first page of a supplied PDF trim on trim (its TrimBox, else CropBox, at the origin), for
// a PagePainter. Opened documents are kept for the painter's life. Safe to call from several threads:
// one paints at a time (Poppler's cairo output shares one FT_Library between its documents).
class SuppliedPagePainter {
public:
    SuppliedPagePainter();
    ~SuppliedPagePainter();
    void paint(cairo_t* cr, const std::filesystem::path& pdf);

private:
    struct Documents;
    std::unique_ptr<Documents> documents_;
    std::mutex mutex_;
};

}  // namespace quire::proof
