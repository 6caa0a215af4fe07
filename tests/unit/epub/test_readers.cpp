// Issue 12, "fix for every EPUB": what subscribers met in real reading systems.
#include "epub/epub_builder.hpp"
#include "epub/labels.hpp"
#include "epub/navigation.hpp"
#include "epub/package_document.hpp"
#include "epub/page_breaks.hpp"
#include "epub/stylesheet.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>

using namespace quire;
using namespace quire::epub;
using testing::contains;

namespace {
std::string package_of(const Book& book) { return package_document(book); }
}  // namespace

TEST_CASE("an Armenian or Georgian EPUB has no English words quire added") {
    for (const char* name : {"hy", "ka"}) {
        CAPTURE(name);
        Diagnostics d;
        const auto loaded = model::load_article(std::string(QUIRE_TEST_DATA) + "/print/langs/" + name + ".xml", d);
        const Book book = assemble_book(loaded, {});
        const std::regex latin_word("[A-Za-z]{3,}");
        for (const auto& r : book.resources) {
            if (r.media_type != "application/xhtml+xml") continue;
            CAPTURE(r.href);
            const std::string text = body_text(r.bytes);
            CHECK_FALSE(std::regex_search(text, latin_word));
            // Attributes a reader hears: the cover's alt text, aria-labels.
            std::smatch alt;
            if (std::regex_search(r.bytes, alt, std::regex("alt=\"([^\"]*)\"")))
                CHECK_FALSE(std::regex_search(alt[1].str(), latin_word));
        }
        const std::string summary = book.meta.accessibility_summary;
        CHECK_FALSE(std::regex_search(summary, latin_word));
        CHECK(label(Label::Contents, name) != label(Label::Contents, "en"));
    }
    for (const char* lang : {"en", "pl", "uk", "ru", "hy", "ka"}) {
        CHECK(has_labels_for(lang));
        CHECK_FALSE(contains(label(Label::A11ySummary, lang), "quire"));
        CHECK_FALSE(contains(label(Label::A11ySummary, lang), "{magazine}"));
    }
}

TEST_CASE("contributors are dc:contributor with MARC roles and shown in the byline, authors keep file-as") {
    auto loaded = testing::sample_article();
    model::Author translator;
    translator.id = "t1";
    translator.name = "Olena Kovalenko";
    translator.role = "translator";
    loaded.article.meta.authors.push_back(translator);
    model::Author photographer;
    photographer.id = "p1";
    photographer.name = "Lukas Baubkus";
    photographer.role = "photographer";
    loaded.article.meta.authors.push_back(photographer);
    const Book book = assemble_book(loaded, {});
    const std::string opf = package_of(book);
    CHECK(contains(opf, "<dc:creator id=\"creator-1\">Ann Author</dc:creator>"));
    CHECK(contains(opf, "<meta refines=\"#creator-1\" property=\"file-as\">Author, Ann</meta>"));
    CHECK(contains(opf, "<dc:contributor id=\"contributor-1\">Olena Kovalenko</dc:contributor>"));
    CHECK(contains(opf, "<meta refines=\"#contributor-1\" property=\"role\" scheme=\"marc:relators\">trl</meta>"));
    CHECK(contains(opf, "<meta refines=\"#contributor-2\" property=\"role\" scheme=\"marc:relators\">pht</meta>"));
    CHECK_FALSE(contains(opf, "<dc:creator id=\"creator-2\">"));
    const std::string& article = book.find("article.xhtml")->bytes;
    CHECK(contains(article, "<p class=\"byline\">Ann Author</p>"));
    CHECK(contains(article, "<p class=\"byline\">Translated by Olena Kovalenko</p>"));
    CHECK(contains(article, "<p class=\"byline\">Photographs by Lukas Baubkus</p>"));
}

TEST_CASE("a revision date moves dcterms:modified, the source URL is dc:source, the donation notice links") {
    auto loaded = testing::sample_article();
    unsetenv("SOURCE_DATE_EPOCH");
    CHECK(assemble_book(loaded, {}).meta.modified == "2022-01-17T00:00:00Z");
    loaded.article.meta.revised = "2022-02-03";
    loaded.article.meta.source_url = "https://example.org/2022/01/17/sample/";
    loaded.publication->donation_url = "https://example.org/donate/";
    const Book book = assemble_book(loaded, {});
    CHECK(book.meta.modified == "2022-02-03T00:00:00Z");
    setenv("SOURCE_DATE_EPOCH", "1600000000", 1);  // 2020: older than the revision, which wins
    CHECK(assemble_book(loaded, {}).meta.modified == "2022-02-03T00:00:00Z");
    unsetenv("SOURCE_DATE_EPOCH");
    const std::string opf = package_of(book);
    CHECK(contains(opf, "<dc:source>https://example.org/2022/01/17/sample/</dc:source>"));
    CHECK(contains(book.find("article.xhtml")->bytes,
                   "<p class=\"donate\">Donate: <a href=\"https://example.org/donate/\">https://example.org/donate/</a></p>"));
}

TEST_CASE("the stylesheet sets no colour, wraps long words and clears the drop cap") {
    const Book book = assemble_book(testing::sample_article(), {});
    const std::string& css = book.find("style.css")->bytes;
    CHECK_FALSE(std::regex_search(css, std::regex("(^|[^-])color:\\s*#")));
    CHECK_FALSE(contains(css, "background-color"));
    CHECK(contains(css, "overflow-wrap: break-word"));
    CHECK(contains(css, "a {\n  color: inherit;"));
    CHECK(contains(css, "h2, h3, h4, blockquote, figure, aside, ul, ol, section, .bio, .notice {\n  clear: both;"));
}
