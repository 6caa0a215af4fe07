// Issue 18, items 1–5: crashes and resource exhaustion. Inputs are generated here.
#include "hostile_helpers.hpp"

#include "core/input_file.hpp"
#include "model/article_xml.hpp"
#include "page/image.hpp"
#include "render/image_surface.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

using namespace quire;
using namespace hostile;

TEST_CASE("item 1: a PNG wider or taller than 32767 pixels is decoded within cairo's limit") {
    TempDir dir;
    for (auto [w, h] : {std::pair{40000u, 1u}, std::pair{1u, 40000u}}) {
        const fs::path p = dir / ("wide-" + std::to_string(w) + ".png");
        write_png(p, w, h);
        auto image = page::load_image(p, SourceSpan{"a.xml", 3, 3});
        CHECK(image->width == int(w));
        CHECK(image->height == int(h));
        for (auto use : {render::SurfaceUse::Pdf, render::SurfaceUse::ProofPdf, render::SurfaceUse::Raster}) {
            page::CairoSurface s = render::image_surface(*image, use, 1.0);
            REQUIRE(s);
            CHECK(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
            CHECK(cairo_image_surface_get_width(s.get()) <= page::kMaxSurfaceSide);
            CHECK(cairo_image_surface_get_height(s.get()) <= page::kMaxSurfaceSide);
            CHECK(cairo_image_surface_get_width(s.get()) >= 1);
        }
    }
}

TEST_CASE("item 1: quire pdf of an article with a 40000 x 1 PNG exits 0") {
    TempDir dir;
    write_png(dir / "images/wide.png", 40000, 1);
    write_text(dir / "a.xml", article_xml("images/wide.png"));
    const auto r = run_quire("pdf " + (dir / "a.xml").string() + " -o " + (dir / "a.pdf").string() + " --png-dir " +
                             (dir / "png").string());
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(fs::file_size(dir / "a.pdf") > 0);
}

TEST_CASE("item 2: a 33000 x 200 panorama JPEG is decoded for page images without a crash") {
    TempDir dir;
    write_jpeg(dir / "images/pano.jpg", 33000, 200);
    auto image = page::load_image(dir / "images/pano.jpg", SourceSpan{"a.xml", 3, 3});
    CHECK(image->width == 33000);
    page::CairoSurface s = render::image_surface(*image, render::SurfaceUse::Raster, 1.0);
    REQUIRE(s);
    CHECK(cairo_image_surface_get_width(s.get()) <= page::kMaxSurfaceSide);
    CHECK(cairo_image_surface_get_height(s.get()) >= 1);

    write_text(dir / "a.xml", article_xml("images/pano.jpg"));
    const auto r = run_quire("pdf " + (dir / "a.xml").string() + " -o " + (dir / "a.pdf").string() + " --png-dir " +
                             (dir / "png").string() + " --png-dpi 300");
    INFO(r.output);
    CHECK(r.status == 0);
    // Preflight: Poppler cannot hand over an image wider than a cairo surface can be; that is no
    // reason for a false "0 × 0 px, 0 ppi" error.
    const auto pre = run_quire("preflight " + (dir / "a.pdf").string());
    INFO(pre.output);
    CHECK(pre.output.find("0 × 0 px") == std::string::npos);
    CHECK(pre.output.find("low-ppi") == std::string::npos);

    // The proof PDF's copy of it, decoded down and encoded again (SurfaceUse::ProofPdf): a JPEG no
    // wider than a surface can be; the proof is made (exit 1: its report has errors, the strip's
    // resolution among them, not a crash).
    const page::CairoSurface proof = render::image_surface(*image, render::SurfaceUse::ProofPdf, 0.1);
    REQUIRE(proof);
    const unsigned char* data = nullptr;
    unsigned long length = 0;
    cairo_surface_get_mime_data(proof.get(), CAIRO_MIME_TYPE_JPEG, &data, &length);
    REQUIRE(length > 0);
    const auto reduced = page::image_from_bytes(std::string(reinterpret_cast<const char*>(data), length), "p.jpg", SourceSpan{});
    CHECK(reduced->width <= page::kMaxSurfaceSide);
    CHECK(reduced->width < 33000);
    const auto proofed = run_quire("proof " + (dir / "a.xml").string() + " -o " + (dir / "proof").string());
    INFO(proofed.output);
    const bool made = proofed.status == 0 || (proofed.status == 1 && proofed.output.find("error [") != std::string::npos);
    CHECK(made);
    CHECK(fs::exists(dir / "proof/proof.pdf"));
}

TEST_CASE("item 3: a PNG declaring 30000 x 30000 pixels is refused from its header, with the numbers") {
    TempDir dir;
    write_text(dir / "images/bomb.png", bomb_png_bytes(30000, 30000));
    CHECK(fs::file_size(dir / "images/bomb.png") < 2000);
    try {
        page::load_image(dir / "images/bomb.png", SourceSpan{"a.xml", 3, 3});
        FAIL("the bomb was accepted");
    } catch (const QuireError& e) {
        const std::string m = e.what();
        CHECK(m.find("a.xml:3:3: error:") == 0);
        CHECK(m.find("30000 × 30000 pixels (900.0 megapixels)") != std::string::npos);
        CHECK(m.find("at most 128.0 megapixels") != std::string::npos);
    }
    write_text(dir / "a.xml", article_xml("images/bomb.png"));
    const auto r = run_quire("pdf " + (dir / "a.xml").string() + " -o " + (dir / "a.pdf").string(), 20);
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("megapixels") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "a.pdf"));
}

TEST_CASE("item 3: a PNG is decoded down to its box at 600 ppi for the PDF, row by row") {
    TempDir dir;
    write_png(dir / "big.png", 12000, 600);
    auto image = page::load_image(dir / "big.png", SourceSpan{"a.xml"});
    // Placed 100 pt wide: 100 / 72 × 600 ≈ 834 pixels are all print needs.
    const double scale = 100.0 / 72.0 * render::kMaxPrintPpi / image->width;
    page::CairoSurface s = render::image_surface(*image, render::SurfaceUse::Pdf, scale);
    REQUIRE(s);
    CHECK(cairo_image_surface_get_width(s.get()) == 834);
    CHECK(cairo_image_surface_get_height(s.get()) == 42);
    // The box filter keeps the gradient: the left edge dark, the right edge bright in red.
    cairo_surface_flush(s.get());
    const unsigned char* data = cairo_image_surface_get_data(s.get());
    CHECK(data[2] < 10);
    CHECK(data[(834 - 1) * 4 + 2] > 245);
}

TEST_CASE("item 3: an interlaced PNG is decoded whole only when small") {
    TempDir dir;
    write_png(dir / "adam7.png", 300, 200, PNG_INTERLACE_ADAM7);
    auto image = page::load_image(dir / "adam7.png", SourceSpan{"a.xml"});
    page::CairoSurface s = render::image_surface(*image, render::SurfaceUse::Raster, 0.5);
    REQUIRE(s);
    CHECK(cairo_image_surface_get_width(s.get()) == 150);
}

TEST_CASE("item 4: a FIFO, a device and a folder are refused as inputs, without blocking") {
    TempDir dir;
    const fs::path fifo = dir / "images/fifo.jpg";
    fs::create_directories(fifo.parent_path());
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS(read_input_file(fifo, input_limit::kImage, "image"),
                         doctest::Contains("not a regular file"), QuireError);
    CHECK_THROWS_WITH_AS(read_input_file("/dev/zero", input_limit::kText, "publication profile"),
                         doctest::Contains("not a regular file"), QuireError);
    fs::create_directories(dir / "images/folder.jpg");
    CHECK_THROWS_WITH_AS(page::load_image(dir / "images/folder.jpg", SourceSpan{"a.xml", 4, 3}),
                         doctest::Contains("a.xml:4:3: error: image"), QuireError);
    CHECK_THROWS_WITH_AS(read_input_file(dir / "images/folder.jpg", input_limit::kImage, "image"),
                         doctest::Contains("is a directory"), QuireError);
    // A size limit: a file larger than the limit is refused before it is read.
    write_text(dir / "big.txt", std::string(5000, 'x'));
    CHECK_THROWS_WITH_AS(read_input_file(dir / "big.txt", 4096, "page"), doctest::Contains("too large"), QuireError);

    // End to end: `build` with a FIFO image, `pdf` with publication="/dev/zero", `import /dev/zero`.
    write_text(dir / "a.xml", article_xml("images/fifo.jpg"));
    auto r = run_quire("pdf " + (dir / "a.xml").string() + " -o " + (dir / "a.pdf").string(), 20);
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("a.xml:5:") != std::string::npos);
    r = run_quire("pdf " + (dir / "a.xml").string() + " --publication /dev/zero -o " + (dir / "b.pdf").string(), 20);
    CHECK(r.status == 1);
    CHECK(r.output.find("not a regular file") != std::string::npos);
    r = run_quire("import /dev/zero -o " + (dir / "c.xml").string(), 20);
    CHECK(r.status == 1);
    CHECK(r.output.find("not a regular file") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "c.xml"));
}

TEST_CASE("item 5: 100000 attributes on one element are refused at once, with the element's place") {
    std::string element = "<p";
    for (int i = 0; i < 100000; ++i) element += " a" + std::to_string(i) + "=\"v\"";
    element += ">text</p>";
    const std::string xml = article_xml("", element);
    Diagnostics d;
    model::parse_article_xml(xml, "many.xml", d);
    REQUIRE(d.has_errors());
    const std::string first = d.all().front().where.to_string() + ": " + d.all().front().message;
    CHECK(first.find("many.xml:5:9: more than 64 attributes on one element") == 0);

    // A sane number is read; a duplicate is still an error.
    Diagnostics dup;
    model::parse_article_xml(article_xml("", "<p xml:lang=\"en\" xml:lang=\"pl\">t</p>"), "dup.xml", dup);
    CHECK(dup.has_errors());
}
