#include "render/draw.hpp"

#include "core/diagnostic.hpp"
#include "render/barcode.hpp"

#include <cairo-ft.h>

#include <algorithm>
#include <string>
#include <vector>

namespace quire::render {

cairo_surface_t* DrawResources::image(const page::Image& image, SurfaceUse use, double min_scale) {
    // A JPEG in a PDF is its own bytes whatever the scale: one surface.
    const bool bytes_as_they_are = use == SurfaceUse::Pdf && image.format == page::ImageFormat::Jpeg;
    const ImageKey key{&image, use, bytes_as_they_are ? 1.0 : min_scale};
    auto it = images_.find(key);
    if (it == images_.end()) it = images_.emplace(key, image_surface(image, use, key.min_scale)).first;
    return it->second.get();
}

cairo_font_face_t* DrawResources::font_face(const text::Font& font) {
    const auto key = std::make_pair(font.file(), font.face_index());
    auto it = faces_.find(key);
    if (it != faces_.end()) return it->second.get();
    // The Font owns this FT_Face, opened for Cairo alone (text/font_collection.hpp); it outlives us.
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(font.cairo_ft_face(), 0);
    faces_[key].reset(face);
    return face;
}

namespace {

void set_color(cairo_t* cr, const style::Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// The font and colour last set on the context: consecutive runs mostly share them, and setting the
// font again makes cairo look its scaled font up again, setting a colour makes a new pattern.
struct DrawState {
    const text::Font* font = nullptr;
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

void draw_text(cairo_t* cr, const page::TextItem& t, DrawResources& resources, Target target, DrawState& current) {
    const linebreak::GlyphRun& run = t.run;
    if (!run.font || run.glyphs.empty()) return;
    if (current.font != run.font) {
        cairo_set_font_face(cr, resources.font_face(*run.font));
        current.font = run.font;
    }
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
    // The clusters map glyphs back to the text (copy, search, pdftotext). cairo rejects a map that
    // does not cover the text and the glyphs exactly (and would put the context in an error state),
    // so check it first; without it the glyphs are still drawn.
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(run.clusters.size());
    int bytes = 0, count = 0;
    bool valid = !run.clusters.empty();
    for (const auto& c : run.clusters) {
        if (c.num_bytes < 0 || c.num_glyphs < 0 || (c.num_bytes == 0 && c.num_glyphs == 0)) valid = false;
        clusters.push_back(cairo_text_cluster_t{c.num_bytes, c.num_glyphs});
        bytes += c.num_bytes;
        count += c.num_glyphs;
    }
    valid = valid && bytes == static_cast<int>(run.text.size()) && count == static_cast<int>(glyphs.size());
    if (valid && target == Target::Pdf) {
        const auto flags = run.direction == linebreak::RunDirection::RightToLeft ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD
                                                                                 : cairo_text_cluster_flags_t(0);
        cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                               static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                               flags);
    } else {
        cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
    }
}

void draw_image(cairo_t* cr, const page::ImageItem& item, Target target, double scale, DrawResources& resources) {
    if (!item.image) return;
    // Raster: the pixels drawn; PDF: the box at 600 ppi, all print ever needs (issue 18: a PNG is decoded
    // down to that, however many pixels it declares).
    const double min_scale = target == Target::Raster
                                 ? item.placed.width.pt() * scale / item.image->width
                                 : std::max(item.placed.width.pt(), item.placed.height.pt()) / 72.0 * kMaxPrintPpi /
                                       std::max(item.image->width, item.image->height);
    cairo_surface_t* surface =
        resources.image(*item.image, target == Target::Pdf ? SurfaceUse::Pdf : SurfaceUse::Raster,
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
