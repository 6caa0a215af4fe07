// pages.json: the page map of a print issue, which every other output reads (the EPUB's page-list,
// the proofs, the website's archive). Documented in docs/issue-format.md.
//
//   {"issue": {...}, "page_count": 64, "added_pages": [61, 62],
//    "pages": [{"page": 1, "folio": "1", "kind": "cover"}, {"page": 5, "folio": "5", "kind": "article",
//               "article": "armenia-…"}, …],
//    "articles": [{"id", "title", "authors", "section", "first_page", "last_page", "file"}, …]}
#pragma once

#include "issue/issue_layout.hpp"

#include <string>

namespace quire::issue {

// articles/NAME.pdf for an article id: ids are slugs, but a file name is made safe whatever an article
// says (no '/', no "..", no control characters).
std::string article_pdf_name(const std::string& id);

// Page numbers are 1-based positions in issue.pdf. Stable output: the same issue gives the same bytes.
std::string page_map_json(const IssueLayout& issue);

}  // namespace quire::issue
