// The format (native byte order: the bytes live in this machine's cache only): "QHYA", a format
// version, a byte-order mark, the FNV-1a hash of the rest, the charset, the number of levels, then
// per level its options, NOHYPHEN list, cset, utf8 flag and states (match, repl, replindex, replcut,
// fallback, transitions). Strings are stored with their terminating NUL, so that the rebuilt
// HyphenStates point straight into the bytes.
#include "text/hyphen_automaton.hpp"

#include "core/artefact_cache.hpp"

#include <libdeflate.h>

#include <cstdint>
#include <cstring>

namespace quire::text {

namespace {

constexpr char kMagic[4] = {'Q', 'H', 'Y', 'A'};
// 2: the body's check is CRC-32 (was FNV-1a 64, byte by byte: 2.5 M instructions for the English
// automaton at every run, a tenth of a one-paragraph `quire pdf`; issue 17). libdeflate's, the same
// values as zlib's: zlib 1.2.13 took 1.6 M instructions for the English automaton's 400 kB,
// libdeflate (carry-less multiplication) a tenth of that.
constexpr std::uint32_t kVersion = 2;
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::size_t kHeader = sizeof kMagic + 2 * sizeof(std::uint32_t) + sizeof(std::uint64_t);

// The check of an entry's body against damage (not forgery: the cache is the user's own).
std::uint64_t body_check(std::string_view body) {
    return libdeflate_crc32(0, body.data(), body.size());
}

template <typename T>
void put(std::string& out, T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// A string with its NUL, after its size with the NUL (0: a null pointer).
void put_string(std::string& out, const char* s, std::size_t size) {
    if (!s) { put<std::uint32_t>(out, 0); return; }
    put<std::uint32_t>(out, static_cast<std::uint32_t>(size + 1));
    out.append(s, size);
    out += '\0';
}

// libhyphen keeps NOHYPHEN as its comma-separated items with each comma (and the line's end)
// replaced by a NUL: nohyphenl + 1 strings back to back.
std::size_t nohyphen_size(const HyphenDict& d) {
    if (!d.nohyphen) return 0;
    std::size_t size = 0;
    for (int i = 0; i <= d.nohyphenl; ++i) size += std::strlen(d.nohyphen + size) + 1;
    return size;
}

class Reader {
public:
    Reader(std::string& bytes, std::size_t at) : bytes_(bytes), at_(at) {}
    template <typename T>
    bool get(T& value) {
        if (bytes_.size() - at_ < sizeof value) return false;
        std::memcpy(&value, bytes_.data() + at_, sizeof value);
        at_ += sizeof value;
        return true;
    }
    // A string written by put_string: a pointer into the bytes (nullptr for a null string).
    bool get_string(char*& s, std::size_t* size_out = nullptr) {
        std::uint32_t size = 0;
        if (!get(size)) return false;
        if (size == 0) { s = nullptr; return true; }
        if (bytes_.size() - at_ < size || bytes_[at_ + size - 1] != '\0') return false;
        s = bytes_.data() + at_;
        at_ += size;
        if (size_out) *size_out = size - 1;
        return true;
    }
    bool at_end() const { return at_ == bytes_.size(); }

private:
    std::string& bytes_;
    std::size_t at_;
};

}  // namespace

std::string serialise_automaton(const HyphenDict& dict, std::string_view charset) {
    std::string body;
    put_string(body, charset.data(), charset.size());
    std::uint32_t levels = 0;
    for (const HyphenDict* d = &dict; d; d = d->nextlevel) ++levels;
    put(body, levels);
    for (const HyphenDict* d = &dict; d; d = d->nextlevel) {
        put(body, d->lhmin);
        put(body, d->rhmin);
        put(body, d->clhmin);
        put(body, d->crhmin);
        put(body, d->nohyphenl);
        if (d->nohyphen) {
            const std::size_t size = nohyphen_size(*d);  // includes the last NUL
            put<std::uint32_t>(body, static_cast<std::uint32_t>(size + 1));
            body.append(d->nohyphen, size);
            body += '\0';
        } else {
            put<std::uint32_t>(body, 0);
        }
        char cset[MAX_NAME] = {};  // up to its NUL: libhyphen leaves the rest unset
        std::memcpy(cset, d->cset, strnlen(d->cset, MAX_NAME - 1));
        body.append(cset, MAX_NAME);
        put(body, d->utf8);
        put(body, d->num_states);
        for (int i = 0; i < d->num_states; ++i) {
            const HyphenState& s = d->states[i];
            put_string(body, s.match, s.match ? std::strlen(s.match) : 0);
            put_string(body, s.repl, s.repl ? std::strlen(s.repl) : 0);
            // Unset by libhyphen without a repl: written as 0, so that the bytes are deterministic.
            put<signed char>(body, s.repl ? s.replindex : 0);
            put<signed char>(body, s.repl ? s.replcut : 0);
            put(body, s.fallback_state);
            put(body, s.num_trans);
            for (int t = 0; t < s.num_trans; ++t) {
                put(body, s.trans[t].ch);
                put(body, s.trans[t].new_state);
            }
        }
    }
    std::string out(kMagic, sizeof kMagic);
    put(out, kVersion);
    put(out, kByteOrder);
    put<std::uint64_t>(out, body_check(body));
    out += body;
    return out;
}

std::unique_ptr<FlatAutomaton> FlatAutomaton::from_bytes(std::string bytes) {
    if (bytes.size() < kHeader || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return nullptr;
    std::unique_ptr<FlatAutomaton> a(new FlatAutomaton);
    a->bytes_ = std::move(bytes);
    Reader r(a->bytes_, sizeof kMagic);
    std::uint32_t version = 0, order = 0;
    std::uint64_t hash = 0;
    if (!r.get(version) || version != kVersion || !r.get(order) || order != kByteOrder || !r.get(hash)) return nullptr;
    // A damaged entry must never reach libhyphen, which trusts its states.
    if (body_check(std::string_view(a->bytes_).substr(kHeader)) != hash) return nullptr;
    char* charset = nullptr;
    std::uint32_t levels = 0;
    if (!r.get_string(charset) || !charset || !r.get(levels) || levels == 0 || levels > 16) return nullptr;
    a->charset_ = charset;
    a->levels_.resize(levels);
    for (std::uint32_t l = 0; l < levels; ++l) {
        Level& level = a->levels_[l];
        HyphenDict& d = level.dict;
        if (!r.get(d.lhmin) || !r.get(d.rhmin) || !r.get(d.clhmin) || !r.get(d.crhmin) || !r.get(d.nohyphenl)) return nullptr;
        std::size_t nohyphen_bytes = 0;
        if (!r.get_string(d.nohyphen, &nohyphen_bytes)) return nullptr;
        if (d.nohyphen) {  // nohyphenl + 1 NUL-ended items must lie inside it
            std::size_t at = 0;
            for (int i = 0; i <= d.nohyphenl; ++i) {
                if (at >= nohyphen_bytes) return nullptr;
                at += std::strlen(d.nohyphen + at) + 1;
            }
        } else if (d.nohyphenl != 0) {
            return nullptr;
        }
        for (char& c : d.cset)
            if (!r.get(c)) return nullptr;
        if (d.cset[MAX_NAME - 1] != '\0') return nullptr;
        if (!r.get(d.utf8) || !r.get(d.num_states) || d.num_states <= 0) return nullptr;
        level.states.resize(static_cast<std::size_t>(d.num_states));
        std::vector<std::size_t> first_trans(level.states.size());
        for (HyphenState& s : level.states) {
            if (!r.get_string(s.match) || !r.get_string(s.repl) || !r.get(s.replindex) || !r.get(s.replcut) ||
                !r.get(s.fallback_state) || !r.get(s.num_trans))
                return nullptr;
            if (s.fallback_state < -1 || s.fallback_state >= d.num_states || s.num_trans < 0) return nullptr;
            first_trans[static_cast<std::size_t>(&s - level.states.data())] = level.trans.size();
            for (int t = 0; t < s.num_trans; ++t) {
                HyphenTrans tr{};
                if (!r.get(tr.ch) || !r.get(tr.new_state) || tr.new_state < 0 || tr.new_state >= d.num_states) return nullptr;
                level.trans.push_back(tr);
            }
        }
        // The transition arrays point into one vector, filled before any pointer is taken.
        for (std::size_t i = 0; i < level.states.size(); ++i)
            level.states[i].trans = level.states[i].num_trans ? level.trans.data() + first_trans[i] : nullptr;
        d.states = level.states.data();
        d.nextlevel = l + 1 < levels ? &a->levels_[l + 1].dict : nullptr;
    }
    if (!r.at_end()) return nullptr;
    return a;
}

namespace {

bool same_string(const char* a, const char* b) { return (!a && !b) || (a && b && std::strcmp(a, b) == 0); }

}  // namespace

bool same_automaton(const HyphenDict& a, const HyphenDict& b) {
    if (a.lhmin != b.lhmin || a.rhmin != b.rhmin || a.clhmin != b.clhmin || a.crhmin != b.crhmin ||
        a.nohyphenl != b.nohyphenl || a.num_states != b.num_states || a.utf8 != b.utf8 ||
        std::strncmp(a.cset, b.cset, MAX_NAME) != 0)  // libhyphen leaves bytes after the NUL unset
        return false;
    const std::size_t na = nohyphen_size(a), nb = nohyphen_size(b);
    if (na != nb || (na && std::memcmp(a.nohyphen, b.nohyphen, na) != 0)) return false;
    for (int i = 0; i < a.num_states; ++i) {
        const HyphenState &s = a.states[i], &t = b.states[i];
        // replindex and replcut mean something only with a repl (libhyphen leaves them unset otherwise).
        if (!same_string(s.match, t.match) || !same_string(s.repl, t.repl) ||
            (s.repl && (s.replindex != t.replindex || s.replcut != t.replcut)) || s.fallback_state != t.fallback_state ||
            s.num_trans != t.num_trans)
            return false;
        for (int k = 0; k < s.num_trans; ++k)
            if (s.trans[k].ch != t.trans[k].ch || s.trans[k].new_state != t.trans[k].new_state) return false;
    }
    if (!a.nextlevel || !b.nextlevel) return !a.nextlevel && !b.nextlevel;
    return same_automaton(*a.nextlevel, *b.nextlevel);
}

}  // namespace quire::text
