#include "text/name_break.hpp"

#include "text/itemize.hpp"

#include <unicode/uchar.h>

#include <array>
#include <vector>
#include <string_view>

namespace quire::text {

namespace {

std::string trimmed(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && s[a] == ' ') ++a;
    while (b > a && s[b - 1] == ' ') --b;
    return s.substr(a, b - a);
}

bool is_quote_or_bracket(UChar32 c) {
    switch (u_charType(c)) {
        case U_START_PUNCTUATION:
        case U_END_PUNCTUATION:
        case U_INITIAL_PUNCTUATION:
        case U_FINAL_PUNCTUATION: return true;
        default: return c == '"' || c == '\'';
    }
}

bool is_sentence_stop(UChar32 c) {
    return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 || c == 0x0589 || c == 0x037E || c == 0x055C ||
           c == 0x055E;
}

// Mkhedruli letters (U+10D0–U+10FA, U+10FC–U+10FF; U+10FB is a paragraph separator).
bool is_mkhedruli(char32_t c) { return (c >= 0x10D0 && c <= 0x10FA) || (c >= 0x10FC && c <= 0x10FF); }

// Georgian surname suffixes, and the case endings that follow them (issue 16). Georgian surnames are
// a stem and one of about a dozen suffixes; -ძე and -შვილი alone name some three million Georgians
// (V. A. Nikonov's counts, and "Surnames of Georgia", 1997: -ძე 1,649,222 people, -შვილი 1,303,723),
// and the Mingrelian -ია, -უა, -აია, -ავა most of the rest (Nikonov; en.wikipedia.org/wiki/Georgian_name,
// "Surnames"). Kept, each with its reason:
//  - შვილ-ი "child": the eastern suffix (ჯავახიშვილი). Consonant stem: nominative -ი, ergative -მა,
//    genitive -ის, dative -ს, instrumental -ით, adverbial -ად, vocative -ო, and the postpositions
//    most often fused to a name (-ზე, -ში, -თან, -ისთვის, -ისგან). The word შვილი itself and the kinship
//    words built on it (შვილიშვილი "grandchild", ბიძაშვილი, დეიდაშვილი, მამიდაშვილი "cousin",
//    დისშვილი, ძმისშვილი "nephew, niece") are ordinary words: their stems are refused below.
//  - ძ-ე "son": the western and central suffix (ბერიძე, the example's author). An e-stem whose -ე
//    drops before -ის and -ით (ბერიძის, ბერიძით); ergative ბერიძემ, dative ბერიძეს, adverbial
//    ბერიძედ. Few ordinary words end in -ძე; the short ones that decline like it (ბიძა "uncle":
//    ბიძის, ბიძით) have a stem under the minimum.
//  - უ-ა, ავ-ა, აი-ა: Mingrelian (გაგუა, ჩიქობავა, ლომაია), a-stems that keep their -ა in every case
//    (ჩიქობავას, ჩიქობავამ); not the adverbial -ად (ავად "ill", თავად "oneself"). Few native words end so: -ავა ends the future of "go" with a preverb
//    (წავა, ჩავა, გადავა), kept out by a four-letter stem minimum; -აია a few loans (პარაგვაი + the
//    copula -ა).
// Left out, though they end many surnames, because they end more ordinary words:
//  - -ია (გამსახურდია, ჟვანია): loans (ისტორია, სტატია, ინფორმაცია) and the copula "is" after every
//    consonant-stem noun (ჟურნალისტია, ბაღია: both in the example articles);
//  - -ანი, -იანი (Svan: დადეშქელიანი): nouns (არჩევანი "choice", in the example) and the -იანი
//    adjectives "having" (მარილიანი "salty");
//  - -ური, -ული, -ელი (ჭინჭარაული, წერეთელი): the adjectives of origin (ევროპული, ქართული, თბილისელი);
//  - -ონი (Svan): nouns (ბატონი "sir", რეგიონი "region").
struct Suffix {
    std::u32string_view stem;                      // the suffix without its endings: U"შვილ"
    std::vector<std::u32string_view> endings;      // after the suffix: U"ი", U"მა" …
    std::size_t min_stem;                          // letters before the suffix, at least
};

const std::array<Suffix, 5>& surname_suffixes() {
    static const std::array<Suffix, 5> table{{
        {U"\u10E8\u10D5\u10D8\u10DA",  // შვილ
         {U"\u10D8", U"\u10DB\u10D0", U"\u10D8\u10E1", U"\u10E1", U"\u10D8\u10D7", U"\u10D0\u10D3", U"\u10DD",
          U"\u10D6\u10D4", U"\u10E8\u10D8", U"\u10D7\u10D0\u10DC", U"\u10D8\u10E1\u10D7\u10D5\u10D8\u10E1",
          U"\u10D8\u10E1\u10D2\u10D0\u10DC"},  // ი მა ის ს ით ად ო ზე ში თან ისთვის ისგან
         3},
        {U"\u10EB",  // ძ
         {U"\u10D4", U"\u10D4\u10DB", U"\u10D4\u10E1", U"\u10D8\u10E1", U"\u10D8\u10D7", U"\u10D4\u10D3",
          U"\u10D4\u10D6\u10D4", U"\u10D4\u10E8\u10D8", U"\u10D4\u10E1\u10D7\u10D0\u10DC",
          U"\u10D8\u10E1\u10D7\u10D5\u10D8\u10E1", U"\u10D8\u10E1\u10D2\u10D0\u10DC"},  // ე ემ ეს ის ით ედ ეზე ეში ესთან ისთვის ისგან
         3},
        {U"\u10E3", {U"\u10D0", U"\u10D0\u10DB", U"\u10D0\u10E1", U"\u10D0\u10D6\u10D4", U"\u10D0\u10E8\u10D8", U"\u10D0\u10E1\u10D7\u10D0\u10DC", U"\u10D0\u10E1\u10D7\u10D5\u10D8\u10E1", U"\u10D0\u10E1\u10D2\u10D0\u10DC"}, 3},  // უ(ა): ა ამ ას აზე აში ასთან ასთვის ასგან
        {U"\u10D0\u10D5", {U"\u10D0", U"\u10D0\u10DB", U"\u10D0\u10E1", U"\u10D0\u10D6\u10D4", U"\u10D0\u10E8\u10D8", U"\u10D0\u10E1\u10D7\u10D0\u10DC", U"\u10D0\u10E1\u10D7\u10D5\u10D8\u10E1", U"\u10D0\u10E1\u10D2\u10D0\u10DC"}, 4},    // ავ(ა)
        {U"\u10D0\u10D8", {U"\u10D0", U"\u10D0\u10DB", U"\u10D0\u10E1", U"\u10D0\u10D6\u10D4", U"\u10D0\u10E8\u10D8", U"\u10D0\u10E1\u10D7\u10D0\u10DC", U"\u10D0\u10E1\u10D7\u10D5\u10D8\u10E1", U"\u10D0\u10E1\u10D2\u10D0\u10DC"}, 3},    // აი(ა)
    }};
    return table;
}

// Stems before შვილ that make ordinary kinship words, not surnames (see above).
bool kinship_stem(std::u32string_view stem) {
    for (std::u32string_view k : {std::u32string_view(U"\u10E8\u10D5\u10D8\u10DA\u10D8"),       // შვილი
                                  std::u32string_view(U"\u10D1\u10D8\u10EB\u10D0"),             // ბიძა
                                  std::u32string_view(U"\u10D3\u10D4\u10D8\u10D3\u10D0"),       // დეიდა
                                  std::u32string_view(U"\u10DB\u10D0\u10DB\u10D8\u10D3\u10D0"), // მამიდა
                                  std::u32string_view(U"\u10D3\u10D8\u10E1"),                   // დის
                                  std::u32string_view(U"\u10EB\u10DB\u10D8\u10E1"),             // ძმის
                                  std::u32string_view(U"\u10EB\u10DB\u10D8")})                  // ძმი
        if (stem == k) return true;
    return false;
}

bool georgian_surname(std::u32string_view w) {
    for (const Suffix& s : surname_suffixes())
        for (std::u32string_view e : s.endings) {
            const std::size_t tail = s.stem.size() + e.size();
            if (w.size() < tail + s.min_stem) continue;
            if (w.substr(w.size() - e.size()) != e || w.substr(w.size() - tail, s.stem.size()) != s.stem) continue;
            const std::u32string_view stem = w.substr(0, w.size() - tail);
            if (s.stem == U"\u10E8\u10D5\u10D8\u10DA" && kinship_stem(stem)) continue;
            return true;
        }
    return false;
}

}  // namespace

BrokenWord broken_word(const std::string& line_text) {
    std::string t = line_text;
    while (!t.empty() && (t.back() == '-' || t.back() == ' ')) t.pop_back();
    if (t.size() >= 3 && t.compare(t.size() - 3, 3, "\u2010") == 0) t.erase(t.size() - 3);  // U+2010 HYPHEN
    const std::size_t space = t.find_last_of(' ');
    BrokenWord b;
    b.word = space == std::string::npos ? t : t.substr(space + 1);
    b.before = space == std::string::npos ? std::string() : trimmed(t.substr(0, space));
    while (!b.word.empty()) {
        std::size_t i = 0;
        const auto c = static_cast<UChar32>(decode_utf8(b.word, i));
        if (!is_quote_or_bracket(c)) break;
        b.word.erase(0, i);
    }
    return b;
}

namespace {

// ends_sentence over a view; `empty_ends`: what text holding only spaces, quotes and brackets answers
// (a paragraph's start starts a sentence).
bool ends_sentence_view(std::string_view text, bool empty_ends = false) {
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t start = end - 1;  // back to the first byte of the last character
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::size_t i = start;
        const auto c = static_cast<UChar32>(decode_utf8(text, i));
        end = start;
        if (c == ' ') continue;
        if (is_quote_or_bracket(c)) continue;
        return is_sentence_stop(c);
    }
    return empty_ends;
}

}  // namespace

bool ends_sentence(const std::string& text) { return ends_sentence_view(text); }

bool starts_sentence(std::string_view text, std::size_t at) {
    return ends_sentence_view(text.substr(0, std::min(at, text.size())), /*empty_ends=*/true);
}

bool capitalised_mid_sentence(std::string_view text, std::string_view word) {
    // The word's letters: from its first letter to the first character that is no letter.
    std::size_t a = 0;
    while (a < word.size()) {
        std::size_t i = a;
        if (u_isalpha(static_cast<UChar32>(decode_utf8(word, i)))) break;
        a = i;
    }
    std::size_t b = a;
    while (b < word.size()) {
        std::size_t i = b;
        if (!u_isalpha(static_cast<UChar32>(decode_utf8(word, i)))) break;
        b = i;
    }
    const std::string_view letters = word.substr(a, b - a);
    if (letters.empty()) return false;
    for (std::size_t at = text.find(letters); at != std::string_view::npos; at = text.find(letters, at + 1)) {
        // A whole word: no letter just before or after.
        if (at > 0) {
            std::size_t s = at - 1;
            while (s > 0 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
            std::size_t i = s;
            if (u_isalpha(static_cast<UChar32>(decode_utf8(text, i)))) continue;
        }
        std::size_t e = at + letters.size();
        if (e < text.size() && u_isalpha(static_cast<UChar32>(decode_utf8(text, e)))) continue;
        if (!starts_sentence(text, at)) return true;
    }
    return false;
}

namespace {

// Whether `after` (the text following a word) opens with a Latin transliteration in parentheses:
// " (Zhvania" — a capital then a small Latin letter. An author glosses a Georgian name so for readers
// who cannot read Mkhedruli, whatever its ending (-ია, -ელი names too); an acronym (ნატო (NATO)) is
// not taken, a glossed word in lower case (a term) neither.
bool latin_gloss_follows(std::string_view after) {
    std::size_t i = 0;
    while (i < after.size() && after[i] == ' ') ++i;
    if (i + 2 >= after.size() || after[i] != '(') return false;
    const char c1 = after[i + 1], c2 = after[i + 2];
    return c1 >= 'A' && c1 <= 'Z' && c2 >= 'a' && c2 <= 'z';
}

// Capitalised English words that are no names (is_common_capitalised), lower case, space-separated.
constexpr std::string_view kCommonCapitalised =
    " january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday"
    " russian ukrainian belarusian georgian armenian azerbaijani moldovan romanian polish lithuanian latvian"
    " estonian hungarian slovak czech bulgarian serbian croatian slovenian bosnian albanian macedonian"
    " montenegrin kosovar finnish swedish norwegian danish german austrian swiss french italian spanish"
    " portuguese dutch belgian british english irish scottish american canadian turkish iranian persian"
    " kazakh kyrgyz uzbek tajik turkmen chechen ingush dagestani abkhaz abkhazian ossetian crimean tatar"
    " transnistrian pridnestrovian chinese japanese indian israeli jewish arab arabic syrian"
    " european western eastern northern southern central baltic slavic slavonic caucasian soviet"
    " orthodox catholic protestant muslim ";

}  // namespace

bool is_common_capitalised(std::string_view word) {
    // The breaker asks this of every hyphenated word: a word whose first letter is no ASCII capital
    // (most of them) is answered before it is decoded.
    const std::size_t first = word.find_first_not_of("\"'([\xE2\x80\x9C\x98\xC2\xAB\x9E");
    if (first == std::string_view::npos || word[first] < 'A' || word[first] > 'Z') return false;
    std::u32string w;
    for (std::size_t i = 0; i < word.size();) {
        const char32_t c = decode_utf8(word, i);
        if (c != 0x00AD) w.push_back(c);
    }
    std::size_t a = 0, b = w.size();
    while (a < b && !u_isalpha(UChar32(w[a]))) ++a;
    while (b > a && !u_isalpha(UChar32(w[b - 1]))) --b;
    if (a == b || !u_isupper(UChar32(w[a]))) return false;
    std::string lower;
    for (std::size_t i = a; i < b; ++i) {
        const UChar32 c = u_tolower(UChar32(w[i]));
        if (c > 0x7F && c != 0x2019) return false;  // the list is ASCII English
        lower.push_back(c == 0x2019 ? '\'' : static_cast<char>(c));
    }
    auto listed = [](std::string_view x) {
        return !x.empty() && kCommonCapitalised.find(" " + std::string(x) + " ") != std::string_view::npos;
    };
    std::string_view v = lower;
    if (v.ends_with("'s")) v.remove_suffix(2);
    if (listed(v)) return true;
    return v.ends_with("s") && listed(v.substr(0, v.size() - 1));  // Russians, Europeans
}

bool is_georgian_name(std::string_view word, std::string_view after) {
    // Mkhedruli (U+10D0–U+10FF) and the rest of the Georgian block are three bytes starting 0xE1: a word
    // without that byte has no Georgian letter (the breaker asks this of every hyphenated word).
    if (word.find('\xE1') == std::string_view::npos) return false;
    std::u32string w;
    for (std::size_t i = 0; i < word.size();) {
        const char32_t c = decode_utf8(word, i);
        if (c != 0x00AD) w.push_back(c);  // soft hyphens: the author's break points
    }
    // A double-barrelled name (ბერიძე-ჯავახიშვილი) is one if any part is.
    std::size_t start = 0;
    bool any = false;
    while (start <= w.size()) {
        std::size_t end = w.find_first_of(U"-\u2010", start);
        if (end == std::u32string::npos) end = w.size();
        std::size_t a = start, b = end;
        while (a < b && !u_isalpha(UChar32(w[a]))) ++a;  // quotes, brackets
        while (b > a && !u_isalpha(UChar32(w[b - 1]))) --b;  // punctuation after it
        const std::u32string_view part = std::u32string_view(w).substr(a, b - a);
        bool georgian = !part.empty();
        for (char32_t c : part) georgian = georgian && is_mkhedruli(c);
        if (georgian && (georgian_surname(part) || (end == w.size() && latin_gloss_follows(after)))) any = true;
        start = end + 1;
    }
    return any;
}

bool is_name_break(const std::string& line_text, const std::string* previous_line, bool first_line,
                   const std::string* next_line) {
    const BrokenWord b = broken_word(line_text);
    if (b.word.empty()) return false;
    std::size_t i = 0;
    if (is_mkhedruli(decode_utf8(b.word, i))) {
        // No case: the word's ending tells, and it is on the next line.
        std::string whole = b.word, after;
        if (next_line) {
            const std::string rest = trimmed(*next_line);
            const std::size_t space = rest.find(' ');
            whole += rest.substr(0, space);
            if (space != std::string::npos) after = rest.substr(space);
        }
        return is_georgian_name(whole, after);
    }
    i = 0;
    if (!u_isupper(static_cast<UChar32>(decode_utf8(b.word, i)))) return false;
    if (next_line) {
        const std::string rest = trimmed(*next_line);
        if (is_common_capitalised(b.word + rest.substr(0, rest.find(' ')))) return false;
    }
    if (!b.before.empty()) return !ends_sentence(b.before);
    // The broken word starts its line: the line before says whether a sentence ended.
    if (first_line) return false;
    if (!previous_line) return true;
    return !ends_sentence(trimmed(*previous_line));
}

}  // namespace quire::text
