// The EPUB stage's intermediate type: a Book is every file of the publication (content documents,
// stylesheet, fonts, images, navigation, package document) with its manifest data, before it is
// zipped. It is what `assemble_book` produces and `write_ocf_container` consumes, and it dumps as
// stable text (`dump_book`) for golden tests and debugging.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace quire::epub {

// Whether a resource appears in the spine (reading order), per EPUB 3.3 §5.7 (spine, linear).
enum class SpinePlace { None, Linear, NonLinear };

struct Resource {
    std::string href;        // path inside the package folder (EPUB/), e.g. "images/lead.jpg"
    std::string id;          // manifest id, unique
    std::string media_type;  // "application/xhtml+xml", "image/jpeg", "font/ttf", …
    std::string properties;  // manifest properties: "nav", "cover-image", … (space separated)
    SpinePlace spine = SpinePlace::None;
    std::string bytes;       // the file's content
};

// A resource's content already deflated (raw RFC 1951) with the CRC-32 of its bytes, for the
// container to copy as it is: fonts are compressed beside their subsetting, in parallel, and kept
// in the artefact cache compressed.
struct Deflated {
    std::string data;
    std::uint32_t crc32 = 0;
};

// One entry of the table of contents (nav.xhtml and toc.ncx).
struct TocEntry {
    std::string label;
    std::string href;  // "article.xhtml#sec-1"
    std::vector<TocEntry> children;
};

// A landmark (nav epub:type="landmarks"): epub:type of the target and its label.
struct Landmark {
    std::string type;  // "cover", "toc", "bodymatter", "backmatter"
    std::string label;
    std::string href;
};

struct Creator {
    std::string name;
    std::string role;     // MARC relator code: "aut", "ivr", "trl", "pht"
    std::string file_as;  // "Nowicki, Jan": the sort form (EPUB 3.3 §D.3.6 file-as)
};

// A print page in the page-list nav: its folio and the marker's place.
struct PageTarget {
    std::string folio;  // "37"
    std::string href;   // "article.xhtml#page-37"
};

// The package metadata (OPF <metadata>), already resolved from the article and its publication.
struct BookMetadata {
    std::string identifier;  // "urn:uuid:…", derived from publication id + article id
    std::vector<std::string> other_identifiers;  // the serial: "urn:issn:2083-7372"
    std::string title;
    std::string subtitle;
    std::vector<Creator> creators;      // dc:creator: the authors
    std::vector<Creator> contributors;  // dc:contributor: interviewers, translators, photographers, editors
    std::string language;    // BCP 47
    std::string date;        // dc:date, "YYYY-MM-DD"
    std::string modified;    // dcterms:modified, "YYYY-MM-DDThh:mm:ssZ"
    std::string publisher;
    std::string rights;
    std::string description; // the standfirst as plain text
    std::vector<std::string> subjects;  // the section first, then keywords
    std::vector<std::string> sources;   // dc:source: the article's URL online
    std::string print_source;  // the print edition the page-list follows ("urn:issn:2083-7372"), or ""
    std::string collection;  // the magazine, as belongs-to-collection
    std::string collection_position;  // group-position: the running number, or ""
    std::vector<std::string> issns;     // "2083-7372" (print first, then online)
    // Accessibility (EPUB Accessibility 1.1 §2, schema.org properties).
    std::vector<std::string> access_modes;             // "textual", "visual"
    std::vector<std::string> access_modes_sufficient;  // "textual"
    std::vector<std::string> accessibility_features;
    std::string accessibility_summary;
};

struct Book {
    BookMetadata meta;
    std::vector<Resource> resources;  // in manifest order (derived: documents, then sorted others)
    std::vector<TocEntry> toc;
    std::vector<Landmark> landmarks;
    std::vector<PageTarget> page_list;  // the print edition's pages (page-list nav), in order
    // Resources whose content is already deflated, by href (the fonts); the others the container
    // compresses itself.
    std::map<std::string, Deflated> deflated;

    const Resource* find(const std::string& href) const;
};

// A stable text form: metadata, then one line per resource (href, media type, properties, spine,
// size, FNV-1a 64 of the bytes), then the table of contents.
std::string dump_book(const Book& book);

// FNV-1a 64-bit: a cheap content fingerprint for the dump (not security relevant).
std::uint64_t fnv1a64(const std::string& bytes);

}  // namespace quire::epub
