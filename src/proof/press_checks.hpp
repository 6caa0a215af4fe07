// The press checks of preflight (issue 14; docs/press.md): what a printer's prepress checks beyond
// boxes and fonts, read from the PDF's structure and content streams with qpdf, on any PDF.
//
//   - document: an output intent (GTS_PDFX with an embedded profile), no encryption;
//   - colour: device RGB (or Lab-less RGB images) without an RGB output intent; black or grey text
//     that is not black ink only (RGB grey, rich black), listed with its words; text under 5 pt in
//     more than one ink; total ink of fills and CMYK images above the limit;
//   - marks: crop marks (strokes in the slug) not in the registration colour (/Separation /All);
//   - lines: hairlines thinner than 0.1 pt;
//   - images: bleed of at least the minimum where an image touches the trim edge.
// Each finding names its page and position (PDF points from the top left, as Place::box).
#pragma once

#include "proof/poppler_doc.hpp"
#include "proof/preflight.hpp"
#include "proof/report.hpp"

#include <vector>

namespace quire::proof {

struct PressCheckOptions {
    double max_ink = 3.0;             // total area coverage, 3 = 300 % (ISO 12647-2 coated: 300–330 %)
    double hairline_pt = 0.1;         // thinner strokes may not print
    double small_text_pt = 5;         // smaller text in several inks shows misregistration
    Length min_bleed = Length::mm(3);
};

// Adds the press findings for `doc` (boxes as read by read_page_boxes) to `report`.
void check_press(const PdfDocument& doc, const std::vector<PageBoxes>& boxes, const PressCheckOptions& options,
                 Report& report);

}  // namespace quire::proof
