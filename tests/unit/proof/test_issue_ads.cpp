// The print issue's ads (issue 11, "Must show"): each ad page of the example issue, rendered by
// Poppler, is pixel for pixel the supplied PDF's page rendered by Poppler, over the trim. Both are
// drawn with one device transform relative to their trims (the ad's content is translated trim on
// trim in the issue), so any change to the ad's content (rasterising, colour conversion, a lost
// font) shows as differing pixels.
#include "proof/poppler_doc.hpp"
#include "proof/rasterize.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace quire;

namespace {

struct Boxes {
    QPDFObjectHandle::Rectangle crop, trim;
};

Boxes page_boxes(const fs::path& pdf, int index) {
    QPDF q;
    q.processFile(pdf.c_str());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    auto& page = pages.at(static_cast<std::size_t>(index));
    return {page.getCropBox(true).getArrayAsRectangle(), page.getTrimBox(true).getArrayAsRectangle()};
}

// The trim area of page `index` at `dpi`, the device origin at the point (origin_x, origin_top) of the
// page in Poppler's top-down coordinates (which start at the crop box's top-left).
proof::CairoSurface render_trim(const fs::path& pdf, int index, double dpi, double origin_x, double origin_top, int w, int h) {
    proof::PdfDocument doc(pdf);
    proof::PopplerPageHandle page = doc.page(index);
    proof::CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    proof::Cairo cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), dpi / 72.0, dpi / 72.0);
    cairo_translate(cr.get(), -origin_x, -origin_top);
    poppler_page_render(page.get(), cr.get());
    cairo_surface_flush(surface.get());
    return surface;
}

}  // namespace

TEST_CASE("every ad page of the example issue is pixel-identical to its supplied PDF page (Poppler, 150 dpi)") {
    const fs::path source = fs::path(QUIRE_TEST_DATA).parent_path().parent_path();
    const fs::path out = fs::temp_directory_path() / ("quire-issue-ads-" + std::to_string(getpid()));
    fs::remove_all(out);
    const std::string command = std::string("SOURCE_DATE_EPOCH=1676419200 '") + QUIRE_BINARY + "' issue '" +
                                (source / "examples/issue/issue.xml").string() + "' -o '" + out.string() +
                                "' --no-epub > /dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream map_file(out / "pages.json");
    const nlohmann::json map = nlohmann::json::parse(map_file);
    int compared = 0;
    for (const auto& entry : map["pages"]) {
        if (!entry.contains("source")) continue;
        const fs::path ad = source / "examples/issue" / entry["source"].get<std::string>();
        const int index = entry["page"].get<int>() - 1;
        CAPTURE(ad);
        CAPTURE(index + 1);
        const Boxes a = page_boxes(ad, 0), issue = page_boxes(out / "issue.pdf", index);
        const double dpi = 150;
        const int w = static_cast<int>((a.trim.urx - a.trim.llx) * dpi / 72.0);
        const int h = static_cast<int>((a.trim.ury - a.trim.lly) * dpi / 72.0);
        // The ad's content sits in the issue translated by (tx, ty), trim lower-left on trim lower-left.
        const double tx = issue.trim.llx - a.trim.llx, ty = issue.trim.lly - a.trim.lly;
        const double ad_x = a.trim.llx - a.crop.llx, ad_top = a.crop.ury - a.trim.ury;
        // The same point of the ad in the issue page's top-down coordinates.
        const double issue_x = ad_x + a.crop.llx + tx - issue.crop.llx;
        const double issue_top = issue.crop.ury - (a.crop.ury - ad_top + ty);
        auto expected = render_trim(ad, 0, dpi, ad_x, ad_top, w, h);
        auto placed = render_trim(out / "issue.pdf", index, dpi, issue_x, issue_top, w, h);
        const int stride = cairo_image_surface_get_stride(expected.get());
        const unsigned char* e = cairo_image_surface_get_data(expected.get());
        const unsigned char* p = cairo_image_surface_get_data(placed.get());
        long differing = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if ((reinterpret_cast<const std::uint32_t*>(e + y * stride)[x] & 0xFFFFFF) !=
                    (reinterpret_cast<const std::uint32_t*>(p + y * stride)[x] & 0xFFFFFF))
                    ++differing;
        CHECK(differing == 0);
        // Not a blank page compared with a blank page: the ad has ink.
        long inked = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if ((reinterpret_cast<const std::uint32_t*>(e + y * stride)[x] & 0xFFFFFF) != 0xFFFFFF) ++inked;
        CHECK(inked > w * h / 100);
        ++compared;
    }
    CHECK(compared >= 3);  // inside front cover, the ad in the manifest, the back cover (and fillers)
    fs::remove_all(out);
}
