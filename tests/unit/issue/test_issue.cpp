// The issue stage: the manifest's errors at their places, the barcode's add-on, and the make-up of a
// small issue (page count, openings, folios, contents numbers).
#include "issue/front_matter.hpp"
#include "issue/issue_layout.hpp"
#include "issue/page_map.hpp"
#include "model/issue.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace quire;

namespace {

const fs::path kExample = fs::path(QUIRE_TEST_DATA).parent_path().parent_path() / "examples" / "issue";

// A manifest as if it sat beside the example's issue.xml (its paths resolve there).
model::Issue parse(const std::string& body, Diagnostics& d) {
    const std::string xml = "<issue publication=\"publication.xml\" number=\"3 2023\" sequence=\"39\" date=\"2023-06-01\">\n" + body + "</issue>\n";
    return model::parse_issue_xml(xml, (kExample / "test-issue.xml").string(), d);
}

bool has_error(const Diagnostics& d, const std::string& text, int line) {
    for (const auto& x : d.all())
        if (x.severity == Severity::Error && x.message.find(text) != std::string::npos && x.where.line == line && x.where.column > 0)
            return true;
    return false;
}

}  // namespace

TEST_CASE("manifest errors name their line and column") {
    Diagnostics d;
    parse("  <section title=\"A\">\n"
          "    <article src=\"articles/no-such.xml\"/>\n"
          "    <article src=\"articles/armenia.xml\"/>\n"
          "    <article src=\"articles/armenia.xml\"/>\n"
          "  </section>\n"
          "  <section title=\"Empty\"/>\n"
          "  <ad src=\"ads/back.pdf\" place=\"back-door\"/>\n"
          "  <ad src=\"../../README.md\"/>\n"
          "  <ad src=\"articles/armenia.xml\"/>\n",
          d);
    INFO(d.to_string());
    CHECK(has_error(d, "not found", 3));
    CHECK(has_error(d, "appears twice", 5));
    CHECK(has_error(d, "is empty", 7));
    CHECK(has_error(d, "unknown ad place", 8));
    CHECK(has_error(d, "leaves the manifest's folder", 9));
    CHECK(has_error(d, "is not a PDF", 10));
}

TEST_CASE("a manifest without sections, or with two covers, is refused") {
    Diagnostics d;
    parse("  <cover price=\"1\"/>\n  <cover price=\"2\"/>\n", d);
    INFO(d.to_string());
    CHECK(has_error(d, "a second <cover>", 3));
    CHECK(d.to_string().find("no <section>") != std::string::npos);
}

TEST_CASE("the barcode add-on is the running number's last two digits") {
    CHECK(issue::barcode_addon("37") == "37");
    CHECK(issue::barcode_addon("7") == "07");
    CHECK(issue::barcode_addon("123") == "23");
    CHECK(issue::barcode_addon("").empty());
}

TEST_CASE("article PDF names are safe whatever the id says") {
    CHECK(issue::article_pdf_name("armenia-pawn") == "armenia-pawn.pdf");
    CHECK(issue::article_pdf_name("../../etc/passwd") == "------etc-passwd.pdf");
    CHECK(issue::article_pdf_name("") == "article.pdf");
}

TEST_CASE("a small issue: pages in fours, sections open on right-hand pages, contents at the real pages") {
    Diagnostics d;
    const model::Issue manifest = parse("  <cover price=\"10 PLN\"><line>One</line></cover>\n"
                                        "  <section title=\"Reports\">\n"
                                        "    <article src=\"articles/dispatch-pl.xml\"/>\n"
                                        "    <article src=\"articles/dispatch-ka.xml\"/>\n"
                                        "  </section>\n"
                                        "  <section title=\"Reviews\">\n"
                                        "    <article src=\"articles/review-novel.xml\"/>\n"
                                        "  </section>\n"
                                        "  <ad src=\"ads/back.pdf\" place=\"back-cover\"/>\n",
                                        d);
    REQUIRE_FALSE(d.has_errors());
    issue::IssueOptions options;
    options.threads = 2;
    const issue::IssueLayout laid = issue::lay_out_issue(manifest, options, d);
    INFO(d.to_string());
    REQUIRE(laid.articles.size() == 3);
    CHECK(laid.pages.size() % 4 == 0);
    CHECK(laid.pages.front().kind == issue::PageKind::Cover);
    CHECK(laid.pages.back().kind == issue::PageKind::Ad);
    // Each section's first article opens on an odd (right-hand) page; the next article follows on.
    CHECK(laid.articles[0].first_page % 2 == 1);
    CHECK(laid.articles[2].first_page % 2 == 1);
    CHECK(laid.articles[1].first_page == laid.articles[0].last_page + 1);
    // The pages the map lists are the articles' pages, and every article's pages carry its folios.
    for (const auto& a : laid.articles) {
        CHECK(laid.pages[static_cast<std::size_t>(a.first_page - 1)].kind == issue::PageKind::Article);
        CHECK(a.typeset.pages.pages.front().number == a.first_page);
        CHECK(a.typeset.pages.pages.back().number == a.last_page);
    }
    // Every filler the make-up added is listed.
    int fillers = 0;
    for (const auto& p : laid.pages) fillers += p.kind == issue::PageKind::Filler;
    CHECK(fillers == static_cast<int>(laid.added_pages.size()));
    // The issue's document: one page per position, the folio its position.
    const page::PageDocument doc = laid.document();
    REQUIRE(doc.pages.size() == laid.pages.size());
    for (std::size_t i = 0; i < doc.pages.size(); ++i) CHECK(doc.pages[i].number == static_cast<int>(i) + 1);
    // Each page's source (what the spreads draw, uncopied) has the document's items and supplied PDF.
    int with_items = 0;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const issue::IssueLayout::PageSource source = laid.page_source(i);
        CHECK(source.placed_pdf == doc.pages[i].placed_pdf);
        if (!source.page) {
            CHECK(doc.pages[i].items.empty());
            continue;
        }
        ++with_items;
        REQUIRE(source.page->items.size() == doc.pages[i].items.size());
        CHECK(source.page->items.size() > 0);
    }
    CHECK(with_items >= 3 + 2);  // the cover, the contents and the articles' pages at least
    CHECK(laid.page_source(laid.pages.size() - 1).placed_pdf.filename() == "back.pdf");
    // The donation notice once: only the last article's document has it.
    const std::string map = issue::page_map_json(laid);
    CHECK(map.find("\"page_count\": " + std::to_string(laid.pages.size())) != std::string::npos);
}

TEST_CASE("a scraped page in the manifest is imported on the fly, its lead photo left out with a warning") {
    const fs::path dir = fs::temp_directory_path() / ("quire-issue-page-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "pages");
    fs::copy_file(kExample / "publication.xml", dir / "publication.xml");
    fs::copy_file(kExample.parent_path() / "page.txt", dir / "pages" / "armenia.txt");
    Diagnostics d;
    const std::string xml = "<issue publication=\"publication.xml\" number=\"3 2023\" date=\"2023-06-01\">\n"
                            "  <section title=\"Commentary\">\n"
                            "    <article src=\"pages/armenia.txt\"/>\n"
                            "  </section>\n"
                            "</issue>\n";
    const model::Issue manifest = model::parse_issue_xml(xml, (dir / "issue.xml").string(), d);
    REQUIRE_FALSE(d.has_errors());
    const issue::IssueLayout laid = issue::lay_out_issue(manifest, {}, d);
    INFO(d.to_string());
    REQUIRE(laid.articles.size() == 1);
    CHECK(laid.articles[0].typeset.loaded.article.meta.title.find("Armenia") != std::string::npos);
    CHECK(laid.articles[0].typeset.page_count() >= 2);
    CHECK(d.to_string().find("issue.xml:3:5: warning: the page's lead photo") != std::string::npos);
    CHECK(laid.pages.size() % 4 == 0);
    fs::remove_all(dir);
}
