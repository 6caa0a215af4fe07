// Checks beyond the XML grammar: what an editor must fix before the article can be printed or sold.
// Used by `quire check` and by every output command (through load_article).
#pragma once

#include "core/diagnostic.hpp"
#include "model/article.hpp"
#include "model/publication.hpp"

#include <filesystem>

namespace quire::model {

// Missing title (error), bad date (error), figure without alt text (warning), image path that leaves
// the article's folder (error) or does not exist (error), bio of an unknown author (error), headings
// that skip a level (warning), duplicate author ids (error), empty paragraphs (warning).
void validate_article(const Article& article, const std::filesystem::path& folder, Diagnostics& diagnostics);

// Missing name (error), malformed ISSN or bad check digit (error), site URL not http(s) (warning).
void validate_publication(const Publication& publication, Diagnostics& diagnostics);

// "YYYY-MM-DD" with a real month and day (leap years included).
bool is_valid_iso_date(const std::string& date);

// A relative path that stays inside its folder: not absolute, no ".." that climbs out, no URL scheme.
bool stays_inside_folder(const std::string& relative_path);

}  // namespace quire::model
