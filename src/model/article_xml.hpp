// Reading and writing articles and publication profiles as XML (format: docs/article-format.md).
//
//   quire::Diagnostics diags;
//   auto loaded = quire::model::load_article("examples/article.xml", diags);  // + its publication
//   std::string xml = quire::model::write_article_xml(loaded.article);
//
// Readers never stop at the first problem: every problem goes into Diagnostics with file:line:col, and
// the model is returned as far as it could be read (so `quire check` can list everything).
#pragma once

#include "core/diagnostic.hpp"
#include "model/article.hpp"
#include "model/publication.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace quire::model {

Article parse_article_xml(std::string_view xml, const std::string& file_name, Diagnostics& diagnostics);
Article read_article_file(const std::filesystem::path& path, Diagnostics& diagnostics);
std::string write_article_xml(const Article& article);

Publication parse_publication_xml(std::string_view xml, const std::string& file_name, Diagnostics& diagnostics);
Publication read_publication_file(const std::filesystem::path& path, Diagnostics& diagnostics);
std::string write_publication_xml(const Publication& publication);

// An article with the profile it refers to (its `publication` attribute, else publication.xml beside it,
// else none) and the folder its relative paths start from.
struct LoadedArticle {
    Article article;
    std::optional<Publication> publication;
    std::filesystem::path folder;

    // The paragraphs of a notice: the article's own, else the publication's notice of the same kind.
    const std::vector<Block>& notice_content(const Notice& notice) const;
    // The print layout to use: `requested` if given, else the publication's default, else "magazine".
    std::string layout_name(const std::string& requested) const;
    // A figure's image file (folder / src).
    std::filesystem::path resolve(const std::string& relative_path) const;
};

// Reads, resolves the publication, and validates (validate_article). Figures without an image (an
// imported page's photo not yet supplied) are left out of the loaded article with a warning. Throws QuireError with the first
// error when there is one (every diagnostic, warnings included, is left in `diagnostics`).
LoadedArticle load_article(const std::filesystem::path& path, Diagnostics& diagnostics,
                           const std::optional<std::filesystem::path>& publication_path = std::nullopt);

}  // namespace quire::model
