#include "text/language_guess.hpp"

#include <libexttextcat/textcat.h>
#include <sys/mman.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace quire::text {

namespace {

constexpr const char* kTextcatDir = "/usr/share/libexttextcat/";

// The languages the classifier chooses among: Europe's and its neighbours' (the magazine's region).
// Loading all 163 of Debian's fingerprints took ≈ 30 ms (measured) and let rare neighbours (Scots
// for English) tie with the right answer.
constexpr const char* kCandidates[] = {
    "en", "pl", "uk", "ru", "be", "de", "fr", "es", "it", "pt", "nl", "cs", "sk", "sl", "hr", "bs", "bg", "mk",
    "ro", "hu", "lt", "lv", "et", "fi", "sv", "da", "nb", "is", "ga", "cy", "hy", "ka", "el", "tr", "sq", "ca",
    "eu", "gl", "la", "az", "kk"};

// Languages whose fingerprints are too close to tell reliably in a paragraph: one guess. Bosnian,
// Croatian and Serbian (Latin) are one written standard with small differences.
std::string merged(std::string lang) {
    if (lang == "sco") return "en";
    if (lang == "bs" || lang == "sr") return "hr";
    if (lang == "nn" || lang == "no") return "nb";
    return lang;
}

// libexttextcat reads its list of fingerprints from a file: the list above is handed to it through an
// anonymous in-memory file (memfd), so nothing is written to disk.
void* open_textcat() {
    if (!std::filesystem::exists(std::string(kTextcatDir) + "en.lm")) return nullptr;
    const int fd = memfd_create("quire-textcat.conf", MFD_CLOEXEC);
    if (fd < 0) return nullptr;
    std::string conf;
    for (const char* lang : kCandidates) conf += std::string(lang) + ".lm " + lang + "--utf8\n";
    void* handle = nullptr;
    if (write(fd, conf.data(), conf.size()) == static_cast<ssize_t>(conf.size())) {
        const std::string path = "/proc/self/fd/" + std::to_string(fd);
        handle = special_textcat_Init(path.c_str(), kTextcatDir);
    }
    close(fd);
    return handle;
}

struct Letters {
    int total = 0, latin = 0, cyrillic = 0, armenian = 0, georgian = 0, greek = 0;
    int ukrainian_only = 0, russian_only = 0;
};

Letters count_letters(std::string_view text) {
    Letters c;
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < length) {
        UChar32 cp = 0;
        U8_NEXT(s, i, length, cp);
        if (cp < 0 || !u_isalpha(cp)) continue;
        ++c.total;
        UErrorCode status = U_ZERO_ERROR;
        switch (uscript_getScript(cp, &status)) {
            case USCRIPT_LATIN: ++c.latin; break;
            case USCRIPT_CYRILLIC:
                ++c.cyrillic;
                // і ї є ґ are Ukrainian's (і also Belarusian's); ы э ъ ё Russian's.
                switch (u_tolower(cp)) {
                    case 0x456: case 0x457: case 0x454: case 0x491: ++c.ukrainian_only; break;
                    case 0x44B: case 0x44D: case 0x44A: case 0x451: ++c.russian_only; break;
                    default: break;
                }
                break;
            case USCRIPT_ARMENIAN: ++c.armenian; break;
            case USCRIPT_GEORGIAN: ++c.georgian; break;
            case USCRIPT_GREEK: ++c.greek; break;
            default: break;
        }
    }
    return c;
}

LanguageGuess by_script(std::string lang, std::string how) {
    LanguageGuess g;
    g.language = lang;
    g.candidates = {std::move(lang)};
    g.confidence = GuessConfidence::Confident;
    g.how = std::move(how);
    return g;
}

}  // namespace

std::string primary_language(std::string_view bcp47) {
    std::string out(bcp47.substr(0, bcp47.find_first_of("-_")));
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool guessable_language(std::string_view bcp47) {
    const std::string lang = primary_language(bcp47);
    return std::any_of(std::begin(kCandidates), std::end(kCandidates), [&](const char* c) { return lang == c; });
}

bool LanguageGuess::allows(std::string_view bcp47) const {
    const std::string lang = merged(primary_language(bcp47));
    if (merged(language) == lang) return true;
    return std::any_of(candidates.begin(), candidates.end(), [&](const std::string& c) { return merged(c) == lang; });
}

LanguageGuesser::LanguageGuesser(LanguageGuessOptions options) : options_(options), handle_(open_textcat()) {}

LanguageGuess LanguageGuesser::guess(std::string_view utf8) {
    const Letters c = count_letters(utf8);
    LanguageGuess unknown;
    if (c.total < options_.min_letters) {
        unknown.how = "too short (" + std::to_string(c.total) + " letters)";
        return unknown;
    }
    // A script that names its language decides alone (the magazine's region: one language each).
    const auto most = [&](int n) { return n * 2 > c.total; };
    if (most(c.armenian)) return by_script("hy", "Armenian script");
    if (most(c.georgian)) return by_script("ka", "Georgian script");
    if (most(c.greek)) return by_script("el", "Greek script");
    if (!most(c.latin) && !most(c.cyrillic)) {
        unknown.how = "no script has most of the letters";
        return unknown;
    }
    if (!handle_) {
        unknown.how = "libexttextcat's data is not installed";
        return unknown;
    }
    // A few thousand bytes decide as well as the whole text, and keep the time bounded.
    const std::string_view sample = utf8.substr(0, std::min<std::size_t>(utf8.size(), 4000));
    candidate_t* out = textcat_GetClassifyFullOutput(handle_.get());
    const int n = textcat_ClassifyFull(handle_.get(), sample.data(), sample.size(), out);
    std::vector<std::string> candidates;
    for (int i = 0; i < n; ++i) {
        std::string name = out[i].name ? out[i].name : "";
        name = primary_language(name.substr(0, name.find("--")));
        if (!name.empty() && std::find(candidates.begin(), candidates.end(), name) == candidates.end())
            candidates.push_back(name);
    }
    textcat_ReleaseClassifyFullOutput(handle_.get(), out);
    if (candidates.empty()) {
        // libexttextcat answers nothing when more than 5 languages are within its threshold.
        unknown.how = "libexttextcat: no clear candidate";
        return unknown;
    }
    LanguageGuess g;
    g.candidates = candidates;
    g.language = candidates.front();
    g.how = "libexttextcat";
    const bool one = std::all_of(candidates.begin(), candidates.end(),
                                 [&](const std::string& l) { return merged(l) == merged(candidates.front()); });
    g.confidence = one ? GuessConfidence::Confident : GuessConfidence::Ambiguous;
    // Ukrainian and Russian fingerprints are close: the letters only one of them has decide, when
    // the classifier kept just these two.
    const bool east_slavic = std::all_of(candidates.begin(), candidates.end(),
                                         [](const std::string& l) { return l == "uk" || l == "ru" || l == "be"; });
    if (most(c.cyrillic) && east_slavic && candidates.size() > 1) {
        if (c.ukrainian_only > 0 && c.russian_only == 0 && g.allows("uk")) {
            g.language = "uk";
            g.confidence = GuessConfidence::Confident;
            g.how = "libexttextcat, Cyrillic with і ї є ґ";
        } else if (c.russian_only > 0 && c.ukrainian_only == 0 && g.allows("ru")) {
            g.language = "ru";
            g.confidence = GuessConfidence::Confident;
            g.how = "libexttextcat, Cyrillic with ы э ъ ё";
        }
        if (g.confidence == GuessConfidence::Confident) g.candidates = {g.language};
    }
    return g;
}

}  // namespace quire::text
