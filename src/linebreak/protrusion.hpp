// Optical margin alignment (character protrusion, as pdfTeX/microtype and InDesign's "optical margin
// alignment" do it): light marks at a justified line's ends (hyphens, dashes, full stops, commas,
// quotes) hang partly into the margin, so that the column's edge looks straight to the eye.
//
// The breaker sees it as wider lines (BreakerInput::protrude_*): a line that ends in a full stop may
// hold that much more, and justification fills the wider measure. The setter shifts the line left by
// its left protrusion. Amounts per character are shares of the character's advance width (microtype's
// thousandths / 1000), from the layout (layouts/*.xml <protrude>).
#pragma once

#include "linebreak/line_types.hpp"

#include <vector>

namespace quire::linebreak {

struct ParagraphItems;

// Per item: `left[s]` is what the line that starts at item s protrudes on the left (its first glyph),
// `right[b]` what the line ending at break item b protrudes on the right (its last glyph, or the
// hyphen a discretionary break adds). Both in points; zero where nothing protrudes.
struct MarginKerns {
    std::vector<double> left, right;
};

// Empty vectors when the table is empty (no protrusion).
MarginKerns margin_kerns(const ParagraphItems& items, const ProtrusionTable& table);

}  // namespace quire::linebreak
