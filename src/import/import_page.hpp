// quire import: a scraped article page (the page's text, web clutter included) → Article, plus the
// publication facts the page shows (name, publisher, site, donation notice) for a profile.
//
//   auto result = quire::import::import_page(text, "page.txt", {});
//   std::string xml = quire::model::write_article_xml(result.article);
//
// The rules are in analysis.hpp; `result.analysis` says which rule decided what (--explain).
#pragma once

#include "import/analysis.hpp"
#include "model/article.hpp"
#include "model/publication.hpp"

#include <string>
#include <string_view>

namespace quire::import {

// Where the donation notice goes: into the article's back matter, or into the publication profile
// (the article then keeps an empty <notice kind="donation"/> that takes the profile's text).
enum class NoticePlacement { BackMatter, Publication };

struct ImportOptions {
    NoticePlacement notice = NoticePlacement::BackMatter;
    // The profile's path relative to the article's folder (Article::publication), when one is written.
    std::string publication_path;
    // A lead photo the editor supplies instead of the page's (which the text does not carry): when
    // `lead_image` is set, the lead figure is this one, and the page's caption and credit are dropped
    // because they describe another picture. Paths are relative to the article's folder.
    std::string lead_image, lead_alt, lead_caption, lead_credit, lead_licence;
    // The article's language (--lang); empty: detected from the text (import/language.hpp).
    std::string lang;
};

struct ImportResult {
    model::Article article;
    model::Publication publication;  // the facts the page shows; its notice when one was found
    PageAnalysis analysis;           // lines, roles, decisions, warnings
};

// Throws QuireError (with file:line:col) for a page that is not one article (a listing page), is
// empty, is not UTF-8, or has no title. Everything weaker is a warning in analysis.diagnostics.
ImportResult import_page(std::string_view text, const std::string& file, const ImportOptions& options);

// An empty, binary or XML file: throws QuireError with the reason (page_refusal.cpp).
void refuse_non_page(std::string_view text, const std::string& file);

// The article's parts from an analysed page (used by import_page; separate for tests).
model::Article build_article(const PageAnalysis& a, const ImportOptions& options);
model::Publication build_publication(const PageAnalysis& a);

// A paragraph's inlines: a leading speaker label ("NEE:") becomes a Speaker inline when `speakers`
// names it; the rest is text as published.
model::InlineText paragraph_inlines(const std::string& text, const std::vector<std::string>& speakers);

}  // namespace quire::import
