// Proof benchmarks (issue 6): the example's proof folder (PDF, page images, report) and the diff of
// two 100-page PDFs, each the median of several runs. Targets: < 1 s and < 10 s on the 2-core machine.
//   cmake --build build --target bench_proof_bench && build/bench_proof_bench
#include "core/handle.hpp"
#include "proof/pdf_diff.hpp"
#include "proof/proof_builder.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace quire;

namespace {

double median_seconds(int runs, const std::function<void()>& f) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// A 100-page PDF of two justified-looking columns of text (cairo's toy API: any serif), with one
// word of page `changed_page` replaced when `changed_page` > 0.
void make_long_pdf(const fs::path& path, int pages, int changed_page) {
    using Surface = Handle<cairo_surface_t, cairo_surface_destroy>;
    using Context = Handle<cairo_t, cairo_destroy>;
    static const char* words[] = {"ledger", "harbour", "quarry", "velvet", "orchard", "lantern", "meadow", "cobalt",
                                  "the", "of", "and", "a", "river", "council", "bridge", "market"};
    Surface surface{cairo_pdf_surface_create(path.c_str(), 482, 680)};
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2022-01-17T00:00:00Z");
    Context cr{cairo_create(surface.get())};
    cairo_select_font_face(cr.get(), "serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr.get(), 9.5);
    for (int p = 1; p <= pages; ++p) {
        for (int col = 0; col < 2; ++col) {
            for (int line = 0; line < 46; ++line) {
                std::string text;
                for (int w = 0; w < 7; ++w) {
                    const int k = (p * 131 + col * 71 + line * 17 + w * 5) % 16;
                    text += (w ? " " : "") + std::string(p == changed_page && col == 0 && line == 20 && w == 3 ? "zeppelin" : words[k]);
                }
                cairo_move_to(cr.get(), 51 + col * 200, 60 + line * 12);
                cairo_show_text(cr.get(), text.c_str());
            }
        }
        cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
}

}  // namespace

int main() {
    const fs::path dir = fs::temp_directory_path() / "quire-proof-bench";
    fs::create_directories(dir);
    setenv("SOURCE_DATE_EPOCH", "1642377600", 1);

    const fs::path example = fs::path(QUIRE_SOURCE_DIR) / "examples" / "article.xml";
    if (fs::exists(example)) {
        int pages = 0;
        const double t = median_seconds(5, [&] { pages = proof::build_proof(example, dir / "proof").pages; });
        std::printf("example proof (%d pages: PDF, PNGs, report, index.html): median %.3f s of 5 (target < 1 s)\n",
                    pages, t);
    } else {
        std::printf("example proof: skipped, %s not made\n", example.c_str());
    }

    make_long_pdf(dir / "old.pdf", 100, 0);
    make_long_pdf(dir / "new.pdf", 100, 50);
    proof::PdfDiff last;
    const double t = median_seconds(3, [&] {
        proof::PdfDocument a(dir / "old.pdf"), b(dir / "new.pdf");
        last = proof::diff_pdfs(a, b);
        proof::write_diff(last, a, b, dir / "diff");
    });
    std::printf("diff of two 100-page PDFs: median %.3f s of 3 (target < 10 s); %zu changed page(s), %d word(s) "
                "removed, %d added\n",
                t, last.changed_pages().size(), last.words.words_removed(), last.words.words_added());
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
