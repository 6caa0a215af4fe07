// Benchmark: the EPUB's drawn cover, laid out by page/ (page/epub_cover.hpp) and drawn to PNG by
// render/ (render/render_png.hpp), as the EPUB builder makes it when the artefact cache misses.
//   cmake --build build --target bench_epub_cover && build/bench_epub_cover [runs]
#include "page/epub_cover.hpp"
#include "render/render_png.hpp"
#include "style/layout.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

int main(int argc, char** argv) {
    using namespace quire;
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
    const style::Layout layout = style::load_layout_or_throw("magazine");
    const page::CoverText text{"New Eastern Europe", "Articles and Commentary",
                               "Armenia as a mere pawn in Russia\u2019s Kazakhstan strategy", "Aleksandar Srbinovski",
                               "17 January 2022", "en"};
    std::vector<double> lay, draw, whole;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto fonts = std::make_shared<text::FontCollection>();  // as the builder does: a collection per cover
        Diagnostics diagnostics;
        const page::PageDocument cover = page::lay_out_epub_cover(text, layout, fonts, {}, diagnostics);
        const auto t1 = std::chrono::steady_clock::now();
        bytes = render::render_page_png(cover, 0, 1.0).size();
        const auto t2 = std::chrono::steady_clock::now();
        lay.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        draw.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        whole.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
    }
    auto report = [](const char* what, std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        std::printf("  %-22s median %7.2f ms  min %7.2f  max %7.2f\n", what, v[v.size() / 2], v.front(), v.back());
    };
    std::printf("epub cover, 1200 x 1800: %d runs\n", runs);
    report("lay out (page/)", lay);
    report("draw + PNG (render/)", draw);
    report("whole", whole);
    std::printf("  PNG: %zu bytes\n", bytes);
    return 0;
}
