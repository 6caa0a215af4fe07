// libhyphen behind a cache, with the dictionary's charset converted (stack-notes: hyph_pl_PL.dic
// is ISO8859-2, hyph_ru_RU.dic KOI8-R, en_US and uk_UA UTF-8; UTF-8 results are per code point).
// Armenian and Georgian come from TeX's hyph-utf8 pattern lists, given a libhyphen header here.
#include "text/hyphenator.hpp"

#include "core/artefact_cache.hpp"
#include "core/output_file.hpp"
#include "text/itemize.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <unordered_map>

namespace quire::text {

namespace {

enum class PatternSource : std::uint8_t {
    HyphenDic,    // a libhyphen dictionary from Debian's hyphen-* packages, loaded as it is
    TexPatterns,  // hyph-utf8's list of TeX patterns (UTF-8, one a line, no header): tex_dictionary()
};

struct LanguageEntry {
    const char* prefix;  // primary BCP 47 subtag
    PatternSource source;
    const char* file;
    int left_min, right_min;
    // A letter after which the language's spelling allows no plain hyphen (patterns that break
    // after it are dropped); nullptr for none.
    const char* no_break_after = nullptr;
};

// Minimum fragments as the languages' TeX setups have them (hyph-utf8: en 2/3; pl, ru, uk 2/2),
// except hy and ka. The dictionary's own LEFTHYPHENMIN/RIGHTHYPHENMIN win when larger (libhyphen).
//
// hy and ka: hyph-hy.tex and hyph-ka.tex give hyphenmins 1/2 (ka's patterns were regenerated with
// lefthyphenmin=1, 2013). Armenian spelling allows a one-letter first syllable at a line end
// ("ա-ռանցք-ներ" in the rules cited below) and TeX's Georgian patterns give them
// ("ა-თწლე-უ-ლებ-ში"), but a magazine does not leave a lone letter before the hyphen (Bringhurst,
// The Elements of Typographic Style, 2.4.1: "leave at least two characters behind"): left 2, as pl,
// ru, uk here. Right 2 as TeX has it, not Bringhurst's three: the patterns break before a
// consonant–vowel syllable and a two-letter last syllable is the common case (Armenian -րի, -նը;
// Georgian -ში, -კა). Right 3 drops a fifth of the points in the words of tests/data/print/langs
// (TeX: hy 9 of 49, ka 21 of 92) and costs ka.xml a loose line.
//
// Armenian spelling writes ‹և› before a vowel as ‹եվ› at a break and carries the ‹վ› over
// (հարևան → հարե-վան; Armenian line-division rules, rule 3 at http://ardi.am/toghadardzi-kargy:
// "հա-րե-վան, թե-վավոր, տերե-վաթափ"). A break can only add a hyphen, not respell the word, so
// hyph-hy's seven patterns that break after ‹և› (և1ա … և1օ, which give "հարև-ան", "Երև-ա-նը") are
// dropped: the word breaks at its other points (Երևա-նը).
constexpr LanguageEntry kLanguages[] = {
    {"en", PatternSource::HyphenDic, "hyph_en_US.dic", 2, 3},
    {"pl", PatternSource::HyphenDic, "hyph_pl_PL.dic", 2, 2},
    {"ru", PatternSource::HyphenDic, "hyph_ru_RU.dic", 2, 2},
    {"uk", PatternSource::HyphenDic, "hyph_uk_UA.dic", 2, 2},
    {"hy", PatternSource::TexPatterns, "hyph-hy.pat.txt", 2, 2, "և"},
    {"ka", PatternSource::TexPatterns, "hyph-ka.pat.txt", 2, 2},
};

// Where each source's files are: Debian's hyphen-* packages, and texlive-lang-other's hyph-utf8
// (Debian 12 ships hyph-hy and hyph-ka only there).
std::filesystem::path pattern_dir(PatternSource source) {
    const bool dic = source == PatternSource::HyphenDic;
    const char* env = std::getenv(dic ? "QUIRE_HYPHEN_DIR" : "QUIRE_TEX_PATTERNS_DIR");
    if (env && *env) return env;
    return dic ? "/usr/share/hyphen" : "/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt";
}

// Whether the TeX pattern `line` allows a break right after `letter`: an odd digit follows it.
bool breaks_after(std::string_view line, std::string_view letter) {
    for (std::size_t at = line.find(letter); at != std::string_view::npos; at = line.find(letter, at + 1)) {
        const std::size_t d = at + letter.size();
        if (d < line.size() && line[d] >= '1' && line[d] <= '9' && (line[d] - '0') % 2 == 1) return true;
    }
    return false;
}

// A libhyphen dictionary of hyph-utf8's patterns: the charset line (the .pat.txt files are UTF-8),
// the minimum fragments, then the patterns, less those that break after `no_break_after`.
std::string tex_dictionary(std::string_view patterns, const LanguageEntry& l) {
    std::string out = "UTF-8\nLEFTHYPHENMIN " + std::to_string(l.left_min) + "\nRIGHTHYPHENMIN " + std::to_string(l.right_min) + "\n";
    out.reserve(out.size() + patterns.size() + 1);
    std::size_t pos = 0;
    while (pos < patterns.size()) {
        std::size_t eol = patterns.find('\n', pos);
        if (eol == std::string_view::npos) eol = patterns.size();
        const std::string_view line = patterns.substr(pos, eol - pos);
        pos = eol + 1;
        if (l.no_break_after && breaks_after(line, l.no_break_after)) continue;
        out += line;
        out += '\n';
    }
    return out;
}

// Plain TeX's \hyphenation list (The TeXbook, Appendix B, plain.tex), words the patterns miss.
constexpr const char* kEnglishExceptions[] = {
    "as-so-ciate", "as-so-ciates", "dec-li-na-tion", "oblig-a-tory", "phil-an-thropic", "present", "presents",
    "project", "projects", "reci-procity", "re-cog-ni-zance", "ref-or-ma-tion", "ret-ri-bu-tion", "ta-ble"};

// "en-GB" → "en": the dictionaries are chosen by the primary language subtag (BCP 47 is case-blind).
std::string primary_subtag(std::string_view bcp47) {
    std::string primary(bcp47.substr(0, bcp47.find_first_of("-_")));
    for (auto& c : primary) c = char(std::tolower(static_cast<unsigned char>(c)));
    return primary;
}

// The dictionary's charset: its first line.
std::string read_charset(std::string_view text) {
    std::string_view line = text.substr(0, text.find('\n'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    return std::string(line);
}

char32_t fold(char32_t cp) {
    if (cp == 0x2019 || cp == 0x02BC) return '\'';  // ’ and ʼ are ' in the dictionaries
    return char32_t(u_tolower(UChar32(cp)));
}

// libhyphen matches patterns with an automaton whose states are the patterns' prefixes; at each
// letter it applies only the match of the current state (the longest prefix that ends there), never
// those of the shorter patterns that also end there. So every state's match must already hold the
// values of the patterns that are its suffixes; libhyphen's README has dictionaries completed by
// substrings.pl for that. Debian's hyph_en_US.dic and hyph_pl_PL.dic are (checked: every state
// exact); hyph_ru_RU.dic and hyph_uk_UA.dic are plain TeX patterns, and libhyphen hyphenates
// "заворушення" as "завору-ше-н-ня" where TeX gives "за-во-ру-ше-н-ня".
//
// This checks every state and adds what is missing: a state whose match lacks a suffix pattern's
// values gets, as a pattern of its own, the merge of the patterns that are its suffixes. That is all
// substrings.pl's output changes for the automaton (its extra substrings are states no text reaches
// with a different result), at a fraction of the cost: the full completion of English took 0.35 s,
// once per process. A complete dictionary is handed over untouched. Patterns are handled as bytes:
// a pattern is a whole number of characters in any encoding, so a suffix that starts inside a UTF-8
// character is never a pattern. Duplicate patterns are merged (substrings.pl keeps the largest value;
// libhyphen alone would keep the last line). Dictionaries with non-standard (NEXTLEVEL, "/")
// entries are left as they are.
// Indices of `keys` in byte order. A big-endian key of the first 8 bytes decides most comparisons
// (std::sort on the views alone cost more than the rest of the completion).
std::vector<std::uint32_t> sorted_order(const std::vector<std::string_view>& keys) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(keys.size());
    for (std::uint32_t k = 0; k < keys.size(); ++k) {
        std::uint64_t prefix = 0;
        for (std::size_t b = 0; b < 8; ++b)
            prefix = prefix << 8 | (b < keys[k].size() ? static_cast<unsigned char>(keys[k][b]) : 0u);
        order[k] = {prefix, k};
    }
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return keys[a.second] < keys[b.second];
    });
    std::vector<std::uint32_t> out(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) out[k] = order[k].second;
    return out;
}

std::string complete_patterns(const std::string& raw) {
    std::vector<std::string_view> header;
    // Each pattern's letters (in one arena) and its digits: the digit before each letter and after
    // the last (one more than the letters), in another. Reserved up front: the views stay valid.
    struct Pattern {
        std::string_view letters;
        std::uint32_t digits;  // offset into `digits`
    };
    std::string letters;
    letters.reserve(raw.size());
    std::vector<std::uint8_t> digits;
    digits.reserve(raw.size() * 2);
    std::vector<Pattern> patterns;
    patterns.reserve(raw.size() / 6);
    std::unordered_map<std::string_view, std::uint32_t> index;  // letters → pattern
    index.reserve(raw.size() / 4);
    bool merged = false;
    std::size_t pos = 0;
    bool first = true;
    while (pos < raw.size()) {
        std::size_t eol = raw.find('\n', pos);
        if (eol == std::string::npos) eol = raw.size();
        std::string_view line(raw.data() + pos, eol - pos);
        pos = eol + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (first) { header.push_back(line); first = false; continue; }
        if (line.empty() || line[0] == '%' || line[0] == '#') continue;
        if (line.find("NEXTLEVEL") != std::string_view::npos || line.find('/') != std::string_view::npos) return raw;
        if (line.find(' ') != std::string_view::npos || (line[0] >= 'A' && line[0] <= 'Z')) { header.push_back(line); continue; }
        const std::size_t l0 = letters.size(), d0 = digits.size();
        digits.push_back(0);
        for (char c : line) {
            if (c >= '0' && c <= '9') digits.back() = std::uint8_t(c - '0');
            else { letters += c; digits.push_back(0); }
        }
        const std::string_view key(letters.data() + l0, letters.size() - l0);
        auto [it, added] = index.try_emplace(key, std::uint32_t(patterns.size()));
        if (added) { patterns.push_back({key, std::uint32_t(d0)}); continue; }
        // A duplicate: merged, as substrings.pl does (libhyphen alone would keep the last line).
        merged = true;
        std::uint8_t* d = digits.data() + patterns[it->second].digits;
        for (std::size_t k = 0; k <= key.size(); ++k) d[k] = std::max(d[k], digits[d0 + k]);
        letters.resize(l0);
        digits.resize(d0);
    }
    // Every state (prefix of a pattern) once: in sorted order a pattern's states not seen before
    // are its prefixes longer than what it shares with the pattern before it.
    std::vector<std::string_view> keys;
    keys.reserve(patterns.size());
    for (const auto& pt : patterns) keys.push_back(pt.letters);
    const std::vector<std::uint32_t> order = sorted_order(keys);
    std::vector<std::pair<std::string_view, std::vector<std::uint8_t>>> fixes;  // state → its exact match
    std::vector<std::uint8_t> need;
    std::string_view previous;
    for (const std::uint32_t pi : order) {
        const std::string_view p = patterns[pi].letters;
        std::size_t shared = 0;
        while (shared < p.size() && shared < previous.size() && p[shared] == previous[shared]) ++shared;
        previous = p;
        for (std::size_t j = shared + 1; j <= p.size(); ++j) {
            const std::string_view state = p.substr(0, j);
            bool suffixes = false;
            for (std::size_t a = 1; a < j; ++a) {
                const auto q = index.find(state.substr(a));
                if (q == index.end()) continue;
                if (!suffixes) {  // start from the state's own values
                    suffixes = true;
                    need.assign(j + 1, 0);
                    if (const auto own = index.find(state); own != index.end())
                        std::copy_n(digits.data() + patterns[own->second].digits, j + 1, need.begin());
                }
                const std::uint8_t* d = digits.data() + patterns[q->second].digits;
                for (std::size_t k = 0; k <= j - a; ++k) need[a + k] = std::max(need[a + k], d[k]);
            }
            if (!suffixes) continue;  // no shorter pattern ends here: the own match is exact
            const auto own = index.find(state);
            const bool exact = own != index.end() ? std::equal(need.begin(), need.end(), digits.data() + patterns[own->second].digits)
                                                  : std::all_of(need.begin(), need.end(), [](std::uint8_t d) { return d == 0; });
            if (!exact) fixes.emplace_back(state, need);
        }
    }
    if (fixes.empty() && !merged) return raw;
    // The completed text: the patterns with the fixes applied, sorted so that it does not depend
    // on hashing.
    std::vector<std::pair<std::string_view, const std::uint8_t*>> out_patterns;
    out_patterns.reserve(patterns.size() + fixes.size());
    for (const auto& [state, d] : fixes)
        if (const auto own = index.find(state); own != index.end()) patterns[own->second].digits = UINT32_MAX;  // replaced
    for (const auto& pt : patterns)
        if (pt.digits != UINT32_MAX) out_patterns.emplace_back(pt.letters, digits.data() + pt.digits);
    for (const auto& [state, d] : fixes) out_patterns.emplace_back(state, d.data());
    keys.clear();
    for (const auto& e : out_patterns) keys.push_back(e.first);
    std::string out;
    out.reserve(raw.size() * 2);
    for (const auto& h : header) { out += h; out += '\n'; }
    for (const std::uint32_t pi : sorted_order(keys)) {
        const auto& [text, d] = out_patterns[pi];
        for (std::size_t k = 0; k <= text.size(); ++k) {
            if (d[k]) out += char('0' + d[k]);
            if (k < text.size()) out += text[k];
        }
        out += '\n';
    }
    return out;
}

// Completing costs a full check of every state (about 15 ms of CPU for English, which is complete
// and comes back unchanged), in every process that hyphenates. The outcome depends only on the
// dictionary's bytes, so it is kept in quire's artefact cache (core/artefact_cache.hpp; off with
// QUIRE_CACHE_DIR=off) under their hash and size: an empty value for "complete as it is", else the
// completed text. A different or edited dictionary has a different key and is checked anew;
// `kCompletionVersion` changes whenever complete_patterns() does. Outputs do not depend on it.
constexpr const char* kCompletionVersion = "v1";

// The dictionary's text ready for libhyphen: `raw` itself when it is complete, else completed.
std::string completed_text(const std::string& raw) {
    char key[96];
    std::snprintf(key, sizeof key, "hyphenation patterns %016llx %zu completion %s",
                  static_cast<unsigned long long>(fnv1a_64(raw)), raw.size(), kCompletionVersion);
    const std::string text = ArtefactCache::shared().get_or_make("hyphen-completion", key, [&] {
        std::string completed = complete_patterns(raw);
        return completed == raw ? std::string() : completed;
    });
    return text.empty() ? raw : text;
}

}  // namespace

Hyphenator::Hyphenator(const DictionaryText& dictionary, int left_min, int right_min)
    : left_min_(left_min), right_min_(right_min) {
    charset_ = read_charset(dictionary.text);
    if (charset_.rfind("ISO8859-", 0) == 0) charset_ = "ISO-8859-" + charset_.substr(8);
    const std::string text = completed_text(dictionary.text);
    // libhyphen reads from a FILE*: hand it the completed text through an in-memory stream.
    if (FILE* f = fmemopen(const_cast<char*>(text.data()), text.size(), "r")) {
        dict_ = hnj_hyphen_load_file(f);
        std::fclose(f);
    }
    if (dict_) {
        left_min_ = std::max<int>(left_min_, dict_->lhmin);
        right_min_ = std::max<int>(right_min_, dict_->rhmin);
    }
}

Hyphenator::Hyphenator(const std::string& path, int left_min, int right_min)
    : Hyphenator(DictionaryText{try_read_file(path).value_or(std::string())}, left_min, right_min) {}

Hyphenator::Hyphenator(std::unique_ptr<FlatAutomaton> flat, int left_min, int right_min)
    : flat_(std::move(flat)), left_min_(left_min), right_min_(right_min) {
    dict_ = flat_->dict();
    charset_ = flat_->charset();
    left_min_ = std::max<int>(left_min_, dict_->lhmin);
    right_min_ = std::max<int>(right_min_, dict_->rhmin);
}

Hyphenator::~Hyphenator() {
    if (dict_ && !flat_) hnj_hyphen_free(dict_);
}

std::unique_ptr<Hyphenator> Hyphenator::load_language(std::string_view bcp47) {
    const std::string primary = primary_subtag(bcp47);
    const auto l = std::find_if(std::begin(kLanguages), std::end(kLanguages), [&](const LanguageEntry& e) { return primary == e.prefix; });
    if (l == std::end(kLanguages)) return nullptr;
    // A missing file is a package not installed: no hyphenation for the language, as for one we
    // have no patterns for.
    const std::filesystem::path file = pattern_dir(l->source) / l->file;
    if (!std::filesystem::exists(file)) return nullptr;
    std::unique_ptr<Hyphenator> h;
    // Parsing the text costs more than the rest of a short article's hyphenation (issue 17): the
    // automaton libhyphen built is kept flat in the artefact cache, keyed by the file's identity (a
    // changed file is parsed anew) and everything that shapes the automaton from it.
    char settings[128];
    std::snprintf(settings, sizeof settings, " min %d %d no-break-after %s completion %s", l->left_min, l->right_min,
                  l->no_break_after ? l->no_break_after : "-", kCompletionVersion);
    const std::string key = "hyphenation automaton v1 " + file_identity(file) + settings;
    const ArtefactCache cache = ArtefactCache::shared();
    if (cache.enabled())
        if (std::optional<std::string> bytes = cache.get("hyphen-automaton", key))
            if (std::unique_ptr<FlatAutomaton> flat = FlatAutomaton::from_bytes(std::move(*bytes)))
                h.reset(new Hyphenator(std::move(flat), l->left_min, l->right_min));
    if (!h && l->source == PatternSource::HyphenDic) {
        h = std::make_unique<Hyphenator>(file.string(), l->left_min, l->right_min);
    } else if (!h) {
        const std::string patterns = try_read_file(file).value_or(std::string());  // unreadable: no dictionary
        if (patterns.empty()) return nullptr;
        h = std::make_unique<Hyphenator>(DictionaryText{tex_dictionary(patterns, *l)}, l->left_min, l->right_min);
    }
    if (!h->loaded()) return nullptr;
    if (cache.enabled() && h->automaton_source() == AutomatonSource::Text)
        cache.put("hyphen-automaton", key, serialise_automaton(*h->dict_, h->charset_));
    if (primary == "en")
        for (const char* e : kEnglishExceptions) h->add_exception(e);
    return h;
}

std::vector<std::filesystem::path> hyphenation_pattern_files() {
    std::vector<std::filesystem::path> files;
    for (const LanguageEntry& l : kLanguages) files.push_back(pattern_dir(l.source) / l.file);
    return files;
}

Hyphenator* Hyphenator::for_language(std::string_view bcp47) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Hyphenator>> loaded;
    const std::string primary = primary_subtag(bcp47);
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = loaded.find(primary); it != loaded.end()) return it->second.get();
    return loaded.emplace(primary, load_language(primary)).first->second.get();
}

void Hyphenator::add_exception(std::string_view hyphenated) {
    std::string word;
    std::vector<std::uint32_t> at;  // in characters
    std::uint32_t chars = 0;
    for (std::size_t i = 0; i < hyphenated.size();) {
        const char32_t cp = decode_utf8(hyphenated, i);
        if (cp == '-') { at.push_back(chars); continue; }
        append_utf8(word, fold(cp));
        ++chars;
    }
    std::lock_guard<std::recursive_mutex> lock(cache_mutex_);
    exceptions_[word] = std::move(at);
    cache_.clear();
    word_cache_.clear();
}

const std::vector<std::uint32_t>& Hyphenator::points(std::string_view word) {
    std::lock_guard<std::recursive_mutex> lock(cache_mutex_);
    auto it = cache_.find(word);
    if (it == cache_.end()) it = cache_.emplace(std::string(word), compute(word)).first;
    return it->second;
}

std::vector<std::uint32_t> Hyphenator::compute(std::string_view word) {
    // Code points, their byte offsets, and the lowercased word.
    std::vector<std::uint32_t> offset;
    std::u32string lower;
    std::string lower_utf8;
    for (std::size_t i = 0; i < word.size();) {
        offset.push_back(std::uint32_t(i));
        const char32_t cp = fold(decode_utf8(word, i));
        lower += cp;
        append_utf8(lower_utf8, cp);
    }
    const int n = int(lower.size());
    std::vector<std::uint32_t> out;
    auto accept = [&](int after_chars) {  // a break after `after_chars` characters
        if (after_chars >= left_min_ && n - after_chars >= right_min_) out.push_back(offset[std::size_t(after_chars)]);
    };
    if (auto ex = exceptions_.find(lower_utf8); ex != exceptions_.end()) {
        for (std::uint32_t c : ex->second) accept(int(c));
        return out;
    }
    if (n < left_min_ + right_min_) return out;

    // The word in the dictionary's encoding. Characters the charset lacks mean no hyphenation.
    std::string encoded;
    if (charset_ == "UTF-8") {
        encoded = lower_utf8;
    } else {
        UErrorCode err = U_ZERO_ERROR;
        UConverter* conv = ucnv_open(charset_.c_str(), &err);
        if (U_FAILURE(err)) return out;
        ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
        std::u16string u16;
        for (char32_t cp : lower) {
            if (cp >= 0x10000) { ucnv_close(conv); return out; }
            u16 += char16_t(cp);
        }
        encoded.resize(u16.size() * 4 + 4);
        const int32_t len = ucnv_fromUChars(conv, encoded.data(), int32_t(encoded.size()),
                                            reinterpret_cast<const UChar*>(u16.data()), int32_t(u16.size()), &err);
        ucnv_close(conv);
        if (U_FAILURE(err) || len != n) return out;
        encoded.resize(std::size_t(len));
    }
    std::vector<char> hyphens(encoded.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int rc = hnj_hyphen_hyphenate3(dict_, encoded.data(), int(encoded.size()), hyphens.data(), nullptr, &rep, &pos,
                                         &cut, left_min_, right_min_, 2, 2);
    if (rep) {  // non-standard hyphenation (e.g. Hungarian "ssz"): not used by our languages
        for (int i = 0; i < n; ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    if (rc != 0) return out;
    // hyphens[i] odd: a break after character i (per code point for UTF-8 dictionaries).
    for (int i = 0; i + 1 < n; ++i)
        if (hyphens[std::size_t(i)] & 1) accept(i + 1);
    return out;
}

namespace {

bool is_letter(char32_t cp) { return u_isalpha(UChar32(cp)) || cp == '\'' || cp == 0x2019 || u_getIntPropertyValue(UChar32(cp), UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK; }
// Hyphens that join a compound: hyphen-minus, hyphen, non-breaking hyphen, and the Armenian hyphen
// (U+058A, which Armenian writes in compounds).
bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x058A; }

}  // namespace

std::vector<std::uint32_t> hyphenation_points(std::string_view word, std::string_view bcp47) {
    std::vector<std::uint32_t> out;
    hyphenation_points(word, Hyphenator::for_language(bcp47), out);
    return out;
}

namespace {

void policy_points(std::string_view word, Hyphenator* h, std::vector<std::uint32_t>& out);

}  // namespace

namespace {

constexpr std::uint32_t kCapitalisedBit = 0x80000000u;  // marks a point of a capitalised part

}  // namespace

const std::vector<std::uint32_t>& cached_points(std::string_view word, Hyphenator* h) {
    std::lock_guard<std::recursive_mutex> lock(h->cache_mutex_);
    auto it = h->word_cache_.find(word);
    if (it == h->word_cache_.end()) {
        std::vector<std::uint32_t> points;
        policy_points(word, h, points);
        it = h->word_cache_.emplace(std::string(word), std::move(points)).first;
    }
    return it->second;
}

void hyphenation_points(std::string_view word, Hyphenator* h, std::vector<std::uint32_t>& out) {
    if (!h || word.size() < 5) return;
    for (const std::uint32_t p : cached_points(word, h)) out.push_back(p & ~kCapitalisedBit);
}

void hyphenation_points(std::string_view word, Hyphenator* h, std::vector<HyphenationPoint>& out) {
    if (!h || word.size() < 5) return;
    for (const std::uint32_t p : cached_points(word, h))
        out.push_back({p & ~kCapitalisedBit, p & kCapitalisedBit ? WordCase::Capitalised : WordCase::Lower});
}

namespace {

void policy_points(std::string_view word, Hyphenator* h, std::vector<std::uint32_t>& out) {
    // URLs, e-mail addresses, paths and numbers are never hyphenated: a hyphen would change them.
    if (word.find("://") != std::string_view::npos || word.find('@') != std::string_view::npos ||
        word.find('/') != std::string_view::npos || word.find("www.") != std::string_view::npos)
        return;
    for (char c : word)
        if (c >= '0' && c <= '9') return;
    // Parts between explicit hyphens; each part's letters (punctuation around them stripped).
    std::size_t i = 0;
    while (i < word.size()) {
        std::size_t part_end = i;
        while (part_end < word.size()) {
            std::size_t k = part_end;
            if (is_hyphen(decode_utf8(word, k))) break;
            part_end = k;
        }
        // Letters of the part: skip leading and trailing non-letters (quotes, commas).
        std::size_t a = i, b = part_end;
        while (a < b) { std::size_t k = a; if (is_letter(decode_utf8(word, k))) break; a = k; }
        std::size_t last_letter_end = a;
        bool inner_other = false;
        int letters = 0, upper = 0;
        bool capitalised = false;  // the part's first letter is upper or title case
        for (std::size_t k = a; k < b;) {
            const char32_t cp = decode_utf8(word, k);
            if (is_letter(cp)) {
                if (inner_other) { letters = 0; break; }  // "e.g.x": letters after a non-letter: leave it
                last_letter_end = k;
                ++letters;
                const bool is_upper = u_isupper(UChar32(cp)) || u_istitle(UChar32(cp));
                if (is_upper) ++upper;
                if (letters == 1) capitalised = is_upper;
            } else {
                inner_other = true;
            }
        }
        // A trailing apostrophe ("Kazakhstan’s") belongs to the word; capitals-only words are
        // acronyms (NATO, OSCE) and stay whole.
        if (letters >= 5 && upper < letters) {
            const std::string_view core = word.substr(a, last_letter_end - a);
            for (std::uint32_t p : h->points(core)) out.push_back((std::uint32_t(a) + p) | (capitalised ? kCapitalisedBit : 0u));
        }
        i = part_end;
        if (i < word.size()) decode_utf8(word, i);  // skip the hyphen
    }
}

}  // namespace

}  // namespace quire::text
