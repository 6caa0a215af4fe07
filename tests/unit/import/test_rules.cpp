// Each import rule on its own, on small pages written for the rule.
#include "import/analysis.hpp"
#include "import/import_page.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace quire::import;

namespace {

PageAnalysis page(const std::string& text) {
    PageAnalysis a;
    a.page = split_page(text, "t.txt");
    return a;
}

LineRole role_of(const PageAnalysis& a, int page_line) {
    for (const auto& l : a.page.lines)
        if (l.line == page_line) return l.role;
    FAIL("no line " << page_line);
    return LineRole::Unclassified;
}

std::string rule_for(const PageAnalysis& a, const std::string& field) {
    for (const auto& d : a.decisions)
        if (d.field == field) return d.rule;
    return {};
}

const std::string kParagraph =
    "This paragraph is long enough to be body text, with several clauses, a full stop and more than thirty "
    "words in it, so that no rule mistakes it for a caption, a heading or a standfirst of any kind at all.";

}  // namespace

TEST_CASE("rule_refuse_listing: several dated entries with Read more are refused, naming the second") {
    auto a = page("Tag: Poland\nFirst title\nMay 1, 2023 - A B - News\nExcerpt one.\nRead more\n"
                  "Second title\nMay 2, 2023 - C D - News\nExcerpt two.\nRead more\n");
    try {
        rule_refuse_listing(a);
        FAIL("a listing page was accepted");
    } catch (const quire::QuireError& e) {
        CHECK(e.diagnostic().where.line == 7);
        CHECK(std::string(e.what()).find("lists several articles") != std::string::npos);
    }
}

TEST_CASE("rule_refuse_listing: one article with one date is accepted") {
    auto a = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph + "\nRead more: another article\n");
    CHECK_NOTHROW(rule_refuse_listing(a));
}

TEST_CASE("rule_refuse_listing: pagination with two entries is refused") {
    auto a = page("One\n1 May 2023 - A B\nTwo\n2 May 2023 - A B\n1 2 3 … 9 Next »\n");
    CHECK_THROWS_AS(rule_refuse_listing(a), quire::QuireError);
}

TEST_CASE("rule_date_byline_section: date, two authors and section from the dateline") {
    auto a = page("Title\nJanuary 17, 2022 - Anna Nowak and Jan Kowalski - Articles and Commentary\n" + kParagraph);
    rule_date_byline_section(a);
    REQUIRE(a.dateline);
    CHECK(a.date == "2022-01-17");
    CHECK(a.authors == std::vector<std::string>{"Anna Nowak", "Jan Kowalski"});
    CHECK(a.section == "Articles and Commentary");
    CHECK(role_of(a, 2) == LineRole::Dateline);
    CHECK(rule_for(a, "section") == "rule_date_byline_section");
}

TEST_CASE("rule_date_byline_section: other orders and separators") {
    auto a = page("Title\nAnna Nowak – 17 January 2022 – Interviews\n");
    rule_date_byline_section(a);
    CHECK(a.date == "2022-01-17");
    CHECK(a.authors == std::vector<std::string>{"Anna Nowak"});
    CHECK(a.section == "Interviews");

    auto b = page("Title\nMarch 3, 2023 | Reviews\n");
    rule_date_byline_section(b);
    CHECK(b.authors.empty());
    CHECK(b.section == "Reviews");
}

TEST_CASE("rule_date_byline_section: a date inside a long paragraph is no dateline") {
    auto a = page("Title\n" + kParagraph + " " + kParagraph + "\nJanuary 17, 2022 - Someone - Section\n");
    rule_date_byline_section(a);
    CHECK_FALSE(a.dateline);
}

TEST_CASE("split_authors: the byline forms") {
    using V = std::vector<std::string>;
    CHECK(split_authors("A Nowak and B Kowal") == V{"A Nowak", "B Kowal"});
    CHECK(split_authors("A Nowak, B Kowal") == V{"A Nowak", "B Kowal"});
    CHECK(split_authors("A Nowak, B Kowal and C Lis") == V{"A Nowak", "B Kowal", "C Lis"});
    CHECK(split_authors("By A Nowak & B Kowal") == V{"A Nowak", "B Kowal"});
    CHECK(split_authors("Aleksandar Srbinovski") == V{"Aleksandar Srbinovski"});
}

TEST_CASE("rule_byline_line: 'By …' beside a date-only line") {
    auto a = page("Title\nDecember 12, 2024\nBy Iryna Melnyk & Oleksandr Bondar\n" + kParagraph);
    rule_date_byline_section(a);
    rule_byline_line(a);
    CHECK(a.authors == std::vector<std::string>{"Iryna Melnyk", "Oleksandr Bondar"});
    CHECK(role_of(a, 3) == LineRole::Byline);
    CHECK(rule_for(a, "author") == "rule_byline_line");
}

TEST_CASE("rule_drop_page_controls and rule_drop_cookie_privacy") {
    auto a = page("Text resize: A A\nChange contrast\nTitle\nMay 1, 2023 - A B - News\n" + kParagraph +
                  "\nWe use cookies to personalise content and ads.\nCookies settings\nSave settings\n"
                  "Poniższa Polityka Prywatności – klauzule informacyjne\nPrivacy concerns in the new law\n");
    rule_date_byline_section(a);
    rule_drop_page_controls(a);
    rule_drop_cookie_privacy(a);
    CHECK(role_of(a, 1) == LineRole::HeaderClutter);
    CHECK(role_of(a, 2) == LineRole::HeaderClutter);
    for (int l = 6; l <= 9; ++l) CHECK(role_of(a, l) == LineRole::FooterClutter);
    // A subheading that mentions privacy is text, not a banner.
    CHECK(role_of(a, 10) == LineRole::Unclassified);
}

TEST_CASE("rule_title_standfirst: title and standfirst above the dateline, clutter above them") {
    auto a = page("New Eastern Europe\nHome\nThe title\nA standfirst that reads as a sentence of some length.\n"
                  "May 1, 2023 - A B - News\n" + kParagraph);
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    CHECK(role_of(a, 3) == LineRole::Title);
    CHECK(role_of(a, 4) == LineRole::Standfirst);
    CHECK(role_of(a, 1) == LineRole::HeaderClutter);
    CHECK(role_of(a, 2) == LineRole::HeaderClutter);
}

TEST_CASE("rule_title_standfirst: no standfirst, and no dateline at all (warning)") {
    auto a = page("Menu\nThe title\nMay 1, 2023 - A B - News\n" + kParagraph);
    rule_date_byline_section(a);
    rule_drop_page_controls(a);
    rule_title_standfirst(a);
    CHECK(role_of(a, 2) == LineRole::Title);
    CHECK_FALSE(a.standfirst);

    auto b = page("The title\n" + kParagraph);
    rule_date_byline_section(b);
    rule_title_standfirst(b);
    CHECK(role_of(b, 1) == LineRole::Title);
    REQUIRE(b.diagnostics.count(quire::Severity::Warning) == 1);
    CHECK(b.diagnostics.all()[0].to_string().starts_with("t.txt:1:1: warning: no date line"));
}

TEST_CASE("split_caption_credit: the credit markers") {
    std::string caption, credit;
    CHECK(split_caption_credit("Soldiers in Kazan. November 2021. Photo: Kosmogenez / Shutterstock", caption, credit));
    CHECK(caption == "Soldiers in Kazan. November 2021.");
    CHECK(credit == "Kosmogenez / Shutterstock");
    CHECK(split_caption_credit("Power lines near the plant. Photo by Andrei Ciobanu", caption, credit));
    CHECK(caption == "Power lines near the plant.");
    CHECK(credit == "Andrei Ciobanu");
    CHECK(split_caption_credit("Source: Wikimedia Commons", caption, credit));
    CHECK(caption.empty());
    CHECK(credit == "Wikimedia Commons");
    CHECK(split_caption_credit("The square at night (Photo: Jan Lis)", caption, credit));
    CHECK(caption == "The square at night");
    CHECK(credit == "Jan Lis");
    CHECK(split_caption_credit("Old town | Photo: PAP", caption, credit));
    CHECK(caption == "Old town");
    CHECK_FALSE(split_caption_credit("A caption with no credit at all", caption, credit));
    CHECK_FALSE(split_caption_credit("Photographers: many", caption, credit));
}

TEST_CASE("rule_lead_caption_credit: caption without credit only when short and followed by text") {
    auto a = page("Title\nMay 1, 2023 - A B - News\nFlags at a rally in Vilnius\n" + kParagraph);
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_lead_caption_credit(a);
    CHECK(role_of(a, 3) == LineRole::Caption);
    CHECK(a.caption == "Flags at a rally in Vilnius");
    CHECK(a.credit.empty());
    CHECK(rule_for(a, "caption") == "rule_caption_without_credit");

    auto b = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph + "\n" + kParagraph);
    rule_date_byline_section(b);
    rule_title_standfirst(b);
    rule_lead_caption_credit(b);
    CHECK_FALSE(b.caption_line);  // no photo: the first line is a paragraph
}

TEST_CASE("rule_footer_zone: from the tag separators to the end, notice kept above it") {
    auto a = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph +
                  "\nDear Readers - X is a not-for-profit publication.\n, , , ,\nAgencja digital: studio\nAnything\n");
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_footer_zone(a);
    REQUIRE(a.footer_begin);
    CHECK(a.page.lines[*a.footer_begin].line == 5);
    CHECK(role_of(a, 4) == LineRole::Unclassified);
    CHECK(role_of(a, 6) == LineRole::FooterClutter);
    CHECK(role_of(a, 7) == LineRole::FooterClutter);
}

TEST_CASE("rule_footer_zone: a copyright line starts the footer, typo included") {
    auto a = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph + "\nCopyryight 2024 Some Publisher\n");
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_footer_zone(a);
    CHECK(role_of(a, 4) == LineRole::FooterClutter);
}

TEST_CASE("rule_tags_line and rule_drop_body_clutter") {
    auto a = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph + "\nRead also: Another story\n" + kParagraph +
                  "\nTags: Ukraine, energy\n");
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_tags_line(a);
    rule_drop_body_clutter(a);
    CHECK(a.keywords == std::vector<std::string>{"Ukraine", "energy"});
    CHECK(role_of(a, 4) == LineRole::BodyClutter);
    CHECK(role_of(a, 6) == LineRole::BodyClutter);
}

TEST_CASE("rule_donation_notice: 'Dear Readers' to the footer, over several lines") {
    auto a = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph +
                  "\nDear Readers –\nWe are a not-for-profit publication.\nPlease consider making a donation.\n, , ,\n");
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_footer_zone(a);
    rule_donation_notice(a);
    for (int l = 4; l <= 6; ++l) CHECK(role_of(a, l) == LineRole::Notice);
    CHECK(role_of(a, 7) == LineRole::FooterClutter);
}

TEST_CASE("rule_donation_notice: an appeal without the greeting, among the last lines") {
    auto a = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph + "\nIf you appreciate our work, please consider "
                  "making a donation.\n");
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_donation_notice(a);
    CHECK(role_of(a, 4) == LineRole::Notice);
}

TEST_CASE("rule_author_bio: bios start with an author's name, one per author") {
    auto a = page("Title\nMay 1, 2023 - Anna Nowak and Jan Kowalski - News\n" + kParagraph +
                  "\nAnna Nowak is a historian.\nJan Kowalski, a journalist, lives in Kraków.\nDear Readers - …\n");
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_donation_notice(a);
    rule_author_bio(a);
    REQUIRE(a.bios.size() == 2);
    CHECK(a.bios[0].author == 0);
    CHECK(a.bios[1].author == 1);
    CHECK(role_of(a, 3) == LineRole::Unclassified);  // the text itself does not start with a name
}

TEST_CASE("rule_author_from_bio: no byline, the closing bio names the author") {
    auto a = page("Title\n" + kParagraph + "\nMaria Lis is a reporter in Gdańsk.\n");
    rule_title_standfirst(a);
    rule_author_from_bio(a);
    rule_author_bio(a);
    CHECK(a.authors == std::vector<std::string>{"Maria Lis"});
    CHECK(a.bios.size() == 1);
}

TEST_CASE("speaker_label_candidate") {
    CHECK(speaker_label_candidate("NEE: Why now?") == "NEE");
    CHECK(speaker_label_candidate("ADAM REICHARDT: Kharkiv is close.") == "ADAM REICHARDT");
    CHECK(speaker_label_candidate("Olena Kovalenko: We plan.") == "Olena Kovalenko");
    CHECK(speaker_label_candidate("Photo: someone") == "");
    CHECK(speaker_label_candidate("The reason was simple: money.") == "");
    CHECK(speaker_label_candidate("In 2022: war") == "");
}

TEST_CASE("rule_speaker_labels: recurring labels make an interview, a one-off colon does not") {
    auto a = page("Title\nMay 1, 2023 - A B - Interviews\nNEE: First question?\nJan Lis: First answer.\n"
                  "NEE: Second question?\nJan Lis: Second answer.\n");
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_speaker_labels(a);
    CHECK(a.speakers == std::vector<std::string>{"NEE", "Jan Lis"});
    CHECK(role_of(a, 3) == LineRole::Paragraph);
    rule_article_kind(a);
    CHECK(a.kind == "interview");

    auto b = page("Title\nMay 1, 2023 - A B - News\nThe Kremlin: a fortress.\n" + kParagraph);
    rule_date_byline_section(b);
    rule_title_standfirst(b);
    rule_speaker_labels(b);
    CHECK(b.speakers.empty());
}

TEST_CASE("paragraph_inlines: the speaker label becomes a Speaker inline, text kept exactly") {
    auto inl = paragraph_inlines("NEE: Why now?", {"NEE"});
    REQUIRE(inl.size() == 2);
    CHECK(inl[0].kind == quire::model::InlineKind::Speaker);
    REQUIRE(inl[0].children.size() == 1);
    CHECK(inl[0].children[0].text == "NEE:");
    CHECK(inl[1].text == " Why now?");
    CHECK(paragraph_inlines("NEE: Why now?", {}).size() == 1);
}

TEST_CASE("rule_subheadings: short unpunctuated lines between paragraphs") {
    auto a = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph + "\nStrained western ties\n" + kParagraph +
                  "\nA counterproductive relationship?\n" + kParagraph + "\nA short sentence.\n" + kParagraph +
                  "\nTwo short lines\nin a row\n" + kParagraph);
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_subheadings(a);
    rule_paragraphs(a);
    CHECK(role_of(a, 4) == LineRole::Subheading);
    CHECK(role_of(a, 6) == LineRole::Subheading);
    CHECK(role_of(a, 8) == LineRole::Paragraph);   // ends with a full stop
    CHECK(role_of(a, 10) == LineRole::Paragraph);  // followed by another short line
    CHECK(role_of(a, 11) == LineRole::Paragraph);  // starts lower case
}

TEST_CASE("rule_article_kind: from the section") {
    auto a = page("x");
    a.section = "Articles and Commentary";
    rule_article_kind(a);
    CHECK(a.kind == "commentary");
    a.section = "Reviews";
    a.kind.clear();
    rule_article_kind(a);
    CHECK(a.kind == "review");
}

TEST_CASE("rule_publication_facts: name from the notice, publisher and site from the footer") {
    auto a = page("Title\nMay 1, 2023 - A B - News\n" + kParagraph +
                  "\nDear Readers - Some Magazine is a not-for-profit publication.\n, , ,\n"
                  "Terms of Use | Copyright 2024 Some Foundation 00-950 Warszawa\nSee https://example.org/privacy\n");
    a = run_rules(a.page);
    CHECK(a.publication_name == "Some Magazine");
    CHECK(a.publisher == "Some Foundation");
    CHECK(a.site_url == "https://example.org/");
}

TEST_CASE("rule_cut_short: warnings, not errors, with the page's places") {
    auto a = run_rules(split_page("Title\nMay 1, 2023 - Anna Nowak - News\n" + kParagraph + "\nAnd then the text stops in the", "t.txt"));
    CHECK_FALSE(a.diagnostics.has_errors());
    CHECK(a.diagnostics.count(quire::Severity::Warning) == 3);
    const auto text = a.diagnostics.to_string();
    CHECK(text.find("t.txt:4:1: warning: no author bio found") != std::string::npos);
    CHECK(text.find("t.txt:4:1: warning: no donation notice") != std::string::npos);
    CHECK(text.find("t.txt:4:1: warning: the last paragraph ends mid-sentence") != std::string::npos);
}

TEST_CASE("explain names the rule for each field and the role of each line") {
    auto a = run_rules(split_page("Text resize: A A\nTitle\nMay 1, 2023 - Anna Nowak - News\n" + kParagraph, "t.txt"));
    const auto text = explain(a);
    CHECK(text.find("title             rule_title_standfirst        line 2    Title") != std::string::npos);
    CHECK(text.find("   1  header-clutter  rule_drop_page_controls") != std::string::npos);
}

TEST_CASE("rule_split_run_together_authors: by the page's names, else by pairs (with a warning)") {
    auto a = page("Title\nMay 1, 2023 - Florent Marciacq Iwona Reichardt - Interviews\n"
                  "IWONA REICHARDT: A question?\nFLORENT MARCIACQ: An answer.\n");
    rule_date_byline_section(a);
    rule_title_standfirst(a);
    rule_split_run_together_authors(a);
    CHECK(a.authors == std::vector<std::string>{"Florent Marciacq", "Iwona Reichardt"});
    CHECK(a.diagnostics.empty());

    auto b = page("Title\nMay 1, 2023 - Olivia Capozzalo Smith Freeman - Interviews\n" + kParagraph);
    rule_date_byline_section(b);
    rule_title_standfirst(b);
    rule_split_run_together_authors(b);
    CHECK(b.authors == std::vector<std::string>{"Olivia Capozzalo", "Smith Freeman"});
    CHECK(b.diagnostics.count(quire::Severity::Warning) == 1);

    // One person with three names, and a known interviewer beside an unknown three-word name.
    auto c = page("Title\nMay 1, 2023 - Pedro Caldeira Rodrigues - Interviews\n" + kParagraph);
    rule_date_byline_section(c);
    rule_title_standfirst(c);
    rule_split_run_together_authors(c);
    CHECK(c.authors == std::vector<std::string>{"Pedro Caldeira Rodrigues"});

    auto d = page("Title\nA conversation with a journalist. Interviewer: Iwona Reichardt\n"
                  "May 1, 2023 - Iwona Reichardt Pedro Caldeira Rodrigues - Interviews\n" + kParagraph);
    rule_date_byline_section(d);
    rule_title_standfirst(d);
    rule_split_run_together_authors(d);
    CHECK(d.authors == std::vector<std::string>{"Iwona Reichardt", "Pedro Caldeira Rodrigues"});
    CHECK(d.interviewers == std::vector<std::string>{"Iwona Reichardt"});
}

TEST_CASE("rule_date_byline_section: four parts, the middle ones all authors") {
    auto a = page("Title\nApril 8, 2024 - Péter Szabó - Dóra Kiss - Articles and Commentary\n");
    rule_date_byline_section(a);
    CHECK(a.authors == std::vector<std::string>{"Péter Szabó", "Dóra Kiss"});
    CHECK(a.section == "Articles and Commentary");
}
