// Loose lines: letter spacing and glyph scaling take part of the excess (page/justify.hpp), on fake
// glyph runs (no fonts): letters 5 pt wide, spaces 3 pt natural with half a space of stretch.
#include "page/justify.hpp"

#include <doctest/doctest.h>

using namespace quire;

namespace {

// "ab cd ef" set at `ratio`: every byte one glyph, letters `letter` pt wide; the line ends where its
// last letter's advance ends.
linebreak::SetLine fake_line(double ratio, double letter = 5) {
    linebreak::SetLine line;
    line.ratio = ratio;
    linebreak::GlyphRun run;
    run.text = "ab cd ef";
    double x = 0;
    for (std::uint32_t i = 0; i < run.text.size(); ++i) {
        run.glyphs.push_back(linebreak::PositionedGlyph{.id = i + 1, .cluster = i, .x_pt = x, .y_pt = 0});
        run.clusters.push_back(linebreak::TextCluster{1, 1});
        x += run.text[i] == ' ' ? 3 * (1 + 0.5 * ratio) : letter;
    }
    run.width_pt = x;
    line.width_pt = line.target_width_pt = x;
    line.text = run.text;
    line.runs.push_back(run);
    return line;
}

double end_of(const linebreak::SetLine& line, double letter = 5) { return line.runs.back().glyphs.back().x_pt + letter; }

}  // namespace

TEST_CASE("a very loose line gives part of its excess to letter spacing and glyph scaling, within the limits") {
    linebreak::SetLine line = fake_line(3.0);
    const double end = end_of(line);
    const double scale = page::justify_loose_line(line);
    // The excess beyond ratio 1 (6 pt) is more than the limits allow: both at their maximum.
    CHECK(scale == doctest::Approx(1.03));
    const auto& g = line.runs.front().glyphs;
    CHECK(g[1].x_pt - g[0].x_pt == doctest::Approx(5 * 1.03 + 0.04 * 3));  // "a" scaled, one letter gap
    // Letters gave 3 gaps × 0.12 pt + 25 pt × 3 % = 1.11 pt; the spaces (3 pt of stretch) lost as much.
    CHECK(line.ratio == doctest::Approx(3.0 - 1.11 / 3.0));
    CHECK(end_of(line) == doctest::Approx(end));  // still justified to the same width
    CHECK(line.runs.front().width_pt == doctest::Approx(line.width_pt));
}

TEST_CASE("a loose line that scaling brings below ratio 2 is only scaled, in steps of 0.5 %") {
    // Letters 50 pt wide: 3.3 pt of excess is 1.3 % of the letters' 250 pt, rounded down to 1 %.
    linebreak::SetLine line = fake_line(2.1, 50);
    const double end = end_of(line, 50);
    CHECK(page::justify_loose_line(line) == doctest::Approx(1.01));
    const auto& g = line.runs.front().glyphs;
    CHECK(g[1].x_pt - g[0].x_pt == doctest::Approx(50 * 1.01));  // no letter spacing
    CHECK(line.ratio == doctest::Approx(2.1 - 2.5 / 3.0));
    CHECK(end_of(line, 50) == doctest::Approx(end));
}

TEST_CASE("lines up to ratio 2, overfull lines and right-to-left runs are left alone") {
    linebreak::SetLine normal = fake_line(1.9);
    const auto before = normal.runs.front().glyphs.back().x_pt;
    CHECK(page::justify_loose_line(normal) == 1.0);
    CHECK(normal.runs.front().glyphs.back().x_pt == before);
    CHECK(normal.ratio == 1.9);

    linebreak::SetLine overfull = fake_line(3.0);
    overfull.overfull = true;
    CHECK(page::justify_loose_line(overfull) == 1.0);
    CHECK(overfull.ratio == 3.0);

    linebreak::SetLine rtl = fake_line(3.0);
    rtl.runs.front().direction = linebreak::RunDirection::RightToLeft;
    CHECK(page::justify_loose_line(rtl) == 1.0);
    CHECK(rtl.ratio == 3.0);
}

TEST_CASE("a line the breaker already expanded gets only what is left of the 3 % in glyph scaling") {
    linebreak::SetLine line = fake_line(3.0);
    line.glyph_scale = 1.025;
    const double end = end_of(line);
    CHECK(page::justify_loose_line(line) == doctest::Approx(1.03));
    CHECK(line.glyph_scale == doctest::Approx(1.03));
    CHECK(end_of(line) == doctest::Approx(end));
    // At the limit already: letter spacing only, the scale stays.
    linebreak::SetLine full = fake_line(3.0);
    full.glyph_scale = 1.03;
    CHECK(page::justify_loose_line(full) == doctest::Approx(1.03));
    const auto& g = full.runs.front().glyphs;
    CHECK(g[1].x_pt - g[0].x_pt == doctest::Approx(5 + 0.04 * 3));
}
