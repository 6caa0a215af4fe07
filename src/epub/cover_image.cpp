#include "epub/cover_image.hpp"

#include "core/diagnostic.hpp"
#include "core/handle.hpp"

#include <cairo.h>
#include <hb-ot.h>
#include <hb.h>
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
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

void draw_line(cairo_t* cr, const FaceStack& stack, const ShapedLine& line, double x, double baseline, double size_px) {
    for (const auto& g : line.glyphs) {
        const LoadedFace& f = stack.faces[g.face];
        cairo_save(cr);
        cairo_translate(cr, x + g.x * size_px, baseline + g.y * size_px);
        cairo_scale(cr, size_px / f.upem, -size_px / f.upem);
        cairo_new_path(cr);
        hb_font_get_glyph_shape(f.font.get(), g.glyph, draw_funcs(), cr);
        cairo_restore(cr);
        cairo_fill(cr);
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
// different colours never overlap.
class ColourLayers {
public:
    static constexpr int kLevels = 85;  // 3 colours × 85 levels + paper = 256 palette entries
    static constexpr std::size_t kMaxColours = 3;

    ColourLayers(int width, int height, style::Color paper) : width_(width), height_(height), paper_(paper) {}

    // The drawing context for `colour` (at most three distinct colours; more fold into the last).
    cairo_t* operator()(const style::Color& colour) {
        for (std::size_t i = 0; i < colours_.size(); ++i)
            if (colours_[i] == colour) return contexts_[i].get();
        if (colours_.size() == kMaxColours) return contexts_.back().get();
        colours_.push_back(colour);
        surfaces_.emplace_back(cairo_image_surface_create(CAIRO_FORMAT_A8, width_, height_));
        contexts_.emplace_back(cairo_create(surfaces_.back().get()));
        cairo_set_source_rgba(contexts_.back().get(), 0, 0, 0, 1);
        return contexts_.back().get();
    }

    // Palette (RGB triples) and one index per pixel, row after row.
    void compose(std::vector<unsigned char>& palette, std::vector<unsigned char>& indices) {
        palette.assign(3, 0);
        auto channel = [](double v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
        palette = {channel(paper_.r), channel(paper_.g), channel(paper_.b)};
        for (const auto& c : colours_)
            for (int level = 1; level <= kLevels; ++level) {
                const double t = static_cast<double>(level) / kLevels;
                palette.push_back(channel(paper_.r + (c.r - paper_.r) * t));
                palette.push_back(channel(paper_.g + (c.g - paper_.g) * t));
                palette.push_back(channel(paper_.b + (c.b - paper_.b) * t));
            }
        indices.assign(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_), 0);
        for (std::size_t k = 0; k < surfaces_.size(); ++k) {
            cairo_surface_t* surface = surfaces_[k].get();
            cairo_surface_flush(surface);
            const unsigned char* data = cairo_image_surface_get_data(surface);
            const int stride = cairo_image_surface_get_stride(surface);
            for (int y = 0; y < height_; ++y) {
                const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
                unsigned char* out = indices.data() + static_cast<std::ptrdiff_t>(y) * width_;
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
        for (const auto& c : contexts_)
            if (cairo_status(c.get()) != CAIRO_STATUS_SUCCESS) return cairo_status(c.get());
        return CAIRO_STATUS_SUCCESS;
    }

private:
    int width_, height_;
    style::Color paper_;
    std::vector<style::Color> colours_;
    std::vector<CairoSurface> surfaces_;
    std::vector<Cairo> contexts_;
};

void append_png(png_structp png, png_bytep data, png_size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}
void flush_png(png_structp) {}

// An 8-bit palette PNG. Not cairo_surface_write_to_png: an RGB image through libpng's adaptive
// filtering took ~200 ms for a 1200 × 1800 cover, ten times the rest of the book. Palette indices
// of flat colour compress well with run-length zlib (Z_RLE) and no filter. Plain C with setjmp
// (libpng's error model): no object with a destructor lives in this frame.
bool encode_png(const unsigned char* indices, int width, int height, const unsigned char* palette_rgb,
                int palette_size, std::string* out) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, out, append_png, flush_png);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_color palette[256];
    for (int i = 0; i < palette_size; ++i)
        palette[i] = png_color{palette_rgb[3 * i], palette_rgb[3 * i + 1], palette_rgb[3 * i + 2]};
    png_set_PLTE(png, info, palette, palette_size);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_strategy(png, Z_RLE);
    png_write_info(png, info);
    for (int y = 0; y < height; ++y)
        png_write_row(png, const_cast<png_bytep>(indices + static_cast<std::ptrdiff_t>(y) * width));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

std::string upper_ascii_safe(const std::string& s) {
    // Spaced capitals for the magazine name: ASCII letters only (case mapping of other scripts is
    // left to the text as written; the section label style asks for upper case).
    std::string out = s;
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

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
    cairo_fill(accent);

    // Magazine name: spaced capitals in the label face, at the head.
    const double label_tracking = std::max(0.0, label_style.tracking / 1000.0);
    double name_px = w * 0.052;
    ShapedLine name = shape_line(label_faces, upper_ascii_safe(text.magazine), text.lang, label_tracking);
    if (name.width * name_px > measure) name_px = measure / name.width;
    draw_line(accent, label_faces, name, margin, h * 0.11, name_px);
    cairo_rectangle(accent, margin, h * 0.135, measure, std::max(2.0, w * 0.003));
    cairo_fill(accent);

    // Section label.
    const double section_px = w * 0.026;
    ShapedLine section = shape_line(label_faces, upper_ascii_safe(text.section), text.lang, label_tracking);
    const double section_scale = section.width * section_px > measure ? measure / (section.width * section_px) : 1.0;
    draw_line(accent, label_faces, section, margin, h * 0.19, section_px * section_scale);

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
        draw_line(ink, title_faces, shape_line(title_faces, l, text.lang, title_tracking), margin, baseline, title_px);
        baseline += title_px * leading_ratio;
    }

    // Author, then the date, in the byline face.
    const double byline_px = w * 0.045;
    const double byline_tracking = byline_style.tracking / 1000.0;
    double y = std::max(baseline + title_px * 0.6, h * 0.62);
    cairo_t* byline_ink = layers(byline_style.color);
    for (const auto& l : wrap(byline_faces, text.author, text.lang, byline_tracking, measure / byline_px)) {
        draw_line(byline_ink, byline_faces, shape_line(byline_faces, l, text.lang, byline_tracking), margin, y, byline_px);
        y += byline_px * 1.3;
    }
    if (!text.date.empty()) {
        const double date_px = w * 0.03;
        draw_line(accent, byline_faces, shape_line(byline_faces, text.date, text.lang, byline_tracking), margin,
                  h - margin, date_px);
    }

    if (layers.status() != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{}, std::string("cover: cairo: ") + cairo_status_to_string(layers.status()));
    std::vector<unsigned char> palette, indices;
    layers.compose(palette, indices);
    std::string png;
    if (!encode_png(indices.data(), size.width, size.height, palette.data(), static_cast<int>(palette.size() / 3), &png))
        throw QuireError(SourceSpan{}, "cover: libpng could not encode the image");
    return png;
}

}  // namespace quire::epub
