// Optical margin alignment (linebreak/protrusion.hpp): the breaker's hook widens lines by what
// their end characters protrude, and the setter hangs them into the margin.
#include "linebreak/items.hpp"
#include "linebreak/knuth_plass.hpp"
#include "linebreak/paragraph_setter.hpp"
#include "linebreak/protrusion.hpp"

#include <doctest/doctest.h>

using namespace quire;
using namespace quire::linebreak;

namespace {
text::FontSpec vollkorn() {
    text::FontSpec f;
    f.family = "Vollkorn";
    f.size_pt = 9.5;
    return f;
}
}  // namespace

TEST_CASE("protrusion: the breaker's line width grows by the protrusion of the break's ends") {
    // box 50, glue, box 50: at width 100 only one line fits with 5 pt of protrusion on the right
    // of the first box's break.
    std::vector<Item> items = {Item::box(60), Item::glue(5, 0, 0), Item::box(60), Item::penalty_item(0, kInfinitePenalty, false),
                               Item::glue(0, 1, 0), Item::penalty_item(0, -kInfinitePenalty, false)};
    items[4].fil = true;
    BreakerInput in;
    in.widths_pt = {60};
    in.params.expansion = 0;
    BreakResult plain = knuth_plass(items, in);
    REQUIRE(plain.breaks.size() == 2);
    CHECK(plain.breaks[0].width == doctest::Approx(60));
    in.protrude_right.assign(items.size(), 0.0);
    in.protrude_right[1] = 3.0;
    in.protrude_left.assign(items.size(), 0.0);
    in.protrude_left[2] = 1.5;
    BreakResult kerned = knuth_plass(items, in);
    REQUIRE(kerned.breaks.size() == 2);
    CHECK(kerned.breaks[0].width == doctest::Approx(63));
    CHECK(kerned.breaks[1].width == doctest::Approx(61.5));
}

TEST_CASE("protrusion: a justified line ending in a comma or hyphen hangs into the right margin") {
    text::FontCollection fonts;
    Diagnostics d;
    text::StyledParagraph p;
    p.spans.push_back(text::StyledSpan{"\u201CWords, words, and more words, set in a narrow column, justified and hyphenated, "
                                       "with commas, full stops. And quotes\u201D at ends of lines, as columns have them.",
                                       vollkorn(), "", "", {}});
    LineSpec spec;
    spec.widths_pt = {120};
    spec.protrusion.classes = {ProtrusionClass{U".,", 0, 0.7}, ProtrusionClass{U"-", 0, 0.6},
                               ProtrusionClass{U"\u201C", 0.5, 0}};
    const SetParagraph set = set_paragraph(p, spec, fonts, d);
    REQUIRE(set.lines.size() > 3);
    CHECK(set.lines[0].x_offset_pt < 0);  // the opening quote hangs left
    int hanging = 0;
    for (std::size_t i = 0; i + 1 < set.lines.size(); ++i) {
        const SetLine& l = set.lines[i];
        const char last = l.text.empty() ? ' ' : l.text.back();
        if (last == ',' || last == '.' || last == '-') {
            CHECK(l.target_width_pt > 120.0);
            ++hanging;
        } else if (i > 0) {
            CHECK(l.target_width_pt == doctest::Approx(120.0));
        }
    }
    CHECK(hanging > 0);
    LineSpec off = spec;
    off.protrusion = {};
    for (const auto& l : set_paragraph(p, off, fonts, d).lines) CHECK(l.target_width_pt == doctest::Approx(120.0));
}

TEST_CASE("a spaced en dash never starts a line: the space before it is tied") {
    text::FontCollection fonts;
    Diagnostics d;
    text::StyledParagraph p;
    p.spans.push_back(text::StyledSpan{"aaaa bbbb cccc \u2013 dddd eeee \u2013 ffff gggg \u2013 hhhh iiii \u2013 jjjj kkkk \u2013 llll",
                                       vollkorn(), "", "", {}});
    for (double w : {40.0, 50.0, 60.0, 70.0, 80.0}) {
        LineSpec spec;
        spec.widths_pt = {w};
        spec.alignment = Alignment::RaggedRight;
        for (const auto& l : set_paragraph(p, spec, fonts, d).lines) CHECK_FALSE(l.text.starts_with("\u2013"));
    }
}
