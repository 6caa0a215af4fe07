// Hyphenation with libhyphen, chosen by language, plus the policy of which words to hyphenate at
// all. English, Polish, Russian and Ukrainian use Debian's hyphen-* dictionaries (/usr/share/hyphen);
// Armenian and Georgian, which Debian has no hyphen-* package for, TeX's hyph-utf8 patterns from
// texlive-lang-other, made into a libhyphen dictionary in memory.
//
//   const quire::text::Hyphenator* h = quire::text::Hyphenator::for_language("pl");
//   std::vector<std::uint32_t> at = quire::text::hyphenation_points("przedsiębiorstwo", "pl");
//   // byte offsets after which a hyphen may go: przed|się|bior|stwo
//
// Hyphenators are loaded once per process and shared by every thread: an issue lays out its articles
// in parallel (src/issue/), so the word caches are guarded by a mutex. A FontCollection is still one
// thread's.
#pragma once

#include "text/hyphen_automaton.hpp"

#include <hyphen.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quire::text {

class Hyphenator {
public:
    // The hyphenator for a BCP 47 tag ("en", "en-GB", "pl", "ru", "uk", "hy", "ka"), loaded once per
    // process; nullptr if no dictionary serves it (a language we have none for, or its package not
    // installed). $QUIRE_HYPHEN_DIR overrides /usr/share/hyphen (the .dic files);
    // $QUIRE_TEX_PATTERNS_DIR overrides /usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt
    // (the hyph-*.pat.txt files).
    static Hyphenator* for_language(std::string_view bcp47);
    // The same, loaded afresh and not shared, with the environment as it is now.
    static std::unique_ptr<Hyphenator> load_language(std::string_view bcp47);

    // A dictionary's text in libhyphen's format: its charset on the first line ("UTF-8", "ISO8859-2"),
    // optional LEFTHYPHENMIN / RIGHTHYPHENMIN lines, then one pattern a line.
    struct DictionaryText {
        std::string text;
    };
    // Loads the dictionary, its patterns completed for libhyphen (hyphenator.cpp); loaded() tells
    // whether libhyphen took it. Minimum fragments are in characters; the dictionary's win if larger.
    Hyphenator(const DictionaryText& dictionary, int left_min, int right_min);
    // The same from a .dic file (an unreadable file loads nothing).
    Hyphenator(const std::string& dictionary_path, int left_min, int right_min);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Byte offsets into `word` (UTF-8, letters only) where a break may go, honouring the exception
    // list and the minimum fragment lengths (in characters). Cached per word.
    const std::vector<std::uint32_t>& points(std::string_view word);
    // An exception, written with hyphens where breaks are allowed: "ta-ble", "pro-ject".
    void add_exception(std::string_view hyphenated);

    bool loaded() const { return dict_ != nullptr; }
    // libhyphen's automaton (for tests that compare it), and where it came from: parsed from the
    // dictionary's text, or rebuilt from the artefact cache's flat copy (hyphen_automaton.hpp).
    const HyphenDict* automaton() const { return dict_; }
    enum class AutomatonSource : std::uint8_t { Text, Cache };
    AutomatonSource automaton_source() const { return flat_ ? AutomatonSource::Cache : AutomatonSource::Text; }
    int left_min() const { return left_min_; }
    int right_min() const { return right_min_; }

private:
    // From the cache's flat automaton; minimum fragments as the dictionary's text gave them.
    Hyphenator(std::unique_ptr<FlatAutomaton> flat, int left_min, int right_min);
    std::vector<std::uint32_t> compute(std::string_view word);

    std::unique_ptr<FlatAutomaton> flat_;  // when set, dict_ is its (not hnj_hyphen_free's)
    HyphenDict* dict_ = nullptr;  // owned (hnj_hyphen_free) unless flat_
    std::string charset_;         // the dictionary's encoding ("UTF-8", "ISO8859-2", "KOI8-R")
    int left_min_ = 2, right_min_ = 3;
    // Transparent hashing: looking a word up does not allocate (C++20 heterogeneous lookup).
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> cache_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> exceptions_;  // lowercased word → points
    // hyphenation_points()'s answers per whole word (policy applied, parts split): running text
    // repeats its words, and the policy's per-character checks cost more than the lookup.
    // Points in capitalised parts carry kCapitalisedBit.
    std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> word_cache_;
    // Guards both caches (recursive: a word's policy asks points() for its parts). References into
    // the caches stay valid after the lock is released: unordered_map never moves its elements.
    std::recursive_mutex cache_mutex_;
    friend const std::vector<std::uint32_t>& cached_points(std::string_view, Hyphenator*);
};

// Whether a hyphenation point falls in a capitalised word (or part of a compound): its first letter
// is upper or title case. Mostly proper names (Kazakhstan, Srbinovski), which good magazine
// practice avoids breaking; the line breaker gives them their own penalty.
enum class WordCase : std::uint8_t { Lower, Capitalised };

struct HyphenationPoint {
    std::uint32_t offset = 0;  // byte offset into the word after which a hyphen may go
    WordCase word_case = WordCase::Lower;
};

// The policy (docs/text-engine.md): words shorter than 5 letters, words in capitals (acronyms),
// words with digits, and URLs or e-mail addresses get no points; a word that contains hyphens is
// hyphenated part by part (each part by the same rules); capitalised words are hyphenated.
// Returns byte offsets into `word` (which holds no spaces).
std::vector<std::uint32_t> hyphenation_points(std::string_view word, std::string_view bcp47);
// The same with the hyphenator already chosen (nullptr: none), appending to `out`.
void hyphenation_points(std::string_view word, Hyphenator* hyphenator, std::vector<std::uint32_t>& out);
// The same, with each point's word case.
void hyphenation_points(std::string_view word, Hyphenator* hyphenator, std::vector<HyphenationPoint>& out);

// Every pattern file a language may load (present or not), where this run would look for it
// ($QUIRE_HYPHEN_DIR, $QUIRE_TEX_PATTERNS_DIR): for cache keys of work that hyphenates.
std::vector<std::filesystem::path> hyphenation_pattern_files();

}  // namespace quire::text
