// Benchmark: shaping plus line breaking (issue 4). Two workloads:
//   seed   the example article (../shared/seeds/000_…txt), paragraph by paragraph, 9.5/12 at 156 pt;
//   mixed  40,000 words of mixed-language text (English, Polish, Russian, Ukrainian, Armenian,
//          Georgian) in paragraphs of 60–180 words, sampled deterministically from tests/data/text
//          and the seed article.
// Each workload runs with a fresh FontCollection each time ("cold": every word shaped anew, fonts
// opened) and with one kept across runs ("warm": a later article of the same issue). Reports the
// median of the runs, words per second and peak memory (getrusage).
//
//   cmake --build build --target bench_text_breaking && build/bench_text_breaking [runs]
//   build/bench_text_breaking --dump FILE   writes every paragraph of both workloads, set justified at
//                                           156 pt and 300 pt and ragged right at 156 pt, as
//                                           SetParagraph::dump() text: two builds set the same lines
//                                           if their dumps are byte-identical (speed work must not
//                                           change the output).
#include "core/output_file.hpp"
#include "linebreak/paragraph_setter.hpp"
#include "text/font_collection.hpp"
#include "text/shaper.hpp"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace quire;

namespace {

struct Para {
    std::string text;
    std::string lang;
};

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::vector<Para> seed_paragraphs() {
    std::vector<Para> out;
    const auto path = std::filesystem::path(QUIRE_SOURCE_DIR) / ".." / "shared" / "seeds" / "000_741dca14fdf2e00a.txt";
    if (!std::filesystem::exists(path)) return out;
    std::istringstream in(read_file(path));
    std::string line;
    while (std::getline(in, line))
        if (split_words(line).size() >= 8) out.push_back({line, "en"});
    return out;
}

std::vector<Para> mixed_paragraphs(std::size_t total_words) {
    // Word pools per language, from the test paragraphs (and the seed for English).
    const auto dir = std::filesystem::path(QUIRE_SOURCE_DIR) / "tests" / "data" / "text" / "paragraphs";
    std::vector<std::pair<std::string, std::vector<std::string>>> pools;
    for (const char* lang : {"en", "pl", "ru", "uk"}) {
        std::vector<std::string> words;
        for (const char* n : {"1", "2"}) {
            auto w = split_words(read_file(dir / (std::string(lang) + n + ".txt")));
            words.insert(words.end(), w.begin(), w.end());
        }
        if (std::string(lang) == "en")
            for (const auto& p : seed_paragraphs()) {
                auto w = split_words(p.text);
                words.insert(words.end(), w.begin(), w.end());
            }
        pools.push_back({lang, words});
    }
    pools.push_back({"hy", split_words("Հայաստանը Հարավային Կովկասում գտնվող երկիր է, որի մայրաքաղաքը Երևանն է։ Երկրի "
                                       "պատմությունը հազարամյակների խորքն է գնում, իսկ նրա լեզուն ունի իր յուրահատուկ "
                                       "այբուբենը, որը ստեղծվել է հինգերորդ դարում։")});
    pools.push_back({"ka", split_words("საქართველო სამხრეთ კავკასიაში მდებარე ქვეყანაა, რომლის დედაქალაქია თბილისი. "
                                       "ქართულ ენას საკუთარი დამწერლობა აქვს, რომელიც მრავალი საუკუნის განმავლობაში "
                                       "ვითარდებოდა.")});
    std::mt19937 rng(4);
    std::vector<Para> out;
    std::size_t words = 0;
    // Languages in the proportions a magazine like the seed's might print: mostly English.
    std::discrete_distribution<std::size_t> pick_lang({50, 15, 12, 15, 4, 4});
    std::uniform_int_distribution<std::size_t> length(60, 180);
    while (words < total_words) {
        const auto& [lang, pool] = pools[pick_lang(rng)];
        const std::size_t n = std::min(length(rng), total_words - words);
        // Consecutive stretches of the pool (so phrases stay phrases), from random places.
        std::uniform_int_distribution<std::size_t> at(0, pool.size() - 1);
        std::string text;
        std::size_t i = at(rng);
        for (std::size_t k = 0; k < n; ++k) {
            if (k % 12 == 0) i = at(rng);
            if (!text.empty()) text += ' ';
            text += pool[i++ % pool.size()];
        }
        out.push_back({text, lang});
        words += n;
    }
    return out;
}

std::size_t count_words(const std::vector<Para>& ps) {
    std::size_t n = 0;
    for (const auto& p : ps) n += split_words(p.text).size();
    return n;
}

// CPU time of this thread: on a shared machine wall time also counts the waits for a core.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

struct Timing {
    double wall = 0, cpu = 0;
};

Timing run(const std::vector<Para>& ps, text::FontCollection& fonts, std::size_t& lines) {
    linebreak::LineSpec spec;
    spec.widths_pt = {156};
    text::FontSpec font;
    font.size_pt = 9.5;
    font.features = {"onum"};
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_seconds();
    lines = 0;
    for (const auto& p : ps) {
        text::StyledParagraph sp;
        sp.lang = p.lang;
        sp.spans.push_back(text::StyledSpan{p.text, font, {}, {}, {}});
        Diagnostics d;
        lines += linebreak::set_paragraph(sp, spec, fonts, d).lines.size();
    }
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), cpu_seconds() - c0};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void report(const char* name, const std::vector<Para>& ps, int runs) {
    const std::size_t words = count_words(ps);
    std::vector<double> cold_wall, cold_cpu, warm_wall, warm_cpu;
    std::size_t lines = 0, distinct = 0;
    for (int r = 0; r < runs; ++r) {
        text::FontCollection fonts;
        const Timing t = run(ps, fonts, lines);
        cold_wall.push_back(t.wall);
        cold_cpu.push_back(t.cpu);
        distinct = fonts.shape_cache().size();
    }
    text::FontCollection fonts;
    run(ps, fonts, lines);
    for (int r = 0; r < runs; ++r) {
        const Timing t = run(ps, fonts, lines);
        warm_wall.push_back(t.wall);
        warm_cpu.push_back(t.cpu);
    }
    const double cw = median(cold_wall), cc = median(cold_cpu), ww = median(warm_wall), wc = median(warm_cpu);
    std::printf("%-6s %6zu words %4zu paragraphs %5zu lines %5zu shapes\n", name, words, ps.size(), lines, distinct);
    std::printf("       cold: median wall %7.2f ms, cpu %7.2f ms (%8.0f words/s of cpu)\n", cw * 1e3, cc * 1e3, double(words) / cc);
    std::printf("       warm: median wall %7.2f ms, cpu %7.2f ms (%8.0f words/s of cpu)\n", ww * 1e3, wc * 1e3, double(words) / wc);
}

}  // namespace

// Every paragraph in three settings, as dump text (see the header comment).
int dump_all(const char* path) {
    std::string out;
    text::FontCollection fonts;
    const auto seed = seed_paragraphs();
    const auto mixed = mixed_paragraphs(40000);
    for (const auto* ps : {&seed, &mixed})
        for (const auto& p : *ps)
            for (int setting = 0; setting < 3; ++setting) {
                linebreak::LineSpec spec;
                spec.widths_pt = {setting == 1 ? 300.0 : 156.0};
                if (setting == 2) spec.alignment = linebreak::Alignment::RaggedRight;
                text::FontSpec font;
                font.size_pt = setting == 1 ? 10.5 : 9.5;
                font.features = {"onum"};
                text::StyledParagraph sp;
                sp.lang = p.lang;
                sp.spans.push_back(text::StyledSpan{p.text, font, {}, {}, {}});
                Diagnostics d;
                out += linebreak::set_paragraph(sp, spec, fonts, d).dump();
            }
    write_file_atomically(path, out);
    std::printf("%zu bytes written to %s\n", out.size(), path);
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--dump") return dump_all(argv[2]);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;
    const auto seed = seed_paragraphs();
    if (!seed.empty()) report("seed", seed, runs);
    else std::printf("seed   (../shared/seeds missing: skipped)\n");
    report("mixed", mixed_paragraphs(40000), runs);
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("peak memory (max RSS): %.1f MB\n", double(ru.ru_maxrss) / 1024.0);
    return 0;
}
