// Benchmark (issue 11): `quire issue` on a 96-page issue made from the example issue (examples/issue/):
// 15 of its articles with their text doubled, 6 ads, cover, contents, impressum. Reports the median
// wall time of the whole process (min, max), its CPU time and peak memory, and the layout + issue.pdf
// part alone from --timings (the other outputs: article PDFs, spreads, EPUB).
//   bench_issue_build [runs=7]
// Targets (issue 11): issue.pdf in < 1 s on 2 cores, < 400 MB.
#include "bench_process.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using bench::Run;

Run run(const std::vector<std::string>& args, const fs::path& err_file) {
    bench::ProcessOptions o;
    o.err = bench::Stderr::ToFile;
    o.stderr_file = err_file;
    return bench::run(args, o);
}

double stage_ms(const std::string& timings, const std::string& stage) {
    const std::regex line("  " + stage + " +([0-9.]+) ms");
    std::smatch m;
    return std::regex_search(timings, m, line) ? std::stod(m[1]) : 0;
}

std::string median_min_max(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    char buf[96];
    std::snprintf(buf, sizeof buf, "median %7.1f ms (min %7.1f, max %7.1f)", v[v.size() / 2], v.front(), v.back());
    return buf;
}

void measure(const std::string& name, const std::vector<std::string>& args, int runs, const fs::path& tmp) {
    std::vector<double> wall, cpu, layout_pdf;
    long rss = 0;
    for (int i = 0; i < runs; ++i) {
        const Run r = run(args, tmp / "err.txt");
        if (r.status != 0) {
            std::fprintf(stderr, "%s: quire failed (status %d):\n%s\n", name.c_str(), r.status, r.err.c_str());
            std::exit(1);
        }
        wall.push_back(r.seconds * 1000);
        cpu.push_back(r.cpu_seconds * 1000);
        // issue.pdf needs the layout, the articles' own PDFs (its article pages) and the frame around them.
        layout_pdf.push_back(stage_ms(r.err, "layout") + stage_ms(r.err, "articles") + stage_ms(r.err, "pdf"));
        rss = std::max(rss, r.max_rss_kb);
    }
    std::printf("%-28s wall %s  CPU %s  peak RSS %6.1f MB  (%d runs)\n", name.c_str(), median_min_max(wall).c_str(),
                median_min_max(cpu).c_str(), static_cast<double>(rss) / 1024.0, runs);
    std::printf("%-28s issue.pdf (layout, articles, pdf) %s\n", "", median_min_max(layout_pdf).c_str());
}

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 7;
    const std::string quire = QUIRE_BINARY;
    const fs::path source = QUIRE_SOURCE_DIR;
    const fs::path tmp = fs::temp_directory_path() / "quire-issue-bench";
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    fs::copy(source / "examples/issue", tmp / "issue", fs::copy_options::recursive);
    const fs::path dir = tmp / "issue";

    // 15 articles (the four one-page dispatches left out), each with its body twice over.
    std::string manifest = read(dir / "issue.xml");
    for (const char* lang : {"pl", "uk", "hy", "ka"})
        manifest = std::regex_replace(manifest, std::regex(std::string("\\s*<article src=\"articles/dispatch-") + lang + "\\.xml\"/>"), "");
    for (const auto& entry : fs::directory_iterator(dir / "articles")) {
        if (entry.path().extension() != ".xml") continue;
        std::string xml = read(entry.path());
        const auto b = xml.find("<body>"), e = xml.find("</body>");
        if (b == std::string::npos || e == std::string::npos) continue;
        const std::string body = xml.substr(b + 6, e - b - 6);
        xml.insert(e, body);
        std::ofstream(entry.path()) << xml;
    }
    // Six ads: inside front, three in the run of pages, inside back, back.
    manifest = std::regex_replace(manifest, std::regex("<section title=\"Interviews\">"),
                                  "<ad src=\"ads/house.pdf\"/>\n  <section title=\"Interviews\">");
    manifest = std::regex_replace(manifest, std::regex("<section title=\"Reports\">"),
                                  "<ad src=\"ads/inside-front.pdf\"/>\n  <section title=\"Reports\">");
    manifest = std::regex_replace(manifest, std::regex("<ad src=\"ads/back.pdf\" place=\"back-cover\"/>"),
                                  "<ad src=\"ads/donate.pdf\" place=\"inside-back-cover\"/>\n  <ad src=\"ads/back.pdf\" place=\"back-cover\"/>");
    std::ofstream(dir / "issue.xml") << manifest;
    // Printed in 16-page signatures, as a 96-page magazine is: the make-up pads to 96.
    std::string profile = read(dir / "publication.xml");
    profile.insert(profile.find("</publication>"), "  <signature pages=\"16\"/>\n");
    std::ofstream(dir / "publication.xml") << profile;

    const std::string out = (tmp / "out").string();
    {
        const Run first = run({quire, "issue", (dir / "issue.xml").string(), "-o", out, "--no-epub"}, tmp / "err.txt");
        if (first.status != 0) {
            std::fprintf(stderr, "the benchmark issue failed:\n%s\n", first.err.c_str());
            return 1;
        }
        const std::string map = read(tmp / "out/pages.json");
        std::smatch m;
        std::regex_search(map, m, std::regex("\"page_count\": ([0-9]+)"));
        std::printf("quire issue on a %s-page issue (15 articles, 6 ads), whole process\n", m[1].str().c_str());
    }
    measure("print (--no-epub)", {quire, "issue", (dir / "issue.xml").string(), "-o", out, "--no-epub", "--timings"}, runs, tmp);
    measure("print and EPUB", {quire, "issue", (dir / "issue.xml").string(), "-o", out, "--timings"}, std::max(3, runs / 2), tmp);
    measure("print, one thread", {quire, "issue", (dir / "issue.xml").string(), "-o", out, "--no-epub", "--timings", "--threads", "1"},
            std::max(3, runs / 2), tmp);
    fs::remove_all(tmp);
    return 0;
}
