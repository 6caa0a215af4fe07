// Preflight: the PDF-level checks a print house makes on any PDF (our pages, supplied ads): fonts
// embedded, TrimBox and BleedBox present and sane, images' effective resolution at their placed
// size, text outside the safe area, page count and sizes.
#pragma once

#include "core/length.hpp"
#include "proof/poppler_doc.hpp"
#include "proof/report.hpp"

#include <optional>
#include <vector>

namespace quire::proof {

struct PreflightOptions {
    Length safe_margin = Length::mm(5);  // text closer than this to the trim edge may be cut
    Length min_bleed = Length::mm(3);    // the usual bleed printers ask for
    double warn_ppi = 250;               // below: soft at print size (warning; issue 14: 250, as printers ask)
    double error_ppi = 150;              // below: visibly pixelated (error)
    // Supplied pages without boxes are an error for print; a screen PDF can skip the box checks.
    enum class Boxes { Required, Optional } boxes = Boxes::Required;
    // The proof checks images from the display list (it knows their files and alt text), which is
    // cheaper than decoding them again from the PDF.
    enum class Images { Check, Skip } images = Images::Check;
    // The press checks (proof/press_checks.hpp: output intent, device RGB, K-only text, ink, marks,
    // hairlines, bleed of images); a screen PDF skips them.
    enum class Press { Check, Skip } press = Press::Check;
    double max_ink = 3.0;                // total area coverage limit, 3 = 300 %
    // The words on the pages (report.stats) from the PDF's text; the proof of an article or an issue
    // counts them from the display list instead and skips reading every page's text once more.
    enum class Words { Count, Skip } words = Words::Count;
};

// A page's boxes in PDF points from the top left of the page as Poppler draws it (the crop box).
struct PageBoxes {
    Rect media;
    std::optional<Rect> trim;
    std::optional<Rect> bleed;
};

// Each placed image with its effective resolution.
struct PlacedImage {
    int page = 0;       // 1-based
    Rect area;          // placed area, PDF points from the top left
    int width_px = 0;
    int height_px = 0;
    double ppi = 0;     // the lower of the horizontal and vertical effective resolutions
};

// Reads the page boxes with qpdf (Poppler's glib binding does not expose TrimBox/BleedBox).
// Throws QuireError naming the file when qpdf cannot read it.
std::vector<PageBoxes> read_page_boxes(const std::filesystem::path& pdf);

// The images placed on page `index` (0-based) and their effective ppi.
std::vector<PlacedImage> placed_images(PopplerPage* page, int index);

// Runs every check on `doc`, adding findings and the page count, trim size and word count to `report`.
void preflight(const PdfDocument& doc, const PreflightOptions& options, Report& report);

}  // namespace quire::proof
