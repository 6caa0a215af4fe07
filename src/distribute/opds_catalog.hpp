// An OPDS 1.2 catalogue (Atom, RFC 4287, with the OPDS namespace) of the EPUBs in a folder, as static
// files any web server can serve and reading apps (KOReader, Thorium, calibre) can subscribe to:
//   index.xml        navigation feed (the start): "All issues", then one entry per year, newest first
//   all.xml          acquisition feed: every EPUB, newest first
//   YEAR.xml         acquisition feed of one year
//   covers/NAME.EXT  each EPUB's cover image, linked as image and thumbnail
// Acquisition links are relative to the catalogue folder, so the two folders served side by side
// resolve (docs/distribution.md, "Catalogue").
#pragma once

#include "core/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quire::distribute {

struct CatalogEntry {
    std::filesystem::path epub;
    std::string file_name;
    std::uintmax_t bytes = 0;
    std::string identifier, title, language, summary, publisher, date, updated, issue_number;
    std::string cover_href;   // relative to the catalogue, "" without a cover
    std::string cover_type;
    std::string year;         // of the date
};

struct CatalogOptions {
    std::filesystem::path input_dir;
    std::filesystem::path output_dir;
    std::string title;        // default: the newest book's publisher
};

struct CatalogResult {
    std::vector<CatalogEntry> entries;  // newest first
    std::vector<std::filesystem::path> feeds;
};

// A file that is not an EPUB is reported (warning) and left out.
CatalogResult write_catalog(const CatalogOptions& options, Diagnostics& diagnostics);

// A path for an href: each segment percent-encoded (RFC 3986 §2.1) except unreserved characters.
std::string href_from_path(const std::filesystem::path& relative);

}  // namespace quire::distribute
