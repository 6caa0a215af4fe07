// The issue EPUB (issue 12): three test articles laid out for print with folios continuing through
// the issue, as `quire issue` lays them out, made into one book.
#include "epub/issue_epub.hpp"
#include "epub/page_breaks.hpp"
#include "test_helpers.hpp"

#include "page/layout_article.hpp"

#include <doctest/doctest.h>

#include <regex>

using namespace quire;
using namespace quire::epub;
using testing::contains;

namespace {

struct IssueFixture {
    std::vector<model::LoadedArticle> loaded;
    std::vector<page::PageDocument> prints;
    IssueEpubInput input;

    IssueFixture() {
        const std::string data = QUIRE_TEST_DATA;
        Diagnostics d;
        for (const char* path : {"/epub/interview.xml", "/epub/long.xml", "/print/langs/uk.xml"})
            loaded.push_back(model::load_article(data + path, d, std::filesystem::path(data + "/epub/publication.xml")));
        auto fonts = std::make_shared<text::FontCollection>();
        const style::Layout layout = style::load_layout_or_throw("magazine");
        int folio = 37;  // the first article's page in the issue
        for (const auto& l : loaded) {
            prints.push_back(page::lay_out_article(l.article, &*l.publication, layout, l.folder, fonts, d));
            for (auto& p : prints.back().pages) {
                p.number = folio++;
                p.label = std::to_string(p.number);
            }
        }
        input.title = "Test Quarterly 1-2 2023";
        input.issue_number = "1-2/2023";
        input.date = "2023-05-04";
        input.series_position = 55;
        input.publication = &*loaded[0].publication;
        for (std::size_t i = 0; i < loaded.size(); ++i) input.articles.push_back({&loaded[i], "", &prints[i]});
    }
};

}  // namespace

TEST_CASE("the issue EPUB has a page-list entry for every print page with text, at that page's first words") {
    IssueFixture f;
    const Book book = assemble_issue_book(f.input, {});
    std::size_t pages_with_text = 0;
    std::vector<std::string> expected_folios;
    for (const auto& print : f.prints)
        for (const auto& start : print_page_starts(print)) {
            ++pages_with_text;
            expected_folios.push_back(start.folio);
        }
    REQUIRE(book.page_list.size() == pages_with_text);
    CHECK(pages_with_text >= 4);
    std::size_t k = 0;
    for (const auto& print : f.prints) {
        for (const auto& start : print_page_starts(print)) {
            const PageTarget& target = book.page_list[k++];
            CHECK(target.folio == start.folio);
            const std::string file = target.href.substr(0, target.href.find('#'));
            const std::string id = target.href.substr(target.href.find('#') + 1);
            const Resource* doc = book.find(file);
            REQUIRE(doc);
            const std::string span = "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"" + id +
                                     "\" aria-label=\"" + start.folio + "\"/>";
            const std::size_t at = doc->bytes.find(span);
            REQUIRE(at != std::string::npos);
            const std::string after = body_text("<body>" + doc->bytes.substr(at + span.size()));
            CAPTURE(start.folio);
            CAPTURE(after.substr(0, 80));
            if (start.opening) {
                // Before the article's heading: its section label comes first.
                const auto& meta = f.input.articles[static_cast<std::size_t>(&print - &f.prints[0])].loaded->article.meta;
                CHECK(after.rfind(meta.section, 0) == 0);
            } else {
                // The page's first words (the first one whole when the page begins inside it).
                const std::string words = start.first_words.substr(start.first_words.find(' ') + 1);
                if (start.style == "notice") {
                    // A page that begins with the donation notice: the issue has it once, at its end;
                    // the marker ends the article's document.
                    CHECK(after.empty());
                    CHECK(contains(book.find("notice-donation.xhtml")->bytes, words));
                } else {
                    CHECK(contains(after.substr(0, start.first_words.size() + 40), words));
                }
            }
        }
    }
    // Folios continue through the issue: 37, 38, …
    CHECK(book.page_list.front().folio == "37");
    const std::string nav = book.find("nav.xhtml")->bytes;
    CHECK(contains(nav, "<nav epub:type=\"page-list\" role=\"doc-pagelist\""));
    CHECK(contains(nav, "<a href=\"" + book.page_list.front().href + "\">37</a>"));
}

TEST_CASE("the issue EPUB: contents by section, donation notice once, imprint, series metadata") {
    IssueFixture f;
    const Book book = assemble_issue_book(f.input, {});
    const std::string opf = [&] {
        std::string s;
        for (const auto& r : book.resources) s += r.href + "\n";
        return s;
    }();
    CHECK(book.find("cover.xhtml"));
    const Resource* contents = book.find("contents.xhtml");
    REQUIRE(contents);
    CHECK(contains(contents->bytes, "<h2>Interviews</h2>"));
    CHECK(book.find("imprint.xhtml"));
    CHECK(contains(book.find("imprint.xhtml")->bytes, "ISSN (print): 2083-7372"));
    REQUIRE(book.find("notice-donation.xhtml"));
    CHECK(contains(book.find("notice-donation.xhtml")->bytes, "https://example.org/donate/"));
    int donation_sections = 0;
    for (const auto& r : book.resources)
        if (contains(r.bytes, "class=\"notice notice-donation\"")) ++donation_sections;
    CHECK(donation_sections == 1);
    // Each article with its bio, in its own document.
    CHECK(contains(book.find("a01-interview-baltic-ports.xhtml")->bytes, "epub:type=\"contributors\""));
    CHECK(book.meta.collection == "Test Quarterly");
    CHECK(book.meta.collection_position == "55");
    CHECK(book.meta.other_identifiers == std::vector<std::string>{"urn:issn:2083-7372"});
    CHECK(book.meta.print_source == "urn:issn:2083-7372");
    CHECK(book.meta.title == "Test Quarterly 1-2 2023");
    // The section groups in the nav: "Interviews" holds the interview.
    REQUIRE(!book.toc.empty());
    CHECK(book.toc[0].label == "Interviews");
    REQUIRE(!book.toc[0].children.empty());
    CHECK(book.toc[0].children[0].href == "a01-interview-baltic-ports.xhtml");
    // Same input, same book.
    CHECK(dump_book(assemble_issue_book(f.input, {})) == dump_book(book));
    (void)opf;
}
