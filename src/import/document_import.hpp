// quire import of editorial documents: Word (DOCX) and Markdown files → Article. Unlike a scraped
// page, these carry their structure (styles, headings, emphasis, languages); the importers map it
// and record each decision and each normalisation rule for --explain (docs/import.md).
//
//   auto result = quire::import::import_docx(bytes, "article.docx", {});
//   write_article_xml(result.article); for (auto& image : result.images) write(image.path, image.bytes);
#pragma once

#include "core/diagnostic.hpp"
#include "import/analysis.hpp"
#include "model/article.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace quire::import {

// What to do with tracked changes (w:ins, w:del, w:moveFrom, w:moveTo) still in a DOCX.
enum class TrackedChanges { Refuse, Accept, Reject };

struct DocumentOptions {
    TrackedChanges changes = TrackedChanges::Refuse;
    std::string lang;                 // --lang: the article's language, overriding detection
    std::string image_dir = "images"; // where extracted images go, relative to the article's folder
};

// An image taken out of the document, to be written beside the article.
struct ExtractedImage {
    std::string path;   // relative to the article's folder ("images/article-1.png")
    std::string bytes;
};

struct DocumentImport {
    model::Article article;
    std::vector<Decision> decisions;  // field, value, rule, paragraph (Decision::line)
    Diagnostics diagnostics;          // warnings (comments, dropped things); errors are thrown
    std::vector<ExtractedImage> images;
    std::string place = "p.";         // what Decision::line counts: DOCX paragraphs, Markdown lines
    void decide(std::string field, std::string value, std::string rule, int paragraph = 0);
};

// Throws QuireError naming the file (and the paragraph) for a file that is not a Word document, a
// zip bomb, unaccepted tracked changes (with TrackedChanges::Refuse) or a document without a title.
DocumentImport import_docx(std::string_view bytes, const std::string& file, const DocumentOptions& options);

// CommonMark with an optional YAML front matter block (docs/import.md lists the keys).
DocumentImport import_markdown(std::string_view text, const std::string& file, const DocumentOptions& options);

// The decisions, one a line, as `quire import --explain` prints them.
std::string explain(const DocumentImport& result);

}  // namespace quire::import
