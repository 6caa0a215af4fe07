// The print edition's page starts for an article's EPUB (epub/page_breaks.hpp), kept in the artefact
// cache (core/artefact_cache.hpp). The EPUB needs only the folio and first words of each print page,
// but finding them means laying the whole article out as `quire pdf` does: about 60 % of a warm
// `quire epub`'s instructions (callgrind, issue 17), for a result of a few hundred bytes that changes
// only when the article, its publication, its images, the layout, the fonts, the hyphenation
// patterns or quire itself change. A hit gives exactly the page starts the layout would give, and
// the diagnostics it would report (replayed in order), so the EPUB and the messages are the same
// with or without the cache.
//
// The key (print_pages_key) holds each of those inputs as the identity of its file (path, size,
// modification time, inode; core/artefact_cache.hpp's file_identity), the paths as the article and
// the command name them (the diagnostics quote them), and quire's and HarfBuzz's identity. The
// layout reads no clock and no other environment (QUIRE_HOME, QUIRE_HYPHEN_DIR and
// QUIRE_TEX_PATTERNS_DIR only move the files, whose paths are in the key). A layout that throws is
// not cached.
#pragma once

#include "core/artefact_cache.hpp"
#include "core/diagnostic.hpp"
#include "epub/page_breaks.hpp"
#include "model/article_xml.hpp"
#include "page/page_document.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace quire::epub {

// Everything the print layout of `loaded` with the layout `layout_name` ("" : the publication's
// default) depends on, as a cache key.
std::string print_pages_key(const model::LoadedArticle& loaded, const std::string& layout_name);

// The value stored under the key: the page starts and the layout's diagnostics, and back (nullopt:
// a damaged entry, treated as a miss).
std::string pack_print_pages(const std::vector<PrintPageStart>& pages, const std::vector<Diagnostic>& diagnostics);
struct PrintPages {
    std::vector<PrintPageStart> pages;
    std::vector<Diagnostic> diagnostics;
};
std::optional<PrintPages> unpack_print_pages(const std::string& value);

// The page starts of `loaded` laid out with `layout_name`: from the cache, its diagnostics added to
// `diagnostics`, else from `lay_out` (render::lay_out_loaded_article), which adds its own, and
// stored.
std::vector<PrintPageStart> print_pages(const model::LoadedArticle& loaded, const std::string& layout_name,
                                        const ArtefactCache& cache, Diagnostics& diagnostics,
                                        const std::function<page::PageDocument(Diagnostics&)>& lay_out);

}  // namespace quire::epub
