// The press pass's colour rewriting (render/press_color.hpp) on content streams written by hand.
#include "render/press_color.hpp"

#include <doctest/doctest.h>

using namespace quire;

TEST_CASE("RGB operators written by Cairo become the swatches' CMYK, greys black ink only") {
    auto profile = style::CmykProfile::default_profile();
    if (!profile) {
        MESSAGE("skipped: default_cmyk.icc (libgs-common) is not installed");
        return;
    }
    const style::Color text = *style::parse_color("cmyk(0 0 0 100)");
    const style::Color red = *style::parse_color("cmyk(24 98 92 18)");
    const render::SwatchMap swatches({text, red}, *profile);
    char content[256];
    std::snprintf(content, sizeof content, "q\n%f %f %f rg BT /f1 9 Tf (x) Tj ET\n%f %f %f RG 0.5 w 0 0 m 10 0 l S\n0.333333 0.333333 0.333333 rg 0 0 5 5 re f\nQ\n",
                  text.r, text.g, text.b, red.r, red.g, red.b);
    const std::string out = render::cmyk_content(content, swatches);
    CHECK(out.find(" rg") == std::string::npos);
    CHECK(out.find(" RG") == std::string::npos);
    CHECK(out.find("0 0 0 1 k") != std::string::npos);
    CHECK(out.find("0.24 0.98 0.92 0.18 K") != std::string::npos);
    CHECK(out.find("0 0 0 0.667 k") != std::string::npos);
    CHECK(out.find("(x) Tj") != std::string::npos);
}
