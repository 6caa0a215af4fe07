// The line checks (proof/checks_lines.hpp) on display lists made by hand: runts, a hyphen in the
// penultimate line, very tight and letter-spaced lines, text hyphenated in a language it is not
// written in. One case each that must be found and one beside it that must not.
#include "page/page_document.hpp"
#include "proof/checks_lines.hpp"
#include "text/language_guess.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace quire;
using namespace quire::proof;

namespace {

// Line n of a paragraph of `lines` lines, set in column 1 of page 1 on a 12 pt grid.
page::LineRecord line(int paragraph, int n, int lines, std::string text, const char* style = "body") {
    page::LineRecord r;
    r.page = 0;
    r.column = 0;
    r.line_in_column = paragraph * 10 + n;
    r.paragraph = paragraph;
    r.line_in_paragraph = n;
    r.paragraph_lines = lines;
    r.style = style;
    r.x = 50;
    r.baseline = 60 + r.line_in_column * 12.0;
    r.width = 180;
    r.ratio = 0.3;
    r.text = std::move(text);
    return r;
}

std::vector<Finding> run(const page::PageDocument& doc, const std::string& check) {
    style::Layout layout;  // no styles: every line counts as justified
    Report report;
    check_line_defects(doc, layout, LineCheckOptions{}, report);
    std::vector<Finding> out;
    std::copy_if(report.findings.begin(), report.findings.end(), std::back_inserter(out),
                 [&](const Finding& f) { return f.check == check; });
    return out;
}

// The line's text as one glyph run in `lang` (no glyphs: the checks read the run's text and language).
void add_text(page::PageDocument& doc, const page::LineRecord& rec, const std::string& lang) {
    page::TextItem t;
    t.run.text = rec.text;
    t.run.lang = lang;
    t.x = rec.x;
    t.y = rec.baseline;
    doc.pages[static_cast<std::size_t>(rec.page)].items.emplace_back(std::move(t));
}

}  // namespace

TEST_CASE("line checks: a one-word last line of a paragraph or subhead is a runt, two words are not") {
    page::PageDocument doc;
    doc.pages.resize(1);
    doc.lines = {line(1, 1, 2, "and so the argument went on as it"), line(1, 2, 2, "always had."),
                 line(2, 1, 2, "and so the argument went on as it al-"), line(2, 2, 2, " ways. "),
                 line(3, 1, 2, "Strained western", "subheading"), line(3, 2, 2, "ties", "subheading"),
                 line(4, 1, 1, "Alone")};  // a one-line paragraph is no runt
    const auto runts = run(doc, "runt");
    REQUIRE(runts.size() == 2);
    CHECK(runts[0].place.to_string() == "p. 1, col. 1, l. 22");
    CHECK(runts[0].severity == Severity::Note);
    CHECK(runts[0].message.find("\u201Cways.\u201D") != std::string::npos);
    CHECK(runts[1].place.line == 32);
    CHECK(runts[1].severity == Severity::Warning);  // a subhead's runt is display type
    CHECK(runts[1].message.find("subhead") != std::string::npos);
}

TEST_CASE("line checks: a hyphen in a paragraph's second-to-last line, not in an earlier one") {
    page::PageDocument doc;
    doc.pages.resize(1);
    doc.lines = {line(1, 1, 3, "first line with a hy-"), line(1, 2, 3, "phen and a sec-"), line(1, 3, 3, "ond.")};
    doc.lines[0].hyphenated = doc.lines[1].hyphenated = true;
    const auto found = run(doc, "penultimate-hyphen");
    REQUIRE(found.size() == 1);
    CHECK(found[0].place.line == 12);
    CHECK(found[0].message.find("\u201C\u2026sec-\u201D") != std::string::npos);
}

TEST_CASE("line checks: a justified line at ratio -0.9 or tighter, but not a last line or an overfull one") {
    page::PageDocument doc;
    doc.pages.resize(1);
    doc.lines = {line(1, 1, 4, "squeezed hard"), line(1, 2, 4, "just tight enough"), line(1, 3, 4, "overfull"),
                 line(1, 4, 4, "end")};
    doc.lines[0].ratio = -0.95;
    doc.lines[1].ratio = -0.89;
    doc.lines[2].ratio = -1.0;
    doc.lines[2].overfull = true;
    doc.lines[3].ratio = -1.0;
    const auto tight = run(doc, "tight-line");
    REQUIRE(tight.size() == 1);
    CHECK(tight[0].place.line == 11);
    CHECK(tight[0].message.find("-0.95") != std::string::npos);
}

TEST_CASE("line checks: a line whose letters were spaced to fill it is reported with the amount") {
    page::PageDocument doc;
    doc.pages.resize(1);
    doc.lines = {line(1, 1, 3, "a very loose line"), line(1, 2, 3, "a normal line"), line(1, 3, 3, "end")};
    doc.lines[0].letter_spacing = 0.084;
    const auto spaced = run(doc, "letter-spaced");
    REQUIRE(spaced.size() == 1);
    CHECK(spaced[0].place.line == 11);
    CHECK(spaced[0].message.find("0.08 pt") != std::string::npos);
    CHECK(doc.dump().find("letterspaced \"a very loose line\"") != std::string::npos);
}

TEST_CASE("line checks: Polish text marked as English and hyphenated is in the wrong language") {
    text::LanguageGuesser probe;
    if (!probe.available()) {
        MESSAGE("libexttextcat-data is not installed: skipping");
        return;
    }
    const std::vector<std::string> polish = {
        "Niepokoje w Kazachstanie pokazały, jak niewiele miej-", "sca ma Armenia na manewry między Rosją a Zacho-",
        "dem, i jak bardzo jej bezpieczeństwo wciąż zależy od", "partnera zajętego czym innym. Władze w Erywaniu",
        "milczały przez cały tydzień, a opozycja domagała się", "wyjaśnień."};
    const std::vector<std::string> english = {
        "Recent unrest in Kazakhstan has shown how little ro-", "om Armenia has to manoeuvre between Russia and the",
        "West, and how much its security still depends on a", "partner that is busy elsewhere. The government in",
        "Yerevan kept silent for a whole week while the oppo-", "sition asked for explanations."};
    page::PageDocument doc;
    doc.pages.resize(1);
    auto add_paragraph = [&](int paragraph, const std::vector<std::string>& text, const std::string& lang) {
        for (std::size_t k = 0; k < text.size(); ++k) {
            page::LineRecord r = line(paragraph, static_cast<int>(k) + 1, static_cast<int>(text.size()), text[k]);
            r.hyphenated = text[k].back() == '-';
            add_text(doc, r, lang);
            doc.lines.push_back(r);
        }
    };
    add_paragraph(1, polish, "en");   // wrong: English patterns broke Polish words
    add_paragraph(2, english, "en");  // right
    add_paragraph(3, polish, "pl");   // right
    const auto wrong = run(doc, "wrong-language");
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].place.line == 11);
    CHECK(wrong[0].message.find("xml:lang=\"en\" reads as Polish (pl)") != std::string::npos);
    CHECK(wrong[0].message.find("\u201Cmiej-\u201D, \u201CZacho-\u201D") != std::string::npos);

    // The same Polish, too short to judge (one line of it), is not reported.
    page::PageDocument short_doc;
    short_doc.pages.resize(1);
    page::LineRecord r = line(1, 1, 2, polish[0]);
    r.hyphenated = true;
    add_text(short_doc, r, "en");
    short_doc.lines.push_back(r);
    CHECK(run(short_doc, "wrong-language").empty());
}
