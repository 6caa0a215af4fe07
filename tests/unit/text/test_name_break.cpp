// text/name_break.hpp: which hyphenated lines broke a name (the layout's one-a-page limit and the
// proof's hyphenated-name both ask it).
#include "text/name_break.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace quire::text;

TEST_CASE("a capitalised broken word inside a sentence is a name, in any cased script") {
    CHECK(is_name_break("condemned Armenia for joining Rus-", nullptr, false));
    CHECK(is_name_break("the opposition in Bia\u0142y\u00ADsto-", nullptr, false));
    CHECK(is_name_break("\u0432\u0456\u0434\u0431\u0443\u043B\u0438\u0441\u044F \u0432 \u0425\u0430\u0440-", nullptr, false));  // "відбулися в Хар-"
    CHECK(is_name_break("\u0561\u0575\u057D\u057F\u0565\u0572 \u0535\u0580\u0587\u0561-", nullptr, false));             // Armenian "այստեղ Երևա-"
    CHECK(is_name_break("he said in \u201CKazakh-", nullptr, false));  // an opening quote before it
}

TEST_CASE("a word starting a sentence, a lower-case word or a caseless script is not a name") {
    CHECK_FALSE(is_name_break("the war ended. Recon-", nullptr, false));
    CHECK_FALSE(is_name_break("was it over?\u201D Peo-", nullptr, false));
    CHECK_FALSE(is_name_break("the long recon-", nullptr, false));
    CHECK_FALSE(is_name_break("\u10E5\u10D0\u10DA\u10D0\u10E5\u10E8\u10D8 \u10D7\u10D1\u10D8-", nullptr, false));  // Georgian: no case
}

TEST_CASE("a broken word starting its line asks the line before whether a sentence ended") {
    const std::string ended = "and that was the end of it.";
    const std::string open = "and that was the end of the";
    CHECK_FALSE(is_name_break("Recon-", &ended, false));
    CHECK(is_name_break("Recon-", &open, false));
    CHECK_FALSE(is_name_break("Recon-", nullptr, true));  // a paragraph's first word starts a sentence
    CHECK(is_name_break("Recon-", nullptr, false));       // the line before unknown: counted
}

TEST_CASE("the broken word and what comes before it, without hyphen or opening quote") {
    const BrokenWord b = broken_word("said in \u00AB\u041A\u0430\u0437\u0430-");
    CHECK(b.word == "\u041A\u0430\u0437\u0430");
    CHECK(b.before == "said in");
    CHECK(ends_sentence("the end.\u201D "));
    CHECK(ends_sentence("\u0561\u0575\u057D\u057F\u0565\u0572\u0589"));  // Armenian full stop
    CHECK_FALSE(ends_sentence("the end,"));
}
