// The EPUB's XHTML content documents (EPUB 3.3 §6.1): the cover page, the article, the author bio
// and each notice, each with xml:lang, its epub:type and the matching DPUB-ARIA role, written from
// the article model. Images are referred to by the href the package gives them (ImageHrefs).
#pragma once

#include "text/display_date.hpp"

#include "epub/epub_book.hpp"
#include "model/article_xml.hpp"

#include <map>
#include <string>
#include <vector>

namespace quire::epub {

// figure src (as written in the article) → href inside the package ("images/lead.jpg").
using ImageHrefs = std::map<std::string, std::string>;

inline constexpr const char* kStylesheetHref = "style.css";

// A generated XHTML document and what navigation needs from it.
struct ContentDocument {
    std::string href;     // "article.xhtml"
    std::string title;    // its <title> and its TOC label
    std::string bytes;
    std::vector<TocEntry> headings;  // the h2…h4 inside, nested (article only)
    std::vector<TocEntry> back_matter;  // the bio and notices at its end (article only)
};

// What an article's document holds besides the article, and where it goes.
struct ArticleParts {
    std::string href = "article.xhtml";
    std::vector<const model::Author*> bio_authors;  // their bios follow the text
    std::vector<const model::Notice*> notices;      // then these notices
};

// The XHTML wrapper every document shares: XML declaration, doctype, html with xmlns:epub, lang and
// xml:lang, head with title and stylesheet, then `body_content` inside <body …>.
std::string xhtml_document(const std::string& lang, const std::string& title, const std::string& body_attributes,
                           const std::string& body_content, const std::string& stylesheet_href = kStylesheetHref);

// The inline content as XHTML (em, strong, a, span with lang, b.speaker, br).
std::string inline_xhtml(const model::InlineText& content);

// The date under the title: text::display_date (one formatter for print, EPUB and cover).
using text::display_date;

ContentDocument cover_document(const model::LoadedArticle& loaded, const std::string& cover_image_href,
                               const std::string& cover_alt);
ContentDocument article_document(const model::LoadedArticle& loaded, const ImageHrefs& images,
                                 const ArticleParts& parts = {});
// The byline's lines: the authors ("A and B"), then "Interview by …", "Translated by …",
// "Photographs by …" for contributors of those roles, in the article's language.
std::vector<std::string> byline_lines(const model::Article& article);
// An author of role "author" (or none given) is a creator (dc:creator); the others contribute.
bool is_creator_role(const std::string& role);
// The bios of the authors named in the back matter (one document), or nullopt-like empty bytes if none.
ContentDocument bio_document(const model::LoadedArticle& loaded, const std::vector<const model::Author*>& authors);
// One notice (its content resolved: the article's, else the publication's of the same kind).
ContentDocument notice_document(const model::LoadedArticle& loaded, const model::Notice& notice,
                                const std::string& href);

// The authors' names for a byline: "A", "A and B", "A, B and C" (in the article's language).
std::string names_list(const std::vector<std::string>& names, const std::string& lang);

}  // namespace quire::epub
