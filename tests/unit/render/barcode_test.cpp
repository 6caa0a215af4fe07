// The ISSN barcode: EAN-13 digits for known ISSNs, bad input refused, and the drawn symbol read back
// by a real scanner (zbarimg) from a 300 dpi rendering, add-on included.
#include "render/barcode.hpp"

#include "core/diagnostic.hpp"

#include <doctest/doctest.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <iostream>
#include <sstream>
#include <string>

#include <unistd.h>  // getpid

using namespace quire;

namespace {

// A white 170 × 240 mm page with the barcode at 40 × 25 mm near its foot, drawn at `dpi`.
void write_page_png(const render::BarcodeShapes& shapes, text::FontCollection* fonts, double dpi,
                    const std::filesystem::path& path) {
    const double mm = 72.0 / 25.4;
    const double px_per_pt = dpi / 72.0;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(170 * mm * px_per_pt),
                                                          static_cast<int>(240 * mm * px_per_pt));
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, px_per_pt, px_per_pt);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    render::draw_barcode(cr, shapes, Rect{Length::mm(120), Length::mm(205), Length::mm(45), Length::mm(30)}, fonts);
    cairo_destroy(cr);
    REQUIRE(cairo_surface_write_to_png(surface, path.c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surface);
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 256> buffer{};
    while (fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
    pclose(pipe);
    return out;
}

bool have_zbarimg() { return std::system("command -v zbarimg >/dev/null 2>&1") == 0; }

std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("quire-barcode-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("issn_ean13 builds 977, the ISSN's first seven digits, the sequence and the EAN check digit") {
    // Worked by hand: 9 7 7 0 3 1 7 8 4 7 0 0 weighted 1,3,1,3… = 99, so the check digit is 1.
    CHECK(render::issn_ean13("0317-8471") == "9770317847001");
    // 977 2083737 00: 9+21+7+6+0+24+3+21+3+21+0+0 = 115 → 5.
    CHECK(render::issn_ean13("2083-7372") == "9772083737005");
    // ISSN 0262-4079 (New Scientist), sequence 05: 9+21+7+0+2+18+2+12+0+21+0+15 = 107 → 3.
    CHECK(render::issn_ean13("0262-4079", "05") == "9770262407053");
    // An ISSN whose own check character is X: it is dropped, only the first seven digits count.
    // 977 1000002 00: 9+21+7+3+0+0+0+0+0+6+0+0 = 46 → 4.
    CHECK(render::issn_ean13("1000-002X") == "9771000002004");
}

TEST_CASE("bad ISSNs, sequences and add-ons are refused") {
    CHECK_THROWS_AS(render::issn_ean13("0317-8472"), QuireError);  // wrong check digit
    CHECK_THROWS_AS(render::issn_ean13("03178471"), QuireError);   // no hyphen
    CHECK_THROWS_AS(render::issn_ean13("0317-847"), QuireError);   // too short
    CHECK_THROWS_AS(render::issn_ean13("A317-8471"), QuireError);
    CHECK_THROWS_AS(render::issn_ean13(""), QuireError);
    CHECK_THROWS_AS(render::issn_ean13("0317-8471", "5"), QuireError);
    CHECK_THROWS_AS(render::issn_ean13("0317-8471", "0a"), QuireError);
    CHECK_THROWS_AS(render::issn_barcode("0317-8471", "123"), QuireError);
    CHECK_THROWS_AS(render::issn_barcode("0317-8471", "x1"), QuireError);
    CHECK_THROWS_AS(render::issn_barcode("0317-8472", "01"), QuireError);
}

TEST_CASE("issn_barcode gives libzint's EAN-13 with the add-on at the nominal size") {
    const auto shapes = render::issn_barcode("0317-8471", "37");
    // libzint computes the check digit itself: it must agree with ours.
    CHECK(shapes.data == render::issn_ean13("0317-8471") + "+37");
    // EAN-13: 30 bars; EAN-2 add-on: 1 + 2 + 2 + 1 … at least 5 more (guard pattern and two characters).
    CHECK(shapes.bars.size() >= 35);
    // 0.33 mm modules: the main symbol with quiet zones is 113 modules (37.29 mm); the add-on makes it wider.
    const double mm = 72.0 / 25.4;
    CHECK(shapes.width > 37.29 * mm);
    CHECK(shapes.width < 50 * mm);
    CHECK(shapes.height > 22.85 * mm);
    // Quiet zones: no bar within 11 modules of the left edge, nor 5 of the right.
    for (const Rect& r : shapes.bars) {
        CHECK(r.x.pt() >= 11 * 0.33 * mm - 1e-6);
        CHECK(r.right().pt() <= shapes.width - 5 * 0.33 * mm + 1e-6);
    }
    // The human-readable digits: 9, 770317, 847001 and the add-on 37.
    std::string all;
    for (const auto& t : shapes.texts) all += t.text + " ";
    CHECK(all == "9 770317 847001 37 ");
}

TEST_CASE("the barcode goes into a PDF as vectors and text, with no image") {
    const auto shapes = render::issn_barcode("2083-7372", "01");
    const auto dir = temp_dir("pdf");
    const auto path = dir / "barcode.pdf";
    {
        cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 170 * 72 / 25.4, 240 * 72 / 25.4);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2023-02-15T00:00:00Z");
        cairo_t* cr = cairo_create(surface);
        text::FontCollection fonts;
        render::draw_barcode(cr, shapes, Rect{Length::mm(20), Length::mm(20), Length::mm(45), Length::mm(30)}, &fonts);
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy(surface);
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string pdf = bytes.str();
    CHECK(pdf.find("/Subtype /Image") == std::string::npos);
    CHECK(pdf.find("/FontFile") != std::string::npos);  // the digits' font, embedded
    std::filesystem::remove_all(dir);
}

TEST_CASE("zbarimg reads the EAN-13 and its add-on from a 300 dpi rendering") {
    if (!have_zbarimg()) {
        std::cout << "SKIPPED: zbarimg (zbar-tools) is not installed\n";
        return;
    }
    const auto dir = temp_dir("png");
    const auto png = dir / "page.png";
    text::FontCollection fonts;
    write_page_png(render::issn_barcode("0317-8471", "37"), &fonts, 300, png);
    // Without add-on decoding zbar reports the EAN-13 alone.
    CHECK(run("zbarimg -q --raw -Sdisable -Sean13.enable " + png.string() + " 2>/dev/null") == "9770317847001\n");
    // With EAN-2 decoding enabled, zbar (0.23) reports the add-on as a symbol of its own, one a line.
    std::istringstream lines(run("zbarimg -q --raw -Sdisable -Sean13.enable -Sean2.enable " + png.string() + " 2>/dev/null"));
    std::set<std::string> symbols;
    for (std::string line; std::getline(lines, line);) symbols.insert(line);
    CHECK(symbols == std::set<std::string>{"37", "9770317847001"});

    // And the fallback font path (no collection), with another ISSN and issue.
    const auto png2 = dir / "page2.png";
    write_page_png(render::issn_barcode("2083-7372", "02"), nullptr, 300, png2);
    CHECK(run("zbarimg -q --raw -Sdisable -Sean13.enable " + png2.string() + " 2>/dev/null") == "9772083737005\n");
    if (std::getenv("QUIRE_KEEP_BARCODE_PNG") == nullptr) std::filesystem::remove_all(dir);
    else std::cout << "kept " << png << "\n";
}
