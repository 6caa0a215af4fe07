#include "proof/proof_folder.hpp"

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "proof/rasterize.hpp"

#include <cstdio>

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
    // One thread: encoding PNGs on a second thread while Poppler renders the next page tripped an
    // assertion inside cairo 1.16 (cairo-array.c, _cairo_array_index_const) now and then.
    for (int i = 0; i < doc.page_count(); ++i) {
        auto page = doc.page(i);
        const PageImage screen = rasterize_page(page.get(), options.screen_dpi);
        const std::string name = page_name(i + 1);
        write_png(screen.surface(), dir / "pages" / name);
        // The thumbnail comes from the screen raster: the page is rasterised once.
        const PageImage thumb = scale_to_width(screen, options.thumb_width);
        write_png(thumb.surface(), dir / "thumbs" / name);
        double w = 0, h = 0;
        poppler_page_get_size(page.get(), &w, &h);
        pages.push_back(SheetPage{i + 1, "pages/" + name, "thumbs/" + name, Size{Length::pt(w), Length::pt(h)}});
    }
    return pages;
}

void write_report_files(const fs::path& dir, const Report& report, const ContactSheet& sheet) {
    write_file_atomically(dir / "report.json", report.to_json().dump(2) + "\n");
    write_file_atomically(dir / "report.txt", report.to_text());
    write_file_atomically(dir / "index.html", contact_sheet_html(sheet, report));
}

}  // namespace quire::proof
