// Dates as the site prints them, and the article id slug.
#include "import/dates.hpp"
#include "import/slug.hpp"

#include <doctest/doctest.h>

using namespace quire::import;

TEST_CASE("parse_date reads the site's date forms") {
    CHECK(parse_date("January 17, 2022") == "2022-01-17");
    CHECK(parse_date("Jan 17, 2022") == "2022-01-17");
    CHECK(parse_date("Jan. 17, 2022") == "2022-01-17");
    CHECK(parse_date("Sept. 5, 2023") == "2023-09-05");
    CHECK(parse_date("SEPTEMBER 5 2023") == "2023-09-05");
    CHECK(parse_date("17 January 2022") == "2022-01-17");
    CHECK(parse_date("12 Jan. 2024") == "2024-01-12");
    CHECK(parse_date("2022-01-17") == "2022-01-17");
    CHECK(parse_date("17.01.2022") == "2022-01-17");
    CHECK(parse_date("February 29, 2024") == "2024-02-29");
}

TEST_CASE("parse_date refuses what is not one real date") {
    CHECK_FALSE(parse_date("February 29, 2023"));  // not a leap year
    CHECK_FALSE(parse_date("April 31, 2022"));
    CHECK_FALSE(parse_date("November 2021"));      // no day: a caption's date, not a dateline
    CHECK_FALSE(parse_date("Janu 17, 2022"));
    CHECK_FALSE(parse_date("January 17, 20221"));
    CHECK_FALSE(parse_date("January 17, 2022 - Author"));  // more than a date
    CHECK_FALSE(parse_date("Mayday 1, 2022"));
}

TEST_CASE("parse_date_prefix finds the date at the start of a dateline") {
    auto d = parse_date_prefix("January 17, 2022 - Aleksandar Srbinovski - Articles and Commentary");
    REQUIRE(d);
    CHECK(d->iso == "2022-01-17");
    CHECK(d->length == std::string("January 17, 2022").size());
    CHECK_FALSE(parse_date_prefix("In January 17, 2022"));
}

TEST_CASE("slugify: ASCII, stable, apostrophes joined") {
    CHECK(slugify("Armenia as a mere pawn in Russia’s Kazakhstan strategy") ==
          "armenia-as-a-mere-pawn-in-russias-kazakhstan-strategy");
    CHECK(slugify("Łódź and Lublin: Poland’s second cities look east") ==
          "lodz-and-lublin-polands-second-cities-look-east");
    CHECK(slugify("Żółć, gęś i źdźbło") == "zolc-ges-i-zdzblo");
    CHECK(slugify("Як Київ зимує") == "yak-kyiv-zymuie");
    CHECK(slugify("Щедрость Жукова") == "shchedrost-zhukova");
    CHECK(slugify("“We are rebuilding while the missiles still fall”") == "we-are-rebuilding-while-the-missiles-still-fall");
    CHECK(slugify("Straße & Ærø") == "strasse-aero");
    CHECK(slugify("") == "article");
    CHECK(slugify("!!!") == "article");
}

TEST_CASE("slugify cuts long titles at a word boundary") {
    const std::string slug = slugify("one two three four five six seven eight nine ten eleven", 20);
    CHECK(slug == "one-two-three-four");
    CHECK(slug.size() <= 20);
}

TEST_CASE("to_ascii transliterates names as English-language media write them") {
    CHECK(to_ascii("Jeziorańskiego") == "Jezioranskiego");
    CHECK(to_ascii("Зеленский") == "Zelenskiy");     // Russian: BGN/PCGN
    CHECK(to_ascii("Зеленський і Київ") == "Zelenskyi i Kyiv");  // Ukrainian: national system
    CHECK(to_ascii("Chișinău") == "Chisinau");
}
