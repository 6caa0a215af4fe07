// The print edition's page breaks in the EPUB (EPUB Accessibility 1.1, page navigation; DPUB-ARIA
// doc-pagebreak): from an article's typeset pages (page::PageDocument, the same layout `quire pdf`
// uses), a marker `<span epub:type="pagebreak" role="doc-pagebreak" id="page-37" aria-label="37"/>`
// goes before the word each print page begins with, and the page-list nav lists them. The opening
// page's marker goes before the article's heading (section label and title), where print begins it.
//
// Print and EPUB come from the same article model, so the text a page begins with is found in the
// EPUB's text by matching its first words, in reading order: each search starts where the previous
// page's was found, and never leaves the article's own documents.
#pragma once

#include "epub/content_documents.hpp"
#include "page/page_document.hpp"

#include <set>
#include <string>
#include <vector>

namespace quire::epub {

// A print page that carries the article's text, and the words it begins with.
struct PrintPageStart {
    std::string folio;        // Page::label: "37"
    bool opening = false;     // the article's first page: the marker goes before its heading
    std::string first_words;  // as set on the page (a hyphenated word's second part when the break split it)
    std::string style;        // the layout style of that first line ("body", "bio", "notice", …)
};

// The pages of `print` that carry text (a body or back-matter line, or the opening's heading), in
// order. `print` is one article's layout.
std::vector<PrintPageStart> print_page_starts(const page::PageDocument& print);

// Inserts one marker per page into `documents` (the article's, in reading order; the first holds the
// heading) and returns the page-list entries. Ids are "page-FOLIO" made unique with `taken`. A page
// whose words are not found gets its marker where the previous page's search ended (so the list
// keeps the print order and every target exists), or, when it begins with a notice the documents
// leave out (the issue EPUB has the donation notice once, at its end), at the end of the last
// document; `unmatched` counts those.
std::vector<PageTarget> insert_page_breaks(const std::vector<ContentDocument*>& documents,
                                           const std::vector<PrintPageStart>& pages, std::set<std::string>& taken,
                                           int* unmatched = nullptr);

// The text of an XHTML document's body as a reader reads it (tags dropped, entities decoded,
// white space collapsed): for the tests, which compare what follows a marker with the print page.
std::string body_text(const std::string& xhtml);

}  // namespace quire::epub
