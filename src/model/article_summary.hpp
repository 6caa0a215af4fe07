// A short, human-readable summary of an article: what `quire build` writes as summary.txt so that the
// production desk sees at a glance what was imported (title, byline, counts, structure, back matter).
#pragma once

#include "model/article_xml.hpp"

#include <cstddef>
#include <string>

namespace quire::model {

struct ArticleCounts {
    std::size_t words = 0;       // body words (standfirst, captions and back matter not included)
    std::size_t paragraphs = 0;  // body paragraphs, list items and quotation paragraphs
    std::size_t headings = 0;
    std::size_t figures = 0;     // lead figure included
    std::size_t characters = 0;  // body characters (code points), spaces included
};

ArticleCounts count_article(const Article& article);
// Words in UTF-8 text: maximal runs of non-space characters.
std::size_t count_words(const std::string& text);

std::string summarise_article(const LoadedArticle& loaded);

// The first `max_code_points` characters of UTF-8 text, with "…" if it goes on (for messages and
// summaries; a character is never cut).
std::string excerpt(const std::string& text, std::size_t max_code_points);

}  // namespace quire::model
