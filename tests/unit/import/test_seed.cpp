// End to end on the real page (examples/page.txt, the seed scraped from neweasterneurope.eu): every
// field the issue names, the text word for word, and no clutter in the XML.
#include "core/output_file.hpp"
#include "import/import_page.hpp"
#include "model/article_xml.hpp"

#include <doctest/doctest.h>

using namespace quire;
using namespace quire::import;
using model::BlockKind;

namespace {

const std::string kSeed = std::string(QUIRE_SOURCE_DIR) + "/examples/page.txt";

ImportResult import_seed(NoticePlacement notice) {
    ImportOptions options;
    options.notice = notice;
    if (notice == NoticePlacement::Publication) options.publication_path = "publication.xml";
    return import_page(read_file(kSeed), "page.txt", options);
}

// The page's paragraphs are its lines 12, 14, 18, 22, 24 and 26; read them straight from the file.
std::vector<std::string> seed_lines() {
    std::vector<std::string> lines;
    const std::string text = read_file(kSeed);
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

}  // namespace

TEST_CASE("seed: metadata") {
    const auto r = import_seed(NoticePlacement::BackMatter);
    const auto& a = r.article;
    CHECK(a.meta.title == "Armenia as a mere pawn in Russia’s Kazakhstan strategy");
    CHECK(a.id == "armenia-as-a-mere-pawn-in-russias-kazakhstan-strategy");
    CHECK(a.meta.date == "2022-01-17");
    REQUIRE(a.meta.authors.size() == 1);
    CHECK(a.meta.authors[0].name == "Aleksandar Srbinovski");
    CHECK(a.meta.section == "Articles and Commentary");
    CHECK(a.kind == "commentary");
    CHECK(plain_text(a.meta.standfirst) ==
          "Recent unrest in Kazakhstan naturally attracted the attention of a Kremlin administration eager to "
          "bolster its position as regional hegemon. Despite this, the event also further revealed Yerevan’s "
          "increasing reliance on Moscow.");
    CHECK(r.analysis.diagnostics.empty());
}

TEST_CASE("seed: caption and credit apart") {
    const auto r = import_seed(NoticePlacement::BackMatter);
    REQUIRE(r.article.lead_figure);
    CHECK(plain_text(r.article.lead_figure->caption) ==
          "Soldiers of the Armed Forces of Armenia in Kazan, Russia, during military exercises of the Collective "
          "Security Treaty Organization. November 2021.");
    CHECK(r.article.lead_figure->credit == "Kosmogenez / Shutterstock");
    const auto xml = model::write_article_xml(r.article);
    CHECK(xml.find("<credit>Kosmogenez / Shutterstock</credit>") != std::string::npos);
}

TEST_CASE("seed: six paragraphs word for word, two subheadings in place") {
    const auto r = import_seed(NoticePlacement::BackMatter);
    const auto& body = r.article.body;
    const auto lines = seed_lines();
    REQUIRE(body.size() == 8);
    const std::vector<std::pair<BlockKind, int>> expected{
        {BlockKind::Paragraph, 12}, {BlockKind::Paragraph, 14}, {BlockKind::Heading, 16}, {BlockKind::Paragraph, 18},
        {BlockKind::Heading, 20},   {BlockKind::Paragraph, 22}, {BlockKind::Paragraph, 24}, {BlockKind::Paragraph, 26}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(body[i].kind == expected[i].first);
        CHECK(plain_text(body[i].content) == lines[static_cast<std::size_t>(expected[i].second - 1)]);
        CHECK(body[i].where.line == expected[i].second);
    }
    CHECK(plain_text(body[2].content) == "Strained western ties");
    CHECK(plain_text(body[4].content) == "A counterproductive relationship?");
    // Typos are the author's: kept.
    CHECK(plain_text(body[3].content).ends_with("can only damages its western links."));
}

TEST_CASE("seed: bio and donation notice in the back matter") {
    const auto r = import_seed(NoticePlacement::BackMatter);
    const auto& a = r.article;
    CHECK(plain_text(a.meta.authors[0].bio).starts_with("Aleksandar Srbinovski is a journalist with over 15 years"));
    CHECK(plain_text(a.meta.authors[0].bio).ends_with("continued training with the University of Oklahoma."));
    REQUIRE(a.back_matter.size() == 2);
    CHECK(a.back_matter[0].kind == model::BackMatterKind::Bio);
    CHECK(a.back_matter[0].author_id == "a1");
    CHECK(a.back_matter[1].notice.kind == "donation");
    REQUIRE(a.back_matter[1].notice.content.size() == 1);
    // Only white space normalised: the page's no-break spaces become single spaces.
    CHECK(plain_text(a.back_matter[1].notice.content[0].content) ==
          "Dear Readers – New Eastern Europe is a not-for-profit publication that has been publishing online and in "
          "print since 2011. Our mission is to shape the debate, enhance understanding, and further the dialogue "
          "surrounding issues facing the states that were once a part of the Soviet Union or under its influence. "
          "But we can only achieve this mission with the support of our donors. If you appreciate our work please "
          "consider making a donation.");
}

TEST_CASE("seed: no web clutter reaches the article or the profile") {
    for (auto placement : {NoticePlacement::BackMatter, NoticePlacement::Publication}) {
        const auto r = import_seed(placement);
        const auto xml = model::write_article_xml(r.article) + model::write_publication_xml(r.publication);
        for (const char* clutter : {"Text resize", "Change contrast", "Cookie", "cookie", "Poniższa", "Terms of Use",
                                    ", , ,", "Agencja", "Save settings", "Copyryight", "hauerpower"})
            CHECK_MESSAGE(xml.find(clutter) == std::string::npos, clutter);
    }
}

TEST_CASE("seed: the publication profile it yields") {
    const auto r = import_seed(NoticePlacement::Publication);
    CHECK(r.publication.name == "New Eastern Europe");
    CHECK(r.publication.id == "new-eastern-europe");
    CHECK(r.publication.publisher == "Kolegium Europy Wschodniej im. Jana Nowaka-Jeziorańskiego");
    CHECK(r.publication.site_url == "https://neweasterneurope.eu/");
    REQUIRE(r.publication.notices.size() == 1);
    CHECK(r.publication.notices[0].kind == "donation");
    CHECK(r.article.publication == "publication.xml");

    // And it reads back the same.
    Diagnostics d;
    const auto back = model::parse_publication_xml(model::write_publication_xml(r.publication), "p.xml", d);
    CHECK_FALSE(d.has_errors());
    CHECK(back == r.publication);
    Diagnostics d2;
    const auto article_back = model::parse_article_xml(model::write_article_xml(r.article), "a.xml", d2);
    CHECK_FALSE(d2.has_errors());
    CHECK(article_back == r.article);
}
