// Benchmark (issue 5): the whole `quire pdf` process on the example article and on a document of
// about 100 pages; median wall time of N runs and peak memory (ru_maxrss of the child).
//   bench_pdf_bench [runs=11]
// Also the example's `quire epub` and `quire build` (issue 17). $QUIRE_BENCH_BINARY runs another
// quire binary through the same harness (a build from before a change, for before/after tables).
// And the example issue (examples/issue/issue.xml, 96 pages → issue.pdf, article PDFs, spreads and
// issue.epub through `quire issue`), issue 17's "96-page issue → PDF + EPUB".
// Targets (issue 17): example pdf < 40 ms, epub < 20 ms, build < 0.25 s, 100 pages < 0.25 s,
// the issue < 0.6 s (medians, this 2-core machine, quiet).
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

// stdout to /dev/null; stderr (warnings, errors) shown.
Run run(const std::vector<std::string>& args) {
    bench::ProcessOptions o;
    o.err = bench::Stderr::Shown;
    return bench::run(args, o);
}

void measure(const std::string& name, const std::vector<std::string>& args, int runs) {
    std::vector<double> times, cpu;
    long rss = 0;
    for (int i = 0; i < runs; ++i) {
        const Run r = run(args);
        if (r.status != 0) {
            std::fprintf(stderr, "%s: quire failed (status %d)\n", name.c_str(), r.status);
            std::exit(1);
        }
        times.push_back(r.seconds);
        cpu.push_back(r.cpu_seconds);
        rss = std::max(rss, r.max_rss_kb);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("%-20s wall median %7.1f ms (min %7.1f, max %7.1f)  CPU median %7.1f ms (min %7.1f, max %7.1f)  peak RSS %6.1f MB  (%d runs)\n",
                name.c_str(), times[times.size() / 2] * 1000, times.front() * 1000, times.back() * 1000,
                cpu[cpu.size() / 2] * 1000, cpu.front() * 1000, cpu.back() * 1000, static_cast<double>(rss) / 1024.0, runs);
}

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// issue 17's "96-page issue": the example issue (56 pages) with its commentary, its reports, its
// interviews and its first review printed a second time, as copies (file names and ids with "-2"),
// in sections of their own before the closing filler. Returns the manifest.
fs::path make_96_page_issue(const fs::path& example, const fs::path& dir) {
    fs::remove_all(dir);
    fs::copy(example, dir, fs::copy_options::recursive);
    std::string manifest = read(dir / "issue.xml");
    const std::regex article_ref(R"re(<article src="articles/([^"]+)\.xml"/>)re");
    auto section_of = [&](const std::string& title) {
        const auto start = manifest.find("<section title=\"" + title + "\">");
        return manifest.substr(start, manifest.find("</section>", start) - start);
    };
    std::string added;
    auto copy_section = [&](const std::string& title, const std::string& new_title, std::size_t most) {
        const std::string section = section_of(title);
        added += "  <section title=\"" + new_title + "\">\n";
        std::size_t n = 0;
        for (auto it = std::sregex_iterator(section.begin(), section.end(), article_ref); it != std::sregex_iterator() && n < most;
             ++it, ++n) {
            const std::string name = (*it)[1];
            std::string xml = read(dir / "articles" / (name + ".xml"));
            xml = std::regex_replace(xml, std::regex(R"re((<article\b[^>]*\bid=")([^"]+)("))re"), "$1$2-2$3",
                                     std::regex_constants::format_first_only);
            std::ofstream(dir / "articles" / (name + "-2.xml")) << xml;
            added += "    <article src=\"articles/" + name + "-2.xml\"/>\n";
        }
        added += "  </section>\n";
    };
    copy_section("Articles and Commentary", "Analysis", 100);
    copy_section("Reports", "Dispatches", 100);
    copy_section("Interviews", "Conversations", 100);
    copy_section("Books and Reviews", "More Reviews", 1);
    manifest.insert(manifest.find("  <filler"), added);
    std::ofstream(dir / "issue.xml") << manifest;
    return dir / "issue.xml";
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 11;
    const char* other = std::getenv("QUIRE_BENCH_BINARY");
    const std::string quire = other && *other ? other : QUIRE_BINARY;
    const fs::path source = QUIRE_SOURCE_DIR;
    fs::path example = source / "examples/article.xml";
    if (!fs::exists(example)) example = source / "tests/data/print/article.xml";
    const fs::path tmp = fs::temp_directory_path() / "quire-pdf-bench";
    fs::create_directories(tmp);

    std::printf("quire pdf, whole process (%s)\n", example.string().c_str());
    measure("example", {quire, "pdf", example.string(), "-o", (tmp / "example.pdf").string()}, runs);
    measure("example epub", {quire, "epub", example.string(), "-o", (tmp / "example.epub").string()}, runs);
    measure("example build", {quire, "build", example.string(), "-o", (tmp / "build").string()}, runs);

    // About 100 pages: the test article's body repeated (its photo and publication beside it).
    const fs::path data = source / "tests/data/print";
    std::string xml = read(data / "article.xml");
    const auto b = xml.find("<body>") + 6, e = xml.find("</body>");
    const std::string body = xml.substr(b, e - b);
    std::string many;
    for (int i = 0; i < 66; ++i) many += body;
    xml.replace(b, e - b, many);
    fs::copy_file(data / "photo.jpg", tmp / "photo.jpg", fs::copy_options::overwrite_existing);
    fs::copy_file(data / "publication.xml", tmp / "publication.xml", fs::copy_options::overwrite_existing);
    std::ofstream(tmp / "long.xml") << xml;
    const fs::path pages_file = tmp / "long.dump";
    {
        const std::string cmd = quire + " pdf " + (tmp / "long.xml").string() + " --dump > " + pages_file.string();
        if (std::system(cmd.c_str()) != 0) return 1;
    }
    const std::string dump = read(pages_file);
    const auto first_line = dump.substr(0, dump.find('\n'));
    std::printf("long document: %s\n", first_line.c_str());
    measure("100-page document", {quire, "pdf", (tmp / "long.xml").string(), "-o", (tmp / "long.pdf").string()},
            runs);

    const fs::path issue = source / "examples/issue/issue.xml";
    if (fs::exists(issue)) {
        measure("issue (quire issue)", {quire, "issue", issue.string(), "-o", (tmp / "issue").string()}, runs);
        const fs::path big = make_96_page_issue(issue.parent_path(), tmp / "issue-96");
        const std::string cmd = quire + " issue " + big.string() + " -o " + (tmp / "issue-96-out").string() + " 2>/dev/null";
        if (std::system(cmd.c_str()) != 0) return 1;
        const std::string map = read(tmp / "issue-96-out/pages.json");
        std::smatch count;
        std::regex_search(map, count, std::regex(R"re("page_count": *([0-9]+))re"));
        std::printf("larger issue: %s pages\n", count.size() > 1 ? count.str(1).c_str() : "?");
        measure("96-page issue", {quire, "issue", big.string(), "-o", (tmp / "issue-96-out").string()}, runs);
        // The target's work: issue.pdf (and each article's) and the EPUB, without the spread images.
        measure("96 pages, PDF + EPUB", {quire, "issue", big.string(), "-o", (tmp / "issue-96-out").string(), "--no-spreads"},
                runs);
    }
    return 0;
}
