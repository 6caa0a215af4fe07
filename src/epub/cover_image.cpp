#include "epub/cover_image.hpp"

#include "text/text_case.hpp"

#include "core/diagnostic.hpp"
#include "core/handle.hpp"
#include "epub/palette_png.hpp"

#include <cairo.h>
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace quire::epub {

namespace {

using HbBlob = Handle<hb_blob_t, hb_blob_destroy>;
using HbFace = Handle<hb_face_t, hb_face_destroy>;
using HbFont = Handle<hb_font_t, hb_font_destroy>;
using HbBuffer = Handle<hb_buffer_t, hb_buffer_destroy>;
using HbDrawFuncs = Handle<hb_draw_funcs_t, hb_draw_funcs_destroy>;
using CairoSurface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Cairo = Handle<cairo_t, cairo_destroy>;

// One face loaded for shaping and drawing; its scale is units per em, so one shape serves every size.
struct LoadedFace {
    HbFont font;
    double upem = 1000;
    std::vector<hb_feature_t> features;
};

LoadedFace load_face(const text::FontFace& face, const std::vector<std::string>& features) {
    HbBlob blob{hb_blob_create_from_file_or_fail(face.file.c_str())};
    if (!blob) throw QuireError(SourceSpan{face.file.string()}, "cannot read font file");
    HbFace hb_face{hb_face_create(blob.get(), static_cast<unsigned>(face.face_index))};
    LoadedFace out;
    out.upem = hb_face_get_upem(hb_face.get());
    out.font.reset(hb_font_create(hb_face.get()));
    const int scale = static_cast<int>(out.upem);
    hb_font_set_scale(out.font.get(), scale, scale);
    for (const auto& f : features) {
        hb_feature_t feature;
        if (hb_feature_from_string(f.c_str(), static_cast<int>(f.size()), &feature)) out.features.push_back(feature);
    }
    return out;
}

// A style's face plus its fallbacks, in order (layout's fallback families, fonts.xml's faces).
struct FaceStack {
    std::vector<LoadedFace> faces;

    FaceStack(const style::ParagraphStyle& s, const text::FontTable& table) {
        const auto slant = s.slant == style::Slant::Italic ? text::Slant::Italic : text::Slant::Upright;
        faces.push_back(load_face(table.resolve_face(s.font_family, s.weight, slant), s.features));
        for (const auto& family : s.fallback_families)
            if (table.find(family)) faces.push_back(load_face(table.resolve_face(family, s.weight, slant), {}));
    }

    // The first face that has a glyph for `cp` (the primary when none has).
    std::size_t face_for(hb_codepoint_t cp) const {
        for (std::size_t i = 0; i < faces.size(); ++i) {
            hb_codepoint_t glyph = 0;
            if (hb_font_get_nominal_glyph(faces[i].font.get(), cp, &glyph)) return i;
        }
        return 0;
    }
};

struct PlacedGlyph {
    std::size_t face;
    hb_codepoint_t glyph;
    double x, y;  // em units
};

struct ShapedLine {
    std::vector<PlacedGlyph> glyphs;
    double width = 0;  // em units, tracking included
};

// Shapes a line: runs of characters by the face that covers them, each shaped by HarfBuzz.
ShapedLine shape_line(const FaceStack& stack, const std::string& text, const std::string& lang, double tracking_em) {
    ShapedLine line;
    // Split into runs by covering face (UTF-8 decoded through a buffer to get code points and clusters).
    HbBuffer probe{hb_buffer_create()};
    hb_buffer_add_utf8(probe.get(), text.c_str(), static_cast<int>(text.size()), 0, -1);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(probe.get(), &count);
    std::size_t i = 0;
    while (i < count) {
        const std::size_t face = stack.face_for(infos[i].codepoint);
        std::size_t j = i + 1;
        // Spaces and punctuation stay with the run they are in.
        while (j < count && (stack.face_for(infos[j].codepoint) == face || infos[j].codepoint == ' ')) ++j;
        const unsigned start = infos[i].cluster;
        const unsigned end = j < count ? infos[j].cluster : static_cast<unsigned>(text.size());
        HbBuffer buffer{hb_buffer_create()};
        hb_buffer_add_utf8(buffer.get(), text.c_str(), static_cast<int>(text.size()), start,
                           static_cast<int>(end - start));
        hb_buffer_set_language(buffer.get(), hb_language_from_string(lang.c_str(), -1));
        hb_buffer_guess_segment_properties(buffer.get());
        const LoadedFace& f = stack.faces[face];
        hb_shape(f.font.get(), buffer.get(), f.features.data(), static_cast<unsigned>(f.features.size()));
        unsigned n = 0;
        const hb_glyph_info_t* gi = hb_buffer_get_glyph_infos(buffer.get(), &n);
        const hb_glyph_position_t* gp = hb_buffer_get_glyph_positions(buffer.get(), &n);
        for (unsigned k = 0; k < n; ++k) {
            line.glyphs.push_back({face, gi[k].codepoint, line.width + gp[k].x_offset / f.upem, -gp[k].y_offset / f.upem});
            line.width += gp[k].x_advance / f.upem + tracking_em;
        }
        i = j;
    }
    if (!line.glyphs.empty()) line.width -= tracking_em;  // no tracking after the last letter
    return line;
}

// HarfBuzz draw callbacks → the Cairo path (glyph shapes in font units, y up; the caller's matrix
// scales and flips them).
void move_to(hb_draw_funcs_t*, void* cr, hb_draw_state_t*, float x, float y, void*) {
    cairo_move_to(static_cast<cairo_t*>(cr), x, y);
}
void line_to(hb_draw_funcs_t*, void* cr, hb_draw_state_t*, float x, float y, void*) {
    cairo_line_to(static_cast<cairo_t*>(cr), x, y);
}
void quadratic_to(hb_draw_funcs_t*, void* cr, hb_draw_state_t* st, float cx, float cy, float x, float y, void*) {
    // A quadratic Bézier as the cubic with control points 2/3 of the way to the quadratic's.
    const double x0 = st->current_x, y0 = st->current_y;
    cairo_curve_to(static_cast<cairo_t*>(cr), x0 + 2.0 / 3.0 * (cx - x0), y0 + 2.0 / 3.0 * (cy - y0),
                   x + 2.0 / 3.0 * (cx - x), y + 2.0 / 3.0 * (cy - y), x, y);
}
void cubic_to(hb_draw_funcs_t*, void* cr, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
              float y, void*) {
    cairo_curve_to(static_cast<cairo_t*>(cr), c1x, c1y, c2x, c2y, x, y);
}
void close_path(hb_draw_funcs_t*, void* cr, hb_draw_state_t*, void*) { cairo_close_path(static_cast<cairo_t*>(cr)); }

hb_draw_funcs_t* draw_funcs() {
    static HbDrawFuncs funcs = [] {
        HbDrawFuncs f{hb_draw_funcs_create()};
        hb_draw_funcs_set_move_to_func(f.get(), move_to, nullptr, nullptr);
        hb_draw_funcs_set_line_to_func(f.get(), line_to, nullptr, nullptr);
        hb_draw_funcs_set_quadratic_to_func(f.get(), quadratic_to, nullptr, nullptr);
        hb_draw_funcs_set_cubic_to_func(f.get(), cubic_to, nullptr, nullptr);
        hb_draw_funcs_set_close_path_func(f.get(), close_path, nullptr, nullptr);
        hb_draw_funcs_make_immutable(f.get());
        return f;
    }();
    return funcs.get();
}

// Adds a shaped line's glyph outlines to the current path (filled once per line by the caller:
// one scan conversion instead of one per glyph).
void add_line_path(cairo_t* cr, const FaceStack& stack, const ShapedLine& line, double x, double baseline, double size_px) {
    cairo_new_path(cr);
    for (const auto& g : line.glyphs) {
        const LoadedFace& f = stack.faces[g.face];
        // The path is kept in device space across save/restore; only the transformation is undone.
        cairo_save(cr);
        cairo_translate(cr, x + g.x * size_px, baseline + g.y * size_px);
        cairo_scale(cr, size_px / f.upem, -size_px / f.upem);
        hb_font_get_glyph_shape(f.font.get(), g.glyph, draw_funcs(), cr);
        cairo_restore(cr);
    }
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

// Greedy wrapping (the cover's few words need no Knuth–Plass): lines of at most `measure_em`.
std::vector<std::string> wrap(const FaceStack& stack, const std::string& text, const std::string& lang,
                              double tracking, double measure_em) {
    std::vector<std::string> lines;
    std::string current;
    for (const auto& word : split_words(text)) {
        const std::string candidate = current.empty() ? word : current + " " + word;
        if (!current.empty() && shape_line(stack, candidate, lang, tracking).width > measure_em) {
            lines.push_back(current);
            current = word;
        } else {
            current = candidate;
        }
    }
    if (!current.empty()) lines.push_back(current);
    return lines;
}

// The cover is paper plus text and rules in a few flat colours. Each colour is drawn as a coverage
// mask (A8 surface); the image is then an 8-bit palette PNG whose entries are the paper and each
// colour at 85 levels of coverage. A third of the bytes of RGB, and no colour is lost: glyphs of
// different colours never overlap. Each mask remembers the rows it inked, so that the blank rest of
// a 1200 × 1800 image is neither scanned nor, being untouched memory, even paged in.
class ColourLayers {
public:
    static constexpr int kLevels = 85;  // 3 colours × 85 levels + paper = 256 palette entries
    static constexpr std::size_t kMaxColours = 3;

    ColourLayers(int width, int height, style::Color paper) : width_(width), height_(height), paper_(paper) {}

    // The drawing context for `colour` (at most three distinct colours; more fold into the last).
    cairo_t* operator()(const style::Color& colour) {
        for (std::size_t i = 0; i < layers_.size(); ++i)
            if (layers_[i].colour == colour) return layers_[i].context.get();
        if (layers_.size() == kMaxColours) return layers_.back().context.get();
        Layer layer;
        layer.colour = colour;
        layer.surface = CairoSurface{cairo_image_surface_create(CAIRO_FORMAT_A8, width_, height_)};
        layer.context = Cairo{cairo_create(layer.surface.get())};
        cairo_set_source_rgba(layer.context.get(), 0, 0, 0, 1);
        layers_.push_back(std::move(layer));
        return layers_.back().context.get();
    }

    // Fills the current path of `cr` (one of this object's contexts), noting the rows it covers.
    void fill(cairo_t* cr) {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        cairo_fill_extents(cr, &x0, &y0, &x1, &y1);
        for (auto& layer : layers_)
            if (layer.context.get() == cr && y1 > y0) {
                layer.first_row = std::min(layer.first_row, std::max(0, static_cast<int>(std::floor(y0)) - 1));
                layer.end_row = std::max(layer.end_row, std::min(height_, static_cast<int>(std::ceil(y1)) + 1));
            }
        cairo_fill(cr);
    }

    // The rows [first, end) that any colour inked.
    std::pair<int, int> inked_rows() const {
        int first = height_, end = 0;
        for (const auto& layer : layers_) {
            first = std::min(first, layer.first_row);
            end = std::max(end, layer.end_row);
        }
        return {first, std::max(first, end)};
    }

    // Palette (RGB triples) and one index per pixel for the rows [first, end), row after row.
    void compose(std::vector<unsigned char>& palette, std::vector<unsigned char>& indices, int first, int end) {
        auto channel = [](double v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
        palette = {channel(paper_.r), channel(paper_.g), channel(paper_.b)};
        for (const auto& layer : layers_)
            for (int level = 1; level <= kLevels; ++level) {
                const double t = static_cast<double>(level) / kLevels;
                const style::Color& c = layer.colour;
                palette.push_back(channel(paper_.r + (c.r - paper_.r) * t));
                palette.push_back(channel(paper_.g + (c.g - paper_.g) * t));
                palette.push_back(channel(paper_.b + (c.b - paper_.b) * t));
            }
        indices.assign(static_cast<std::size_t>(width_) * static_cast<std::size_t>(end - first), 0);
        for (std::size_t k = 0; k < layers_.size(); ++k) {
            const Layer& layer = layers_[k];
            cairo_surface_t* surface = layer.surface.get();
            cairo_surface_flush(surface);
            const unsigned char* data = cairo_image_surface_get_data(surface);
            const int stride = cairo_image_surface_get_stride(surface);
            for (int y = std::max(first, layer.first_row); y < std::min(end, layer.end_row); ++y) {
                const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
                unsigned char* out = indices.data() + static_cast<std::ptrdiff_t>(y - first) * width_;
                for (int x = 0; x < width_; ++x) {
                    // Most of a mask is empty: skip it eight bytes at a time.
                    if ((x & 7) == 0 && x + 8 <= width_) {
                        std::uint64_t word;
                        std::memcpy(&word, row + x, sizeof word);
                        if (word == 0) {
                            x += 7;
                            continue;
                        }
                    }
                    if (row[x] == 0) continue;
                    // Coverage 1..255 → level 1..85 (rounded, never 0 for a touched pixel).
                    const int level = std::max(1, (row[x] * kLevels + 127) / 255);
                    out[x] = static_cast<unsigned char>(1 + static_cast<int>(k) * kLevels + level - 1);
                }
            }
        }
    }

    cairo_status_t status() const {
        for (const auto& layer : layers_)
            if (cairo_status(layer.context.get()) != CAIRO_STATUS_SUCCESS) return cairo_status(layer.context.get());
        return CAIRO_STATUS_SUCCESS;
    }

private:
    struct Layer {
        style::Color colour;
        CairoSurface surface;
        Cairo context;
        int first_row = std::numeric_limits<int>::max(), end_row = 0;
    };
    int width_, height_;
    style::Color paper_;
    std::vector<Layer> layers_;
};


}  // namespace

std::string render_cover_png(const CoverText& text, const style::Layout& layout, const text::FontTable& fonts,
                             CoverSize size) {
    const auto& label_style = layout.style("section-label");
    const auto& title_style = layout.style("title");
    const auto& byline_style = layout.style("byline");
    const FaceStack label_faces(label_style, fonts);
    const FaceStack title_faces(title_style, fonts);
    const FaceStack byline_faces(byline_style, fonts);

    const double w = size.width, h = size.height;
    const double margin = w * 0.09;
    const double measure = w - 2 * margin;

    // Paper, with the layout's accent (the section label's colour) as a band at the head.
    ColourLayers layers(size.width, size.height, style::Color{0.965, 0.949, 0.918});
    cairo_t* accent = layers(label_style.color);
    cairo_rectangle(accent, 0, 0, w, h * 0.018);
    layers.fill(accent);

    // Magazine name: spaced capitals in the label face, at the head.
    const double label_tracking = std::max(0.0, label_style.tracking / 1000.0);
    double name_px = w * 0.052;
    ShapedLine name = shape_line(label_faces, text::to_upper(text.magazine, text.lang), text.lang, label_tracking);
    if (name.width * name_px > measure) name_px = measure / name.width;
    add_line_path(accent, label_faces, name, margin, h * 0.11, name_px);
    layers.fill(accent);
    cairo_rectangle(accent, margin, h * 0.135, measure, std::max(2.0, w * 0.003));
    layers.fill(accent);

    // Section label.
    const double section_px = w * 0.026;
    ShapedLine section = shape_line(label_faces, label_style.text_case == style::TextCase::Upper ? text::to_upper(text.section, text.lang) : text.section, text.lang, label_tracking);
    const double section_scale = section.width * section_px > measure ? measure / (section.width * section_px) : 1.0;
    add_line_path(accent, label_faces, section, margin, h * 0.19, section_px * section_scale);
    layers.fill(accent);

    // Title: the largest size (from 10 % of the width down) that fits in six lines and whose
    // longest word fits the measure.
    const double title_tracking = title_style.tracking / 1000.0;
    const double leading_ratio = title_style.leading.pt() / title_style.size.pt();
    double title_px = w * 0.10;
    std::vector<std::string> title_lines;
    for (; title_px > w * 0.035; title_px *= 0.93) {
        title_lines = wrap(title_faces, text.title, text.lang, title_tracking, measure / title_px);
        bool fits = title_lines.size() <= 6;
        for (const auto& l : title_lines)
            fits = fits && shape_line(title_faces, l, text.lang, title_tracking).width * title_px <= measure;
        if (fits) break;
    }
    cairo_t* ink = layers(title_style.color);
    double baseline = h * 0.30 + title_px;
    for (const auto& l : title_lines) {
        add_line_path(ink, title_faces, shape_line(title_faces, l, text.lang, title_tracking), margin, baseline, title_px);
        layers.fill(ink);
        baseline += title_px * leading_ratio;
    }

    // Author, then the date, in the byline face.
    const double byline_px = w * 0.045;
    const double byline_tracking = byline_style.tracking / 1000.0;
    double y = std::max(baseline + title_px * 0.6, h * 0.62);
    cairo_t* byline_ink = layers(byline_style.color);
    for (const auto& l : wrap(byline_faces, text.author, text.lang, byline_tracking, measure / byline_px)) {
        add_line_path(byline_ink, byline_faces, shape_line(byline_faces, l, text.lang, byline_tracking), margin, y, byline_px);
        layers.fill(byline_ink);
        y += byline_px * 1.3;
    }
    if (!text.date.empty()) {
        const double date_px = w * 0.03;
        add_line_path(accent, byline_faces, shape_line(byline_faces, text.date, text.lang, byline_tracking), margin,
                      h - margin, date_px);
        layers.fill(accent);
    }

    if (layers.status() != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{}, std::string("cover: cairo: ") + cairo_status_to_string(layers.status()));
    std::vector<unsigned char> palette, indices;
    const auto [first, end] = layers.inked_rows();
    layers.compose(palette, indices, first, end);
    // Rows outside the inked band are paper (index 0).
    const std::vector<unsigned char> paper_row(static_cast<std::size_t>(size.width), 0);
    PaletteImage image;
    image.width = size.width;
    image.height = size.height;
    image.palette_rgb = palette;
    image.row = [&, first = first, end = end](int row) {
        return row >= first && row < end ? indices.data() + static_cast<std::ptrdiff_t>(row - first) * size.width
                                         : paper_row.data();
    };
    return encode_palette_png(image);
}

}  // namespace quire::epub
