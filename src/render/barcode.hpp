// The ISSN barcode of a serial's cover: an EAN-13 beginning 977 (GS1 prefix for serials), with the
// issue number as a 2-digit add-on, made by libzint and drawn with Cairo as vectors (never a bitmap).
//
//   const auto shapes = quire::render::issn_barcode("2083-7372", "37");     // 977208373700 + check, +37
//   quire::render::draw_barcode(cr, shapes, {x, y, w, h}, &fonts);          // or nullptr: Inter from fonts/
//
// EAN-13 for a serial (GS1 General Specifications, ISSN International Centre's "ISSN and EAN-13"):
// "977", the ISSN's first 7 digits (its own check digit is dropped), a 2-digit price/variant code
// ("00" unless the publisher uses one), then the EAN check digit. The 2-digit add-on (EAN-2) carries
// the issue number.
#pragma once

#include "core/length.hpp"
#include "text/font_collection.hpp"

#include <cairo.h>

#include <string>
#include <vector>

namespace quire::render {

// The 13 digits for `issn` ("NNNN-NNNC", ISO 3297 check digit verified) and a 2-digit `sequence`.
// Throws QuireError for a malformed ISSN, a wrong ISSN check digit or a sequence that is not 2 digits.
std::string issn_ean13(const std::string& issn, const std::string& sequence = "00");

// The symbol at its nominal size (X-dimension 0.33 mm, "100 %"), in points, origin at its top-left,
// quiet zones included (11 modules left of the main symbol, 7 right; 5 after the add-on).
struct BarcodeShapes {
    std::vector<Rect> bars;
    struct Text {
        double x = 0, y = 0, size = 0;  // x: the text's centre; y: its baseline; size: font size (pt)
        std::string text;
    };
    std::vector<Text> texts;  // the human-readable digits, as libzint places them
    double width = 0, height = 0;
    std::string data;  // what was encoded, "977xxxxxxxSSC+NN"
};

// `addon`: 2 digits, the issue number ("01" … "99"); empty for none. Throws QuireError on bad input
// (the ISSN as for issn_ean13, an add-on that is not 2 digits) or when libzint refuses the data.
BarcodeShapes issn_barcode(const std::string& issn, const std::string& addon, const std::string& sequence = "00");

// Draws `shapes` scaled uniformly to fit `box` (points, in `cr`'s user space), at the box's top-left,
// in black on a white rectangle that covers the whole symbol with its quiet zones (a barcode on a
// photograph needs its light background). The digits are set in `fonts`' Inter (the caller keeps the
// collection alive until the surface is finished), or with `fonts` null in Inter opened from fonts/
// by Cairo itself.
void draw_barcode(cairo_t* cr, const BarcodeShapes& shapes, const Rect& box, text::FontCollection* fonts);

}  // namespace quire::render
