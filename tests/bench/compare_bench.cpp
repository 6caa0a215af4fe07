// Benchmark (issue 17): the example article → PDF + EPUB, quire against WeasyPrint + pandoc, side by
// side in one run. The other tools get the same article as HTML: the XHTML and stylesheet of quire's
// own EPUB (unzipped), which WeasyPrint makes a PDF of and pandoc an EPUB of. Whole processes; median
// wall time (min, max) and CPU of N runs, interleaved (quire, then the others, each round) so that load
// from other work hits both alike. WeasyPrint and pandoc are needed only here (Debian: weasyprint,
// pandoc), never by quire; without them the benchmark says so and stops.
//   bench_compare_bench [runs=9]
// quire is measured two ways: `quire pdf` then `quire epub` (two processes, as two tools), and
// `quire pdf --epub` (one process: the EPUB from the same typeset pages, on the second core).
// Target (issue 17): quire ≥ 25× faster than WeasyPrint + pandoc.
#include "bench_process.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using bench::Run;

// quire by its path; the other tools from PATH, run in the XHTML's folder (its relative links).
Run run(const std::vector<std::string>& args, const fs::path& cwd = {}) {
    bench::ProcessOptions o;
    o.cwd = cwd;
    o.lookup = bench::Lookup::Search;
    return bench::run(args, o);
}

struct Series {
    std::vector<double> wall, cpu;
    void add(const Run& a, const Run& b) {
        wall.push_back(a.seconds + b.seconds);
        cpu.push_back(a.cpu_seconds + b.cpu_seconds);
    }
    void add(const Run& a) {
        wall.push_back(a.seconds);
        cpu.push_back(a.cpu_seconds);
    }
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void print(const char* name, const Series& s) {
    std::printf("%-26s wall median %8.1f ms (min %8.1f, max %8.1f)  CPU median %8.1f ms (min %8.1f, max %8.1f)\n", name,
                median(s.wall) * 1000, *std::min_element(s.wall.begin(), s.wall.end()) * 1000,
                *std::max_element(s.wall.begin(), s.wall.end()) * 1000, median(s.cpu) * 1000,
                *std::min_element(s.cpu.begin(), s.cpu.end()) * 1000, *std::max_element(s.cpu.begin(), s.cpu.end()) * 1000);
}

bool ok(const Run& r) { return WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0; }

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 9;
    const char* other = std::getenv("QUIRE_BENCH_BINARY");
    const std::string quire = other && *other ? other : QUIRE_BINARY;
    const fs::path article = fs::path(QUIRE_SOURCE_DIR) / "examples/article.xml";
    const fs::path tmp = fs::temp_directory_path() / "quire-compare-bench";
    fs::remove_all(tmp);
    fs::create_directories(tmp / "html");

    // The article as HTML: quire's EPUB, unzipped.
    const fs::path epub = tmp / "article.epub";
    if (!ok(run({quire, "epub", article.string(), "-o", epub.string()})) ||
        !ok(run({"unzip", "-q", "-o", epub.string(), "-d", (tmp / "html").string()}))) {
        std::fprintf(stderr, "could not make and unzip the example's EPUB (needs unzip)\n");
        return 1;
    }
    const fs::path xhtml = tmp / "html/EPUB/article.xhtml";
    for (const char* tool : {"weasyprint", "pandoc"})
        if (!ok(run({tool, "--version"}))) {
            std::printf("SKIPPED: %s is not installed (Debian: apt-get install weasyprint pandoc)\n", tool);
            return 0;
        }

    Series q, one, w;
    for (int i = 0; i < runs; ++i) {
        const Run pdf = run({quire, "pdf", article.string(), "-o", (tmp / "quire.pdf").string()});
        const Run book = run({quire, "epub", article.string(), "-o", (tmp / "quire.epub").string()});
        const Run both = run({quire, "pdf", article.string(), "-o", (tmp / "quire-both.pdf").string(), "--epub",
                              (tmp / "quire-both.epub").string()});
        const Run wp = run({"weasyprint", xhtml.string(), (tmp / "weasyprint.pdf").string()}, xhtml.parent_path());
        const Run pd = run({"pandoc", "-f", "html", xhtml.string(), "-o", (tmp / "pandoc.epub").string()}, xhtml.parent_path());
        if (!ok(pdf) || !ok(book) || !ok(both) || !ok(wp) || !ok(pd)) {
            std::fprintf(stderr, "a run failed (quire pdf %d, quire epub %d, quire pdf --epub %d, weasyprint %d, pandoc %d)\n",
                         pdf.status, book.status, both.status, wp.status, pd.status);
            return 1;
        }
        q.add(pdf, book);
        one.add(both);
        w.add(wp, pd);
    }
    std::printf("the example article → PDF + EPUB, whole processes, %d interleaved runs\n", runs);
    print("quire pdf + quire epub", q);
    print("quire pdf --epub", one);
    print("WeasyPrint + pandoc", w);
    std::printf("quire pdf + quire epub: %.1f× faster (wall medians), %.1f× (CPU medians)\n", median(w.wall) / median(q.wall),
                median(w.cpu) / median(q.cpu));
    std::printf("quire pdf --epub: %.1f× faster (wall medians), %.1f× (CPU medians)\n", median(w.wall) / median(one.wall),
                median(w.cpu) / median(one.cpu));
    fs::remove_all(tmp);
    return 0;
}
