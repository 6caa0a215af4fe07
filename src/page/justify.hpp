// Justification beyond the word spaces, for lines the breaker could only set loose: a little letter
// spacing and glyph scaling take part of the excess, as InDesign's justification settings do
// (letter spacing −2 %…+4 % of a word space, glyph scaling 97–103 % are common values for justified
// magazine columns). Only very loose lines change, as a last resort: a line whose word spaces are
// stretched beyond `adjust_above` times their stretchability scales its glyphs by up to
// `max_glyph_scale`, and if its spaces are still beyond `letter_spacing_above`, opens each gap between
// letters by up to `max_letter_spacing` of a word space, until its spaces are at ratio 1 or the limits
// are reached. Lines up to ratio 2 (TeX's tolerance of 400 is r ≈ 1.6) keep their glyphs as they are:
// cairo writes every letter gap as an adjustment in TJ and every scaled line with its own Tm, and
// adjusting every line beyond ratio 1 (a third of them) made the 100-page PDF 18–36 % larger and
// slower to write by as much.
#pragma once

#include "linebreak/line_types.hpp"

namespace quire::page {

struct LooseLineLimits {
    double max_letter_spacing = 0.04;  // of the line's natural word space, per gap between letters
    // Horizontal scaling of the glyphs, font expansion included: 1.03 at most, in 0.5 % steps
    // (the breaker's limit and step, linebreak/line_types.hpp).
    double max_glyph_scale = linebreak::kMaxGlyphScaling;
    double glyph_scale_step = linebreak::kGlyphScaleStep;
    double adjust_above = 2.0;         // lines up to this ratio are left alone
    double letter_spacing_above = 2.0; // letter spacing only for lines whose ratio stays above this
};

// Adjusts `line` in place (glyph positions, runs' extents, ratio, glyph_scale) and returns the
// horizontal scale of its glyphs: the line's own glyph_scale (font expansion, line_types.hpp)
// when unchanged; `max_glyph_scale` bounds the total. `space_stretch` is the breaker's stretch as a fraction of the
// space (linebreak::BreakParams::space_stretch). Lines with right-to-left runs are left alone.
double justify_loose_line(linebreak::SetLine& line, const LooseLineLimits& limits = {},
                          double space_stretch = linebreak::BreakParams{}.space_stretch);

// The same, saying also how much letter spacing it gave: the proof reports letter-spaced lower case
// (issue 16: "only as a last resort, and reported").
struct LooseLineAdjustment {
    double glyph_scale = 1;        // as justify_loose_line returns it
    double letter_spacing_pt = 0;  // added to every gap between two letters of a word; 0: none
};
LooseLineAdjustment adjust_loose_line(linebreak::SetLine& line, const LooseLineLimits& limits = {},
                                      double space_stretch = linebreak::BreakParams{}.space_stretch);

}  // namespace quire::page
