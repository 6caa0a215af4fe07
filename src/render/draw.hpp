// Drawing display-list items with Cairo, shared by the PDF and PNG renderers.
#pragma once

#include "core/handle.hpp"

#include "page/page_document.hpp"
#include "render/image_surface.hpp"

#include <cairo.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <tuple>
#include <utility>

namespace quire::render {

enum class Target { Pdf, Raster };

// Which of a font's two Cairo faces draws a glyph into a PDF. Cairo 1.16 gives each face one
// one-byte (WinAnsi) subset, in which every character gets the first glyph drawn for it; any
// other glyph later drawn for that character goes to a two-byte subset. When a variant comes first
// (a small capital of an article's lead-in, an old-style figure, a capital standing in for a small
// one) every later use of the character's ordinary glyph goes there: a font switch (Tf) between
// almost every pair of glyphs of the body text, 193,000 of them in a 98-page document (issue 17).
// Such variants, and only those, are drawn with a face of their own (plan_glyph_forms).
enum class GlyphForm { Nominal, Variant };

// What drawing a document makes once and keeps until the surface is finished: Cairo font faces for
// the document's fonts, and the image surfaces. An image surface must outlive the PDF surface's use
// of it: cairo's PDF surface holds a snapshot of each source, and destroying the source before
// cairo_surface_finish makes cairo copy every pixel (copy-on-write, cairo-surface-snapshot.c) — for a
// 20-megapixel photograph 80 MB written for nothing, ≈ 10 ms. Kept here, each image is made once.
class DrawResources {
public:
    explicit DrawResources(PdfImages pdf_images = PdfImages::Print) : pdf_images_(pdf_images) {}
    DrawResources(const DrawResources&) = delete;
    DrawResources& operator=(const DrawResources&) = delete;
    cairo_font_face_t* font_face(const text::Font& font, GlyphForm form = GlyphForm::Nominal);
    // Reads the document's text in the order it will be drawn and notes the characters whose first
    // glyph drawn is a variant while their nominal glyph is drawn later: only those variants get
    // the Variant face (elsewhere the subsets come out as cairo makes them, without a second face's
    // font programs). PDF only; without it every glyph is Nominal.
    void plan_glyph_forms(const page::PageDocument& document);
    // The face for drawing `glyph` as the text `cp` (a character with a WinAnsi code, else Nominal).
    GlyphForm glyph_form(const text::Font& font, char32_t cp, std::uint32_t glyph);
    // The surface for `image` drawn with `use`, at no less than `min_scale` of its full size.
    cairo_surface_t* image(const page::Image& image, SurfaceUse use, double min_scale);
    // How images are drawn into a PDF: the most they need (points → pixels) and the surface use.
    double pdf_image_ppi() const { return pdf_images_ == PdfImages::Proof ? kMaxProofPpi : kMaxPrintPpi; }
    SurfaceUse pdf_surface_use() const { return pdf_images_ == PdfImages::Proof ? SurfaceUse::ProofPdf : SurfaceUse::Pdf; }

private:
    PdfImages pdf_images_;
    // One face per font file (and face index): pages set with different FontCollections share it.
    std::map<std::tuple<std::filesystem::path, int, GlyphForm>, Handle<cairo_font_face_t, cairo_font_face_destroy>> faces_;
    // Per font and WinAnsi code: the nominal glyph (kUnknownGlyph until looked up) and what the plan
    // saw of the character (bits: a variant first, the nominal glyph later).
    static constexpr std::uint32_t kUnknownGlyph = 0xFFFFFFFF;
    struct FontGlyphs {
        std::array<std::uint32_t, 256> nominal;
        std::array<std::uint8_t, 256> seen{};
    };
    FontGlyphs& glyphs_of(const text::Font& font);
    std::uint32_t nominal_glyph(const text::Font& font, FontGlyphs& glyphs, char32_t cp, int code);
    std::map<const text::Font*, FontGlyphs> glyphs_;
    const text::Font* last_font_ = nullptr;
    FontGlyphs* last_glyphs_ = nullptr;
    struct ImageKey {
        const page::Image* image;
        SurfaceUse use;
        double min_scale;
        auto operator<=>(const ImageKey&) const = default;
    };
    std::map<ImageKey, page::CairoSurface> images_;
};

// Draws the page's items in order. `cr`'s user space must have the trim's top-left at its origin,
// in points. `scale` is device pixels per point (Raster: decides how far images are decoded).
void draw_items(cairo_t* cr, const page::Page& page, Target target, double scale, DrawResources& resources);

}  // namespace quire::render
