// An article on pages: the opening (section label, title, standfirst, byline, date, lead photo with
// caption and credit), the body in columns on the baseline grid, the back matter, running heads and
// folios; the result is a PageDocument for render/ (and the proof stage's overlays).
//
//   auto fonts = std::make_shared<quire::text::FontCollection>();
//   quire::style::Layout layout = quire::style::load_layout_or_throw("magazine");
//   quire::page::PageDocument doc = quire::page::lay_out_article(article, &publication, layout,
//                                                                 folder, fonts, diagnostics);
#pragma once

#include "core/diagnostic.hpp"
#include "model/article.hpp"
#include "model/publication.hpp"
#include "page/page_document.hpp"
#include "page/placement.hpp"
#include "style/layout.hpp"
#include "text/font_collection.hpp"

#include <filesystem>
#include <memory>

namespace quire::page {

// Throws QuireError naming the place for a missing or unreadable image, and for a text that cannot
// fit the pages the layout allows. Characters no font has are reported into `diagnostics`.
PageDocument lay_out_article(const model::Article& article, const model::Publication* publication,
                             const style::Layout& layout, const std::filesystem::path& folder,
                             std::shared_ptr<text::FontCollection> fonts, Diagnostics& diagnostics,
                             const ArticlePlacement& placement = {});

// The pages' folios, labels and sides from `first_folio` (the items are not touched).
void number_pages(PageDocument& document, const style::PageGeometry& geometry, int first_folio);

// Numbers the pages and adds running heads and folios (not on the opening page). Used by
// lay_out_article, and by an issue once it knows where each article falls: an article whose first
// folio has the side it was laid out for needs no second layout.
void add_furniture(PageDocument& document, const model::Article& article, const model::Publication* publication,
                   const style::Layout& layout, const ArticlePlacement& placement, text::FontCollection& fonts,
                   Diagnostics& diagnostics);

}  // namespace quire::page
