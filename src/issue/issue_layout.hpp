// The print issue made up: which page is what (cover, contents, impressum, article pages, ads,
// fillers), each article typeset once at its real folio, the page count padded to the press sheet's
// multiple. The page map (pages.json), the issue PDF, the articles' own PDFs and the issue EPUB all
// read this one value.
//
//   quire::Diagnostics diags;
//   quire::model::Issue manifest = quire::model::read_issue_file("issue.xml", diags);
//   quire::issue::IssueLayout issue = quire::issue::lay_out_issue(manifest, {}, diags);
//   quire::page::PageDocument pages = issue.document();   // for render::render_pdf
#pragma once

#include "core/diagnostic.hpp"
#include "issue/typeset_article.hpp"
#include "model/issue.hpp"
#include "model/publication.hpp"
#include "page/page_document.hpp"
#include "style/layout.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quire::issue {

enum class PageKind { Cover, Contents, Impressum, Article, Ad, Filler };
const char* page_kind_name(PageKind kind);  // "cover", "contents", …, as in pages.json

struct IssuePage {
    PageKind kind = PageKind::Article;
    int article = -1;                 // Article: index into IssueLayout::articles
    int article_page = 0;             // Article: 0-based page of that article
    std::filesystem::path pdf;        // Ad and Filler: the supplied page (empty filler = a blank page)
    SourceSpan where;                 // the manifest entry it comes from
};

struct IssueArticle {
    TypesetArticle typeset;
    std::string section;              // the manifest's section title
    int first_page = 0, last_page = 0;  // 1-based positions in the issue
    SourceSpan where;                 // its <article> in the manifest
};

struct IssueOptions {
    std::string layout;               // "" = the publication's default
    unsigned threads = 0;             // 0 = one per core
};

struct IssueLayout {
    model::Issue issue;
    model::Publication publication;
    style::Layout layout;
    std::vector<IssuePage> pages;     // position i is page i + 1 of the issue
    std::vector<IssueArticle> articles;
    std::vector<int> added_pages;     // 1-based positions of the fillers added to reach the multiple
    int relaid_articles = 0;          // articles laid out a second time (their opening changed side)

    // The display list of the whole issue: cover, contents, impressum, every article's pages with its
    // folios, blank pages with `placed_pdf` set where ads and fillers go.
    page::PageDocument document() const;
    // The first `count` pages of it only (the EPUB's cover image needs the cover alone: the whole
    // document copies every article page's glyphs).
    page::PageDocument first_pages(std::size_t count) const;
    // The same with each article page taken from the article's own press PDF (`article_pdfs[i]` for
    // articles[i], page for page): issue.pdf is then made of the very pages of articles/ID.pdf, and
    // the articles are rendered once, in parallel. Article pages carry no items of their own.
    page::PageDocument document(const std::vector<std::shared_ptr<const std::string>>& article_pdfs) const;

    // Page i (0-based) as it is drawn, without copying its items (the spreads draw every page once):
    // the typeset page it comes from (an article's or a front page; nullptr for an ad, a supplied
    // filler or a blank page) and the supplied PDF drawn under it, if any. As document() has them.
    struct PageSource {
        const page::Page* page = nullptr;
        std::filesystem::path placed_pdf;
    };
    PageSource page_source(std::size_t i) const;

    std::vector<std::shared_ptr<text::FontCollection>> fonts;  // the collections the pages were set with
    std::vector<page::Page> front_pages;  // cover, contents, impressum as laid out (in page order)

private:
    // The first `count` pages; with `article_pdfs`, article pages as made pages without items.
    page::PageDocument document_of(std::size_t count,
                                   const std::vector<std::shared_ptr<const std::string>>* article_pdfs) const;
};

// Loads the profile and the articles (scraped pages imported on the fly, their warnings kept), lays
// the articles out in parallel, makes the issue up and sets the contents with the real page numbers.
// Problems go into `diagnostics` with their places; the first error is thrown as QuireError.
IssueLayout lay_out_issue(const model::Issue& issue, const IssueOptions& options, Diagnostics& diagnostics);

}  // namespace quire::issue
