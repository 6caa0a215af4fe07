#include "proof/spreads.hpp"

#include "core/handle.hpp"
#include "core/huge_pages.hpp"
#include "core/markup_escape.hpp"
#include "core/output_file.hpp"
#include "core/tasks.hpp"
#include "proof/poppler_doc.hpp"
#include "proof/rasterize.hpp"
#include "render/supplied_pages.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <exception>
#include <future>
#include <map>

namespace quire::proof {

namespace fs = std::filesystem;

namespace {

std::string three(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", n);
    return buf;
}

}  // namespace

std::vector<fs::path> write_spreads(int n, const PagePainter& paint, const style::PageGeometry& g, const fs::path& dir,
                                    const SpreadsOptions& options) {
    const double scale = options.dpi / 72.0;
    const int pw = static_cast<int>(std::lround(g.trim.width.pt() * scale));
    const int ph = static_cast<int>(std::lround(g.trim.height.pt() * scale));
    const int gap = 2;  // the spine: a hairline of paper between the pages
    fs::create_directories(dir);
    // Spreads: [1], [2, 3], [4, 5], …, and the last page alone when the count is even.
    std::vector<std::pair<int, int>> spreads{{1, 0}};
    for (int left = 2; left <= n; left += 2) spreads.push_back({left, left + 1 <= n ? left + 1 : 0});
    auto file_name = [](int a, int b) {
        return b ? "spread-" + three(a) + "-" + three(b) + ".png" : "spread-" + three(a) + ".png";
    };
    // Each worker takes the next spread, draws it and encodes its PNG (issue 17: drawing was one
    // thread's while the second only encoded). Pixels and files do not depend on which thread drew.
    std::atomic<std::size_t> next{0};
    // Glyph outlines unhinted, as printed: at 40 dpi FreeType's TrueType hinting ran Vollkorn's
    // bytecode for every glyph at every size and expansion, 88,000 instructions a glyph (1.1 G of the
    // 96-page issue's 12.5 G under callgrind, issue 17), to fit stems to a pixel grid a review image
    // does not need. Positions were never hinted (quire places every glyph).
    const Handle<cairo_font_options_t, cairo_font_options_destroy> unhinted{cairo_font_options_create()};
    cairo_font_options_set_hint_style(unhinted.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(unhinted.get(), CAIRO_HINT_METRICS_OFF);
    auto draw_spreads = [&](int worker) {
        for (std::size_t k = next++; k < spreads.size(); k = next++) {
            const auto [a, b] = spreads[k];
            const bool pair = b != 0;
            const int width = pair ? 2 * pw + gap : pw;
            CairoSurface surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, ph)};
            check_surface(surface.get(), "spread");
            {
                Cairo cr{cairo_create(surface.get())};
                cairo_set_font_options(cr.get(), unhinted.get());
                cairo_set_source_rgb(cr.get(), 0.55, 0.55, 0.55);
                cairo_paint(cr.get());
                auto place = [&](int number, int x) {
                    cairo_save(cr.get());
                    cairo_rectangle(cr.get(), x, 0, pw, ph);
                    cairo_clip(cr.get());
                    cairo_set_source_rgb(cr.get(), 1, 1, 1);
                    cairo_paint(cr.get());
                    cairo_translate(cr.get(), x, 0);
                    cairo_scale(cr.get(), scale, scale);
                    paint(cr.get(), number - 1, scale, worker);
                    cairo_restore(cr.get());
                };
                place(a, 0);
                if (pair) place(b, pw + gap);
            }
            cairo_surface_flush(surface.get());
            write_png(surface.get(), dir / file_name(a, b));
        }
    };
    // A failing worker stops the others after their current spread.
    auto draw = [&](int worker) {
        try {
            draw_spreads(worker);
        } catch (...) {
            next = spreads.size();
            throw;
        }
    };
    const int workers = std::clamp(options.workers, 1, static_cast<int>(std::max<std::size_t>(spreads.size(), 1)));
    std::vector<std::future<void>> others;
    for (int w = 1; w < workers; ++w)
        others.push_back(std::async(std::launch::async, [&, w] {
            core::back_thread_heap_with_huge_pages();
            draw(w);
        }));
    std::exception_ptr failure;
    try {
        draw(0);
    } catch (...) {
        failure = std::current_exception();
    }
    wait_all(others, failure);

    std::vector<fs::path> written;
    std::string figures;
    for (const auto& [a, b] : spreads) {
        const bool pair = b != 0;
        const bool recto_only = a == 1;
        const int width = pair ? 2 * pw + gap : pw;
        const std::string name = file_name(a, b);
        written.push_back(dir / name);
        auto note = [&](int page) {
            const std::size_t i = static_cast<std::size_t>(page - 1);
            return i < options.page_notes.size() ? options.page_notes[i] : std::string();
        };
        std::string caption = pair ? std::to_string(a) + "–" + std::to_string(b) : std::to_string(a);
        std::string notes = note(a);
        if (pair && note(b) != note(a)) notes += (notes.empty() ? "" : " | ") + note(b);
        figures += "<figure class=\"" + std::string(pair ? "pair" : recto_only ? "recto" : "verso") + "\"><a href=\"" + name +
                   "\"><img src=\"" + name + "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(ph) +
                   "\" alt=\"pages " + caption + "\"></a><figcaption><b>" + caption + "</b> " + escape_xml_text(notes) +
                   "</figcaption></figure>\n";
    }
    const std::string title = escape_xml_text(options.title.empty() ? std::string("the issue") : options.title);
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Spreads: " + title +
                       "</title>\n<style>\nbody{font:14px/1.4 system-ui,sans-serif;margin:1.5em;background:#f4f4f2;color:#1a1a1a}\n"
                       "main{display:flex;flex-wrap:wrap;gap:1.5em 2em;align-items:flex-end}\n"
                       "figure{margin:0}figure.recto{margin-left:" + std::to_string(pw + gap) + "px}\n"
                       "img{display:block;box-shadow:0 1px 4px rgba(0,0,0,.35)}\nfigcaption{margin-top:.3em;max-width:" +
                       std::to_string(2 * pw + gap) + "px;font-size:12px}\n</style>\n</head>\n<body>\n<h1>" + title +
                       "</h1>\n<p>" + std::to_string(n) + " pages as spreads. <a href=\"../issue.pdf\">issue.pdf</a> · "
                       "<a href=\"../pages.json\">pages.json</a></p>\n<main>\n" + figures + "</main>\n</body>\n</html>\n";
    write_file_atomically(dir / "spreads.html", html);
    return written;
}

struct SuppliedPagePainter::Documents {
    std::map<fs::path, std::unique_ptr<PdfDocument>> open;
};

SuppliedPagePainter::SuppliedPagePainter() : documents_(std::make_unique<Documents>()) {}
SuppliedPagePainter::~SuppliedPagePainter() = default;

void SuppliedPagePainter::paint(cairo_t* cr, const fs::path& pdf) {
    const std::lock_guard lock(mutex_);
    auto& doc = documents_->open[pdf];
    if (!doc) doc = std::make_unique<PdfDocument>(pdf);
    const render::SuppliedPage boxes = render::inspect_supplied_pdf(pdf, SourceSpan{pdf.string()});
    PopplerPageHandle page = doc->page(0);
    // Poppler draws from the crop box's top-left (x right, y down); the trim's top-left goes to the origin.
    const render::PdfBox& crop = boxes.crop;
    cairo_save(cr);
    cairo_translate(cr, -(boxes.trim.x0 - crop.x0), -(crop.y1 - boxes.trim.y1));
    poppler_page_render(page.get(), cr);
    cairo_restore(cr);
}

}  // namespace quire::proof
