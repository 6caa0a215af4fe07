// One call from a loaded article to its print PDF (and page images), for `quire pdf`, `quire build`
// and the proof stage:
//
//   quire::Diagnostics diags;
//   auto loaded = quire::model::load_article("examples/article.xml", diags);
//   quire::page::PageDocument doc = quire::render::lay_out_loaded_article(loaded, "", diags);
//   // … the proof stage may append overlay items to doc.pages[i].items here …
//   quire::render::render_pdf(doc, {}, "out/article.pdf");
//   quire::render::render_png(doc, {.dpi = 70}, "out/", "article");
//
//   // or, all at once:
//   quire::render::write_article_pdf(loaded, {.png_dir = "out"}, "out/article.pdf", diags);
#pragma once

#include "core/diagnostic.hpp"
#include "model/article_xml.hpp"
#include "page/page_document.hpp"
#include "render/render.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quire::render {

// The layout is `layout` (a name or a path), else the publication's default, else "magazine".
// Diagnostics (layout problems, characters no font has) go into `diagnostics`; the first error is
// thrown as QuireError (unknown layout or style, missing image, text that cannot fit).
page::PageDocument lay_out_loaded_article(const model::LoadedArticle& loaded, const std::string& layout,
                                          Diagnostics& diagnostics);

struct ArticlePdfOptions {
    std::string layout;                 // "" = the publication's, else magazine
    std::filesystem::path png_dir;      // empty = no page images
    double png_dpi = 70;
    CropMarks crop_marks = CropMarks::Yes;
};

// Lays out, writes the PDF (atomically) and, if asked, one PNG a page named after the PDF
// (`png_dir/article-1.png` …). Returns the PNGs written.
std::vector<std::filesystem::path> write_article_pdf(const model::LoadedArticle& loaded, const ArticlePdfOptions& options,
                                                     const std::filesystem::path& pdf, Diagnostics& diagnostics);

// The same for an article already laid out (`doc` from lay_out_loaded_article), so that one typeset
// form serves the PDF and the EPUB's print page-list (quire build).
std::vector<std::filesystem::path> write_article_pdf(const model::LoadedArticle& loaded, const page::PageDocument& doc,
                                                     const ArticlePdfOptions& options, const std::filesystem::path& pdf,
                                                     Diagnostics& diagnostics);

}  // namespace quire::render
