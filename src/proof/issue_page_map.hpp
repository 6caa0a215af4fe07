// The page map of a print issue (pages.json, written by `quire issue`, docs/issue-format.md) read
// back for the proofs: which article, section or supplied page each page of issue.pdf is, so that
// the issue's proof groups its findings by article and `quire diff --pages` names the changed
// articles.
#pragma once

#include "proof/report.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quire::proof {

struct IssuePageMap {
    struct Article {
        std::string id, title, section;
        int first_page = 0, last_page = 0;
    };
    struct Page {
        std::string kind;     // "cover", "contents", "impressum", "article", "ad", "filler"
        std::string article;  // the article's id (article pages)
        std::string section;
        std::string source;   // the supplied PDF (ads, fillers)
    };
    std::vector<Page> pages;  // index i is page i + 1
    std::vector<Article> articles;

    const Article* article_at(int page) const;  // the article on 1-based `page`, or null
    // "‘Title’ (id), section Reviews"; "cover"; "ad: ads/back.pdf"; "" for a page not in the map.
    std::string describe(int page) const;
    // Runs of pages as the report groups them: each article, and each other page on its own.
    std::vector<ReportPart> parts() const;
};

// Parses pages.json text; throws QuireError naming `file` when it is not a page map.
IssuePageMap parse_page_map(const std::string& json_text, const std::string& file);
IssuePageMap read_page_map(const std::filesystem::path& path);

}  // namespace quire::proof
