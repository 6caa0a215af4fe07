// What the article EPUB (epub_builder) and the issue EPUB (issue_epub) assemble alike: the figures'
// images read and named in the package, the people's metadata (MARC relator roles, file-as), the
// embedded font subsets with the stylesheet that names them, and the manifest put in order with the
// navigation documents written last.
#pragma once

#include "core/artefact_cache.hpp"
#include "epub/content_documents.hpp"
#include "epub/epub_book.hpp"
#include "epub/font_plan.hpp"
#include "page/epub_cover.hpp"
#include "style/layout.hpp"
#include "text/font_table.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace quire::epub {

struct ImageFile {
    std::string href, media_type, bytes;
};

// Reads each figure's image once, checks that it stays in the article's folder and is a core media
// type, and gives it a package path (`folder` + NAME, unique among `names`). Throws QuireError naming
// the figure's place.
std::vector<ImageFile> read_images(const model::LoadedArticle& loaded, ImageHrefs& hrefs, std::set<std::string>& names,
                                   const std::string& folder = "images/");

// MARC relator code for an author's role (id.loc.gov/vocabulary/relators): "aut", "ivr", "trl", "pht", "edt".
std::string marc_role(const std::string& role);
// The sort form of a personal name: "Jan Nowicki" → "Nowicki, Jan" (the last word is taken as the
// family name: right for the magazine's contributors; a name of one word stays as it is).
std::string file_as(const std::string& name);
// The article's people as package metadata: authors as creators, the others as contributors.
void add_people(BookMetadata& meta, const model::Article& article);

// A unique manifest id from a path ("images/lead.jpg" → "images-lead-jpg").
std::string manifest_id(const std::string& href, std::set<std::string>& taken);

// What every cached artefact depends on besides its own inputs: this build of quire (its
// executable's identity: a rebuild may draw, subset or lay out differently) and HarfBuzz's version.
std::string artefact_key_base();

// The drawn cover: a page laid out by page/ (page/epub_cover.hpp) and drawn by render/
// (render/render_png.hpp), the PNG from the artefact cache when it holds it.
using CoverText = page::CoverText;
std::string cover_png(const CoverText& text, const style::Layout& layout, const text::FontTable& fonts,
                      const ArtefactCache& cache);

// The words quire adds to the article's documents, for the faces' subsets: the documents' text
// (the base style's), the headings and labels it generates, the byline, the date, the credit.
void add_generated_words(StyleUses& uses, const std::vector<ContentDocument>& documents, const model::Article& article);

// The embedded fonts (subsets, with their licences) and the stylesheet. `meanwhile` runs while the
// fonts are subset (in parallel, from the cache when it holds them).
struct EmbeddedStyle {
    std::vector<Resource> files;               // fonts and licences
    std::map<std::string, Deflated> deflated;  // the fonts, by href
    std::string css;
};
EmbeddedStyle embed_fonts_and_style(const StyleUses& uses, const style::Layout& layout, const text::FontTable& fonts,
                                    const ArtefactCache& cache, const std::function<void()>& meanwhile = {});

// Fills book.resources: `documents` (in spine order, linear), the nav (in the spine, non-linear: the
// landmarks link to it), the NCX, the stylesheet, then `others` sorted by path; gives ids; writes the
// nav and NCX from the book (call after toc, landmarks and page_list are set).
void finish_book(Book& book, std::vector<ContentDocument>& documents, std::vector<Resource> others, std::string css);

}  // namespace quire::epub
