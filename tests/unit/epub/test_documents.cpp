#include "epub/content_documents.hpp"
#include "epub/navigation.hpp"
#include "epub/package_document.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

using namespace quire;
using namespace quire::epub;
using testing::contains;

TEST_CASE("the article document carries language, title, figure with alt, and ordered headings") {
    const auto loaded = testing::sample_article();
    const ImageHrefs images{{"images/kleiber.jpg", "images/kleiber.jpg"}};
    const ContentDocument doc = article_document(loaded, images);
    const std::string& x = doc.bytes;
    CHECK(x.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>", 0) == 0);
    CHECK(contains(x, "lang=\"en\" xml:lang=\"en\""));
    CHECK(contains(x, "<h1 id=\"title\" class=\"title\">A sample &amp; its &lt;title&gt;</h1>"));
    CHECK(contains(x, "<img src=\"images/kleiber.jpg\" alt=\"A bird on a tree.\"/>"));
    CHECK(contains(x, "<p class=\"credit\">Photo: Lukas Baubkus</p>"));
    CHECK(contains(x, "<p class=\"first\">First <em>paragraph</em>.</p>"));
    // An h3 straight after the title becomes an h2: heading levels never skip (WCAG 1.3.1).
    CHECK(contains(x, "<h2 id=\"sec-1\">A heading that skips a level</h2>"));
    CHECK_FALSE(contains(x, "<h3"));
    CHECK(contains(x, "<b class=\"speaker\">Q:</b>"));
    CHECK(contains(x, "<span lang=\"hy\" xml:lang=\"hy\">Հայաստան</span>"));
    CHECK(contains(x, "<time datetime=\"2022-01-17\">17 January 2022</time>"));
    REQUIRE(doc.headings.size() == 1);
    CHECK(doc.headings[0].href == "article.xhtml#sec-1");
}

TEST_CASE("back matter documents have their epub:type, ARIA role and the publication's notice text") {
    const auto loaded = testing::sample_article();
    const ContentDocument bio = bio_document(loaded, {&loaded.article.meta.authors[0]});
    CHECK(contains(bio.bytes, "epub:type=\"contributors\""));
    CHECK(contains(bio.bytes, "<h1 id=\"bio-title\">About the author</h1>"));
    CHECK(contains(bio.bytes, "Ann Author writes."));
    const ContentDocument notice = notice_document(loaded, loaded.article.back_matter[1].notice, "notice-donation.xhtml");
    CHECK(contains(notice.bytes, "epub:type=\"notice\" role=\"doc-notice\""));
    CHECK(contains(notice.bytes, "<p>Please donate.</p>"));  // empty in the article: the profile's text
    CHECK(contains(notice.bytes, "epub:type=\"backmatter\""));
}

TEST_CASE("dates are shown in the article's language, as in print") {
    CHECK(display_date("2022-03-08", "pl") == "8 marca 2022");
    CHECK(display_date("2022-01-17", "en") == "17 January 2022");  // British, as the magazine writes
    CHECK(display_date("2022-01-17", "en-US") == "January 17, 2022");
    CHECK(display_date("2022-05-26", "uk") == "26 травня 2022\u202fр.");  // ICU: a narrow no-break space
    CHECK(display_date("not a date", "en") == "not a date");
    CHECK(names_list({"A", "B", "C"}, "en") == "A, B and C");
    CHECK(names_list({"A", "B"}, "pl") == "A i B");
}

TEST_CASE("navigation and package documents list the book") {
    Book book;
    book.meta.identifier = "urn:uuid:x";
    book.meta.title = "T";
    book.meta.language = "en";
    book.meta.modified = "2022-01-17T00:00:00Z";
    book.meta.publisher = "P";
    book.meta.collection = "Mag";
    book.meta.issns = {"2083-7372"};
    book.meta.access_modes = {"textual", "visual"};
    book.meta.access_modes_sufficient = {"textual"};
    book.meta.accessibility_features = {"alternativeText"};
    book.meta.accessibility_summary = "S";
    book.resources.push_back({"article.xhtml", "article-xhtml", "application/xhtml+xml", "", SpinePlace::Linear, "x"});
    book.resources.push_back({"toc.ncx", "ncx", "application/x-dtbncx+xml", "", SpinePlace::None, ""});
    book.resources.push_back({"images/cover.png", "images-cover-png", "image/png", "cover-image", SpinePlace::None, ""});
    book.toc.push_back({"T", "article.xhtml", {{"Sub", "article.xhtml#sec-1", {}}}});
    book.landmarks.push_back({"bodymatter", "T", "article.xhtml"});

    const std::string nav = nav_document(book);
    CHECK(contains(nav, "<nav epub:type=\"toc\" role=\"doc-toc\""));
    CHECK(contains(nav, "<a href=\"article.xhtml#sec-1\">Sub</a>"));
    CHECK(contains(nav, "<a epub:type=\"bodymatter\" href=\"article.xhtml\">T</a>"));
    const std::string ncx = ncx_document(book);
    CHECK(contains(ncx, "<meta name=\"dtb:uid\" content=\"urn:uuid:x\"/>"));
    CHECK(contains(ncx, "<meta name=\"dtb:depth\" content=\"2\"/>"));
    CHECK(contains(ncx, "playOrder=\"2\""));
    const std::string opf = package_document(book);
    CHECK(contains(opf, "<dc:identifier id=\"pub-id\">urn:uuid:x</dc:identifier>"));
    CHECK(contains(opf, "<meta property=\"dcterms:modified\">2022-01-17T00:00:00Z</meta>"));
    CHECK(contains(opf, "<meta refines=\"#magazine\" property=\"dcterms:identifier\">urn:issn:2083-7372</meta>"));
    CHECK(contains(opf, "<meta property=\"schema:accessibilityHazard\">none</meta>"));
    CHECK(contains(opf, "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>"));
    CHECK(contains(opf, "<meta name=\"cover\" content=\"images-cover-png\"/>"));
    CHECK(contains(opf, "<spine toc=\"ncx\">\n    <itemref idref=\"article-xhtml\"/>\n  </spine>"));
}

TEST_CASE("the EPUB's drop cap follows the print's rules: none on book details in italics, the next paragraph takes it") {
    auto loaded = testing::sample_article();
    // A review opens with its book's details in italics: heading-like, no initial; it hands it on.
    loaded.article.body.insert(loaded.article.body.begin(),
                               model::Block::paragraph({model::Inline::wrap(
                                   model::InlineKind::Emphasis, {model::Inline::plain("Ann Other, A Title, 2022. 336 pages.")})}));
    const ImageHrefs images{{"images/kleiber.jpg", "images/kleiber.jpg"}};
    const std::string x = article_document(loaded, images).bytes;
    CHECK(contains(x, "<p><em>Ann Other, A Title, 2022. 336 pages.</em></p>"));
    CHECK(contains(x, "<p class=\"first\">First <em>paragraph</em>.</p>"));
    // A line in capitals without a sentence's end: no initial either.
    auto caps = testing::sample_article();
    caps.article.body.insert(caps.article.body.begin(), model::Block::paragraph(model::plain_inlines("RUSSIA WILL NEVER LEAVE")));
    const std::string y = article_document(caps, images).bytes;
    CHECK(contains(y, "<p>RUSSIA WILL NEVER LEAVE</p>"));
    CHECK(contains(y, "<p class=\"first\">First <em>paragraph</em>.</p>"));
}

TEST_CASE("a list or a block quotation before the first paragraph: no drop cap after it, in the EPUB as in print") {
    const ImageHrefs images{{"images/kleiber.jpg", "images/kleiber.jpg"}};
    for (const auto kind : {model::BlockKind::List, model::BlockKind::BlockQuote}) {
        auto loaded = testing::sample_article();
        model::Block opener;
        opener.kind = kind;
        model::Block child = model::Block::paragraph(model::plain_inlines("An opening item."));
        if (kind == model::BlockKind::List) child.kind = model::BlockKind::ListItem;
        opener.children.push_back(child);
        loaded.article.body.insert(loaded.article.body.begin(), opener);
        const std::string x = article_document(loaded, images).bytes;
        CHECK(contains(x, "An opening item."));
        CHECK_FALSE(contains(x, "class=\"first\""));
        CHECK(contains(x, "<p>First <em>paragraph</em>.</p>"));
    }
}

TEST_CASE("codes, ordinals and numbers of only 0 and 1 are marked lining in the EPUB, as in print") {
    auto loaded = testing::sample_article();
    loaded.article.body.push_back(
        model::Block::paragraph(model::plain_inlines("On the 1st of May 100 soldiers took the A1 road; 150 came in 2019.")));
    const ImageHrefs images{{"images/kleiber.jpg", "images/kleiber.jpg"}};
    const std::string x = article_document(loaded, images).bytes;
    CHECK(contains(x, "the <span class=\"lnum\">1</span>st of May <span class=\"lnum\">100</span> soldiers took the "
                      "A<span class=\"lnum\">1</span> road; 150 came in 2019."));
}
