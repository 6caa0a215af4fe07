// HarfBuzz shaping, cached: a word (or any run of text) is shaped once per font, features,
// language, script and direction, and reused for every later occurrence. Advances are in font
// units (the hb_font's scale is units_per_em), so one shape serves every size.
//
//   quire::text::ShapeCache& cache = fonts.shape_cache();
//   const quire::text::Shaped& s = cache.shape(font, features, "pl", HB_SCRIPT_LATIN,
//                                              HB_DIRECTION_LTR, "zażółć");
//   double width_pt = s.advance * size_pt / font.units_per_em();
#pragma once

#include "text/font_collection.hpp"

#include <hb.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quire::text {

struct ShapedGlyph {
    std::uint32_t id = 0;
    std::int32_t x_advance = 0;  // font units
    std::int32_t x_offset = 0;   // font units, HarfBuzz's (y up)
    std::int32_t y_offset = 0;
    std::uint32_t cluster = 0;   // byte offset into the shaped text
    bool unsafe_to_break = false;  // HB_GLYPH_FLAG_UNSAFE_TO_BREAK: re-shape if text is cut here
};

struct Shaped {
    std::vector<ShapedGlyph> glyphs;  // visual order (left to right)
    std::int64_t advance = 0;         // sum of x_advance, font units
};

class ShapeStore;  // text/shape_store.hpp

// OpenType features parsed once per distinct list (hb_feature_from_string syntax).
struct FeatureSet {
    std::string key;  // the list joined with ',' (the cache key)
    std::vector<hb_feature_t> features;
};
FeatureSet parse_features(const std::vector<std::string>& features);

class ShapeCache {
public:
    ShapeCache();
    ~ShapeCache();
    ShapeCache(const ShapeCache&) = delete;
    ShapeCache& operator=(const ShapeCache&) = delete;

    // The shape of `text`, from the cache or shaped now. The reference stays valid for the
    // cache's lifetime.
    const Shaped& shape(const Font& font, const FeatureSet& features, std::string_view lang,
                        hb_script_t script, hb_direction_t direction, std::string_view text);
    // Shapes without caching (fragments at a hyphenated break, which rarely repeat).
    Shaped shape_uncached(const Font& font, const FeatureSet& features, std::string_view lang,
                          hb_script_t script, hb_direction_t direction, std::string_view text);
    // FeatureSet for a FontSpec's list, parsed once.
    const FeatureSet& features(const std::vector<std::string>& list);

    std::size_t size() const { return size_; }
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }  // words HarfBuzz shaped (not found here nor stored)

    // Between runs: each context's words are kept in the artefact cache (text/shape_store.hpp),
    // looked up there before HarfBuzz, and the words HarfBuzz shaped are written back when the
    // cache is destroyed (or by this call).
    void save_to_artefact_cache();
    std::size_t stored_hits() const { return stored_hits_; }  // words taken from the artefact cache

private:
    // Texts are looked up without building a key: by string_view, heterogeneous lookup (C++20).
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // One table per shaping context (font, features, language, script, direction): a paragraph
    // has a handful, found by a short search, and each word then costs one hash of its text
    // (a single table keyed by context + text built and hashed a key string for every lookup).
    struct Context {
        const Font* font;
        std::string features;  // FeatureSet::key
        std::string lang;
        hb_script_t script;
        hb_direction_t direction;
        std::unordered_map<std::string, Shaped, TextHash, std::equal_to<>> shapes;
        std::unique_ptr<ShapeStore> store;  // the words of earlier runs; null: caching off
        std::vector<std::string> fresh;      // words HarfBuzz shaped in this process, in order
    };
    Context& context(const Font& font, const FeatureSet& features, std::string_view lang, hb_script_t script,
                     hb_direction_t direction);

    hb_buffer_t* buffer_ = nullptr;  // owned; reused for every shaping call
    std::vector<std::unique_ptr<Context>> contexts_;  // stable addresses
    Context* last_ = nullptr;                          // the context of the previous lookup
    std::unordered_map<std::string, FeatureSet> feature_sets_;
    std::size_t size_ = 0, hits_ = 0, misses_ = 0, stored_hits_ = 0;
};

}  // namespace quire::text
