#include "render/draw.hpp"

#include "core/diagnostic.hpp"
#include "render/barcode.hpp"

#include <cairo-ft.h>

#include <algorithm>
#include <string>
#include <vector>

namespace quire::render {

namespace {

// DrawResources::FontGlyphs::seen: the first glyph drawn for a character was a variant; its nominal
// glyph was drawn (after it).
constexpr std::uint8_t kVariantFirst = 1, kNominalAfter = 2;

// The code of `cp` in WinAnsiEncoding (PDF 32000-1 Annex D.2), which cairo uses for a font's
// one-byte subset; −1 where it has none.
int winansi_code(char32_t cp) {
    if ((cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<int>(cp);
    static constexpr std::pair<char32_t, int> kHigh[] = {
        {0x0152, 0x8C}, {0x0153, 0x9C}, {0x0160, 0x8A}, {0x0161, 0x9A}, {0x0178, 0x9F}, {0x017D, 0x8E},
        {0x017E, 0x9E}, {0x0192, 0x83}, {0x02C6, 0x88}, {0x02DC, 0x98}, {0x2013, 0x96}, {0x2014, 0x97},
        {0x2018, 0x91}, {0x2019, 0x92}, {0x201A, 0x82}, {0x201C, 0x93}, {0x201D, 0x94}, {0x201E, 0x84},
        {0x2020, 0x86}, {0x2021, 0x87}, {0x2022, 0x95}, {0x2026, 0x85}, {0x2030, 0x89}, {0x2039, 0x8B},
        {0x203A, 0x9B}, {0x20AC, 0x80}, {0x2122, 0x99}};
    for (const auto& [u, code] : kHigh)
        if (u == cp) return code;
    return -1;
}

// The character of a cluster of one glyph for one character of the Basic Multilingual Plane up to
// U+FFFF (three UTF-8 bytes; WinAnsi has none beyond), else 0. Only such clusters can take a
// WinAnsi slot: cairo maps the others by the font's cmap or with ActualText.
char32_t single_character(const linebreak::GlyphRun& run, int num_glyphs, int num_bytes, std::size_t byte) {
    if (num_glyphs != 1 || num_bytes < 1 || num_bytes > 3) return 0;
    const auto* u = reinterpret_cast<const unsigned char*>(run.text.data() + byte);
    if (num_bytes == 1) return u[0] < 0x80 ? u[0] : 0;
    if (num_bytes == 2) return (u[0] & 0xE0) == 0xC0 ? (char32_t(u[0] & 0x1F) << 6) | (u[1] & 0x3F) : 0;
    return (u[0] & 0xF0) == 0xE0 ? (char32_t(u[0] & 0x0F) << 12) | (char32_t(u[1] & 0x3F) << 6) | (u[2] & 0x3F) : 0;
}

// Whether the run's clusters cover its text and glyphs exactly: cairo rejects a map that does not
// (and would put the context in an error state); such a run is drawn without its text.
bool clusters_cover(const linebreak::GlyphRun& run) {
    if (run.clusters.empty()) return false;
    std::size_t bytes = 0, glyphs = 0;
    for (const auto& c : run.clusters) {
        if (c.num_bytes < 0 || c.num_glyphs < 0 || (c.num_bytes == 0 && c.num_glyphs == 0)) return false;
        bytes += static_cast<std::size_t>(c.num_bytes);
        glyphs += static_cast<std::size_t>(c.num_glyphs);
    }
    return bytes == run.text.size() && glyphs == run.glyphs.size();
}

// A run drawn into the PDF cluster by cluster, in text order (a right-to-left run is drawn whole).
bool drawn_by_cluster(const linebreak::GlyphRun& run) {
    return run.font && !run.glyphs.empty() && run.direction != linebreak::RunDirection::RightToLeft &&
           clusters_cover(run);
}

}  // namespace

cairo_surface_t* DrawResources::image(const page::Image& image, SurfaceUse use, double min_scale) {
    // A JPEG in a PDF is its own bytes whatever the scale: one surface.
    const bool bytes_as_they_are = use == SurfaceUse::Pdf && image.format == page::ImageFormat::Jpeg;
    const ImageKey key{&image, use, bytes_as_they_are ? 1.0 : min_scale};
    auto it = images_.find(key);
    if (it == images_.end()) it = images_.emplace(key, image_surface(image, use, key.min_scale)).first;
    return it->second.get();
}

cairo_font_face_t* DrawResources::font_face(const text::Font& font, GlyphForm form) {
    const auto key = std::make_tuple(font.file(), font.face_index(), form);
    auto it = faces_.find(key);
    if (it != faces_.end()) return it->second.get();
    // The Font owns this FT_Face, opened for Cairo alone (text/font_collection.hpp); it outlives us.
    // Cairo keeps one face per FT_Face and load flags: the variants' face differs by
    // FT_LOAD_NO_BITMAP, which changes nothing for the outline fonts drawn into a PDF (cairo's PDF
    // surface asks for outlines) and makes it a face of its own (cairo-ft-font.c,
    // _cairo_ft_font_face_create).
    const int load_flags = form == GlyphForm::Variant ? FT_LOAD_NO_BITMAP : 0;
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(font.cairo_ft_face(), load_flags);
    faces_[key].reset(face);
    return face;
}

DrawResources::FontGlyphs& DrawResources::glyphs_of(const text::Font& font) {
    if (last_font_ == &font) return *last_glyphs_;
    auto [it, added] = glyphs_.try_emplace(&font);
    if (added) it->second.nominal.fill(kUnknownGlyph);
    last_font_ = &font;
    last_glyphs_ = &it->second;
    return it->second;
}

std::uint32_t DrawResources::nominal_glyph(const text::Font& font, FontGlyphs& glyphs, char32_t cp, int code) {
    std::uint32_t& g = glyphs.nominal[static_cast<std::size_t>(code)];
    if (g == kUnknownGlyph) g = font.glyph_for(cp);
    return g;
}

GlyphForm DrawResources::glyph_form(const text::Font& font, char32_t cp, std::uint32_t glyph) {
    const int code = winansi_code(cp);
    if (code < 0) return GlyphForm::Nominal;
    FontGlyphs& glyphs = glyphs_of(font);
    if (glyphs.seen[static_cast<std::size_t>(code)] != (kVariantFirst | kNominalAfter)) return GlyphForm::Nominal;
    return nominal_glyph(font, glyphs, cp, code) == glyph ? GlyphForm::Nominal : GlyphForm::Variant;
}

void DrawResources::plan_glyph_forms(const page::PageDocument& document) {
    for (const page::Page& p : document.pages)
        for (const page::Item& item : p.items) {
            const auto* t = std::get_if<page::TextItem>(&item);
            if (!t || !drawn_by_cluster(t->run)) continue;
            const linebreak::GlyphRun& run = t->run;
            FontGlyphs& glyphs = glyphs_of(*run.font);
            std::size_t byte = 0, glyph = 0;
            for (const linebreak::TextCluster& c : run.clusters) {
                const char32_t cp = single_character(run, c.num_glyphs, c.num_bytes, byte);
                const int code = cp ? winansi_code(cp) : -1;
                if (code >= 0) {
                    std::uint8_t& seen = glyphs.seen[static_cast<std::size_t>(code)];
                    const bool nominal = nominal_glyph(*run.font, glyphs, cp, code) == run.glyphs[glyph].id;
                    if (seen == 0) seen = nominal ? kNominalAfter : kVariantFirst;  // the first drawn
                    else if (nominal) seen |= kNominalAfter;
                }
                byte += static_cast<std::size_t>(c.num_bytes);
                glyph += static_cast<std::size_t>(c.num_glyphs);
            }
        }
}

namespace {

void set_color(cairo_t* cr, const style::Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// The font and colour last set on the context: consecutive runs mostly share them, and setting the
// font again makes cairo look its scaled font up again, setting a colour makes a new pattern.
struct DrawState {
    cairo_font_face_t* face = nullptr;
    double size = 0;
    double x_scale = 1;
    bool has_color = false;
    style::Color color;
};

void set_text_color(cairo_t* cr, const style::Color& c, DrawState& current) {
    if (current.has_color && current.color == c) return;
    set_color(cr, c);
    current.has_color = true;
    current.color = c;
}

void set_face(cairo_t* cr, cairo_font_face_t* face, DrawState& current) {
    if (current.face == face) return;
    cairo_set_font_face(cr, face);
    current.face = face;
}

void draw_text(cairo_t* cr, const page::TextItem& t, DrawResources& resources, Target target, DrawState& current) {
    const linebreak::GlyphRun& run = t.run;
    if (!run.font || run.glyphs.empty()) return;
    if (current.size != run.size_pt || current.x_scale != t.x_scale) {
        cairo_matrix_t m;
        cairo_matrix_init_scale(&m, run.size_pt * t.x_scale, run.size_pt);
        cairo_set_font_matrix(cr, &m);
        current.size = run.size_pt;
        current.x_scale = t.x_scale;
    }
    set_text_color(cr, t.color, current);
    std::vector<cairo_glyph_t> glyphs(run.glyphs.size());
    for (std::size_t i = 0; i < run.glyphs.size(); ++i)
        glyphs[i] = cairo_glyph_t{run.glyphs[i].id, t.x + run.glyphs[i].x_pt, t.y + run.glyphs[i].y_pt};
    // The clusters map glyphs back to the text (copy, search, pdftotext); without a map that covers
    // the text (clusters_cover) the glyphs are still drawn.
    if (target == Target::Raster || !clusters_cover(run)) {
        set_face(cr, resources.font_face(*run.font), current);
        cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
        return;
    }
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(run.clusters.size());
    for (const auto& c : run.clusters) clusters.push_back(cairo_text_cluster_t{c.num_bytes, c.num_glyphs});
    if (run.direction == linebreak::RunDirection::RightToLeft) {  // whole, with the nominal face
        set_face(cr, resources.font_face(*run.font), current);
        cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                               static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                               CAIRO_TEXT_CLUSTER_FLAG_BACKWARD);
        return;
    }
    // Runs of clusters of one form, each drawn with its face (GlyphForm).
    auto form_at = [&](std::size_t c, std::size_t byte, std::size_t glyph) {
        const char32_t cp = single_character(run, clusters[c].num_glyphs, clusters[c].num_bytes, byte);
        return cp ? resources.glyph_form(*run.font, cp, run.glyphs[glyph].id) : GlyphForm::Nominal;
    };
    std::size_t c = 0, byte = 0, glyph = 0;
    while (c < clusters.size()) {
        const GlyphForm form = form_at(c, byte, glyph);
        std::size_t end = c, run_bytes = 0, run_glyphs = 0;
        for (; end < clusters.size(); ++end) {
            if (end > c && form_at(end, byte + run_bytes, glyph + run_glyphs) != form) break;
            run_bytes += static_cast<std::size_t>(clusters[end].num_bytes);
            run_glyphs += static_cast<std::size_t>(clusters[end].num_glyphs);
        }
        set_face(cr, resources.font_face(*run.font, form), current);
        cairo_show_text_glyphs(cr, run.text.data() + byte, static_cast<int>(run_bytes), glyphs.data() + glyph,
                               static_cast<int>(run_glyphs), clusters.data() + c, static_cast<int>(end - c),
                               cairo_text_cluster_flags_t(0));
        c = end;
        byte += run_bytes;
        glyph += run_glyphs;
    }
}

void draw_image(cairo_t* cr, const page::ImageItem& item, Target target, double scale, DrawResources& resources) {
    if (!item.image) return;
    // Raster: the pixels drawn; PDF: the box at 600 ppi, all print ever needs (issue 18: a PNG is decoded
    // down to that, however many pixels it declares), or at a proof's 150.
    const double min_scale = target == Target::Raster
                                 ? item.placed.width.pt() * scale / item.image->width
                                 : std::max(item.placed.width.pt(), item.placed.height.pt()) / 72.0 *
                                       resources.pdf_image_ppi() / std::max(item.image->width, item.image->height);
    cairo_surface_t* surface =
        resources.image(*item.image, target == Target::Pdf ? resources.pdf_surface_use() : SurfaceUse::Raster,
                        std::min(1.0, min_scale));
    // load_image checked the file; a photo that still cannot be decoded must not vanish from the page.
    if (!surface) throw QuireError(SourceSpan{item.image->path.string()}, "image cannot be decoded for drawing");
    const int sw = cairo_image_surface_get_width(surface);
    const int sh = cairo_image_surface_get_height(surface);
    cairo_save(cr);
    cairo_rectangle(cr, item.frame.x.pt(), item.frame.y.pt(), item.frame.width.pt(), item.frame.height.pt());
    cairo_clip(cr);
    cairo_translate(cr, item.placed.x.pt(), item.placed.y.pt());
    // The stored pixels onto the displayed box, turned or mirrored as the JPEG's EXIF Orientation says.
    const OrientationMatrix o = orientation_matrix(item.image->orientation);
    const double W = item.placed.width.pt(), H = item.placed.height.pt();
    cairo_matrix_t m;
    cairo_matrix_init(&m, W * o.a / sw, H * o.d / sw, W * o.b / sh, H * o.e / sh, W * o.c, H * o.f);
    cairo_transform(cr, &m);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

}  // namespace

void draw_items(cairo_t* cr, const page::Page& page, Target target, double scale, DrawResources& resources) {
    // No cairo tags: cairo 1.16 aborts in cairo_surface_finish (an assertion in cairo-array.c) on our
    // multi-page documents once cairo_tag_begin("P") is used, and CAIRO_TAG_LINK writes a reference to
    // an object it never writes (qpdf: "file is damaged"). TextItem::role and ::group keep the
    // structure; links are written by the qpdf post-pass (render/post_pass.hpp).
    DrawState current;
    for (const page::Item& item : page.items) {
        const auto* t = std::get_if<page::TextItem>(&item);
        if (t) {
            draw_text(cr, *t, resources, target, current);
        } else if (const auto* im = std::get_if<page::ImageItem>(&item)) {
            draw_image(cr, *im, target, scale, resources);
        } else if (const auto* r = std::get_if<page::RuleItem>(&item)) {
            cairo_save(cr);
            set_color(cr, r->color);
            cairo_set_line_width(cr, r->thickness);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            cairo_move_to(cr, r->x0, r->y0);
            cairo_line_to(cr, r->x1, r->y1);
            cairo_stroke(cr);
            cairo_restore(cr);
        } else if (const auto* b = std::get_if<page::BoxItem>(&item)) {
            set_text_color(cr, b->fill, current);
            cairo_rectangle(cr, b->rect.x.pt(), b->rect.y.pt(), b->rect.width.pt(), b->rect.height.pt());
            cairo_fill(cr);
        } else if (const auto* code = std::get_if<page::BarcodeItem>(&item)) {
            cairo_save(cr);
            draw_barcode(cr, issn_barcode(code->issn, code->addon, code->sequence), code->box, nullptr);
            cairo_restore(cr);
            current = DrawState{};  // the barcode set its own font and colour
        }
    }
}

}  // namespace quire::render
