// Whole pages written for the variations real pages show (tests/data/import/*.txt), imported end to end.
#include "core/output_file.hpp"
#include "import/import_page.hpp"
#include "model/article_xml.hpp"

#include <doctest/doctest.h>

using namespace quire;
using namespace quire::import;
using model::BlockKind;

namespace {

ImportResult import_case(const std::string& name, NoticePlacement notice = NoticePlacement::BackMatter) {
    const std::string path = std::string(QUIRE_TEST_DATA) + "/import/" + name;
    ImportOptions options;
    options.notice = notice;
    if (notice == NoticePlacement::Publication) options.publication_path = "publication.xml";
    return import_page(read_file(path), path, options);
}

std::vector<std::string> names(const model::Article& a) {
    std::vector<std::string> out;
    for (const auto& au : a.meta.authors) out.push_back(au.name);
    return out;
}

std::size_t count(const model::Article& a, BlockKind kind) {
    std::size_t n = 0;
    for (const auto& b : a.body) n += b.kind == kind;
    return n;
}

std::string first_text(const model::InlineText& t) { return t.empty() ? std::string() : t.front().text; }

bool has_notice(const model::Article& a) {
    for (const auto& item : a.back_matter)
        if (item.kind == model::BackMatterKind::Notice && item.notice.kind == "donation") return true;
    return false;
}

// What every imported article must survive: written as XML and read back, it is the same.
void check_round_trip(const model::Article& article) {
    Diagnostics d;
    const auto xml = model::write_article_xml(article);
    const auto back = model::parse_article_xml(xml, "round-trip.xml", d);
    CHECK_MESSAGE(!d.has_errors(), d.to_string());
    CHECK(back == article);
}

}  // namespace

TEST_CASE("case: no site header, two authors joined by 'and', two bios") {
    auto r = import_case("no_header_two_authors.txt");
    const auto& a = r.article;
    CHECK(a.meta.title == "Georgia’s ports and the new Middle Corridor");
    CHECK(names(a) == std::vector<std::string>{"Nino Kapanadze", "Tomasz Wójcik"});
    CHECK(a.meta.date == "2023-03-03");
    CHECK(first_text(a.meta.authors[0].bio).starts_with("Nino Kapanadze is a researcher"));
    CHECK(first_text(a.meta.authors[1].bio).starts_with("Tomasz Wójcik is a journalist"));
    CHECK(count(a, BlockKind::Paragraph) == 4);
    CHECK(count(a, BlockKind::Heading) == 1);
    REQUIRE(a.lead_figure);
    CHECK(a.lead_figure->credit == "Giorgi Beridze / Shutterstock");
    CHECK(has_notice(a));
    CHECK(r.analysis.diagnostics.empty());
    check_round_trip(a);
}

TEST_CASE("case: single line breaks, authors joined by a comma, 'Photo by' credit") {
    auto r = import_case("single_line_breaks.txt");
    const auto& a = r.article;
    CHECK(a.meta.title == "Moldova’s long winter of energy dependence");
    CHECK(plain_text(a.meta.standfirst).starts_with("Chișinău has diversified"));
    CHECK(a.meta.date == "2023-09-05");
    CHECK(names(a) == std::vector<std::string>{"Ana Rusu", "Mihai Popescu"});
    REQUIRE(a.lead_figure);
    CHECK(plain_text(a.lead_figure->caption) == "Power lines near the Cuciurgan power plant.");
    CHECK(a.lead_figure->credit == "Andrei Ciobanu");
    REQUIRE(a.body.size() == 4);
    CHECK(a.body[2].kind == BlockKind::Heading);
    CHECK(plain_text(a.body[2].content) == "What changed");
    CHECK(a.meta.authors[1].bio.size() == 1);
    CHECK(has_notice(a));
    check_round_trip(a);
}

TEST_CASE("case: a caption without a credit") {
    auto r = import_case("caption_without_credit.txt");
    REQUIRE(r.article.lead_figure);
    CHECK(plain_text(r.article.lead_figure->caption) == "Ukrainian and Lithuanian flags at a rally in Vilnius");
    CHECK(r.article.lead_figure->credit.empty());
    CHECK(r.article.body.size() == 2);
    check_round_trip(r.article);
}

TEST_CASE("case: a credit without a caption") {
    auto r = import_case("credit_without_caption.txt");
    REQUIRE(r.article.lead_figure);
    CHECK(r.article.lead_figure->caption.empty());
    CHECK(r.article.lead_figure->credit == "Wikimedia Commons");
    CHECK(r.article.body.size() == 2);
    check_round_trip(r.article);
}

TEST_CASE("case: no standfirst and no photo") {
    auto r = import_case("no_standfirst_no_photo.txt");
    const auto& a = r.article;
    CHECK(a.meta.title == "The Baltic states and the end of Soviet monuments");
    CHECK(a.meta.standfirst.empty());
    CHECK_FALSE(a.lead_figure);
    CHECK(a.body.size() == 2);
    CHECK(plain_text(a.body[0].content).starts_with("On a Tuesday morning in August"));
    CHECK(names(a) == std::vector<std::string>{"Kārlis Ozols"});
    check_round_trip(a);
}

TEST_CASE("case: an interview with speaker labels and a subheading") {
    auto r = import_case("interview.txt");
    const auto& a = r.article;
    CHECK(a.kind == "interview");
    CHECK(a.meta.title == "“We are rebuilding while the missiles still fall”");
    CHECK(a.meta.section == "Interviews");
    CHECK(r.analysis.speakers == std::vector<std::string>{"ADAM REICHARDT", "OLENA KOVALENKO"});
    std::size_t labelled = 0;
    for (const auto& b : a.body) {
        if (b.kind != BlockKind::Paragraph) continue;
        REQUIRE(!b.content.empty());
        if (b.content[0].kind == model::InlineKind::Speaker) ++labelled;
    }
    CHECK(labelled == 6);
    CHECK(count(a, BlockKind::Heading) == 1);
    CHECK(plain_text(a.body[0].content).starts_with("ADAM REICHARDT: Kharkiv is only 40 kilometres"));
    check_round_trip(a);
}

TEST_CASE("case: a page cut short warns and still imports") {
    auto r = import_case("cut_short.txt");
    CHECK(r.article.meta.title == "Kazakhstan’s new constitution and the old elite");
    CHECK(r.article.body.size() == 2);
    CHECK_FALSE(r.analysis.diagnostics.has_errors());
    CHECK(r.analysis.diagnostics.count(Severity::Warning) == 3);
    CHECK(r.analysis.diagnostics.all()[0].where.line == 14);
    CHECK_FALSE(has_notice(r.article));
    CHECK(r.article.meta.authors[0].bio.empty());
}

TEST_CASE("case: a tag listing is refused") {
    CHECK_THROWS_WITH_AS(import_case("listing_tag.txt"), doctest::Contains("lists several articles"), QuireError);
}

TEST_CASE("case: an author listing with pagination is refused") {
    try {
        import_case("listing_author.txt");
        FAIL("the listing was imported");
    } catch (const QuireError& e) {
        CHECK(e.diagnostic().where.to_string().ends_with("listing_author.txt:15:1"));
    }
}

TEST_CASE("case: Polish cookie banner above the page, day-month date, Polish letters kept") {
    auto r = import_case("polish_cookies_day_month.txt");
    const auto& a = r.article;
    CHECK(a.meta.title == "Łódź and Lublin: Poland’s second cities look east");
    CHECK(a.id == "lodz-and-lublin-polands-second-cities-look-east");
    CHECK(a.meta.date == "2024-01-12");
    CHECK(names(a) == std::vector<std::string>{"Katarzyna Żółkiewska"});
    const auto xml = model::write_article_xml(a);
    for (const char* clutter : {"plików cookies", "Akceptuję", "Poniższa", "Zapisz ustawienia", "Text resize"})
        CHECK(xml.find(clutter) == std::string::npos);
    check_round_trip(a);
}

TEST_CASE("case: date-only line, 'By A & B', tags, 'Read also', Source credit, Cyrillic title") {
    auto r = import_case("byline_tags_source.txt");
    const auto& a = r.article;
    CHECK(a.meta.title == "Як Київ зимує: Kyiv’s third wartime winter");
    CHECK(a.id == "yak-kyiv-zymuie-kyivs-third-wartime-winter");
    CHECK(a.meta.date == "2024-12-12");
    CHECK(names(a) == std::vector<std::string>{"Iryna Melnyk", "Oleksandr Bondar"});
    CHECK(a.meta.keywords == std::vector<std::string>{"Ukraine", "Kyiv", "energy"});
    REQUIRE(a.lead_figure);
    CHECK(a.lead_figure->credit == "Kyiv City State Administration");
    CHECK(a.body.size() == 2);  // "Read also" and the tags are not text
    CHECK(a.meta.authors[0].bio.size() == 1);
    CHECK(a.meta.authors[1].bio.size() == 1);
    check_round_trip(a);
}

TEST_CASE("case: with the notice placed in the publication, the article keeps an empty notice") {
    auto r = import_case("no_header_two_authors.txt", NoticePlacement::Publication);
    CHECK(r.article.publication == "publication.xml");
    bool empty_notice = false;
    for (const auto& item : r.article.back_matter)
        if (item.kind == model::BackMatterKind::Notice) empty_notice = item.notice.content.empty();
    CHECK(empty_notice);
    REQUIRE(r.publication.notices.size() == 1);
    CHECK(r.publication.name == "New Eastern Europe");
    CHECK(r.publication.publisher == "Kolegium Europy Wschodniej im. Jana Nowaka-Jeziorańskiego");
}

TEST_CASE("every case imports deterministically") {
    for (const char* name : {"no_header_two_authors.txt", "interview.txt", "byline_tags_source.txt"}) {
        CHECK(model::write_article_xml(import_case(name).article) == model::write_article_xml(import_case(name).article));
    }
}

TEST_CASE("case: a long standfirst without a full stop, authors split by dashes, a photo inside the text") {
    auto r = import_case("inline_photo_long_standfirst.txt");
    const auto& a = r.article;
    CHECK(a.meta.title == "Hungary’s veto politics");
    CHECK(plain_text(a.meta.standfirst).starts_with("Budapest has turned the unanimity rule"));
    CHECK(names(a) == std::vector<std::string>{"Péter Szabó", "Dóra Kiss"});
    CHECK(a.meta.section == "Articles and Commentary");
    REQUIRE(a.body.size() == 3);
    // A data source cited at the end of a paragraph stays in the paragraph.
    CHECK(plain_text(a.body[0].content).ends_with("over the same period (Source: European Commission)."));
    CHECK(a.body[1].kind == BlockKind::FigureBlock);
    CHECK(plain_text(a.body[1].figure.caption) == "Protesters outside the parliament in Budapest, March 2024.");
    CHECK(a.body[1].figure.credit == "Ádám Tóth");
    CHECK(a.meta.authors[1].bio.size() == 1);
    check_round_trip(a);
}

TEST_CASE("case: an interview whose byline runs the names together (the site's style)") {
    auto r = import_case("interview_run_together_names.txt");
    const auto& a = r.article;
    CHECK(names(a) == std::vector<std::string>{"Tamar Beridze", "Marta Nowak"});
    CHECK(a.meta.authors[0].role == "author");
    CHECK(a.meta.authors[1].role == "interviewer");
    CHECK(a.kind == "interview");
    CHECK(a.meta.authors[1].bio.size() == 1);
    CHECK(a.meta.authors[0].bio.empty());
    CHECK(a.body.size() == 4);
    CHECK_FALSE(r.analysis.diagnostics.has_errors());
    check_round_trip(a);
}

TEST_CASE("case: a category page with only two entries is refused by its heading") {
    CHECK_THROWS_WITH_AS(import_case("listing_category_two.txt"), doctest::Contains("a listing heading"), QuireError);
}

TEST_CASE("case: the magazine as author: no bio taken from its text, a salutation is no heading's text") {
    auto r = import_case("house_author_letter.txt");
    const auto& a = r.article;
    CHECK(names(a) == std::vector<std::string>{"New Eastern Europe"});
    CHECK(a.meta.authors[0].bio.empty());
    CHECK_FALSE(a.lead_figure);
    REQUIRE(a.body.size() == 5);
    CHECK(a.body[1].kind == BlockKind::Paragraph);  // "To our subscribers" is followed by a salutation only
    CHECK(plain_text(a.body[4].content).starts_with("New Eastern Europe remains committed"));
    CHECK(has_notice(a));
}
