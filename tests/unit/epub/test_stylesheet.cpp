#include "epub/stylesheet.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

using namespace quire;
using namespace quire::epub;
using testing::contains;

namespace {
// The rule for `selector` (from "selector {" to the closing brace).
std::string rule(const std::string& css, const std::string& selector) {
    const auto start = css.find("\n" + selector + " {\n");
    if (start == std::string::npos) return {};
    return css.substr(start + 1, css.find("}\n", start) - start);
}
}  // namespace

TEST_CASE("the CSS follows the print layout's styles in relative units") {
    const style::Layout layout = style::load_layout_or_throw("magazine");
    const std::vector<FontFaceRule> faces{{"Vollkorn", 400, false, "fonts/Vollkorn-Regular.ttf"},
                                          {"Vollkorn", 400, true, "fonts/Vollkorn-Italic.ttf"}};
    const std::string css = stylesheet(layout, faces, {{"Vollkorn", "serif"}, {"Inter Display", "sans-serif"}});

    CHECK(contains(css, "@font-face {\n  font-family: \"Vollkorn\";\n  font-weight: 400;\n  font-style: italic;\n"
                        "  src: url(\"fonts/Vollkorn-Italic.ttf\");\n}"));
    const std::string body = rule(css, "body");
    REQUIRE_FALSE(body.empty());
    CHECK_FALSE(contains(body, "font-size"));  // the reader's size stays the base
    CHECK(contains(body, "font-family: \"Vollkorn\", serif;"));
    CHECK(contains(body, "font-feature-settings: \"onum\";"));  // kern and liga are on by default

    const auto& text = layout.style("text");
    const auto& title = layout.style("title");
    const std::string h1 = rule(css, "h1");
    CHECK(contains(h1, "font-size: " + css_number(title.size.pt() / text.size.pt()) + "em;"));
    CHECK(contains(h1, "font-family: \"Inter Display\", sans-serif;"));
    CHECK(contains(h1, "hyphens: manual;"));

    const std::string p = rule(css, "p");
    CHECK(contains(p, "text-indent: 1em;"));
    CHECK(contains(p, "text-align: justify;"));
    CHECK(contains(p, "hyphens: auto;"));
    CHECK(contains(rule(css, ".byline"), "\"smcp\""));
    CHECK(contains(css, "p.first::first-letter {"));
    // The first line after the drop cap in the lead-in style, letter-spaced small caps as in print.
    const std::string lead = rule(css, "p.first::first-line");
    CHECK(contains(lead, "\"smcp\""));
    CHECK(contains(lead, "letter-spacing: 0.05em;"));
    // A fallback family not embedded is not named.
    CHECK_FALSE(contains(css, "Noto Serif Armenian"));
    // No absolute sizes anywhere: every length is em or unitless.
    CHECK_FALSE(contains(css, "pt;"));
    CHECK_FALSE(contains(css, "px;"));
}

TEST_CASE("css numbers are short and stable") {
    CHECK(css_number(1.0) == "1");
    CHECK(css_number(27.0 / 9.5) == "2.8421");
    CHECK(css_number(-0.012) == "-0.012");
    CHECK(css_number(0.00001) == "0");
}
