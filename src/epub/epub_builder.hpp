// `quire epub` and `quire build`: an article (with its publication profile) to an EPUB 3 file.
//
//   quire::Diagnostics diags;
//   auto loaded = quire::model::load_article("examples/article.xml", diags);
//   quire::epub::build_epub(loaded, {}, "out/article.epub");
//
// The steps, one file each: content_documents (XHTML), stylesheet (CSS from the layout's styles),
// font_subset (hb-subset), the drawn cover (page/epub_cover laid out, render/render_png drawn),
// navigation (nav + NCX), package_document (OPF), ocf_container (libzip). assemble_book gives the Book between them (dump_book prints it).
#pragma once

#include "epub/epub_book.hpp"
#include "epub/page_breaks.hpp"
#include "model/article_xml.hpp"
#include "page/page_document.hpp"

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace quire {
class ArtefactCache;
}

namespace quire::epub {

struct EpubOptions {
    // Layout whose styles the CSS follows: a name in layouts/ or a path. Empty: the publication's
    // default layout, else "magazine".
    std::string layout;
    // An image to use as the cover (JPEG or PNG). Empty: a cover is drawn from the article's title,
    // author and the magazine's name.
    std::optional<std::filesystem::path> cover_image;
    // Where font subsets and the drawn cover are kept between runs (core/artefact_cache.hpp); null:
    // the process's cache, from the environment.
    const ArtefactCache* cache = nullptr;
    // The article's print layout (render::lay_out_loaded_article, as `quire pdf` makes it): its
    // pages give the page-break markers and the page-list. Null: no print page numbers.
    const page::PageDocument* print = nullptr;
    // Or the print pages' starts alone (epub/print_pages.hpp: from the artefact cache), used when
    // `print` is null.
    const std::vector<PrintPageStart>* print_pages = nullptr;
};

// Whether the book carries the print edition's page numbers (page-list, markers).
enum class PageNumbers { None, Print };

// dcterms:modified and the entries' times: SOURCE_DATE_EPOCH, else the article's date; a later
// revision or correction date (<revised>) moves it.
std::time_t book_timestamp(const model::ArticleMeta& meta);

// The accessibility metadata every book shares (access modes, features, the summary in `lang`).
void set_accessibility(BookMetadata& meta, const std::string& lang, PageNumbers page_numbers);

// The authors whose bios the back matter names (each once, those with a bio), and the notices with
// text (the article's, else the publication's).
std::vector<const model::Author*> bio_authors(const model::Article& article);
std::vector<const model::Notice*> back_matter_notices(const model::LoadedArticle& loaded);

// Everything the .epub will hold, in order. Throws QuireError naming the article's line for a
// missing or unreadable image, an image path leaving the article's folder, an unsupported image
// format; naming the layout or font file for their problems.
Book assemble_book(const model::LoadedArticle& loaded, const EpubOptions& options);

// assemble_book, then the container written to `output` through a temporary file (never a
// half-written .epub). Entry times and dcterms:modified come from SOURCE_DATE_EPOCH when set, else
// from the article's date.
void build_epub(const model::LoadedArticle& loaded, const EpubOptions& options, const std::filesystem::path& output);

// The media type of an image from its first bytes (JPEG, PNG, GIF, SVG: EPUB core media types), or
// "" when it is none of them.
std::string image_media_type(const std::string& bytes);

// A file name safe in every ZIP reader and for epubcheck: ASCII letters, digits, '.', '_', '-'.
std::string safe_file_name(const std::string& name);

}  // namespace quire::epub
