#include "style/layout.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace quire;
using namespace quire::style;

namespace {
std::string write_temp(const std::string& name, const std::string& text) {
    auto path = std::filesystem::temp_directory_path() / ("quire-style-" + name);
    std::ofstream(path) << text;
    return path.string();
}
}  // namespace

TEST_CASE("the magazine layout has the house geometry and every required style") {
    Diagnostics d;
    Layout l = load_layout("magazine", d);
    INFO(d.to_string());
    CHECK_FALSE(d.has_errors());
    CHECK(l.page.trim.width.mm() == doctest::Approx(170));
    CHECK(l.page.trim.height.mm() == doctest::Approx(240));
    CHECK(l.page.bleed.mm() == doctest::Approx(3));
    CHECK(l.page.columns == 2);
    CHECK(l.page.baseline.pt() == doctest::Approx(12));
    for (const auto& name : required_styles()) CHECK(l.has_style(name));
    const ParagraphStyle& body = l.style("body");
    CHECK(body.size.pt() == doctest::Approx(9.5));
    CHECK(body.leading.pt() == doctest::Approx(12));
    CHECK(body.align == Align::Justify);
    CHECK(body.hyphenate == Hyphenate::Yes);
    CHECK(body.first_indent.pt() == doctest::Approx(9.5));  // 1em of 9.5pt
    CHECK(l.style("body-first").drop_cap_lines == 3);
    CHECK(l.style("body-first").first_indent.pt() == doctest::Approx(0));
    CHECK(l.style("subheading").keep_with_next == KeepWithNext::Yes);
    // about 40–50 characters a line at 9.5 pt: (170 − 18 − 15 − 5) / 2 = 66 mm
    CHECK(l.page.column_width().mm() == doctest::Approx(66));
    CHECK_THROWS_AS(l.style("no-such-style"), QuireError);
}

TEST_CASE("the a4 layout has one column and loads cleanly") {
    Diagnostics d;
    Layout l = load_layout("a4", d);
    INFO(d.to_string());
    CHECK_FALSE(d.has_errors());
    CHECK(l.page.columns == 1);
    CHECK(l.page.trim.width.mm() == doctest::Approx(210));
}

TEST_CASE("em lengths follow the size of the style that inherits them") {
    const std::string path = write_temp("em.xml", R"(<layout name="t">
  <style name="a" size="10pt" first-indent="1em"/>
  <style name="b" based-on="a" size="20pt"/>
</layout>)");
    Diagnostics d;
    Layout l = load_layout(path, d);
    CHECK(l.style("a").first_indent.pt() == doctest::Approx(10));
    CHECK(l.style("b").first_indent.pt() == doctest::Approx(20));
}

TEST_CASE("a bad value is an error with its file, line and column") {
    const std::string path = write_temp("bad.xml", "<layout name=\"t\">\n  <style name=\"body\" size=\"9.5px\"/>\n</layout>\n");
    Diagnostics d;
    load_layout(path, d);
    REQUIRE(d.has_errors());
    const Diagnostic& first = d.all().front();
    CHECK(first.where.file == path);
    CHECK(first.where.line == 2);
    CHECK(first.where.column == 22);
    CHECK(first.message.find("9.5px") != std::string::npos);
}

TEST_CASE("unknown attributes, parents and layouts are errors") {
    const std::string path = write_temp("unknown.xml", "<layout>\n<style name=\"x\" colour=\"#000\"/>\n"
                                                       "<style name=\"y\" based-on=\"zz\"/>\n<frame/>\n</layout>\n");
    Diagnostics d;
    load_layout(path, d);
    const std::string all = d.to_string();
    CHECK(all.find(":2:17: error: unknown attribute 'colour'") != std::string::npos);
    CHECK(all.find(":3:17: error: style 'y' is based on an unknown style 'zz'") != std::string::npos);
    CHECK(all.find(":4:1: error: unknown element <frame>") != std::string::npos);
    CHECK(all.find("lacks the style 'body'") != std::string::npos);

    Diagnostics d2;
    load_layout("no-such-layout", d2);
    REQUIRE(d2.has_errors());
    CHECK(d2.all().front().message.find("magazine") != std::string::npos);
    CHECK_THROWS_AS(load_layout_or_throw("no-such-layout"), QuireError);
}

TEST_CASE("inheritance cycles are reported, not followed forever") {
    const std::string path = write_temp("cycle.xml", "<layout>\n<style name=\"a\" based-on=\"b\"/>\n<style name=\"b\" based-on=\"a\"/>\n</layout>\n");
    Diagnostics d;
    load_layout(path, d);
    CHECK(d.to_string().find("inherits from itself") != std::string::npos);
}

TEST_CASE("colours and lengths parse") {
    CHECK(parse_color("#ff0000")->r == doctest::Approx(1));
    CHECK(parse_color("#0f0")->g == doctest::Approx(1));
    CHECK_FALSE(parse_color("red"));
    CHECK(parse_length("3mm")->pt() == doctest::Approx(8.5039).epsilon(0.001));
    CHECK(parse_length("2em", Length::pt(9))->pt() == doctest::Approx(18));
    CHECK_FALSE(parse_length("3"));
    CHECK(parse_color("#efe9df")->to_hex() == "#efe9df");
}

TEST_CASE("CMYK swatches parse in percent and keep their CMYK") {
    const auto k = parse_color("cmyk(0 0 0 100)");
    REQUIRE(k);
    REQUIRE(k->cmyk);
    CHECK(k->cmyk->k == doctest::Approx(1));
    CHECK(k->cmyk->k_only());
    CHECK(k->r < 0.2);  // a dark screen colour, derived through the profile
    const auto red = parse_color("cmyk(24, 98, 92, 18)");
    REQUIRE(red);
    CHECK(red->cmyk->m == doctest::Approx(0.98));
    CHECK(red->r > red->g);
    CHECK_FALSE(parse_color("cmyk(0 0 0)"));
    CHECK_FALSE(parse_color("cmyk(0 0 0 101)"));
    CHECK_FALSE(parse_color("cmyk(a b c d)"));
    CHECK_FALSE(parse_color("#1a1a1a")->cmyk);
}

TEST_CASE("the make-up numbers of the opening, body, figures and issue come from the layout") {
    Diagnostics d;
    const Layout m = load_layout("magazine", d);
    const Layout a4 = load_layout("a4", d);
    INFO(d.to_string());
    CHECK_FALSE(d.has_errors());
    CHECK(m.opening.standfirst_width == 0.82);
    CHECK(a4.opening.standfirst_width == 1.0);
    CHECK(m.opening.photo_gap.pt() == 6);
    CHECK(m.opening.rule.pt() == 0.4);
    CHECK(m.body.drop_cap_gap_em == 0.3);
    CHECK(m.body.list_marker_gap_em == 1.0 / 3);
    CHECK(a4.body.notice_keep_lines == 12);
    CHECK(a4.figure.caption_gap.pt() == 5);
    CHECK(m.issue.contents_title_width == 0.78);
    CHECK(m.issue.cover_lines_top.pt() == 12);

    // Another layout changes them; a bad value is an error at its place.
    const std::string path = write_temp("makeup.xml", "<layout name=\"t\">\n"
                                                      "  <opening standfirst-width=\"0.7\" photo-gap=\"3mm\"/>\n"
                                                      "  <body drop-cap-gap=\"0.5em\" bio-keep-lines=\"4\"/>\n"
                                                      "  <figure max-height=\"1.5\"/>\n"
                                                      "  <body list-marker-gap=\"2pt\"/>\n"
                                                      "</layout>\n");
    Diagnostics e;
    const Layout t = load_layout(path, e);
    CHECK(t.opening.standfirst_width == 0.7);
    CHECK(t.opening.photo_gap.mm() == doctest::Approx(3));
    CHECK(t.body.drop_cap_gap_em == 0.5);
    CHECK(t.body.bio_keep_lines == 4);
    CHECK(t.figure.max_height == 0.5);  // refused: kept the default
    const std::string all = e.to_string();
    CHECK(all.find(":4:11: error: bad share '1.5' for max-height") != std::string::npos);
    CHECK(all.find(":5:9: error: bad length '2pt' for list-marker-gap") != std::string::npos);
}
