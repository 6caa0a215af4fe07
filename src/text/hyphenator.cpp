// libhyphen behind a cache, with the dictionary's charset converted (stack-notes: hyph_pl_PL.dic
// is ISO8859-2, hyph_ru_RU.dic KOI8-R, en_US and uk_UA UTF-8; UTF-8 results are per code point).
#include "text/hyphenator.hpp"

#include "text/itemize.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <unordered_map>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

namespace quire::text {

namespace {

struct LanguageEntry {
    const char* prefix;  // primary BCP 47 subtag
    const char* file;
    int left_min, right_min;
};

// Minimum fragments as the languages' TeX setups have them (hyph-utf8: en 2/3; pl, ru, uk 2/2).
// The dictionary's own LEFTHYPHENMIN/RIGHTHYPHENMIN win when larger (libhyphen).
constexpr LanguageEntry kLanguages[] = {
    {"en", "hyph_en_US.dic", 2, 3},
    {"pl", "hyph_pl_PL.dic", 2, 2},
    {"ru", "hyph_ru_RU.dic", 2, 2},
    {"uk", "hyph_uk_UA.dic", 2, 2},
};

// Plain TeX's \hyphenation list (The TeXbook, Appendix B, plain.tex), words the patterns miss.
constexpr const char* kEnglishExceptions[] = {
    "as-so-ciate", "as-so-ciates", "dec-li-na-tion", "oblig-a-tory", "phil-an-thropic", "present", "presents",
    "project", "projects", "reci-procity", "re-cog-ni-zance", "ref-or-ma-tion", "ret-ri-bu-tion", "ta-ble"};

std::string read_charset(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

char32_t fold(char32_t cp) {
    if (cp == 0x2019 || cp == 0x02BC) return '\'';  // ’ and ʼ are ' in the dictionaries
    return char32_t(u_tolower(UChar32(cp)));
}

// libhyphen's pattern automaton needs every substring of every pattern as a pattern of its own,
// carrying the values of the patterns inside it (libhyphen's README: "substrings.pl"); without
// them matches are lost: Debian's hyph_uk_UA.dic is plain TeX patterns, and libhyphen hyphenates
// "заворушення" as "завору-ше-н-ня" where TeX gives "за-во-ру-ше-н-ня". This adds the substrings,
// as substrings.pl does, and returns the dictionary's text; patterns are handled as code points
// for UTF-8 and as bytes otherwise. Dictionaries with non-standard or compound entries are left.
std::string complete_patterns(const std::string& raw, bool utf8) {
    std::vector<std::string> header;
    std::unordered_map<std::u32string, std::vector<std::uint8_t>> patterns;
    std::size_t pos = 0;
    bool first = true;
    while (pos < raw.size()) {
        std::size_t eol = raw.find('\n', pos);
        if (eol == std::string::npos) eol = raw.size();
        std::string line = raw.substr(pos, eol - pos);
        pos = eol + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (first) { header.push_back(line); first = false; continue; }
        if (line.empty() || line[0] == '%' || line[0] == '#') continue;
        if (line.find("NEXTLEVEL") != std::string::npos || line.find('/') != std::string::npos) return raw;
        if (line.find(' ') != std::string::npos || (line[0] >= 'A' && line[0] <= 'Z')) { header.push_back(line); continue; }
        std::u32string letters;
        std::vector<std::uint8_t> digits(1, 0);
        for (std::size_t i = 0; i < line.size();) {
            char32_t cp;
            if (utf8) cp = decode_utf8(line, i);
            else cp = static_cast<unsigned char>(line[i++]);
            if (cp >= '0' && cp <= '9') digits.back() = std::uint8_t(cp - '0');
            else { letters += cp; digits.push_back(0); }
        }
        auto& d = patterns[letters];
        if (d.size() < digits.size()) d.resize(digits.size(), 0);
        for (std::size_t k = 0; k < digits.size(); ++k) d[k] = std::max(d[k], digits[k]);
    }
    std::unordered_map<std::u32string, std::vector<std::uint8_t>> complete;
    complete.reserve(patterns.size() * 16);
    for (const auto& [letters, _] : patterns) {
        const std::size_t n = letters.size();
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j <= n; ++j) {
                std::u32string sub = letters.substr(i, j - i);
                if (complete.count(sub)) continue;
                // Every substring of a pattern must be an entry; its values are those of the
                // patterns inside it.
                std::vector<std::uint8_t> d(sub.size() + 1, 0);
                for (std::size_t a = 0; a < sub.size(); ++a)
                    for (std::size_t b = a + 1; b <= sub.size(); ++b) {
                        auto it = patterns.find(sub.substr(a, b - a));
                        if (it == patterns.end()) continue;
                        for (std::size_t k = 0; k < it->second.size(); ++k) d[a + k] = std::max(d[a + k], it->second[k]);
                    }
                complete.emplace(std::move(sub), std::move(d));
            }
    }
    // Sorted, so that the text handed to libhyphen does not depend on hashing.
    std::vector<const std::pair<const std::u32string, std::vector<std::uint8_t>>*> sorted;
    sorted.reserve(complete.size());
    for (const auto& e : complete) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    std::string out;
    for (const auto& h : header) out += h + "\n";
    for (const auto* e : sorted) {
        const auto& [letters, d] = *e;
        for (std::size_t k = 0; k <= letters.size(); ++k) {
            if (d[k]) out += char('0' + d[k]);
            if (k < letters.size()) {
                if (utf8) append_utf8(out, letters[k]);
                else out += char(letters[k]);
            }
        }
        out += '\n';
    }
    return out;
}

}  // namespace

Hyphenator::Hyphenator(const std::string& path, int left_min, int right_min)
    : left_min_(left_min), right_min_(right_min) {
    charset_ = read_charset(path);
    if (charset_.rfind("ISO8859-", 0) == 0) charset_ = "ISO-8859-" + charset_.substr(8);
    {
        std::ifstream in(path, std::ios::binary);
        const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string text = complete_patterns(raw, charset_ == "UTF-8");
        // libhyphen reads from a FILE*: hand it the completed text through an in-memory stream.
        FILE* f = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
        if (f) {
            dict_ = hnj_hyphen_load_file(f);
            std::fclose(f);
        }
    }
    if (dict_) {
        left_min_ = std::max<int>(left_min_, dict_->lhmin);
        right_min_ = std::max<int>(right_min_, dict_->rhmin);
    }
}

Hyphenator::~Hyphenator() {
    if (dict_) hnj_hyphen_free(dict_);
}

Hyphenator* Hyphenator::for_language(std::string_view bcp47) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Hyphenator>> loaded;
    std::string primary(bcp47.substr(0, bcp47.find_first_of("-_")));
    for (auto& c : primary) c = char(std::tolower(static_cast<unsigned char>(c)));
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = loaded.find(primary); it != loaded.end()) return it->second.get();
    std::unique_ptr<Hyphenator> h;
    for (const auto& l : kLanguages) {
        if (primary != l.prefix) continue;
        const char* env = std::getenv("QUIRE_HYPHEN_DIR");
        const std::filesystem::path file = std::filesystem::path(env && *env ? env : "/usr/share/hyphen") / l.file;
        if (!std::filesystem::exists(file)) break;
        h = std::make_unique<Hyphenator>(file.string(), l.left_min, l.right_min);
        if (!h->dict_) h.reset();
        else if (primary == "en")
            for (const char* e : kEnglishExceptions) h->add_exception(e);
        break;
    }
    return loaded.emplace(primary, std::move(h)).first->second.get();
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
    exceptions_[word] = std::move(at);
    cache_.clear();
}

const std::vector<std::uint32_t>& Hyphenator::points(std::string_view word) {
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
bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

}  // namespace

std::vector<std::uint32_t> hyphenation_points(std::string_view word, std::string_view bcp47) {
    std::vector<std::uint32_t> out;
    hyphenation_points(word, Hyphenator::for_language(bcp47), out);
    return out;
}

void hyphenation_points(std::string_view word, Hyphenator* h, std::vector<std::uint32_t>& out) {
    if (!h || word.size() < 5) return;
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
        for (std::size_t k = a; k < b;) {
            const char32_t cp = decode_utf8(word, k);
            if (is_letter(cp)) {
                if (inner_other) { letters = 0; break; }  // "e.g.x": letters after a non-letter: leave it
                last_letter_end = k;
                ++letters;
                if (u_isupper(UChar32(cp))) ++upper;
            } else {
                inner_other = true;
            }
        }
        // A trailing apostrophe ("Kazakhstan’s") belongs to the word; capitals-only words are
        // acronyms (NATO, OSCE) and stay whole.
        if (letters >= 5 && upper < letters) {
            const std::string_view core = word.substr(a, last_letter_end - a);
            for (std::uint32_t p : h->points(core)) out.push_back(std::uint32_t(a) + p);
        }
        i = part_end;
        if (i < word.size()) decode_utf8(word, i);  // skip the hyphen
    }
}

}  // namespace quire::text
