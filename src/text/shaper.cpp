// Shaping with HarfBuzz, and the cache that makes whole issues fast: running text repeats its
// words, so most words are shaped once (a 40,000-word text has about 6,000 distinct words).
#include "text/shaper.hpp"

#include "core/artefact_cache.hpp"
#include "text/shape_store.hpp"

#include <cstring>

namespace quire::text {

FeatureSet parse_features(const std::vector<std::string>& list) {
    FeatureSet set;
    for (const auto& f : list) {
        if (!set.key.empty()) set.key += ',';
        set.key += f;
        hb_feature_t feature;
        if (hb_feature_from_string(f.data(), int(f.size()), &feature)) set.features.push_back(feature);
    }
    return set;
}

ShapeCache::ShapeCache() : buffer_(hb_buffer_create()) {}

ShapeCache::~ShapeCache() {
    try {
        save_to_artefact_cache();
    } catch (...) {  // a cache never stops a run (bad_alloc while writing it included)
    }
    hb_buffer_destroy(buffer_);
}

const FeatureSet& ShapeCache::features(const std::vector<std::string>& list) {
    std::string key;
    for (const auto& f : list) {
        if (!key.empty()) key += ',';
        key += f;
    }
    auto it = feature_sets_.find(key);
    if (it == feature_sets_.end()) it = feature_sets_.emplace(key, parse_features(list)).first;
    return it->second;
}

Shaped ShapeCache::shape_uncached(const Font& font, const FeatureSet& features, std::string_view lang,
                                  hb_script_t script, hb_direction_t direction, std::string_view text) {
    hb_buffer_clear_contents(buffer_);
    hb_buffer_add_utf8(buffer_, text.data(), int(text.size()), 0, int(text.size()));
    hb_buffer_set_direction(buffer_, direction);
    hb_buffer_set_script(buffer_, script);
    hb_buffer_set_language(buffer_, hb_language_from_string(lang.data(), int(lang.size())));
    // Clusters stay per character where possible, so that a hyphenation point inside a word falls
    // on a cluster boundary (HarfBuzz's default merges marks into their base, which we keep).
    hb_buffer_set_cluster_level(buffer_, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_shape(font.hb_font(), buffer_, features.features.data(), unsigned(features.features.size()));
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer_, &n);
    Shaped out;
    out.glyphs.resize(n);
    for (unsigned i = 0; i < n; ++i) {
        ShapedGlyph& g = out.glyphs[i];
        g.id = info[i].codepoint;
        g.x_advance = pos[i].x_advance;
        g.x_offset = pos[i].x_offset;
        g.y_offset = pos[i].y_offset;
        g.cluster = info[i].cluster;
        g.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
        out.advance += g.x_advance;
    }
    return out;
}

void ShapeCache::save_to_artefact_cache() {
    for (const auto& c : contexts_) {
        if (!c->store || c->fresh.empty()) continue;
        std::vector<std::pair<std::string, const Shaped*>> fresh;
        fresh.reserve(c->fresh.size());
        for (std::string& text : c->fresh) {
            const Shaped* shaped = &c->shapes.find(text)->second;
            fresh.emplace_back(std::move(text), shaped);
        }
        c->fresh.clear();
        c->store->save(fresh);
    }
}

ShapeCache::Context& ShapeCache::context(const Font& font, const FeatureSet& features, std::string_view lang,
                                         hb_script_t script, hb_direction_t direction) {
    auto same = [&](const Context& c) {
        return c.font == &font && c.script == script && c.direction == direction && c.lang == lang && c.features == features.key;
    };
    if (last_ && same(*last_)) return *last_;
    for (auto& c : contexts_)
        if (same(*c)) return *(last_ = c.get());
    contexts_.push_back(std::make_unique<Context>(Context{&font, features.key, std::string(lang), script, direction, {}, {}, {}}));
    Context& c = *contexts_.back();
    if (ArtefactCache::folder_from_environment()) {
        char iso[5] = {};
        hb_tag_to_string(hb_script_to_iso15924_tag(script), iso);
        c.store = std::make_unique<ShapeStore>(std::string("shaped words v2 harfbuzz ") + hb_version_string() + " font " +
                                               file_identity(font.file()) + " face " + std::to_string(font.face_index()) +
                                               " features " + features.key + " lang " + std::string(lang) + " script " +
                                               iso + " direction " + hb_direction_to_string(direction));
    }
    return *(last_ = &c);
}

const Shaped& ShapeCache::shape(const Font& font, const FeatureSet& features, std::string_view lang,
                                hb_script_t script, hb_direction_t direction, std::string_view text) {
    Context& c = context(font, features, lang, script, direction);
    auto it = c.shapes.find(text);
    if (it != c.shapes.end()) {
        ++hits_;
        return it->second;
    }
    ++size_;
    if (c.store)
        if (std::optional<Shaped> stored = c.store->find(text)) {
            ++stored_hits_;
            return c.shapes.emplace(std::string(text), std::move(*stored)).first->second;
        }
    ++misses_;
    if (c.store) c.fresh.emplace_back(text);
    return c.shapes.emplace(std::string(text), shape_uncached(font, features, lang, script, direction, text)).first->second;
}

}  // namespace quire::text
