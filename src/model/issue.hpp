// An issue of the magazine: the manifest (issue.xml, docs/issue-format.md) that orders the print issue
// and its EPUB: the cover, articles in sections, ads supplied as PDF pages at their places, fillers.
//
//   quire::Diagnostics diags;
//   quire::model::Issue issue = quire::model::read_issue_file("examples/issue/issue.xml", diags);
//   // issue.entries in manifest order; every path already checked to stay inside issue.folder
#pragma once

#include "core/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace quire::model {

// Where an ad goes. A `Here` ad is a whole page at its place in the manifest's order; the others have
// fixed positions in the printed issue (covers 2, 3 and 4 in the trade's numbering).
enum class AdPlace { Here, InsideFrontCover, InsideBackCover, BackCover };

const char* ad_place_name(AdPlace place);  // "inside-front-cover", …

enum class IssueEntryKind { Article, Ad };

struct IssueEntry {
    IssueEntryKind kind = IssueEntryKind::Article;
    std::string section;           // Article: the title of the <section> it is in
    std::string src;               // as written, relative to the manifest
    std::filesystem::path path;    // resolved (folder / src, normalised)
    AdPlace place = AdPlace::Here; // Ad only
    SourceSpan where;
};

struct IssueSection {
    std::string title;
    SourceSpan where;
};

struct IssueCover {
    std::string image;                 // relative to the manifest; optional
    std::filesystem::path image_path;  // resolved
    std::string price;                 // "25 PLN", printed as is
    std::vector<std::string> lines;    // cover lines, in order
    SourceSpan where;
};

// Where the donation notice appears, once in the issue.
enum class NoticePlace { End, Impressum, None };

struct Issue {
    std::string number;            // "1-2 2023": as printed on the cover and in the contents
    std::string sequence;          // the issue's running number, for the barcode add-on and the EPUB series
    std::string date;              // ISO 8601 "YYYY-MM-DD"
    std::string lang = "en";       // xml:lang of the generated pages (contents, impressum)
    std::string publication;       // the profile, relative to the manifest
    std::filesystem::path publication_path;
    IssueCover cover;
    std::vector<IssueSection> sections;
    std::vector<IssueEntry> entries;  // articles and ads, in manifest order
    std::string filler;               // a PDF page that pads the issue to its multiple of pages (optional)
    std::filesystem::path filler_path;
    SourceSpan filler_where;
    NoticePlace donation = NoticePlace::End;
    std::filesystem::path folder;  // the manifest's folder: every path stays inside it
    std::string source_file;
};

// Parses the manifest. Every problem goes into `diagnostics` with its place: unknown elements or
// places, a missing or duplicate file, an empty section, a path that leaves the manifest's folder.
Issue parse_issue_xml(std::string_view xml, const std::string& file_name, Diagnostics& diagnostics);
Issue read_issue_file(const std::filesystem::path& path, Diagnostics& diagnostics);

// Whether `path` is a readable file whose root element is <issue> (the first start tag; cheap, no
// parsing): how `quire check` tells a manifest from an article.
bool is_issue_manifest(const std::filesystem::path& path);

// True when `relative` (as written in a manifest) names a file inside `folder` after normalising,
// symbolic links resolved where the file exists.
bool stays_inside(const std::filesystem::path& folder, const std::string& relative);

}  // namespace quire::model
