// Benchmark: building the example's EPUB. Reports the median of N runs of (1) the whole process,
// `quire epub examples/article.xml -o …` as a user runs it, and (2) its parts in process (load,
// assemble: documents + fonts + cover, zip), so that a regression points at its stage.
//   cmake --build build --target benchmarks && build/bench_epub_build [runs]
// Target (issue 3): whole process under 25 ms, median, on the project's 2-core machine.
#include "core/resources.hpp"
#include "epub/epub_builder.hpp"
#include "epub/font_subset.hpp"
#include "epub/ocf_container.hpp"
#include "model/article_xml.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static double median_ms(int runs, const std::function<void()>& f) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        f();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
    const fs::path article = quire::resource_root() / "examples" / "article.xml";
    const fs::path out = fs::temp_directory_path() / "quire-bench-epub.epub";

    // The whole process, as a user runs it: cold (an empty artefact cache each run: font subsets and
    // the cover made anew, the first build of an article) and warm (the cache kept: every later
    // build of it, core/artefact_cache.hpp).
    const fs::path cache = fs::temp_directory_path() / "quire-bench-epub-cache";
    auto command = [&](const std::string& cache_dir) {
        return "QUIRE_CACHE_DIR=\"" + cache_dir + "\" \"" + std::string(QUIRE_BINARY) + "\" epub \"" + article.string() +
               "\" -o \"" + out.string() + "\" 2>/dev/null";
    };
    // Also the CPU time of the child (user + system, all threads): on a shared, loaded machine the
    // wall time says more about the neighbours than about quire.
    auto child_cpu_ms = [] {
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
    };
    auto whole_process = [&](bool cold, std::vector<double>& cpu) {
        return median_ms(runs, [&] {
            if (cold) fs::remove_all(cache);
            const std::string line = command(cache.string());
            const double before = child_cpu_ms();
            if (std::system(line.c_str()) != 0) {
                std::fprintf(stderr, "bench: quire epub failed\n");
                std::exit(1);
            }
            cpu.push_back(child_cpu_ms() - before);
        });
    };
    std::vector<double> cold_cpu, warm_cpu;
    const double cold = whole_process(true, cold_cpu);
    const double warm = whole_process(false, warm_cpu);
    fs::remove_all(cache);
    std::sort(cold_cpu.begin(), cold_cpu.end());
    std::sort(warm_cpu.begin(), warm_cpu.end());
    const std::string version = std::string("\"") + QUIRE_BINARY + "\" --version >/dev/null";
    const double startup = median_ms(runs, [&] {
        if (std::system(version.c_str()) != 0) std::exit(1);
    });

    quire::Diagnostics diagnostics;
    quire::model::LoadedArticle loaded;
    const double load = median_ms(runs, [&] { diagnostics = {}; loaded = quire::model::load_article(article, diagnostics); });
    quire::epub::Book book;
    // In process, without the cache: the work itself.
    setenv("QUIRE_CACHE_DIR", "off", 1);
    const double assemble = median_ms(runs, [&] { book = quire::epub::assemble_book(loaded, {}); });
    std::string zip;
    const double package = median_ms(runs, [&] { zip = quire::epub::ocf_bytes(book, 0); });
    const double in_process = median_ms(runs, [&] { quire::epub::build_epub(loaded, {}, out); });

    std::printf("epub example: %d runs, medians\n", runs);
    std::printf("  whole process, cold cache   %8.2f ms   CPU %8.2f ms  (first build of an article)\n", cold,
                cold_cpu[cold_cpu.size() / 2]);
    std::printf("  whole process, warm cache   %8.2f ms   CPU %8.2f ms  (target < 25 ms)\n", warm,
                warm_cpu[warm_cpu.size() / 2]);
    std::printf("  process start (--version)   %8.2f ms\n", startup);
    std::printf("  in process: load article    %8.2f ms\n", load);
    std::printf("  in process: assemble book   %8.2f ms\n", assemble);
    std::printf("  in process: zip container   %8.2f ms\n", package);
    std::printf("  in process: build_epub      %8.2f ms\n", in_process);
    std::printf("  output: %zu bytes\n", static_cast<std::size_t>(fs::file_size(out)));
    fs::remove(out);
    return 0;
}
