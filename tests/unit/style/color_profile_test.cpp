// The press photos' RGB → CMYK table (style/color_profile.cpp) against lcms2's exact transform:
// the table is sampled from it and interpolated, so every pixel must stay within a few levels of it.
#include "style/color_profile.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
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

namespace {
// QUIRE_CACHE_DIR for the length of a test, restored after.
class CacheDirForTest {
public:
    explicit CacheDirForTest(const std::string& value) {
        if (const char* old = std::getenv("QUIRE_CACHE_DIR")) old_ = old, had_ = true;
        setenv("QUIRE_CACHE_DIR", value.c_str(), 1);
    }
    ~CacheDirForTest() {
        if (had_) setenv("QUIRE_CACHE_DIR", old_.c_str(), 1);
        else unsetenv("QUIRE_CACHE_DIR");
    }
    CacheDirForTest(const CacheDirForTest&) = delete;
    CacheDirForTest& operator=(const CacheDirForTest&) = delete;

private:
    std::string old_;
    bool had_ = false;
};

bool same_bits(const Rgb& a, const Rgb& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }
}  // namespace

TEST_CASE("a CMYK swatch's screen colour is the same from lcms2, from this run's memo and from the cache") {
    if (!std::filesystem::exists(kDefaultCmykProfile)) {
        MESSAGE("no default CMYK profile installed: skipped");
        return;
    }
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "quire-test-cmyk-screen";
    std::filesystem::remove_all(folder);
    const Cmyk swatches[] = {{0, 0, 0, 1}, {0.07, 0.9, 0.85, 0.02}, {1.0 / 3, 0.1, 0, 0.55}, {0, 0, 0, 0}};
    std::vector<Rgb> exact;
    {
        CacheDirForTest off("off");  // lcms2 every time
        auto profile = CmykProfile::load(kDefaultCmykProfile);
        for (const Cmyk& c : swatches) exact.push_back(profile->to_rgb(c));
    }
    CHECK(exact[0].r < 0.3);  // full black ink is dark, no ink is white: the transform really ran
    CHECK(exact[3].r > 0.95);
    CacheDirForTest on(folder.string());
    {
        auto first = CmykProfile::load(kDefaultCmykProfile);  // misses, then stores
        for (std::size_t i = 0; i < std::size(swatches); ++i) {
            CHECK(same_bits(first->to_rgb(swatches[i]), exact[i]));
            CHECK(same_bits(first->to_rgb(swatches[i]), exact[i]));  // the memo
        }
    }
    std::size_t entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(folder / "cmyk-screen")) entries += e.is_regular_file();
    CHECK(entries == std::size(swatches));
    auto second = CmykProfile::load(kDefaultCmykProfile);  // a new run: every colour from the cache
    for (std::size_t i = 0; i < std::size(swatches); ++i) CHECK(same_bits(second->to_rgb(swatches[i]), exact[i]));
    // A damaged entry is a miss: the colour comes from lcms2 again, never from the garbage.
    for (const auto& e : std::filesystem::directory_iterator(folder / "cmyk-screen")) {
        std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << "quire-cache 1\ngarbage";
    }
    auto third = CmykProfile::load(kDefaultCmykProfile);
    for (std::size_t i = 0; i < std::size(swatches); ++i) CHECK(same_bits(third->to_rgb(swatches[i]), exact[i]));
    std::filesystem::remove_all(folder);
}
