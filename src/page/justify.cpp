#include "page/justify.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace quire::page {

namespace {

// A quotient that should be a whole number of scale steps is not rounded one step down by the
// floating point (a tolerance, not design; the steps and limits are LooseLineLimits).
constexpr double kStepTolerance = 1e-9;

struct GlyphRef {
    linebreak::GlyphRun* run;
    std::size_t index;
    bool space;
};

bool is_space(const linebreak::GlyphRun& run, const linebreak::PositionedGlyph& g) {
    return g.cluster < run.text.size() && run.text[g.cluster] == ' ';
}

}  // namespace

double justify_loose_line(linebreak::SetLine& line, const LooseLineLimits& limits, double space_stretch) {
    return adjust_loose_line(line, limits, space_stretch).glyph_scale;
}

LooseLineAdjustment adjust_loose_line(linebreak::SetLine& line, const LooseLineLimits& limits, double space_stretch) {
    const double r = line.ratio;
    // The glyphs may already be scaled by the breaker's font expansion: the limit is on the total.
    const double before = line.glyph_scale;
    if (line.overfull || r <= limits.adjust_above || r <= 1.0 || space_stretch <= 0) return {before, 0};
    std::vector<GlyphRef> glyphs;
    for (auto& run : line.runs) {
        if (run.direction == linebreak::RunDirection::RightToLeft) return {before, 0};
        for (std::size_t i = 0; i < run.glyphs.size(); ++i) glyphs.push_back({&run, i, is_space(run, run.glyphs[i])});
    }
    if (glyphs.size() < 2) return {before, 0};
    // Each glyph's advance is the distance to the next; the last one's runs to the line's end.
    auto x_of = [](const GlyphRef& g) { return g.run->glyphs[g.index].x_pt; };
    std::vector<double> advance(glyphs.size());
    for (std::size_t i = 0; i + 1 < glyphs.size(); ++i) advance[i] = x_of(glyphs[i + 1]) - x_of(glyphs[i]);
    advance.back() = line.width_pt - x_of(glyphs.back());
    // The spaces, as set: natural width × (1 + stretch × r). Interior spaces only (a space ending the
    // line is not drawn stretched: the line breaks there).
    double space_now = 0, stretch = 0, letters = 0;
    int gaps = 0, spaces = 0;
    for (std::size_t i = 0; i + 1 < glyphs.size(); ++i) {
        if (glyphs[i].space) {
            const double natural = advance[i] / (1 + space_stretch * r);
            space_now += advance[i];
            stretch += natural * space_stretch;
            ++spaces;
        } else {
            letters += advance[i];
            // A gap between two letters of a word (not inside a cluster: a ligature, a mark).
            const auto& a = glyphs[i];
            const auto& b = glyphs[i + 1];
            if (!b.space && (a.run != b.run || a.run->glyphs[a.index].cluster != b.run->glyphs[b.index].cluster)) ++gaps;
        }
    }
    if (spaces == 0 || stretch <= 0) return {before, 0};
    const double natural_space = stretch / space_stretch / spaces;
    const double wanted = (r - 1.0) * stretch;  // the excess beyond the spaces' stretchability
    if (letters <= 0) return {before, 0};
    // Glyph scaling first, in steps (0.5 %), rounded down: every distinct scale is another cairo
    // scaled font (its glyphs' metrics loaded again). Its advances are the scaled font's own, so the
    // PDF needs no adjustment between glyphs.
    const double step = limits.glyph_scale_step;
    const double room = std::max(0.0, 1.0 + limits.max_glyph_scale - before);  // of the total scale
    const double total_scale = before + std::floor(std::min(room, wanted / letters * before) / step + kStepTolerance) * step;
    const double scale = total_scale / before;  // on the letters' advances as they are
    // Letter spacing last (Bringhurst: do not letterspace the lower case without a reason), for lines still
    // very loose.
    double per_gap = 0;
    if (gaps > 0 && r - (scale - 1.0) * letters / stretch > limits.letter_spacing_above)
        per_gap = std::clamp((wanted - (scale - 1.0) * letters) / gaps, 0.0, limits.max_letter_spacing * natural_space);
    const double given = per_gap * gaps + (scale - 1.0) * letters;
    // Lay the glyphs out again from the line's first glyph: letters scaled, letter gaps opened, the
    // spaces narrower by what the letters took, in proportion to their widths.
    double x = x_of(glyphs.front());
    linebreak::GlyphRun* current = nullptr;
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        auto& g = glyphs[i];
        linebreak::PositionedGlyph& pg = g.run->glyphs[g.index];
        const double shift = x - pg.x_pt;
        if (g.run != current) {
            g.run->x_start_pt += shift;
            current = g.run;
        }
        pg.x_pt = x;
        double a = advance[i];
        if (i + 1 < glyphs.size()) {
            if (g.space) {
                a -= given * advance[i] / space_now;
            } else {
                a *= scale;
                const auto& b = glyphs[i + 1];
                if (!b.space && (g.run != b.run || pg.cluster != b.run->glyphs[b.index].cluster)) a += per_gap;
            }
        }
        x += a;
        // The run ends where its last glyph's advance ends.
        if (i + 1 == glyphs.size() || glyphs[i + 1].run != g.run) g.run->width_pt = x - g.run->x_start_pt;
    }
    line.ratio = r - given / stretch;
    line.glyph_scale = total_scale;
    return {total_scale, per_gap};
}

}  // namespace quire::page
