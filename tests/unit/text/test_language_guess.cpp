// The language guesser (text/language_guess.hpp) on texts of the magazine's languages, and on the
// short strings it must not guess at.
#include "text/language_guess.hpp"

#include <doctest/doctest.h>

using namespace quire::text;

namespace {

// Needs Debian's libexttextcat-data (.ci/install-deps): without it the test is skipped, not passed.
bool have_data(LanguageGuesser& g) {
    if (!g.available()) MESSAGE("libexttextcat-data is not installed: skipping");
    return g.available();
}

}  // namespace

TEST_CASE("language guess: English, Polish, Ukrainian and Russian paragraphs are recognised") {
    LanguageGuesser guesser;
    if (!have_data(guesser)) return;
    struct Case {
        const char* lang;
        const char* text;
    };
    const Case cases[] = {
        {"en", "Recent unrest in Kazakhstan has shown how little room Armenia has to manoeuvre between Russia and "
               "the West, and how much its security still depends on a partner that is busy elsewhere."},
        {"pl", "Niepokoje w Kazachstanie pokazały, jak niewiele miejsca ma Armenia na manewry między Rosją a "
               "Zachodem, i jak bardzo jej bezpieczeństwo wciąż zależy od partnera zajętego czym innym."},
        {"uk", "Нещодавні заворушення в Казахстані показали, як мало простору має Вірменія для маневру між Росією "
               "та Заходом, і наскільки її безпека досі залежить від партнера, зайнятого іншим."},
        {"ru", "Недавние беспорядки в Казахстане показали, как мало пространства у Армении для маневра между "
               "Россией и Западом, и насколько её безопасность всё ещё зависит от партнёра, занятого другим."},
    };
    for (const Case& c : cases) {
        CAPTURE(c.lang);
        const LanguageGuess g = guesser.guess(c.text);
        CHECK(g.language == c.lang);
        CHECK(g.confidence == GuessConfidence::Confident);
        CHECK(g.allows(c.lang));
    }
    // The English text is not Polish, and says so.
    CHECK_FALSE(guesser.guess(cases[0].text).allows("pl"));
}

TEST_CASE("language guess: short strings are unknown, never a confident wrong guess") {
    LanguageGuesser guesser;
    for (const char* s : {"Kazakhstan", "Hello world", "Władysław Bartoszewski", "", "2016\u20132019", "Київ"}) {
        CAPTURE(s);
        const LanguageGuess g = guesser.guess(s);
        CHECK(g.language == "unknown");
        CHECK(g.confidence == GuessConfidence::Unknown);
    }
}

TEST_CASE("language guess: scripts that name their language, and languages it cannot recognise") {
    LanguageGuesser guesser;
    const LanguageGuess hy = guesser.guess("Հայաստանը Հարավային Կովկասի երկիր է, որի մայրաքաղաքը Երևանն է, իսկ բնակչությունը");
    CHECK(hy.language == "hy");
    CHECK(hy.confidence == GuessConfidence::Confident);
    const LanguageGuess ka = guesser.guess("საქართველო არის ქვეყანა კავკასიაში, რომლის დედაქალაქია თბილისი, ხოლო მოსახლეობა");
    CHECK(ka.language == "ka");
    CHECK(guessable_language("en-GB"));
    CHECK(guessable_language("uk"));
    CHECK_FALSE(guessable_language("sr-Cyrl"));  // no fingerprint among ours: never called wrong
    CHECK(primary_language("EN-gb") == "en");
}
