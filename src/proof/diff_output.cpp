// The files `quire diff` writes: changes.txt/.json, a side-by-side image per changed page, and
// diff.pdf with the changed regions highlighted on the real (vector) pages.
#include "core/diagnostic.hpp"
#include "core/handle.hpp"
#include "core/output_file.hpp"
#include "core/source_date.hpp"
#include "proof/pdf_diff.hpp"

#include "core/resources.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include <cstdio>

namespace quire::proof {

namespace fs = std::filesystem;

namespace {

std::string page_file_name(const PagePair& p) {
    char buf[48];
    if (p.change == PageChange::Removed) std::snprintf(buf, sizeof buf, "page-old-%03d.png", p.old_page);
    else std::snprintf(buf, sizeof buf, "page-%03d.png", p.new_page);
    return buf;
}

using CairoFontFace = Handle<cairo_font_face_t, cairo_font_face_destroy>;
using CairoScaledFont = Handle<cairo_scaled_font_t, cairo_scaled_font_destroy>;
using CairoFontOptions = Handle<cairo_font_options_t, cairo_font_options_destroy>;
using FcPatternHandle = Handle<FcPattern, FcPatternDestroy>;

// The labels' face: the bundled Inter, opened by Cairo from a fontconfig pattern that names the
// file (as render/barcode.cpp does), so that Cairo owns the FreeType face for as long as its font
// caches keep it and write_diff owns the cairo face. A pattern naming a file is opened as it is,
// with no fontconfig lookup: Cairo's toy API would ask fontconfig, whose cached patterns
// LeakSanitizer reports, and would pick a different face on another machine. Null when no bundled
// face opens (a scaled font is made to find out: Cairo opens the file lazily).
CairoFontFace open_label_face() {
    for (const char* name : {"Inter-SemiBold.otf", "Inter-Bold.otf", "Inter-Regular.otf", "Inter-SemiBold.ttf",
                             "Inter-Bold.ttf", "Inter-Regular.ttf"}) {
        const std::string file = (fonts_dir() / "inter" / name).string();
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) continue;
        FcPatternHandle pattern{FcPatternCreate()};
        FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
        FcPatternAddInteger(pattern.get(), FC_INDEX, 0);
        CairoFontFace face{cairo_ft_font_face_create_for_pattern(pattern.get())};
        cairo_matrix_t size, ctm;
        cairo_matrix_init_scale(&size, 10, 10);
        cairo_matrix_init_identity(&ctm);
        const CairoFontOptions options{cairo_font_options_create()};
        const CairoScaledFont probe{cairo_scaled_font_create(face.get(), &size, &ctm, options.get())};
        if (cairo_scaled_font_status(probe.get()) == CAIRO_STATUS_SUCCESS) return face;
    }
    return {};
}

void draw_label(cairo_t* cr, cairo_font_face_t* face, double x, double y, const std::string& text, double size) {
    if (!face) return;  // no bundled face: the images go without labels rather than fail
    cairo_set_font_face(cr, face);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text.c_str());
}

void draw_regions(cairo_t* cr, const std::vector<Rect>& regions, double scale, double pad) {
    for (const Rect& r : regions) {
        cairo_rectangle(cr, r.x.pt() * scale - pad, r.y.pt() * scale - pad, r.width.pt() * scale + 2 * pad,
                        r.height.pt() * scale + 2 * pad);
    }
    cairo_set_source_rgba(cr, 1.0, 0.82, 0.0, 0.30);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.85, 0.08, 0.08);
    cairo_set_line_width(cr, 1.5);
    cairo_stroke(cr);
}

// Old page on the left, new on the right, the changed regions boxed on both.
// `where`: the article on the new page ("‘Title’ (id), section …") when the page map is known.
void write_side_by_side(const PagePair& p, const std::string& where, cairo_font_face_t* label_face, const fs::path& target) {
    const PageImage& o = p.old_image;
    const PageImage& n = p.new_image;
    // A line above both pages names the article (the full canvas width: a title does not fit one page's).
    const int margin = 16, header = where.empty() ? 26 : 46;
    const int w_old = o.empty() ? n.width() : o.width();
    const int w_new = n.empty() ? o.width() : n.width();
    const int h = std::max(o.empty() ? 0 : o.height(), n.empty() ? 0 : n.height());
    CairoSurface canvas{cairo_image_surface_create(CAIRO_FORMAT_RGB24, w_old + w_new + 3 * margin, h + header + margin)};
    check_surface(canvas.get(), target.string());
    {
        Cairo cr{cairo_create(canvas.get())};
        cairo_set_source_rgb(cr.get(), 0.89, 0.89, 0.87);
        cairo_paint(cr.get());
        struct Side { const PageImage& image; int x; std::string label; };
        const Side sides[] = {
            {o, margin, p.old_page ? "old p. " + std::to_string(p.old_page) : "old: no page"},
            {n, 2 * margin + w_old,
             p.new_page ? "new p. " + std::to_string(p.new_page) : "new: page removed"},
        };
        if (!where.empty()) {
            cairo_set_source_rgb(cr.get(), 0.15, 0.15, 0.15);
            draw_label(cr.get(), label_face, margin, 18, where, 13);
        }
        for (const Side& s : sides) {
            cairo_set_source_rgb(cr.get(), 0.15, 0.15, 0.15);
            draw_label(cr.get(), label_face, s.x, header - 8, s.label, 13);
            if (s.image.empty()) continue;
            cairo_save(cr.get());
            cairo_translate(cr.get(), s.x, header);
            cairo_set_source_surface(cr.get(), s.image.surface(), 0, 0);
            cairo_paint(cr.get());
            draw_regions(cr.get(), p.regions, s.image.scale(), 2);
            cairo_restore(cr.get());
        }
    }
    cairo_surface_flush(canvas.get());
    write_png(canvas.get(), target);
}

void write_highlight_pdf(const PdfDiff& diff, const PdfDocument& old_doc, const PdfDocument& new_doc,
                         cairo_font_face_t* label_face, const fs::path& target) {
    PendingOutput pending(target);
    {
        CairoSurface surface{cairo_pdf_surface_create(pending.temp_path().c_str(), 595, 842)};
        check_surface(surface.get(), target.string());
        // Reproducible bytes: cairo stamps the clock unless told the date (stack-notes).
        const std::string date = iso8601_utc(output_timestamp());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "quire diff: changed pages");
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "quire");
        Cairo cr{cairo_create(surface.get())};
        for (const PagePair* p : diff.changed_pages()) {
            const bool from_old = p->change == PageChange::Removed;
            const PdfDocument& doc = from_old ? old_doc : new_doc;
            auto page = doc.page((from_old ? p->old_page : p->new_page) - 1);
            double w = 0, h = 0;
            poppler_page_get_size(page.get(), &w, &h);
            cairo_pdf_surface_set_size(surface.get(), w, h);
            cairo_save(cr.get());
            poppler_page_render(page.get(), cr.get());
            cairo_restore(cr.get());
            draw_regions(cr.get(), p->regions, 1.0, 1.5);
            std::string label;
            switch (p->change) {
                case PageChange::Changed:
                    label = "p. " + std::to_string(p->new_page) + " changed" +
                            (p->old_page != p->new_page ? " (old p. " + std::to_string(p->old_page) + ")" : "");
                    break;
                case PageChange::Added: label = "p. " + std::to_string(p->new_page) + " added"; break;
                case PageChange::Removed: label = "old p. " + std::to_string(p->old_page) + " removed"; break;
                case PageChange::Same: break;
            }
            cairo_rectangle(cr.get(), 0, 0, 9 + 5.6 * static_cast<double>(label.size()), 16);
            cairo_set_source_rgb(cr.get(), 0.85, 0.08, 0.08);
            cairo_fill(cr.get());
            cairo_set_source_rgb(cr.get(), 1, 1, 1);
            draw_label(cr.get(), label_face, 4, 11.5, label, 9);
            cairo_show_page(cr.get());
        }
        cr.reset();
        cairo_surface_finish(surface.get());
        check_surface(surface.get(), target.string());
    }
    pending.commit();
}

}  // namespace

void write_diff(const PdfDiff& diff, const PdfDocument& old_doc, const PdfDocument& new_doc, const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw QuireError(SourceSpan{dir.string()}, "cannot create output folder: " + ec.message());
    // Images from an earlier run would be mistaken for this run's changes.
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("page-", 0) == 0 && entry.path().extension() == ".png") fs::remove(entry.path(), ec);
    }
    fs::remove(dir / "diff.pdf", ec);

    write_file_atomically(dir / "changes.txt", diff.to_text());
    write_file_atomically(dir / "changes.json", diff.to_json().dump(2) + "\n");
    if (diff.changed_pages().empty()) return;
    const CairoFontFace label_face = open_label_face();
    for (const PagePair* p : diff.changed_pages()) {
        const std::string where = diff.page_map && p->new_page ? diff.page_map->describe(p->new_page) : std::string();
        write_side_by_side(*p, where, label_face.get(), dir / page_file_name(*p));
    }
    write_highlight_pdf(diff, old_doc, new_doc, label_face.get(), dir / "diff.pdf");
}

}  // namespace quire::proof
