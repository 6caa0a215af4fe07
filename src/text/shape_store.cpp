#include "text/shape_store.hpp"

#include "core/artefact_cache.hpp"

#include <libdeflate.h>

#include <cstring>
#include <unordered_set>

namespace quire::text {

namespace {

constexpr std::string_view kMagic = "quire-shapes 2\n";
constexpr std::size_t kHeader = kMagic.size() + 8;  // the magic, the record count, the slot count
constexpr std::size_t kGlyphBytes = 21;             // id, x_advance, x_offset, y_offset, cluster, flags

template <typename T>
void put(std::string& out, T v) {
    for (std::size_t i = 0; i < sizeof(T); ++i) out += static_cast<char>(static_cast<std::uint64_t>(v) >> (8 * i) & 0xff);
}

template <typename T>
T get(std::string_view in, std::size_t at) {  // the caller has checked the bounds
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= std::uint64_t(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return static_cast<T>(v);
}

std::uint32_t crc_of(std::string_view bytes) {
    return libdeflate_crc32(0, bytes.data(), bytes.size());
}

// A record: CRC, then the part the CRC covers.
std::string encode(std::string_view text, const Shaped& s) {
    std::string body;
    put<std::uint16_t>(body, static_cast<std::uint16_t>(text.size()));
    body.append(text);
    put<std::int64_t>(body, s.advance);
    put<std::uint16_t>(body, static_cast<std::uint16_t>(s.glyphs.size()));
    for (const ShapedGlyph& g : s.glyphs) {
        put<std::uint32_t>(body, g.id);
        put<std::int32_t>(body, g.x_advance);
        put<std::int32_t>(body, g.x_offset);
        put<std::int32_t>(body, g.y_offset);
        put<std::uint32_t>(body, g.cluster);
        put<std::uint8_t>(body, g.unsafe_to_break ? 1 : 0);
    }
    std::string record;
    put<std::uint32_t>(record, crc_of(body));
    return record + body;
}

// The record at `at` if it lies inside `entry` and its CRC holds.
std::optional<std::string_view> record_at(std::string_view entry, std::size_t at) {
    if (at < kHeader || at > entry.size() || entry.size() - at < 6) return std::nullopt;
    const std::size_t text = get<std::uint16_t>(entry, at + 4);
    const std::size_t count_at = at + 6 + text + 8;
    if (count_at > entry.size() || entry.size() - count_at < 2) return std::nullopt;
    const std::size_t size = count_at + 2 + kGlyphBytes * get<std::uint16_t>(entry, count_at) - at;
    if (entry.size() - at < size) return std::nullopt;
    const std::string_view record = entry.substr(at, size);
    if (get<std::uint32_t>(record, 0) != crc_of(record.substr(4))) return std::nullopt;
    return record;
}

std::string_view text_of(std::string_view record) { return record.substr(6, get<std::uint16_t>(record, 4)); }

Shaped decode(std::string_view record) {
    Shaped s;
    std::size_t at = 6 + text_of(record).size();
    s.advance = get<std::int64_t>(record, at);
    s.glyphs.resize(get<std::uint16_t>(record, at + 8));
    at += 10;
    for (ShapedGlyph& g : s.glyphs) {
        g.id = get<std::uint32_t>(record, at);
        g.x_advance = get<std::int32_t>(record, at + 4);
        g.x_offset = get<std::int32_t>(record, at + 8);
        g.y_offset = get<std::int32_t>(record, at + 12);
        g.cluster = get<std::uint32_t>(record, at + 16);
        g.unsafe_to_break = record[at + 20] != 0;
        at += kGlyphBytes;
    }
    return s;
}

}  // namespace

ShapeStore::ShapeStore(std::string key) : key_(std::move(key)) {
    const ArtefactCache cache = ArtefactCache::shared();
    if (!cache.enabled()) return;
    std::optional<std::string> entry = cache.get("shaped-words", key_);
    if (!entry || entry->size() < kHeader || entry->compare(0, kMagic.size(), kMagic) != 0) return;
    const std::size_t records = get<std::uint32_t>(*entry, kMagic.size());
    const std::size_t slots = get<std::uint32_t>(*entry, kMagic.size() + 4);
    // A power of two, not smaller than the records, and inside the entry: else not an entry.
    if (slots == 0 || (slots & (slots - 1)) != 0 || slots < records || (entry->size() - kHeader) / 4 < slots) return;
    entry_ = std::move(*entry);
    records_ = records;
    slots_ = slots;
}

std::optional<Shaped> ShapeStore::find(std::string_view text) {
    if (entry_.empty() || text.size() > 0xffff) return std::nullopt;
    const std::size_t mask = slots_ - 1;
    for (std::size_t i = fnv1a_64(text) & mask, probes = 0; probes < slots_; i = (i + 1) & mask, ++probes) {
        const std::uint32_t at = get<std::uint32_t>(entry_, kHeader + 4 * i);
        if (at == 0) return std::nullopt;
        const std::optional<std::string_view> record = record_at(entry_, at);
        if (!record) continue;  // damaged: as if absent; the word is shaped and the entry written again
        if (text_of(*record) != text) continue;
        used_.push_back(at);
        return decode(*record);
    }
    return std::nullopt;
}

void ShapeStore::save(const std::vector<std::pair<std::string, const Shaped*>>& fresh) const {
    if (fresh.empty() || key_.empty()) return;
    const ArtefactCache cache = ArtefactCache::shared();
    if (!cache.enabled()) return;
    // This run's stored words, the new ones, then the other stored words: at most kMaxWords.
    std::vector<std::string> records;
    std::unordered_set<std::string> texts;  // owned copies: a damaged header may under-count the records
    auto keep = [&](std::string record) {
        if (records.size() >= kMaxWords) return;
        if (!texts.insert(std::string(text_of(record))).second) return;
        records.push_back(std::move(record));
    };
    records.reserve(std::min(kMaxWords, slots_ + fresh.size()));
    for (const std::uint32_t at : used_)
        if (const auto r = record_at(entry_, at)) keep(std::string(*r));
    for (const auto& [text, shaped] : fresh)
        if (text.size() <= 0xffff && shaped->glyphs.size() <= 0xffff) keep(encode(text, *shaped));
    for (std::size_t i = 0; i < slots_ && records.size() < kMaxWords; ++i)
        if (const std::uint32_t at = get<std::uint32_t>(entry_, kHeader + 4 * i))
            if (const auto r = record_at(entry_, at)) keep(std::string(*r));

    std::size_t slots = 16;
    while (slots < 2 * records.size()) slots *= 2;
    std::string out(kMagic);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(records.size()));
    put<std::uint32_t>(out, static_cast<std::uint32_t>(slots));
    out.append(4 * slots, '\0');
    for (const std::string& record : records) {
        const std::uint32_t at = static_cast<std::uint32_t>(out.size());
        std::size_t i = fnv1a_64(text_of(record)) & (slots - 1);
        while (get<std::uint32_t>(out, kHeader + 4 * i) != 0) i = (i + 1) & (slots - 1);
        for (std::size_t b = 0; b < 4; ++b) out[kHeader + 4 * i + b] = static_cast<char>(at >> (8 * b) & 0xff);
        out += record;
    }
    cache.put("shaped-words", key_, out);
}

}  // namespace quire::text
