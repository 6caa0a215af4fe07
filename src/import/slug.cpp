#include "import/slug.hpp"

#include "import/utf8.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <mutex>

namespace quire::import {

namespace {

// BGN/PCGN romanisation of Russian, with the Ukrainian, Belarusian and Serbian/Macedonian letters
// added (the site's names: "Tokayev", "Zelensky"); the soft and hard signs vanish.
const char* cyrillic(char32_t cp) {
    switch (cp) {
        case U'а': return "a";   case U'б': return "b";   case U'в': return "v";   case U'г': return "g";
        case U'д': return "d";   case U'е': return "e";   case U'ё': return "yo";  case U'ж': return "zh";
        case U'з': return "z";   case U'и': return "i";   case U'й': return "y";   case U'к': return "k";
        case U'л': return "l";   case U'м': return "m";   case U'н': return "n";   case U'о': return "o";
        case U'п': return "p";   case U'р': return "r";   case U'с': return "s";   case U'т': return "t";
        case U'у': return "u";   case U'ф': return "f";   case U'х': return "kh";  case U'ц': return "ts";
        case U'ч': return "ch";  case U'ш': return "sh";  case U'щ': return "shch"; case U'ъ': return "";
        case U'ы': return "y";   case U'ь': return "";    case U'э': return "e";   case U'ю': return "yu";
        case U'я': return "ya";  case U'і': return "i";   case U'ї': return "yi";  case U'є': return "ye";
        case U'ґ': return "g";   case U'ў': return "u";   case U'ј': return "j";   case U'љ': return "lj";
        case U'њ': return "nj";  case U'ћ': return "c";   case U'ђ': return "dj";  case U'џ': return "dz";
        case U'ѓ': return "gj";  case U'ќ': return "kj";  case U'ѕ': return "dz";
        default: return nullptr;
    }
}

char32_t lower_cyrillic(char32_t cp) {
    if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;  // А..Я
    if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;  // Ѐ..Џ
    if (cp == 0x0490) return 0x0491;                     // Ґ
    return cp;
}

// ICU's "Any-Latin; Latin-ASCII": the library's tables for every other script and diacritic.
std::string icu_to_ascii(const std::string& text) {
    static std::once_flag once;
    static std::unique_ptr<icu::Transliterator> translit;
    std::call_once(once, [] {
        UErrorCode status = U_ZERO_ERROR;
        translit.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) translit.reset();
    });
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    if (translit) translit->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

// Ukrainian text (it has і, ї, є or ґ) follows Ukraine's national romanisation (Cabinet of
// Ministers resolution 55, 2010: "Київ" → "Kyiv", "Зеленський" in Ukrainian → "Zelenskyi"): и → y,
// г → h, and є ї й ю я written ye yi y yu ya at the start of a word, ie i i iu ia inside it.
const char* ukrainian(char32_t lower, bool word_start) {
    switch (lower) {
        case U'и': return "y";
        case U'г': return "h";
        case U'є': return word_start ? "ye" : "ie";
        case U'ї': return word_start ? "yi" : "i";
        case U'й': return word_start ? "y" : "i";
        case U'ю': return word_start ? "yu" : "iu";
        case U'я': return word_start ? "ya" : "ia";
        default: return cyrillic(lower);
    }
}

bool looks_ukrainian(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = lower_cyrillic(utf8::next(text, pos));
        if (cp == U'і' || cp == U'ї' || cp == U'є' || cp == U'ґ') return true;
    }
    return false;
}

}  // namespace

std::string to_ascii(std::string_view text) {
    const bool uk = looks_ukrainian(text);
    std::string mid;
    std::size_t pos = 0;
    bool word_start = true;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        const char32_t lower = lower_cyrillic(cp);
        const bool at_word_start = word_start;
        // The next letter starts a word after a space or ASCII punctuation (not after an apostrophe).
        word_start = cp < 0x80 && !std::isalnum(static_cast<int>(cp)) && cp != U'\'';
        if (const char* latin = uk ? ukrainian(lower, at_word_start) : cyrillic(lower)) {
            std::string t = latin;
            if (lower != cp && !t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
            mid += t;
        } else {
            mid.append(text.substr(start, pos - start));
        }
    }
    std::string latin = icu_to_ascii(mid);
    std::string out;
    for (char c : latin)
        if (static_cast<unsigned char>(c) < 0x80) out += c;  // whatever ICU could not map is dropped
    return out;
}

std::string slugify(std::string_view title, std::size_t max_length) {
    // Apostrophes inside words join them ("Russia’s" → "russias"), so drop them before mapping.
    std::string cleaned;
    std::size_t pos = 0;
    while (pos < title.size()) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(title, pos);
        if (cp == U'\'' || cp == U'’' || cp == U'ʼ') continue;
        cleaned.append(title.substr(start, pos - start));
    }
    const std::string ascii = to_ascii(cleaned);
    std::string slug;
    bool hyphen = false;
    for (char c : ascii) {
        const auto uc = static_cast<unsigned char>(c);
        if (std::isalnum(uc)) {
            if (hyphen && !slug.empty()) slug += '-';
            hyphen = false;
            slug += static_cast<char>(std::tolower(uc));
        } else {
            hyphen = true;
        }
    }
    if (slug.size() > max_length) {
        const std::size_t cut = slug.rfind('-', max_length);
        slug.resize(cut == std::string::npos || cut == 0 ? max_length : cut);
    }
    return slug.empty() ? "article" : slug;
}

}  // namespace quire::import
