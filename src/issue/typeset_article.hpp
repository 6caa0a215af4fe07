// One typeset form of an article, shared by every output: the loaded article, the layout it was set
// in, where it sits (first folio, section) and its laid-out pages. The issue assembles these into the
// print issue, writes each alone as articles/ID.pdf, and hands them to the EPUB for its page-list.
//
//   auto fonts = std::make_shared<quire::text::FontCollection>();
//   quire::issue::TypesetArticle t = quire::issue::typeset_article(std::move(loaded), layout, {.first_folio = 5}, fonts);
#pragma once

#include "core/diagnostic.hpp"
#include "model/article_xml.hpp"
#include "page/page_document.hpp"
#include "page/placement.hpp"
#include "style/layout.hpp"
#include "text/font_collection.hpp"

#include <memory>
#include <string>

namespace quire::issue {

struct TypesetArticle {
    model::LoadedArticle loaded;
    page::ArticlePlacement placement;
    page::PageDocument pages;
    Diagnostics diagnostics;   // warnings from setting it (missing glyphs, …)

    int page_count() const { return static_cast<int>(pages.pages.size()); }
};

// Lays the article out in `layout` at `placement`. Throws QuireError with the first error.
TypesetArticle typeset_article(model::LoadedArticle loaded, const style::Layout& layout,
                               const page::ArticlePlacement& placement, std::shared_ptr<text::FontCollection> fonts);

// Moves an article laid out for one first folio to another of the same parity (same side): only the
// folios, labels and running heads change, so the pages are not laid out again.
void renumber(TypesetArticle& article, const style::Layout& layout, const page::ArticlePlacement& placement);

}  // namespace quire::issue
