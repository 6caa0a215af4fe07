// Benchmark (issue 13): 1,000 personalised subscriber copies of an EPUB against `cp` of the same file
// 1,000 times, in the same run, alternating, median of N rounds (min and max too):
//   - quire: `quire subscribers book.epub subscribers.csv -o DIR --secret-file key`, one process,
//     one thread per core (both cores busy), into an empty folder each round;
//   - cp ×1000, one after another (a shell loop, as an operator would copy files);
//   - cp ×1000, two at a time (`xargs -P 2`), both cores busy, as quire is.
//   cmake --build build --target benchmarks && build/bench_subscribers_copy [rounds] [book.epub]
// Without a book, the example article's EPUB is built first. Target: quire <= 2 x cp.
#include "core/resources.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double run_ms(const std::string& command) {
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "failed: %s\n", command.c_str());
        std::exit(1);
    }
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Stats {
    std::vector<double> ms;
    void print(const char* what) {
        std::sort(ms.begin(), ms.end());
        std::printf("%-34s median %8.1f ms   min %8.1f   max %8.1f   (%zu rounds)\n", what, ms[ms.size() / 2], ms.front(),
                    ms.back(), ms.size());
    }
    double median() const {
        auto c = ms;
        std::sort(c.begin(), c.end());
        return c[c.size() / 2];
    }
};

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const fs::path work = fs::temp_directory_path() / "quire-bench-subscribers";
    fs::remove_all(work);
    fs::create_directories(work);
    const std::string quire = QUIRE_BINARY;
    fs::path book = work / "book.epub";
    if (argc > 2) {
        fs::copy_file(argv[2], book);
    } else {
        run_ms("\"" + quire + "\" epub \"" + (quire::resource_root() / "examples" / "article.xml").string() + "\" -o \"" +
               book.string() + "\" 2>/dev/null");
    }
    {
        std::ofstream csv(work / "subscribers.csv");
        csv << "id,name,email\n";
        for (int i = 0; i < 1000; ++i) csv << "sub-" << i << ",\"Subscriber Łukasz-Оксана " << i << "\",s" << i << "@example.org\n";
        std::ofstream(work / "key") << "benchmark secret\n";
    }
    std::printf("book: %s, %ju bytes; 1,000 copies per round\n", book.string().c_str(), static_cast<std::uintmax_t>(fs::file_size(book)));
    const std::string w = "\"" + work.string() + "\"";
    Stats q, cp_serial, cp_parallel;
    for (int r = 0; r < rounds; ++r) {
        fs::remove_all(work / "q");
        fs::remove_all(work / "c1");
        fs::remove_all(work / "c2");
        fs::create_directories(work / "c1");
        fs::create_directories(work / "c2");
        q.ms.push_back(run_ms("cd " + w + " && \"" + quire + "\" subscribers book.epub subscribers.csv -o q --secret-file key 2>/dev/null"));
        cp_serial.ms.push_back(run_ms("cd " + w + " && for i in $(seq 1000); do cp book.epub c1/$i.epub; done"));
        cp_parallel.ms.push_back(run_ms("cd " + w + " && seq 1000 | xargs -P 2 -I{} cp book.epub c2/{}.epub"));
    }
    q.print("quire subscribers (1000 copies)");
    cp_serial.print("cp x1000, serial");
    cp_parallel.print("cp x1000, 2 at a time");
    std::printf("ratio quire / cp serial: %.2f   quire / cp 2 at a time: %.2f   (target <= 2)\n", q.median() / cp_serial.median(),
                q.median() / cp_parallel.median());
    fs::remove_all(work);
    return 0;
}
