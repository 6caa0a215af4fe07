// The typography checks on a display list made by hand: line records with known ratios, breaks and
// widow flags, so that each rule is tested without the layout engine.
#include "page/page_document.hpp"
#include "proof/layout_checks.hpp"
#include "proof/proof_overlay.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace quire;
using namespace quire::proof;

namespace {

page::LineRecord line(int page, int column, int n, std::string text, double ratio = 0.5, bool hyphenated = false) {
    page::LineRecord r;
    r.page = page;
    r.column = column;
    r.line_in_column = n;
    r.line_in_paragraph = n;
    r.paragraph_lines = 100;
    r.style = "body";
    r.x = column * 200.0;
    r.baseline = 60 + n * 12.0;
    r.width = 180;
    r.ratio = ratio;
    r.hyphenated = hyphenated;
    r.text = std::move(text);
    return r;
}

std::vector<Finding> run(const page::PageDocument& doc, const std::string& check) {
    style::Layout layout;  // no styles: every line counts as justified
    Report report;
    check_layout(doc, layout, LayoutCheckOptions{}, report);
    std::vector<Finding> out;
    std::copy_if(report.findings.begin(), report.findings.end(), std::back_inserter(out),
                 [&](const Finding& f) { return f.check == check; });
    return out;
}

}  // namespace

TEST_CASE("layout checks: very loose lines beyond TeX's \\hbadness, but not a paragraph's last line") {
    page::PageDocument doc;
    doc.pages.resize(1);
    doc.lines = {line(0, 0, 1, "just fine", 1.9), line(0, 0, 2, "far too loose", 2.5), line(0, 0, 3, "end", 5.0)};
    doc.lines[2].paragraph_lines = 3;
    const auto loose = run(doc, "loose-line");
    REQUIRE(loose.size() == 1);
    CHECK(loose[0].place.to_string() == "p. 1, col. 1, l. 2");
    CHECK(loose[0].message.find("2.50") != std::string::npos);
}

TEST_CASE("layout checks: a hyphen ladder beyond the limit is one finding at its first line") {
    page::PageDocument doc;
    doc.pages.resize(1);
    for (int n = 1; n <= 6; ++n) doc.lines.push_back(line(0, 0, n, "some text hy-", 0.2, n >= 2));
    doc.lines.push_back(line(0, 1, 1, "next col-", 0.2, true));  // another column: a new count
    const auto ladders = run(doc, "hyphen-ladder");
    REQUIRE(ladders.size() == 1);
    CHECK(ladders[0].place.line == 2);
    CHECK(ladders[0].message.find("5 hyphenated lines in a row (limit 2)") != std::string::npos);
}

TEST_CASE("layout checks: two hyphenated lines in a row are allowed, three are a ladder") {
    page::PageDocument two;
    two.pages.resize(1);
    for (int n = 1; n <= 3; ++n) two.lines.push_back(line(0, 0, n, "some text hy-", 0.2, n <= 2));
    CHECK(run(two, "hyphen-ladder").empty());
    page::PageDocument three = two;
    three.lines.push_back(line(0, 0, 4, "end.", 0.2));
    three.lines[2] = line(0, 0, 3, "some text hy-", 0.2, true);
    const auto ladders = run(three, "hyphen-ladder");
    REQUIRE(ladders.size() == 1);
    CHECK(ladders[0].place.line == 1);
}

TEST_CASE("line checks: more than one hyphenated name on a page is one warning naming them") {
    page::PageDocument doc;
    doc.pages.resize(2);
    doc.lines = {line(0, 0, 1, "the capital of Kaza-", 0.2, true), line(0, 0, 2, "khstan. Neverthe-", 0.2, true),
                 line(0, 0, 3, "less it rained on \u201CSrbi-", 0.2, true), line(0, 0, 4, "novski\u201D and", 0.2),
                 line(0, 1, 1, "in \u0415\u0440\u0435\u0432\u0430-", 0.2, true), line(0, 1, 2, "\u043d\u0435 and", 0.2),
                 // page 2: one name is tolerated
                 line(1, 0, 1, "the capital of Kaza-", 0.2, true), line(1, 0, 2, "khstan, then", 0.2)};
    const auto names = run(doc, "hyphenated-name");
    REQUIRE(names.size() == 1);
    CHECK(names[0].severity == Severity::Warning);
    CHECK(names[0].place.to_string() == "p. 1, col. 1, l. 1");
    CHECK(names[0].message.find("3 hyphenated names") != std::string::npos);
    CHECK(names[0].message.find("\u201CKaza-\u201D (col. 1, l. 1)") != std::string::npos);
    CHECK(names[0].message.find("\u201CSrbi-\u201D (col. 1, l. 3)") != std::string::npos);
    CHECK(names[0].message.find("\u201C\u0415\u0440\u0435\u0432\u0430-\u201D (col. 2, l. 1)") != std::string::npos);
    CHECK(names[0].message.find("Neverthe") == std::string::npos);  // a sentence's first word
}

TEST_CASE("line checks: Georgian names, told by their surname ending across the break, are counted") {
    page::PageDocument doc;
    doc.pages.resize(1);
    // "წერს ნინო ბერი- / ძე და გიორგი ჯავახი- / შვილმა ეს ისტო- / რია დაწერეს.": Beridze (nominative) and Javakhishvili (ergative) are names; ისტორია
    // "history" ends in -ია as many Mingrelian names do, and is not one.
    doc.lines = {line(0, 0, 1, "\u10EC\u10D4\u10E0\u10E1 \u10DC\u10D8\u10DC\u10DD \u10D1\u10D4\u10E0\u10D8-", 0.2, true),
                 line(0, 0, 2, "\u10EB\u10D4 \u10D3\u10D0 \u10D2\u10D8\u10DD\u10E0\u10D2\u10D8 \u10EF\u10D0\u10D5\u10D0\u10EE\u10D8-", 0.2, true),
                 line(0, 0, 3, "\u10E8\u10D5\u10D8\u10DA\u10DB\u10D0 \u10D4\u10E1 \u10D8\u10E1\u10E2\u10DD-", 0.2, true),
                 line(0, 0, 4, "\u10E0\u10D8\u10D0 \u10D3\u10D0\u10EC\u10D4\u10E0\u10D4\u10E1.", 0.2)};
    const auto names = run(doc, "hyphenated-name");
    REQUIRE(names.size() == 1);
    CHECK(names[0].message.find("2 hyphenated names") != std::string::npos);
    CHECK(names[0].message.find("\u201C\u10D1\u10D4\u10E0\u10D8-\u201D (col. 1, l. 1)") != std::string::npos);
    CHECK(names[0].message.find("\u201C\u10EF\u10D0\u10D5\u10D0\u10EE\u10D8-\u201D (col. 1, l. 2)") != std::string::npos);
}

TEST_CASE("layout checks: a word broken where it has no break point is a finding at its line, not an overfull one") {
    page::PageDocument doc;
    doc.pages.resize(1);
    doc.lines = {line(0, 0, 1, "The code XQXQXQXQXQXQXQ"), line(0, 0, 2, "XQXQXQXQ and the rest"), line(0, 1, 1, "plain")};
    doc.lines[0].broken_word = true;
    const auto broken = run(doc, "broken-word");
    REQUIRE(broken.size() == 1);
    CHECK(broken[0].place.page == 1);
    CHECK(broken[0].place.line == 1);
    CHECK(broken[0].message.find("XQXQ") != std::string::npos);
    CHECK(run(doc, "overfull-line").empty());
}

TEST_CASE("layout checks: widows and orphans come from the line records, with their places") {
    page::PageDocument doc;
    doc.pages.resize(2);
    doc.lines = {line(0, 1, 44, "first line of a paragraph"), line(1, 0, 1, "its last line.")};
    doc.lines[0].orphan = true;
    doc.lines[1].widow = true;
    CHECK(run(doc, "orphan").at(0).place.to_string() == "p. 1, col. 2, l. 44");
    CHECK(run(doc, "widow").at(0).place.to_string() == "p. 2, col. 1, l. 1");
}

TEST_CASE("proof stamp: its text and a short checksum of the source") {
    ProofStamp stamp{"lindenau-bridge", "round 2", short_checksum("abc")};
    CHECK(stamp.checksum == "ba7816bf");  // SHA-256("abc") = ba7816bf 8f01cfea …
    CHECK(stamp_text(stamp, 2, 4) == "lindenau-bridge \u00B7 round 2 \u00B7 source ba7816bf \u00B7 p. 2/4");
}

TEST_CASE("display checks: title runts, function-word breaks, dashes at line start, hyphens in ranges") {
    page::PageDocument doc;
    doc.pages.resize(1);
    page::LineRecord t1 = line(0, -1, 1, "Armenia as a mere pawn in");
    t1.style = "title";
    t1.paragraph_lines = 3;
    page::LineRecord t2 = line(0, -1, 2, "Russia\u2019s Kazakhstan");
    t2.style = "title";
    t2.paragraph_lines = 3;
    page::LineRecord t3 = line(0, -1, 3, "strategy");
    t3.style = "title";
    t3.paragraph_lines = 3;
    t3.width = 388;
    t3.natural_width = 96;  // a quarter of the measure: a runt
    doc.lines = {t1, t2, t3, line(0, 0, 4, "\u2013 and then in 2016-2019 the"), line(0, 0, 5, "war of 1914-"),
                 line(0, 0, 6, "18 went on, on 2022-01-17 too")};
    const auto runts = run(doc, "display-runt");
    REQUIRE(runts.size() == 1);
    CHECK(runts[0].message.find("strategy") != std::string::npos);
    CHECK(runts[0].place.line == 3);
    // A word alone that fills most of the line is no runt (the display breaker's own rule).
    page::PageDocument long_word = doc;
    long_word.lines[2].natural_width = 263;
    CHECK(run(long_word, "display-runt").empty());
    const auto fw = run(doc, "display-function-break");
    REQUIRE(fw.size() == 1);
    CHECK(fw[0].place.line == 1);
    const auto dashes = run(doc, "dash-at-line-start");
    REQUIRE(dashes.size() == 1);
    CHECK(dashes[0].place.line == 4);
    const auto ranges = run(doc, "hyphen-in-range");
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0].message.find("2016-2019") != std::string::npos);
    CHECK(ranges[1].message.find("1914-18") != std::string::npos);
}
