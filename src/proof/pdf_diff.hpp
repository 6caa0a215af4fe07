// What changed between two proof rounds, for any two PDFs: both are rasterised once with Poppler,
// pages are aligned (so that a page added or removed does not mark every later page as changed),
// aligned pages are compared pixel by pixel for changed regions, and the extracted text is compared
// word by word.
#pragma once

#include "proof/image_diff.hpp"
#include "proof/issue_page_map.hpp"
#include "proof/pdf_text.hpp"
#include "proof/poppler_doc.hpp"
#include "proof/rasterize.hpp"
#include "proof/word_diff.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace quire::proof {

struct PdfDiffOptions {
    double dpi = 72;  // comparison and diff images: enough to see a changed comma, cheap to rasterise
    ImageDiffOptions image;
    // What is compared: the printed page (inside the BleedBox, else the TrimBox, else all of it), so
    // that a proof stamp or date in the slug is not a change; or the whole MediaBox.
    enum class Area { Printed, Media } area = Area::Printed;
};

enum class PageChange { Same, Changed, Added, Removed };
const char* page_change_name(PageChange change);

struct PagePair {
    PageChange change = PageChange::Same;
    int old_page = 0;  // 1-based; 0 for an added page
    int new_page = 0;  // 1-based; 0 for a removed page
    std::vector<Rect> regions;  // changed regions, in points on the page (new page; old for Removed)
    PageImage old_image;        // kept for pages that are not Same, to draw the diff images
    PageImage new_image;
};

struct PdfDiff {
    std::string old_file, new_file;
    int old_pages = 0, new_pages = 0;
    std::vector<PagePair> pages;  // in new-document order, removed pages where they stood
    WordDiff words;
    // The new PDF's page map when it is an issue (pages.json): each changed page then names its
    // article and section, and the text and JSON sum the changes up per article.
    std::optional<IssuePageMap> page_map;

    bool identical() const;
    std::vector<const PagePair*> changed_pages() const;  // every pair that is not Same
    std::string to_text() const;     // changes.txt
    nlohmann::json to_json() const;  // changes.json
};

PdfDiff diff_pdfs(const PdfDocument& old_doc, const PdfDocument& new_doc, const PdfDiffOptions& options = {});

// Writes into `dir`: changes.txt, changes.json, and when something changed, page-NNN.png (old and
// new side by side, regions marked) for each changed page and diff.pdf (each changed page with
// highlight boxes). Stale page-*.png from an earlier run are removed.
void write_diff(const PdfDiff& diff, const PdfDocument& old_doc, const PdfDocument& new_doc,
                const std::filesystem::path& dir);

}  // namespace quire::proof
