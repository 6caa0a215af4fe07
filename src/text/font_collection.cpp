// Opening fonts (FreeType + HarfBuzz), fallback by script and coverage, and measuring text.
#include "text/font_collection.hpp"

#include "core/diagnostic.hpp"
#include "text/itemize.hpp"
#include "text/shaper.hpp"

#include <hb-ft.h>
#include FT_TRUETYPE_TABLES_H

namespace quire::text {

namespace {

FtFace open_face(FT_Library library, const FontFace& face) {
    FT_Face ft = nullptr;
    if (FT_New_Face(library, face.file.c_str(), face.face_index, &ft) != 0)
        throw QuireError(SourceSpan{face.file.string()}, "cannot open font file");
    return FtFace{ft};
}

}  // namespace

Font::Font(FT_Library library, const FontFamily& family, const FontFace& face)
    : family_(family.name), weight_(face.weight), slant_(face.slant), file_(face.file),
      face_index_(face.face_index) {
    hb_ft_face_ = open_face(library, face);
    cairo_face_ = open_face(library, face);
    upem_ = hb_ft_face_->units_per_EM ? hb_ft_face_->units_per_EM : 1000;
    // HarfBuzz's own OpenType functions (not hb-ft's) read metrics from the font tables, which
    // is faster and independent of FreeType's size; the FT_Face stays for Cairo.
    const HbBlob blob{hb_blob_create_from_file(face.file.c_str())};
    hb_face_.reset(hb_face_create(blob.get(), unsigned(face.face_index)));
    hb_font_.reset(hb_font_create(hb_face_.get()));
    hb_font_set_scale(hb_font_.get(), upem_, upem_);
    const double upem = upem_;
    if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(hb_ft_face_.get(), FT_SFNT_OS2));
        os2 && os2->version != 0xFFFF && os2->sTypoAscender > 0) {
        ascender_em_ = os2->sTypoAscender / upem;
        descender_em_ = -os2->sTypoDescender / upem;
    } else {
        ascender_em_ = hb_ft_face_->ascender / upem;
        descender_em_ = -hb_ft_face_->descender / upem;
    }
    hb_codepoint_t space = 0;
    if (hb_font_get_nominal_glyph(hb_font_.get(), 0x20, &space)) {
        space_em_ = hb_font_get_glyph_h_advance(hb_font_.get(), space) / upem;
        space_glyph_ = space;
    }
}

bool Font::has_char_lookup(char32_t cp) const {
    if (cp < kCoverageCached) {
        if (coverage_.empty()) coverage_.assign(kCoverageCached, 0);
        std::uint8_t& c = coverage_[cp];
        if (c == 0) {
            hb_codepoint_t g = 0;
            c = hb_font_get_nominal_glyph(hb_font_.get(), cp, &g) && g != 0 ? 1 : 2;
        }
        return c == 1;
    }
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(hb_font_.get(), cp, &g) && g != 0;
}

std::uint32_t Font::glyph_for(char32_t cp) const {
    if (cp == 0x20) return space_glyph_;
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(hb_font_.get(), cp, &g) ? g : 0;
}

FontCollection::FontCollection() : FontCollection(default_font_table()) {}

FontCollection::FontCollection(FontTable table) : table_(std::move(table)), cache_(std::make_unique<ShapeCache>()) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw QuireError(SourceSpan{}, "cannot initialise FreeType");
    library_.reset(library);
}

// Here, where ShapeCache is complete. Members go in reverse order: the shape cache (it refers to
// the fonts), the fonts, then the FreeType library.
FontCollection::~FontCollection() = default;

const Font& FontCollection::get(std::string_view family, int weight, Slant slant) {
    for (const auto& r : resolved_)
        if (r.weight == weight && r.slant == slant && r.family == family) return *r.font;
    const FontFace& face = table_.resolve_face(family, weight, slant);
    auto it = fonts_.find(face.file);
    if (it == fonts_.end())
        it = fonts_.emplace(face.file, std::make_unique<Font>(library_.get(), *table_.find(family), face)).first;
    resolved_.push_back(Resolved{std::string(family), weight, slant, it->second.get()});
    return *it->second;
}

const Font* FontCollection::font_for(const FontSpec& spec, char32_t cp, std::string_view script) {
    const Font& own = get(spec);
    if (own.has_char(cp)) return &own;
    const std::string named = table_.fallback_family(spec.family, script);
    if (!named.empty()) {
        const Font& fb = get(named, spec.weight, spec.slant);
        if (fb.has_char(cp)) return &fb;
    }
    for (const auto& family : table_.fallback_families(spec.family)) {
        if (family == named) continue;
        const Font& fb = get(family, spec.weight, spec.slant);
        if (fb.has_char(cp)) return &fb;
    }
    return nullptr;
}

double FontCollection::measure(std::string_view utf8, const FontSpec& spec, std::string_view lang) {
    StyledParagraph p;
    p.lang = std::string(lang);
    p.spans.push_back(StyledSpan{std::string(utf8), spec, {}, {}, {}});
    Diagnostics ignored;  // measuring reports nothing; setting the text reports missing characters
    const ItemizedParagraph items = itemize(p, *this, ignored);
    double width = 0.0;
    for (const auto& run : items.runs) {
        const FeatureSet& features = cache_->features(spec.features);
        const Shaped& s = cache_->shape(*run.font, features, lang, run.script, run.direction(),
                                        std::string_view(items.text).substr(run.start, run.end - run.start));
        width += double(s.advance) * spec.size_pt / run.font->units_per_em();
        width += spec.tracking_em * spec.size_pt * double(s.glyphs.size());
    }
    return width;
}

}  // namespace quire::text
