// The proof's checks of drop caps (issue 16), on the display list of our own layout: an initial whose
// outline overlaps another glyph ("initial-overlap": a descender printed over the line below, text
// run into it), and a first line that keeps the room of an initial with no initial drawn beside it
// ("initial-missing"). Glyph boxes are the glyphs' outlines (HarfBuzz glyph extents), not their
// line boxes, so that an initial standing close to its lines is not reported.
#pragma once

#include "page/page_document.hpp"
#include "proof/report.hpp"
#include "style/layout.hpp"

namespace quire::proof {

// An initial: a glyph run of the body's text (structure "P") at least this many times the body's size.
inline constexpr double kInitialMinScale = 2.2;

void check_initials(const page::PageDocument& doc, const style::Layout& layout, Report& report);

}  // namespace quire::proof
