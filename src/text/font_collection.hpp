// Loaded fonts, each opened once per collection and kept for its lifetime (addresses are stable).
// A Font carries two FreeType faces: HarfBuzz's and Cairo's, because cairo resizes the FT_Face it
// is given (stack-notes), which would change HarfBuzz's metrics under it.
//
//   quire::text::FontCollection fonts;                       // fonts/fonts.xml
//   const quire::text::Font& vollkorn = fonts.get("Vollkorn", 400, quire::text::Slant::Upright);
//   cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(vollkorn.cairo_ft_face(), 0);
//   double w = fonts.measure("W", spec);                      // points, for a drop cap
//   const quire::text::Font* f = fonts.font_for(spec, U'Ա', "Armn");  // Noto Serif Armenian
//
// Not thread-safe: one collection per thread.
#pragma once

#include "core/handle.hpp"
#include "text/font_table.hpp"
#include "text/styled_text.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <string_view>
#include <tuple>
#include <vector>

namespace quire::text {

class ShapeCache;

// The FreeType and HarfBuzz handles a collection owns (core/handle.hpp).
using FtLibrary = Handle<FT_LibraryRec_, FT_Done_FreeType>;
using FtFace = Handle<FT_FaceRec_, FT_Done_Face>;
using HbBlob = Handle<hb_blob_t, hb_blob_destroy>;
using HbFace = Handle<hb_face_t, hb_face_destroy>;
using HbFont = Handle<hb_font_t, hb_font_destroy>;

class Font {
public:
    Font(FT_Library library, const FontFamily& family, const FontFace& face);
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    const std::string& family() const { return family_; }
    int weight() const { return weight_; }
    Slant slant() const { return slant_; }
    const std::filesystem::path& file() const { return file_; }
    int face_index() const { return face_index_; }

    // HarfBuzz font with its scale set to units_per_em: shaped advances are in font units.
    hb_font_t* hb_font() const { return hb_font_.get(); }
    hb_face_t* hb_face() const { return hb_face_.get(); }
    // A FreeType face opened for Cairo alone (cairo_ft_font_face_create_for_ft_face). The Font
    // owns it; keep the Font (its FontCollection) alive while Cairo uses it.
    FT_Face cairo_ft_face() const { return cairo_face_.get(); }

    int units_per_em() const { return upem_; }
    // Typographic ascender and descender (OS/2 sTypo…, else hhea), in em; descender is positive.
    double ascender_em() const { return ascender_em_; }
    double descender_em() const { return descender_em_; }
    // Horizontal advance of U+0020 in em (the basis of interword glue).
    double space_em() const { return space_em_; }
    bool has_char(char32_t cp) const {
        // Inline for the common case (itemising asks for every character): already known.
        if (cp < kCoverageCached && !coverage_.empty() && coverage_[cp] != 0) return coverage_[cp] == 1;
        return has_char_lookup(cp);
    }
    std::uint32_t glyph_for(char32_t cp) const;  // 0 (.notdef) if missing

private:
    bool has_char_lookup(char32_t cp) const;

    std::string family_;
    int weight_ = 400;
    Slant slant_ = Slant::Upright;
    std::filesystem::path file_;
    int face_index_ = 0;
    // Destroyed in reverse order: the HarfBuzz font before its face, Cairo's FT face, then ours.
    FtFace hb_ft_face_;  // HarfBuzz's side: the metrics read at construction
    FtFace cairo_face_;  // Cairo's
    HbFace hb_face_;
    HbFont hb_font_;
    int upem_ = 1000;
    double ascender_em_ = 0.8;
    double descender_em_ = 0.2;
    double space_em_ = 0.25;
    std::uint32_t space_glyph_ = 0;  // glyph_for(U' '), asked for every word space
    // Coverage of the first code points (Latin, Greek, Cyrillic, Armenian, Hebrew … Georgian,
    // general punctuation), filled on first use: 0 unknown, 1 present, 2 absent.
    static constexpr char32_t kCoverageCached = 0x2100;
    mutable std::vector<std::uint8_t> coverage_;
};

class FontCollection {
public:
    FontCollection();  // default_font_table()
    explicit FontCollection(FontTable table);
    ~FontCollection();
    FontCollection(const FontCollection&) = delete;
    FontCollection& operator=(const FontCollection&) = delete;

    const FontTable& table() const { return table_; }

    // The face resolved by the table (nearest weight and slant), opened once. Throws QuireError for
    // an unknown family or a file FreeType cannot open.
    const Font& get(std::string_view family, int weight, Slant slant);
    const Font& get(const FontSpec& spec) { return get(spec.family, spec.weight, spec.slant); }

    // The font that sets `cp` in `spec`: the spec's own face if it has the character; else the
    // family's fallback for `script` (ISO 15924) at the same weight and slant; else the first
    // other fallback family that has it. nullptr if none has it (the caller reports it).
    const Font* font_for(const FontSpec& spec, char32_t cp, std::string_view script);

    // Width in points of `utf8` set as one unbroken line in `spec` (shaped, fallbacks, tracking).
    double measure(std::string_view utf8, const FontSpec& spec, std::string_view lang = "en");

    // Shaped words are cached here, per font, features, language and text (text/shaper.hpp).
    ShapeCache& shape_cache() { return *cache_; }

private:
    FontTable table_;
    // Declared before the fonts, so destroyed after them: their faces are done before the library.
    FtLibrary library_;
    std::map<std::filesystem::path, std::unique_ptr<Font>> fonts_;  // by resolved file
    // get()'s answers: itemising asks per character, and resolving a face (and looking its path
    // up) each time cost a fifth of setting a paragraph. A handful of entries: searched in order.
    struct Resolved {
        std::string family;
        int weight;
        Slant slant;
        const Font* font;
    };
    std::vector<Resolved> resolved_;
    std::unique_ptr<ShapeCache> cache_;
};

}  // namespace quire::text
