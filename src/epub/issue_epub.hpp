// The issue EPUB (issue 12): one EPUB 3 for a whole issue, for subscribers. The cover (the print
// cover, rendered), a contents page and nav grouped by section, each article with its byline, photo
// and bio, the donation notice once at the end, an imprint page from the publication profile; the
// print page-list from each article's typeset pages (folios continue through the issue: each article
// is laid out with its issue folio); series metadata (belongs-to-collection, group-position, ISSN).
//
//   quire::epub::IssueEpubInput in;
//   in.title = "New Eastern Europe 1-2 2023"; in.issue_number = "1-2/2023"; in.series_position = 55;
//   in.publication = &profile; in.articles = {{&loaded_a, "Interviews", &pages_a}, …};
//   quire::epub::build_issue_epub(in, {}, "out/issue.epub");
#pragma once

#include "epub/epub_builder.hpp"
#include "model/article_xml.hpp"
#include "page/page_document.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quire::epub {

struct IssueEpubArticle {
    const model::LoadedArticle* loaded = nullptr;
    std::string section;                      // the contents' group ("" = the article's own section)
    const page::PageDocument* print = nullptr;  // its print pages with issue folios; null: no page-list entries
};

struct IssueEpubInput {
    std::string title;         // "New Eastern Europe 1-2 2023"
    std::string issue_number;  // "1-2/2023": part of the identifier
    std::string date;          // "YYYY-MM-DD"
    int series_position = 0;   // the issue's running number (group-position); 0: none
    const model::Publication* publication = nullptr;
    std::vector<IssueEpubArticle> articles;  // in the issue's order
    std::string cover_png;     // the print cover rendered (PNG or JPEG bytes); empty: a drawn cover
    std::string lang;          // the issue's language ("" = the publication's)
};

// The book (EpubOptions::layout and cache apply; cover_image and print do not). Throws QuireError
// naming the article's place for its images, as assemble_book does.
Book assemble_issue_book(const IssueEpubInput& input, const EpubOptions& options);

// assemble_issue_book, then the container, written atomically.
void build_issue_epub(const IssueEpubInput& input, const EpubOptions& options, const std::filesystem::path& output);

}  // namespace quire::epub
