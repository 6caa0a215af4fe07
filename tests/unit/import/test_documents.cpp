// Word and Markdown import (import/document_import.hpp): the example article round-tripped through
// pandoc's and LibreOffice's DOCX writers and through Markdown (fixtures made by
// tools/make-docx-fixtures), tracked changes and comments, zip bombs and zips of something else,
// and language detection.
#include "core/output_file.hpp"
#include "import/document_import.hpp"
#include "import/import_page.hpp"
#include "import/language.hpp"
#include "model/article_xml.hpp"

#include <doctest/doctest.h>

#include <functional>

using namespace quire;
using namespace quire::import;
using model::BlockKind;
using model::InlineKind;

namespace {

const std::string dir = std::string(QUIRE_TEST_DATA) + "/import/docx/";

DocumentImport load(const std::string& name, DocumentOptions options = {}) {
    const std::string bytes = read_file(dir + name);
    return name.ends_with(".md") ? import_markdown(bytes, name, options) : import_docx(bytes, name, options);
}

int count_inlines(const model::InlineText& text, InlineKind kind, const std::function<void(const model::Inline&)>& seen) {
    int n = 0;
    for (const auto& i : text) {
        if (i.kind == kind) { ++n; seen(i); }
        n += count_inlines(i.children, kind, seen);
    }
    return n;
}

// What the round trip must keep: title, standfirst, authors, subheads, paragraph count, italics, spans.
void check_round_trip(const model::Article& a, bool expect_span) {
    CHECK(a.meta.title == "Armenia as a mere pawn in Russia’s Kazakhstan strategy");
    CHECK(model::plain_text(a.meta.standfirst).starts_with("Recent unrest in Kazakhstan naturally attracted"));
    CHECK(model::plain_text(a.meta.standfirst).ends_with("increasing reliance on Moscow."));
    REQUIRE(a.meta.authors.size() == 1);
    CHECK(a.meta.authors[0].name == "Aleksandar Srbinovski");
    CHECK(a.lang == "en");
    std::vector<std::string> heads;
    int paragraphs = 0, italics = 0, spans = 0;
    for (const auto& b : a.body) {
        if (b.kind == BlockKind::Heading) heads.push_back(model::plain_text(b.content));
        if (b.kind != BlockKind::Paragraph) continue;
        ++paragraphs;
        italics += count_inlines(b.content, InlineKind::Emphasis,
                                 [](const model::Inline& i) { CHECK(model::plain_text(i.children) == "Kassym-Jomart Tokayev"); });
        spans += count_inlines(b.content, InlineKind::Span, [](const model::Inline& i) {
            CHECK(i.lang == "pl");
            CHECK(model::plain_text(i.children) == "Nowa Europa Wschodnia");
        });
    }
    CHECK(heads == std::vector<std::string>{"Strained western ties", "A counterproductive relationship?"});
    CHECK(paragraphs == 6);
    CHECK(italics == 1);
    CHECK(spans == (expect_span ? 1 : 0));
}

}  // namespace

TEST_CASE("the example article round-trips through pandoc's DOCX") {
    // pandoc 2.17 (Debian 12) writes no w:lang for a span's lang attribute: there is no span to keep.
    check_round_trip(load("roundtrip-pandoc.docx").article, false);
}

TEST_CASE("the example article round-trips through LibreOffice's DOCX") {
    const auto r = load("roundtrip-libreoffice.docx");
    check_round_trip(r.article, true);
    // LibreOffice's file has no Title style: the conventions decided.
    bool by_line = false, italic_standfirst = false;
    for (const auto& d : r.decisions) {
        by_line |= d.rule == "docx_by_line";
        italic_standfirst |= d.rule == "docx_italic_after_title";
    }
    CHECK(by_line);
    CHECK(italic_standfirst);
}

TEST_CASE("the example article imports from Markdown with front matter") {
    check_round_trip(load("roundtrip.md").article, true);
}

TEST_CASE("unaccepted tracked changes are an error listing each with its paragraph") {
    try {
        load("tracked-changes.docx");
        FAIL("imported a document with tracked changes");
    } catch (const QuireError& e) {
        const std::string m = e.diagnostic().message;
        CHECK(m.starts_with("3 unaccepted changes: p. 2 insertion ‘was extended here’ by Anna Nowak"));
        CHECK(m.find("p. 4 deletion ‘Removed words ’ by Jan Kowalski") != std::string::npos);
        CHECK(m.find("--accept-changes") != std::string::npos);
    }
}

TEST_CASE("accepting or rejecting tracked changes, and comments as warnings with their anchor") {
    DocumentOptions accept;
    accept.changes = TrackedChanges::Accept;
    const auto a = load("tracked-changes.docx", accept);
    REQUIRE(a.article.body.size() == 4);
    CHECK(a.article.meta.title == "A title with changes");
    CHECK(model::plain_text(a.article.body[0].content) == "The first paragraph was extended here.");
    CHECK(model::plain_text(a.article.body[2].content) == "The third paragraph.");
    const std::string warnings = a.diagnostics.to_string();
    CHECK(warnings.find("p. 3: comment by Editor on ‘a phrase the editor questioned’: Source for this?") != std::string::npos);
    DocumentOptions reject;
    reject.changes = TrackedChanges::Reject;
    const auto r = load("tracked-changes.docx", reject);
    REQUIRE(r.article.body.size() == 4);
    CHECK(model::plain_text(r.article.body[2].content) == "Removed words The third paragraph.");
    CHECK(model::plain_text(r.article.body[3].content) == "The fourth paragraph.");
}

TEST_CASE("a zip bomb and a renamed EPUB are refused with a clear error") {
    CHECK_THROWS_WITH_AS(load("zip-bomb.docx"), doctest::Contains("expands to 80 MiB, more than the 64 MiB limit"), QuireError);
    CHECK_THROWS_WITH_AS(load("renamed-epub.docx"), doctest::Contains("no word/document.xml; its mimetype entry says application/epub+zip"),
                         QuireError);
    CHECK_THROWS_WITH_AS(import_docx("plain text", "x.docx", {}), doctest::Contains("not a Word document"), QuireError);
}

TEST_CASE("language detection by script and by libexttextcat") {
    CHECK(detect_language("Հայաստանը Հարավային Կովկասի երկիր է, որի մայրաքաղաքը Երևանն է")->lang == "hy");
    CHECK(detect_language("საქართველო არის ქვეყანა სამხრეთ კავკასიაში, მისი დედაქალაქია თბილისი")->lang == "ka");
    CHECK(detect_language("Україна є державою у Східній Європі, її столиця — Київ, і це їхня земля")->lang == "uk");
    CHECK(detect_language("Россия — государство в Восточной Европе и Северной Азии, столица — Москва, это мы")->lang == "ru");
    CHECK_FALSE(detect_language("too short"));
    if (!latin_detection_available()) {
        MESSAGE("SKIPPED: libexttextcat-data is not installed");
        return;
    }
    CHECK(detect_language("Polska jest państwem w Europie Środkowej. Jej stolicą jest Warszawa, a największe "
                          "miasta to Kraków, Łódź, Wrocław i Poznań. Kraj graniczy z Niemcami, Czechami, "
                          "Słowacją, Ukrainą, Białorusią, Litwą i Rosją.")->lang == "pl");
    CHECK(detect_language("When Kazakhstan's President called for military assistance from his allies to quell "
                          "anti-government protests, it was Armenia's Prime Minister who first took to social media.")->lang == "en");
}

TEST_CASE("a Polish paragraph inside an English article gets its own xml:lang") {
    model::Article a;
    a.body.push_back(model::Block::paragraph(model::plain_inlines(
        "When Kazakhstan's President called for military assistance from his allies to quell anti-government protests, "
        "it was Armenia's Prime Minister who first took to social media to announce his support for the mission.")));
    a.body.push_back(model::Block::paragraph(model::plain_inlines(
        "Polska jest państwem w Europie Środkowej. Jej stolicą jest Warszawa, a największe miasta to Kraków, Łódź, "
        "Wrocław i Poznań. Kraj graniczy z Niemcami, Czechami, Słowacją, Ukrainą, Białorusią, Litwą i Rosją.")));
    a.body.push_back(model::Block::paragraph(model::plain_inlines(
        "The organisation was subsequently unable to trigger its mutual defence clause and provide military support; "
        "the group did not take any action during the border clashes in May of that year either.")));
    assign_languages(a, "");
    CHECK(a.lang == "en");
    CHECK(a.body[0].lang.empty());
    if (latin_detection_available()) CHECK(a.body[1].lang == "pl");
    CHECK(a.body[2].lang.empty());
}

TEST_CASE("an XML file, a binary file and an empty page are not pages") {
    CHECK_THROWS_WITH_AS(import_page("<?xml version=\"1.0\"?>\n<article id=\"x\"/>", "a.txt", {}),
                         doctest::Contains("this is an XML file"), QuireError);
    CHECK_THROWS_WITH_AS(import_page(std::string("ab\0cd", 5), "b.txt", {}), doctest::Contains("binary file"), QuireError);
    CHECK_THROWS_WITH_AS(import_page(" \n\n", "c.txt", {}), doctest::Contains("the page is empty"), QuireError);
}

// features-*.docx: pandoc's DOCX of a Markdown text with every mapped feature, and the same file
// saved again by LibreOffice (tools/make-docx-fixtures).
TEST_CASE("DOCX features from pandoc and LibreOffice: section, image, caption, link, note, lists, quote, bio") {
    for (const char* name : {"features-pandoc.docx", "features-libreoffice.docx"}) {
        CAPTURE(name);
        const auto r = load(name);
        const auto& a = r.article;
        CHECK(a.meta.title == "Features of a Word article");
        CHECK(a.meta.section == "Books and Reviews");
        REQUIRE(a.meta.authors.size() == 1);
        CHECK(model::plain_text(a.meta.authors[0].bio) == "Anna Nowak writes about Word files.");
        REQUIRE(a.back_matter.size() == 1);
        REQUIRE(a.lead_figure);
        CHECK(a.lead_figure->alt == "A grey square, the test picture.");
        CHECK(model::plain_text(a.lead_figure->caption) == "A grey square, the test picture.");
        REQUIRE(r.images.size() == 1);
        CHECK(r.images[0].path == a.lead_figure->src);
        CHECK(r.images[0].bytes.rfind("\x89PNG", 0) == 0);
        REQUIRE(a.body.size() == 7);
        const std::string first = model::plain_text(a.body[0].content);
        CHECK(first == "The text starts here with a link to the magazine and a note.¹ Straight “quotes” and a double space stay out.");
        CHECK(a.body[0].content[1].kind == InlineKind::Link);
        CHECK(a.body[0].content[1].href == "https://neweasterneurope.eu/");
        CHECK(a.body[1].kind == BlockKind::Heading);
        CHECK(a.body[2].kind == BlockKind::BlockQuote);
        CHECK(a.body[3].list_style == model::ListStyle::Unordered);
        CHECK(a.body[3].children.size() == 2);
        CHECK(a.body[4].list_style == model::ListStyle::Ordered);
        CHECK(a.body[4].children.size() == 2);
        CHECK(model::plain_text(a.body[5].content) == "Notes");
        REQUIRE(a.body[6].children.size() == 1);
        CHECK(model::plain_text(a.body[6].children[0].content) == "The note’s text, with italics.");
    }
}

TEST_CASE("a scraped page's URL line is never the title") {
    const auto r = import_page(read_file(std::string(QUIRE_TEST_DATA) + "/import/url_line_first.txt"), "url_line_first.txt", {});
    CHECK(r.article.meta.title == "A test article about nothing in particular");
    CHECK(r.article.body.size() == 2);
}

TEST_CASE("a Georgian and a Ukrainian page are marked with their language, not en") {
    for (const auto& [file, lang] : {std::pair{"georgian_page.txt", "ka"}, std::pair{"ukrainian_page.txt", "uk"}}) {
        CAPTURE(file);
        const auto r = import_page(read_file(std::string(QUIRE_TEST_DATA) + "/import/" + file), file, {});
        CHECK(r.article.lang == lang);
        ImportOptions forced;
        forced.lang = "en";
        CHECK(import_page(read_file(std::string(QUIRE_TEST_DATA) + "/import/" + file), file, forced).article.lang == "en");
    }
}
