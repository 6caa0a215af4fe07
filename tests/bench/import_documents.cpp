// Benchmark: quire import of 5,000 words of DOCX and of Markdown (issue 15: < 50 ms each). The inputs
// are the round-trip article's body six times over (tests/data/import/docx/bench-5000-words.*, made
// by tools/make-docx-fixtures). Reports median, min and max of the runs, in process (the command's
// start and libexttextcat's one-time loading of its fingerprints are measured separately, as "first").
//
//   cmake --build build --target bench_import_documents && build/bench_import_documents [runs]
#include "core/output_file.hpp"
#include "import/document_import.hpp"
#include "model/article_xml.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace quire;

namespace {

template <typename F>
void measure(const char* name, int runs, F&& f) {
    std::vector<double> ms;
    double first = 0;
    for (int i = 0; i <= runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i == 0) first = t;
        else ms.push_back(t);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-10s first %7.2f ms   median %7.2f ms   min %7.2f   max %7.2f   (%d runs)\n", name, first,
                ms[ms.size() / 2], ms.front(), ms.back(), runs);
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    const std::string dir = std::string(QUIRE_SOURCE_DIR) + "/tests/data/import/docx/";
    const std::string docx = read_file(dir + "bench-5000-words.docx");
    const std::string md = read_file(dir + "bench-5000-words.md");
    std::size_t words = 0;
    measure("docx", runs, [&] {
        auto r = import::import_docx(docx, "bench.docx", {});
        words = 0;
        for (const auto& b : r.article.body) {
            const std::string t = model::plain_text(b.content);
            words += static_cast<std::size_t>(std::count(t.begin(), t.end(), ' ') + 1);
        }
        if (model::write_article_xml(r.article).empty()) std::abort();
    });
    std::printf("           (%zu words in the body)\n", words);
    measure("markdown", runs, [&] {
        auto r = import::import_markdown(md, "bench.md", {});
        if (model::write_article_xml(r.article).empty()) std::abort();
    });
    return 0;
}
