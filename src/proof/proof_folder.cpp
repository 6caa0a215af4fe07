#include "proof/proof_folder.hpp"

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "proof/rasterize.hpp"
#include "render/png_write.hpp"

#include <cstdio>
#include <future>
#include <optional>

namespace quire::proof {

namespace fs = std::filesystem;

namespace {

void clear_pngs(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw QuireError(SourceSpan{dir.string()}, "cannot create output folder: " + ec.message());
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".png") fs::remove(entry.path(), ec);
}

std::string page_name(int number) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "page-%03d.png", number);
    return buf;
}

}  // namespace

std::vector<SheetPage> write_page_images(const PdfDocument& doc, const fs::path& dir, const PageImageOptions& options) {
    clear_pngs(dir / "pages");
    clear_pngs(dir / "thumbs");
    std::vector<SheetPage> pages;
    // Poppler draws every page on this thread; a page's two PNGs are encoded on a second thread while
    // the next page is drawn (issue 17: encoding was a fifth of the proof's time). Only copied pixels
    // cross to it, never a cairo object: cairo 1.16's own PNG writer on a second thread beside
    // Poppler's drawing tripped an assertion (cairo-array.c, _cairo_array_index_const). One page's
    // PNGs wait at most, so memory stays at two pages' pixels.
    std::future<void> encoding;
    auto write_both = [&](const PageImage& screen, const PageImage& thumb, const fs::path& page_png, const fs::path& thumb_png) {
        std::optional<render::Rgb24Pixels> a = render::copy_rgb24(screen.surface());
        std::optional<render::Rgb24Pixels> b = render::copy_rgb24(thumb.surface());
        if (encoding.valid()) encoding.get();  // the previous page's, and its error if it had one
        if (!a || !b) {  // not RGB24: cairo's writer, here
            write_png(screen.surface(), page_png);
            write_png(thumb.surface(), thumb_png);
            return;
        }
        encoding = std::async(std::launch::async, [a = std::move(*a), b = std::move(*b), page_png, thumb_png] {
            render::write_rgb24_png(a, page_png);
            render::write_rgb24_png(b, thumb_png);
        });
    };
    for (int i = 0; i < doc.page_count(); ++i) {
        auto page = doc.page(i);
        const PageImage screen = rasterize_page(page.get(), options.screen_dpi);
        const std::string name = page_name(i + 1);
        // The thumbnail comes from the screen raster: the page is rasterised once.
        const PageImage thumb = scale_to_width(screen, options.thumb_width);
        write_both(screen, thumb, dir / "pages" / name, dir / "thumbs" / name);
        double w = 0, h = 0;
        poppler_page_get_size(page.get(), &w, &h);
        pages.push_back(SheetPage{i + 1, "pages/" + name, "thumbs/" + name, Size{Length::pt(w), Length::pt(h)}});
    }
    if (encoding.valid()) encoding.get();
    return pages;
}

void write_report_files(const fs::path& dir, const Report& report, const ContactSheet& sheet) {
    write_file_atomically(dir / "report.json", report.to_json().dump(2) + "\n");
    write_file_atomically(dir / "report.txt", report.to_text());
    write_file_atomically(dir / "index.html", contact_sheet_html(sheet, report));
}

}  // namespace quire::proof
