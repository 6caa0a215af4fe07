#include "import/language.hpp"

#include "import/utf8.hpp"
#include "text/language_guess.hpp"

#include <mutex>

namespace quire::import {

namespace {

// One guesser per process (text/language_guess.hpp: libexttextcat over Europe's languages), guarded:
// libexttextcat classifies into buffers of its handle.
std::mutex guesser_mutex;
text::LanguageGuesser& guesser() {
    // Import decides by its own rules below (a script, Ukrainian or Russian letters, a length): the
    // guesser's floor is only libexttextcat's.
    static text::LanguageGuesser instance(text::LanguageGuessOptions{1});
    return instance;
}

struct ScriptCounts {
    int latin = 0, cyrillic = 0, armenian = 0, georgian = 0, greek = 0, hebrew = 0, arabic = 0;
    int ukrainian_only = 0, russian_only = 0, belarusian_only = 0, latin_extended = 0;
    int letters() const { return latin + cyrillic + armenian + georgian + greek + hebrew + arabic; }
};

ScriptCounts count_scripts(std::string_view text) {
    ScriptCounts c;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::next(text, pos);
        if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) ++c.latin;
        else if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)) { ++c.latin; ++c.latin_extended; }
        else if (cp >= 0x400 && cp <= 0x52F) {
            ++c.cyrillic;
            // і ї є ґ are Ukrainian (і also Belarusian); ы э ъ ё Russian (ы э ё also Belarusian); ў Belarusian.
            switch (cp) {
                case 0x456: case 0x406: case 0x457: case 0x407: case 0x454: case 0x404: case 0x491: case 0x490:
                    ++c.ukrainian_only; break;
                case 0x44B: case 0x42B: case 0x44D: case 0x42D: case 0x44A: case 0x42A: case 0x451: case 0x401:
                    ++c.russian_only; break;
                case 0x45E: case 0x40E: ++c.belarusian_only; break;
                default: break;
            }
        }
        else if (cp >= 0x530 && cp <= 0x58F) ++c.armenian;
        else if ((cp >= 0x10A0 && cp <= 0x10FF) || (cp >= 0x1C90 && cp <= 0x1CBF)) ++c.georgian;
        else if (cp >= 0x370 && cp <= 0x3FF) ++c.greek;
        else if (cp >= 0x590 && cp <= 0x5FF) ++c.hebrew;
        else if (cp >= 0x600 && cp <= 0x6FF) ++c.arabic;
    }
    return c;
}

std::optional<LanguageGuess> classify_latin(std::string_view text) {
    const std::lock_guard<std::mutex> lock(guesser_mutex);
    const text::LanguageGuess g = guesser().guess(text);
    if (g.candidates.empty()) return std::nullopt;
    // More than one candidate means libexttextcat could not decide between them; the first is still
    // the best, and is taken when the text is long enough to be sure.
    if (g.confidence != text::GuessConfidence::Confident && text.size() < 100) return std::nullopt;
    return LanguageGuess{g.language, "libexttextcat"};
}

}  // namespace

bool latin_detection_available() {
    const std::lock_guard<std::mutex> lock(guesser_mutex);
    return guesser().available();
}

std::optional<LanguageGuess> detect_language(std::string_view text) {
    const ScriptCounts c = count_scripts(text);
    const int letters = c.letters();
    if (letters < 20) return std::nullopt;
    const auto most = [&](int n) { return n * 2 > letters; };
    if (most(c.armenian)) return LanguageGuess{"hy", "Armenian script"};
    if (most(c.georgian)) return LanguageGuess{"ka", "Georgian script"};
    if (most(c.greek)) return LanguageGuess{"el", "Greek script"};
    if (most(c.hebrew)) return LanguageGuess{"he", "Hebrew script"};
    if (most(c.cyrillic)) {
        if (c.belarusian_only > 0 && c.belarusian_only * 4 >= c.ukrainian_only)
            return LanguageGuess{"be", "Cyrillic with ў (Belarusian letter)"};
        if (c.ukrainian_only > c.russian_only)
            return LanguageGuess{"uk", "Cyrillic with і ї є ґ (" + std::to_string(c.ukrainian_only) + ") over ы э ъ ё (" +
                                           std::to_string(c.russian_only) + "): Ukrainian"};
        if (c.russian_only > c.ukrainian_only)
            return LanguageGuess{"ru", "Cyrillic with ы э ъ ё (" + std::to_string(c.russian_only) + ") over і ї є ґ (" +
                                           std::to_string(c.ukrainian_only) + "): Russian"};
        if (auto g = classify_latin(text)) return LanguageGuess{g->lang, "Cyrillic, libexttextcat"};
        return std::nullopt;
    }
    if (most(c.latin)) return classify_latin(text);
    return std::nullopt;
}

namespace {

void paragraph_text(const model::Block& b, std::string& out) {
    out += model::plain_text(b.content);
    out += '\n';
    for (const auto& c : b.children) paragraph_text(c, out);
}

}  // namespace

std::vector<LanguageDecision> assign_languages(model::Article& article, const std::string& forced) {
    std::vector<LanguageDecision> out;
    std::string all;
    for (const auto& b : article.body) paragraph_text(b, all);
    if (!forced.empty()) {
        article.lang = forced;
        out.push_back({"language", forced, "--lang", 0});
    } else if (auto g = detect_language(all)) {
        article.lang = g->lang;
        out.push_back({"language", g->lang, g->how, 0});
    } else {
        out.push_back({"language", article.lang, "default (the text is too short or mixed to tell)", 0});
    }
    // A paragraph in another language inside the article: only when it is long enough to tell
    // (libexttextcat needs a few hundred characters) or its script decides; cheap tests first, so
    // that an English article's English paragraphs never reach the classifier.
    const std::string own = article.lang;
    int index = 0;
    for (auto& b : article.body) {
        ++index;
        if (!b.lang.empty() || (b.kind != model::BlockKind::Paragraph && b.kind != model::BlockKind::BlockQuote)) continue;
        std::string text;
        paragraph_text(b, text);
        const ScriptCounts c = count_scripts(text);
        const int letters = c.letters();
        const bool other_script = c.latin * 2 < letters;
        const bool own_latin = own == "en" ? c.latin_extended * 50 < c.latin : true;
        if (letters < 40) continue;
        if (!other_script && (own_latin || text.size() < 120)) continue;
        if (!other_script && own != "en") continue;
        const auto g = detect_language(text);
        if (!g || g->lang == own) continue;
        b.lang = g->lang;
        out.push_back({"paragraph language", g->lang, g->how, index});
    }
    return out;
}

}  // namespace quire::import
