// The start of an issue: a print issue (and its EPUB) is an ordered list of articles in sections,
// with ads placed as PDF pages. Later work (contents, sections, page count in fours) builds on this.
#pragma once

#include "model/article.hpp"
#include "model/publication.hpp"

#include <string>
#include <vector>

namespace quire::model {

struct IssueEntry {
    std::string section;       // the section heading it appears under
    std::string article_path;  // relative to the issue manifest
    std::string ad_pdf;        // or: an ad page supplied as PDF (then article_path is empty)
    SourceSpan where;
};

struct Issue {
    std::string id;
    std::string number;        // "1/2022"
    std::string date;          // ISO 8601
    std::string title;         // the cover line, optional
    std::string cover;         // cover image path, optional
    std::string publication;   // profile path
    std::vector<IssueEntry> entries;
    std::string source_file;
};

}  // namespace quire::model
