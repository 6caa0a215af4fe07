// Keyboard punctuation made typographic at import (import/punctuation.hpp), and the rule that does
// it on a page (with its --explain decision).
#include "import/analysis.hpp"
#include "import/punctuation.hpp"

#include <doctest/doctest.h>

using namespace quire::import;

namespace {

std::string fix(std::string_view s) {
    PunctuationChanges n;
    return typographic_punctuation(s, n);
}

}  // namespace

TEST_CASE("spaced hyphens become en dashes, hyphens inside words, minus signs and URLs stay") {
    PunctuationChanges n;
    CHECK(typographic_punctuation("Dear Readers - New Eastern Europe is", n) == "Dear Readers – New Eastern Europe is");
    CHECK(n.dashes == 1);
    CHECK(fix("a well-known anti-government protest") == "a well-known anti-government protest");
    CHECK(fix("temperatures of -5 degrees") == "temperatures of -5 degrees");
    CHECK(fix("the war -- and after") == "the war – and after");
    CHECK(fix("1989--1991") == "1989–1991");
    CHECK(fix("a pause---then") == "a pause—then");
    CHECK(fix("see https://example.org/a--b - or not") == "see https://example.org/a--b – or not");
    CHECK(fix("- a line that starts with a hyphen") == "- a line that starts with a hyphen");
}

TEST_CASE("straight quotes become curly by context, apostrophes become ’") {
    PunctuationChanges n;
    CHECK(typographic_punctuation("one of Washington's \"like-minded allies\".", n) ==
          "one of Washington’s “like-minded allies”.");
    CHECK(n.quotes == 2);
    CHECK(n.apostrophes == 1);
    CHECK(fix("He said: 'not now'.") == "He said: ‘not now’.");
    CHECK(fix("(\"quoted\")") == "(“quoted”)");
    CHECK(fix("the '90s and the Baltics' ties") == "the ’90s and the Baltics’ ties");
    CHECK(fix("Kyiv's and Львів's") == "Kyiv’s and Львів’s");
    CHECK(fix("– \"after a dash\"") == "– “after a dash”");
}

TEST_CASE("three dots become an ellipsis, typographic text comes back unchanged") {
    PunctuationChanges n;
    CHECK(typographic_punctuation("and yet...", n) == "and yet…");
    CHECK(n.ellipses == 1);
    CHECK(fix("four dots....") == "four dots....");
    const std::string typeset = "“Already curly” – it’s fine… — and „Polish”, «русский».";
    PunctuationChanges none;
    CHECK(typographic_punctuation(typeset, none) == typeset);
    CHECK(none.total() == 0);
}

TEST_CASE("the rule changes the article's lines only, after every other rule, and says what it did") {
    const std::string page =
        "Skip to content\n"
        "A \"test\" title\n"
        "A standfirst - with a dash - that runs on for a while, as standfirsts do, to say what the article is about.\n"
        "January 17, 2022 - Anna Smith - Articles and Commentary\n"
        "The first paragraph's text, which is long enough to be a paragraph of the article and ends well.\n"
        "Anna Smith is a journalist.\n"
        "Dear Readers - Test Quarterly is a not-for-profit publication. If you appreciate our work please consider making a donation.\n";
    const PageAnalysis a = run_rules(split_page(page, "page.txt"));
    REQUIRE(a.title);
    CHECK(a.page.lines[*a.title].text == "A “test” title");
    REQUIRE(a.standfirst);
    CHECK(a.page.lines[*a.standfirst].text == "A standfirst – with a dash – that runs on for a while, as standfirsts do, to say what the article is about.");
    // The dateline was read as published (its " - " separators), and is not article text.
    REQUIRE(a.dateline);
    CHECK(a.page.lines[*a.dateline].text == "January 17, 2022 - Anna Smith - Articles and Commentary");
    CHECK(a.date == "2022-01-17");
    bool decided = false;
    for (const auto& d : a.decisions)
        if (d.field == "punctuation") {
            decided = true;
            CHECK(d.rule == "rule_typographic_punctuation");
            CHECK(d.value == "3 dashes, 2 quotes, 1 apostrophe");
        }
    CHECK(decided);
}

TEST_CASE("a hyphen between two numbers becomes an en dash, dates and codes stay") {
    PunctuationChanges n;
    CHECK(typographic_punctuation("between 2016-2019 and in 1914-18", n) == "between 2016–2019 and in 1914–18");
    CHECK(n.ranges == 2);
    CHECK(n.total() == 2);
    CHECK(fix("pages 10-12.") == "pages 10–12.");
    CHECK(fix("(2016-2019)") == "(2016–2019)");
    CHECK(fix("on 2022-01-17 it") == "on 2022-01-17 it");
    CHECK(fix("ISBN 978-3-16-148410-0") == "ISBN 978-3-16-148410-0");
    CHECK(fix("the A1-2 road") == "the A1-2 road");
    CHECK(fix("a COVID-19 test") == "a COVID-19 test");
    CHECK(fix("version 1.2-3") == "version 1.2-3");
    CHECK(fix("temperatures of -5 to -10") == "temperatures of -5 to -10");
    CHECK(fix("call 123456-7") == "call 123456-7");
}
