// Splitting a scraped page into lines: whitespace normalisation, line numbers, encodings.
#include "import/page_text.hpp"
#include "import/utf8.hpp"

#include <doctest/doctest.h>

using namespace quire::import;

TEST_CASE("normalise_whitespace collapses every kind of space and nothing else") {
    CHECK(normalise_whitespace("  a \t b  ") == "a b");
    // NO-BREAK SPACE runs (the site's donation notice has them) become one ordinary space.
    CHECK(normalise_whitespace("donors.\u00a0\u00a0 If") == "donors. If");
    CHECK(normalise_whitespace("thin\u2009space") == "thin space");
    // Typos and punctuation stay exactly as published.
    CHECK(normalise_whitespace("Copyryight  2024 — can only damages") == "Copyryight 2024 — can only damages");
    CHECK(normalise_whitespace("\u00a0") == "");
}

TEST_CASE("split_page keeps line numbers and columns of the non-blank lines") {
    const auto page = split_page("\xEF\xBB\xBFTitle\r\n\r\n   Indented  text\rLast\n\n", "p.txt");
    REQUIRE(page.lines.size() == 3);
    CHECK(page.lines[0].text == "Title");
    CHECK(page.lines[0].line == 1);
    CHECK(page.lines[0].after_blank);
    CHECK(page.lines[1].text == "Indented text");
    CHECK(page.lines[1].line == 3);
    CHECK(page.lines[1].column == 4);
    CHECK(page.lines[1].after_blank);
    CHECK(page.lines[2].line == 4);
    CHECK_FALSE(page.lines[2].after_blank);
    CHECK(page.span(1).to_string() == "p.txt:3:4");
}

TEST_CASE("split_page refuses text that is not UTF-8, naming the place") {
    try {
        split_page("fine\nbad \xE9t\xE9\n", "latin1.txt");
        FAIL("expected an error");
    } catch (const quire::QuireError& e) {
        CHECK(e.diagnostic().where.to_string() == "latin1.txt:2:5");
        CHECK(std::string(e.what()).find("UTF-8") != std::string::npos);
    }
}

TEST_CASE("dump_page gives one stable line per page line") {
    auto page = split_page("Hello world\n", "p.txt");
    page.lines[0].role = LineRole::Title;
    page.lines[0].rule = "rule_x";
    CHECK(dump_page(page) == "   1  title           rule_x                           Hello world\n");
}

TEST_CASE("utf8 helpers") {
    CHECK(utf8::length("Jeziorańskiego") == 14);
    CHECK(utf8::truncate("Łódź city", 4) == "Łódź…");
    CHECK(utf8::truncate("abc", 5) == "abc");
    CHECK_FALSE(utf8::valid("\xC0\xAF"));  // overlong "/"
    CHECK_FALSE(utf8::valid("\xED\xA0\x80"));  // a surrogate
    CHECK(utf8::valid("Київ"));
}
