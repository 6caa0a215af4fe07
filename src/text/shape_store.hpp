// Shaped words kept between runs, one artefact-cache entry per shaping context (font, features,
// language, script, direction): text/shaper.hpp's ShapeCache asks here before HarfBuzz.
//
// Why: HarfBuzz costs about 2,000 instructions a glyph with Vollkorn's lookups (HarfBuzz 6.0), a
// tenth of the example's `quire pdf`, and a desk sets mostly the same words at every rebuild
// (issue 17). Why this form: an entry read whole and parsed would cost, once a year of articles has
// filled it, more than shaping a short article; so an entry is a hash table over its records, and a
// run decodes only the words it looks up. Reading an entry is one file read and a header check.
//
// An entry (all integers little-endian): "quire-shapes 2\n", the record count and the table's slot
// count (a power of two, at least twice the records), the slots (each a record's offset from the
// entry's start, 0 for none; open addressing, linear probing, FNV-1a of the text), then the records.
// A record: its CRC-32 (of what follows it), the text's length and bytes, the advance, the glyph
// count and each glyph (id, x_advance, x_offset, y_offset, cluster, flags). A record whose CRC does
// not match, or that runs past the entry, is a miss: the word is shaped again and the entry
// rewritten. The key (ShapeCache) names HarfBuzz's version and the font file's identity.
#pragma once

#include "text/shaper.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire::text {

class ShapeStore {
public:
    // At most this many words an entry: the words of this run first, then older ones. About 60
    // bytes a word: 1.5 MB at most, read at each run that uses the context.
    static constexpr std::size_t kMaxWords = 25000;

    // The entry stored under `key` in ArtefactCache::shared(), or an empty store (caching off, no
    // entry, an entry that is not one).
    explicit ShapeStore(std::string key);

    // The stored shape of `text`, if there is a sound record of it (and the record is kept at the
    // next save as one of this run's).
    std::optional<Shaped> find(std::string_view text);

    // Writes the entry again with `fresh` (words HarfBuzz shaped in this run) added: this run's
    // words first, then the others, at most kMaxWords. Nothing when `fresh` is empty.
    void save(const std::vector<std::pair<std::string, const Shaped*>>& fresh) const;

    std::size_t stored_words() const { return records_; }

private:
    std::string key_;
    std::string entry_;            // the stored bytes; empty: nothing stored
    std::size_t records_ = 0, slots_ = 0;
    std::vector<std::uint32_t> used_;  // offsets of the records find() returned
};

}  // namespace quire::text
