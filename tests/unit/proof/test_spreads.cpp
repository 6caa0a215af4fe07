// The spreads: drawn on several threads, the same files as on one.
#include "proof/spreads.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>

#include <unistd.h>

using namespace quire;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("quire-spreads-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    return dir;
}

// Each page a different grey bar at a different height, so that a page drawn into the wrong
// spread or place changes the file.
void paint_page(cairo_t* cr, int index) {
    cairo_set_source_rgb(cr, 0.1 * (index % 7), 0.2, 0.9 - 0.1 * (index % 5));
    cairo_rectangle(cr, 10, 10 + 15 * index, 60, 12);
    cairo_fill(cr);
}

}  // namespace

TEST_CASE("spreads: two workers write the same files as one, every page drawn once") {
    style::PageGeometry g;
    g.trim = Size{Length::pt(100), Length::pt(140)};
    proof::SpreadsOptions options;
    options.dpi = 72;
    const int pages = 9;  // 1, 2–3, 4–5, 6–7, 8–9

    const fs::path one = scratch("one");
    options.workers = 1;
    const auto written_one =
        proof::write_spreads(pages, [](cairo_t* cr, int index, double, int) { paint_page(cr, index); }, g, one, options);

    const fs::path two = scratch("two");
    options.workers = 2;
    std::mutex mutex;
    std::set<int> workers;
    std::set<int> painted;
    const auto written_two = proof::write_spreads(
        pages,
        [&](cairo_t* cr, int index, double, int worker) {
            {
                const std::lock_guard lock(mutex);
                workers.insert(worker);
                CHECK(painted.insert(index).second);  // every page once
            }
            paint_page(cr, index);
        },
        g, two, options);

    REQUIRE(written_one.size() == 5);
    REQUIRE(written_two.size() == written_one.size());
    for (std::size_t k = 0; k < written_one.size(); ++k) {
        CHECK(written_one[k].filename() == written_two[k].filename());
        const std::string a = read_all(written_one[k]);
        CHECK(a.size() > 100);
        CHECK(a == read_all(written_two[k]));
    }
    CHECK(read_all(one / "spreads.html") == read_all(two / "spreads.html"));
    CHECK(painted.size() == pages);
    CHECK(workers.size() >= 1);
    CHECK(*workers.rbegin() <= 1);  // worker numbers 0 and 1 only (which draws what is the scheduler's)
    fs::remove_all(one);
    fs::remove_all(two);
}

TEST_CASE("spreads: a painter's error on another thread is the call's, after both threads stop") {
    style::PageGeometry g;
    g.trim = Size{Length::pt(100), Length::pt(140)};
    proof::SpreadsOptions options;
    options.dpi = 36;
    options.workers = 2;
    const fs::path dir = scratch("error");
    for (int failing : {0, 5, 8}) {
        CHECK_THROWS_WITH_AS(proof::write_spreads(
                                 9,
                                 [&](cairo_t* cr, int index, double, int) {
                                     if (index == failing) throw std::runtime_error("page " + std::to_string(index + 1));
                                     paint_page(cr, index);
                                 },
                                 g, dir, options),
                             ("page " + std::to_string(failing + 1)).c_str(), std::runtime_error);
        CHECK_FALSE(fs::exists(dir / "spreads.html"));
    }
    fs::remove_all(dir);
}
