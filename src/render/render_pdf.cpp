#include "render/render.hpp"

#include "core/output_file.hpp"
#include "core/source_date.hpp"
#include "render/draw.hpp"
#include "render/post_pass.hpp"
#include "render/press_pdf.hpp"
#include "render/supplied_pages.hpp"

#include <cairo-pdf.h>

#include <cmath>
#include <optional>
#include <string>

namespace quire::render {

namespace {

using CairoSurface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Cairo = Handle<cairo_t, cairo_destroy>;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Crop marks at the four corners of the trim, in the slug: hairlines on the trim's edges, starting
// beyond the bleed so that they never print on the trimmed page (ISO 12647-2 practice: 0.25 pt,
// registration colour; DeviceRGB black is the nearest Cairo can write).
void crop_marks(cairo_t* cr, const style::PageGeometry& g) {
    const double w = g.trim.width.pt(), h = g.trim.height.pt();
    const double gap = g.bleed.pt() + Length::mm(1).pt();
    const double len = std::min(Length::mm(6).pt(), g.slug.pt() - Length::mm(1).pt());
    if (len <= 0) return;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.25);
    const double xs[2] = {0, w}, ys[2] = {0, h};
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            const double x = xs[i], y = ys[j];
            const double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;
            cairo_move_to(cr, x + dx * gap, y);  // horizontal mark on the trim's horizontal edge
            cairo_line_to(cr, x + dx * (gap + len), y);
            cairo_move_to(cr, x, y + dy * gap);
            cairo_line_to(cr, x, y + dy * (gap + len));
        }
    cairo_stroke(cr);
    cairo_restore(cr);
}

std::string cairo_date(std::time_t t) {
    std::string s = iso8601_utc(t);  // YYYY-MM-DDThh:mm:ssZ, which cairo accepts as is
    return s;
}

}  // namespace

namespace {

// `release`: the same document, when the caller gave it up: each page's items go once drawn.
std::string render_document(const page::PageDocument& doc, page::PageDocument* release, const PdfOptions& options) {
    const style::PageGeometry& g = doc.geometry;
    // What the post pass needs from the items (links; the press pass's swatches), taken before they go.
    const std::vector<std::vector<page::LinkItem>> links = collect_links(doc);
    std::optional<PressSettings> press;
    if (options.color != ColorOutput::Screen) press = press_settings(doc, options);
    const Size media = g.media();
    std::string bytes;
    CairoSurface surface{cairo_pdf_surface_create_for_stream(append_to_string, &bytes, media.width.pt(),
                                                             media.height.pt())};
    cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
    const std::string date = cairo_date(output_timestamp(doc.info.date));
    auto meta = [&](cairo_pdf_metadata_t key, const std::string& value) {
        if (!value.empty()) cairo_pdf_surface_set_metadata(surface.get(), key, value.c_str());
    };
    meta(CAIRO_PDF_METADATA_TITLE, doc.info.title);
    meta(CAIRO_PDF_METADATA_AUTHOR, doc.info.author);
    meta(CAIRO_PDF_METADATA_SUBJECT, doc.info.subject);
    meta(CAIRO_PDF_METADATA_KEYWORDS, doc.info.keywords);
    meta(CAIRO_PDF_METADATA_CREATOR, doc.info.creator);
    meta(CAIRO_PDF_METADATA_CREATE_DATE, date);
    meta(CAIRO_PDF_METADATA_MOD_DATE, date);

    // Outline: the title at the top, subheadings and back matter under it.
    const double off = g.trim_offset().pt();
    int parent = CAIRO_PDF_OUTLINE_ROOT;
    for (const auto& e : doc.outline) {
        const std::string dest = "page=" + std::to_string(e.page + 1) + " pos=[" + std::to_string(off) + " " +
                                 std::to_string(std::max(0.0, off + e.y)) + "]";
        const int id = cairo_pdf_surface_add_outline(surface.get(), e.level <= 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                                     e.title.c_str(), dest.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
        if (e.level <= 1) parent = id;
    }

    Cairo cr{cairo_create(surface.get())};
    DrawResources resources(options.images);
    resources.plan_glyph_forms(doc);
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const page::Page& p = doc.pages[i];
        cairo_save(cr.get());
        cairo_translate(cr.get(), off, off);
        draw_items(cr.get(), p, Target::Pdf, 1.0, resources);
        // The press PDF's crop marks are drawn by the press pass, in the registration colour.
        if (options.crop_marks == CropMarks::Yes && g.slug.pt() > 0 && options.color == ColorOutput::Screen)
            crop_marks(cr.get(), g);
        cairo_restore(cr.get());
        cairo_show_page(cr.get());
        if (release) std::vector<page::Item>().swap(release->pages[i].items);  // cairo has emitted the page
    }
    const cairo_status_t drawn = cairo_status(cr.get());
    cr.reset();
    cairo_surface_finish(surface.get());
    const cairo_status_t status = cairo_surface_status(surface.get());
    if (drawn != CAIRO_STATUS_SUCCESS || status != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{}, std::string("cairo could not write the PDF: ") +
                                           cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : status));
    surface.reset();
    // Supplied pages (an issue's ads) go in last, so that nothing after touches their content: the press
    // pass converts quire's own colours, never an advertiser's.
    if (!press) return place_supplied_pages(post_pass(bytes, g, doc.info.lang, links, doc.pages), doc);
    set_rendition(*press, bytes);
    return place_supplied_pages(post_pass(bytes, g, doc.info.lang, links, doc.pages, &*press), doc);
}

}  // namespace

std::string render_pdf_bytes(const page::PageDocument& doc, const PdfOptions& options) {
    return render_document(doc, nullptr, options);
}

std::string render_pdf_bytes(page::PageDocument&& doc, const PdfOptions& options) {
    return render_document(doc, &doc, options);
}

void render_pdf(page::PageDocument&& doc, const PdfOptions& options, const std::filesystem::path& path) {
    const std::string bytes = render_pdf_bytes(std::move(doc), options);
    write_file_atomically(path, bytes);
}

void render_pdf(const page::PageDocument& doc, const PdfOptions& options, const std::filesystem::path& path) {
    const std::string bytes = render_pdf_bytes(doc, options);
    write_file_atomically(path, bytes);
}

}  // namespace quire::render
