// The pages of an issue that quire sets itself: the cover, the contents (with the real page numbers)
// and the impressum. Each is a page/ display list drawn by render/, like an article's pages.
#pragma once

#include "core/diagnostic.hpp"
#include "model/article.hpp"
#include "model/issue.hpp"
#include "model/publication.hpp"
#include "page/page_document.hpp"
#include "style/layout.hpp"
#include "text/font_collection.hpp"

#include <string>
#include <vector>

namespace quire::issue {

struct FrontMatterContext {
    const model::Issue& issue;
    const model::Publication& publication;
    const style::Layout& layout;
    text::FontCollection& fonts;
    Diagnostics& diagnostics;
};

// Page 1: the cover photo to the bleed, the masthead band (name, issue number and date), the cover
// lines, the price and the ISSN barcode (when the profile has a print ISSN).
page::Page lay_out_cover(const FrontMatterContext& context);

// The barcode's 2-digit add-on for the issue's running number: its last two digits ("7" → "07",
// "123" → "23"); "" without a number.
std::string barcode_addon(const std::string& sequence);

struct ContentsEntry {
    std::string section;   // the manifest's section title
    std::string title;
    std::string authors;   // "A & B"
    int page = 0;          // the page it really starts on
};

// The contents: sections in order, each article's title, authors and page with dot leaders. More
// than one page when the entries do not fit on one.
std::vector<page::Page> lay_out_contents(const FrontMatterContext& context, const std::vector<ContentsEntry>& entries);

// The impressum: the publication's name, publisher, editors, address, ISSNs, printer, site,
// copyright; and the donation notice when the manifest places it here.
page::Page lay_out_impressum(const FrontMatterContext& context, const std::vector<model::Block>* donation_notice);

}  // namespace quire::issue
