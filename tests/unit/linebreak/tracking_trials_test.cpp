// TrackingTrials (paragraph_setter.hpp) and with_extra_tracking (items.hpp): a paragraph set at an
// extra tracking from items built once is set exactly as set_paragraph sets the tracked paragraph.
#include "linebreak/items.hpp"
#include "linebreak/paragraph_setter.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace quire;
using namespace quire::linebreak;

namespace {

const std::filesystem::path kParagraphs = std::filesystem::path(QUIRE_TEST_DATA) / "text" / "paragraphs";

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string out;
    for (char c : ss.str()) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

text::StyledSpan span(const std::string& text, double size, double tracking_em = 0,
                      text::Slant slant = text::Slant::Upright) {
    text::FontSpec f;
    f.size_pt = size;
    f.tracking_em = tracking_em;
    f.slant = slant;
    return text::StyledSpan{text, f, {}, {}, SourceSpan{"para", 1, 1}};
}

text::StyledParagraph tracked(text::StyledParagraph p, double extra) {
    for (auto& s : p.spans) s.font.tracking_em += extra;
    return p;
}

constexpr double kExtras[] = {-0.01, -0.005, 0.005, 0.01};

// The same setting: the same breaks and text, and the same numbers up to the last bits (the
// widths are sums in another order: the glyphs' advances then the tracking, not glyph by glyph).
void check_same(const SetParagraph& a, const SetParagraph& b) {
    REQUIRE(a.lines.size() == b.lines.size());
    CHECK(a.demerits == doctest::Approx(b.demerits).epsilon(1e-9));
    for (std::size_t i = 0; i < a.lines.size(); ++i) {
        const SetLine &x = a.lines[i], &y = b.lines[i];
        INFO("line " << i << ": " << x.text);
        CHECK(x.text == y.text);
        CHECK(x.hyphenated == y.hyphenated);
        CHECK(x.overfull == y.overfull);
        CHECK(x.glyph_scale == doctest::Approx(y.glyph_scale).epsilon(1e-12));
        CHECK(x.ratio == doctest::Approx(y.ratio).epsilon(1e-9));
        CHECK(x.width_pt == doctest::Approx(y.width_pt).epsilon(1e-9));
        CHECK(x.natural_width_pt == doctest::Approx(y.natural_width_pt).epsilon(1e-9));
        REQUIRE(x.runs.size() == y.runs.size());
        for (std::size_t r = 0; r < x.runs.size(); ++r) {
            REQUIRE(x.runs[r].glyphs.size() == y.runs[r].glyphs.size());
            for (std::size_t g = 0; g < x.runs[r].glyphs.size(); ++g)
                CHECK(x.runs[r].glyphs[g].x_pt == doctest::Approx(y.runs[r].glyphs[g].x_pt).epsilon(1e-9));
        }
    }
}

void check_same(const ParagraphItems& a, const ParagraphItems& b) {
    REQUIRE(a.items.size() == b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        const Item &x = a.items[i], &y = b.items[i];
        INFO("item " << i);
        CHECK(x.kind == y.kind);
        CHECK(x.ref == y.ref);
        CHECK(x.penalty == y.penalty);
        CHECK(x.width == doctest::Approx(y.width).epsilon(1e-12));
        CHECK(x.stretch == doctest::Approx(y.stretch).epsilon(1e-12));
        CHECK(x.shrink == doctest::Approx(y.shrink).epsilon(1e-12));
    }
    REQUIRE(a.pieces.size() == b.pieces.size());
    for (std::size_t i = 0; i < a.pieces.size(); ++i)
        CHECK(a.pieces[i].tracking_pt == doctest::Approx(b.pieces[i].tracking_pt).epsilon(1e-12));
}

}  // namespace

TEST_CASE("tracking trials: the bundled paragraphs set at ±5 and ±10/1000 em as set_paragraph sets them tracked") {
    text::FontCollection fonts;
    for (const char* name : {"en1.txt", "en2.txt", "pl1.txt", "pl3.txt", "ru1.txt", "uk2.txt"}) {
        text::StyledParagraph p;
        p.lang = std::string(name, 2);
        p.spans.push_back(span(read_text(kParagraphs / name), 9.5));
        for (double width : {156.0, 187.09, 300.0}) {
            for (const Alignment alignment : {Alignment::Justified, Alignment::RaggedRight}) {
                LineSpec spec;
                spec.widths_pt = {width};
                spec.first_indent_pt = 9.5;
                spec.alignment = alignment;
                Diagnostics d;
                TrackingTrials trials(p, spec, fonts, d);
                INFO(name << " at " << width);
                check_same(trials.at(0), set_paragraph(p, spec, fonts, d));
                for (double e : kExtras) {
                    INFO("extra " << e);
                    Diagnostics quiet;
                    const text::StyledParagraph t = tracked(p, e);
                    check_same(trials.at(e), set_paragraph(t, spec, fonts, quiet));
                    // The items themselves, widths and stretch included.
                    const auto adjusted = with_extra_tracking(build_items(p, spec, fonts, quiet), p, spec, fonts, e);
                    REQUIRE(adjusted.has_value());
                    check_same(*adjusted, build_items(t, spec, fonts, quiet));
                }
            }
        }
    }
}

TEST_CASE("tracking trials: spans of other sizes, tracking and scripts, and the hyphen's own run") {
    text::FontCollection fonts;
    text::StyledParagraph p;
    p.lang = "en";
    p.spans.push_back(span("In Yerevan (Երևան) and Tbilisi (თბილისი), the Polish word „źdźbło” and the ", 9.5));
    p.spans.push_back(span("Ukrainian „зобов’язання” sit beside ", 8.0, 0.02, text::Slant::Italic));
    p.spans.push_back(span("office English with ligatures; the well-known hyphenation of Kazakhstan’s strategy follows, "
                           "internationalisation notwithstanding.", 10.5));
    LineSpec spec;
    spec.widths_pt = {120, 156};
    spec.first_indent_pt = 9.5;
    Diagnostics d;
    TrackingTrials trials(p, spec, fonts, d);
    for (double e : kExtras) {
        INFO("extra " << e);
        Diagnostics quiet;
        check_same(trials.at(e), set_paragraph(tracked(p, e), spec, fonts, quiet));
    }
}

TEST_CASE("tracking trials: a word with breaks at every character is set again from scratch, the same") {
    text::FontCollection fonts;
    text::StyledParagraph p;
    p.lang = "en";
    // A code wider than the measure gets emergency breaks; at a tighter tracking a word just under
    // the measure would lose them: widths alone cannot say, so the items are built again.
    p.spans.push_back(span("The code XQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQ was printed on the ticket.", 9.5));
    LineSpec spec;
    spec.widths_pt = {120};
    Diagnostics d;
    CHECK_FALSE(with_extra_tracking(build_items(p, spec, fonts, d), p, spec, fonts, 0.005).has_value());
    TrackingTrials trials(p, spec, fonts, d);
    for (double e : kExtras) {
        Diagnostics quiet;
        check_same(trials.at(e), set_paragraph(tracked(p, e), spec, fonts, quiet));
    }
}
