// The press photos' RGB → CMYK table (style/color_profile.cpp) against lcms2's exact transform:
// the table is sampled from it and interpolated, so every pixel must stay within a few levels of it.
#include "style/color_profile.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace quire::style;

namespace {

// The colours the table is checked on: the grid's corners and edges, the greys, and a spread of
// values that fall between grid nodes (33 nodes: a node every 255/32 ≈ 7.97 levels).
std::vector<std::uint8_t> sample_pixels() {
    std::vector<std::uint8_t> rgb;
    const int values[] = {0, 1, 3, 8, 17, 40, 63, 64, 100, 127, 128, 150, 191, 200, 230, 250, 254, 255};
    for (int r : values)
        for (int g : values)
            for (int b : values) rgb.insert(rgb.end(), {std::uint8_t(r), std::uint8_t(g), std::uint8_t(b)});
    return rgb;
}

int level(double ink) { return static_cast<int>(std::lround(std::clamp(ink, 0.0, 1.0) * 255.0)); }

}  // namespace

TEST_CASE("the RGB to CMYK image table stays within a few levels of the exact transform") {
    auto profile = CmykProfile::default_profile();
    if (!profile) {
        MESSAGE("no default CMYK profile installed (" << kDefaultCmykProfile << "): skipped");
        return;
    }
    const std::vector<std::uint8_t> rgb = sample_pixels();
    const std::size_t count = rgb.size() / 3;
    std::vector<std::uint8_t> cmyk(count * 4);
    profile->rgb_to_cmyk_pixels(rgb.data(), cmyk.data(), count, 4.0);  // no ink limit: compare the transform

    int worst = 0;
    double sum = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const Cmyk exact = profile->to_cmyk(Rgb{rgb[3 * i] / 255.0, rgb[3 * i + 1] / 255.0, rgb[3 * i + 2] / 255.0});
        const int want[4] = {level(exact.c), level(exact.m), level(exact.y), level(exact.k)};
        for (int ch = 0; ch < 4; ++ch) {
            const int diff = std::abs(int(cmyk[4 * i + ch]) - want[ch]);
            worst = std::max(worst, diff);
            sum += diff;
        }
    }
    const double mean = sum / double(count * 4);
    MESSAGE("table against exact: worst " << worst << " levels, mean " << mean);
    // lcms2's own optimised 8-bit transform (the same 33-node grid) is off by up to a few levels
    // in the steep corners of a press profile; a fault in the table's indexing would be off by tens.
    CHECK(worst <= 6);
    CHECK(mean < 1.0);
}

TEST_CASE("the image table holds each pixel's total ink to the limit") {
    auto profile = CmykProfile::default_profile();
    if (!profile) return;
    const std::vector<std::uint8_t> rgb = sample_pixels();
    const std::size_t count = rgb.size() / 3;
    std::vector<std::uint8_t> cmyk(count * 4);
    profile->rgb_to_cmyk_pixels(rgb.data(), cmyk.data(), count, 2.8);
    int over = 0, heaviest = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const int total = cmyk[4 * i] + cmyk[4 * i + 1] + cmyk[4 * i + 2] + cmyk[4 * i + 3];
        heaviest = std::max(heaviest, total);
        if (total > int(2.8 * 255) + 3) ++over;  // rounding of four channels
    }
    CHECK(over == 0);
    CHECK(heaviest > 255);  // the sample does reach dark, inked colours

    // Black stays black: RGB 0,0,0 converts to a dark, inked CMYK, never to paper.
    const std::uint8_t black[3] = {0, 0, 0};
    std::uint8_t out[4];
    profile->rgb_to_cmyk_pixels(black, out, 1, 2.8);
    CHECK(out[3] > 200);
}

TEST_CASE("the image table gives the same bytes for a pixel wherever it sits in a run") {
    auto profile = CmykProfile::default_profile();
    if (!profile) return;
    // The SSE2 loop works on several pixels at a time and finishes a run with a scalar tail: a pixel
    // must convert the same in either.
    const std::vector<std::uint8_t> rgb = sample_pixels();
    const std::size_t count = rgb.size() / 3;
    std::vector<std::uint8_t> whole(count * 4);
    profile->rgb_to_cmyk_pixels(rgb.data(), whole.data(), count, 3.0);
    for (std::size_t start : {std::size_t(1), std::size_t(3), std::size_t(5), std::size_t(7)}) {
        std::vector<std::uint8_t> part((count - start) * 4);
        profile->rgb_to_cmyk_pixels(rgb.data() + 3 * start, part.data(), count - start, 3.0);
        CHECK(std::equal(part.begin(), part.end(), whole.begin() + std::ptrdiff_t(4 * start)));
    }
}
