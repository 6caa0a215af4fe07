// Rendering a PageDocument: the print PDF (Cairo, then a qpdf pass for the print boxes) and page
// images (PNG). Both write through PendingOutput: a failure leaves no half-written file.
//
//   quire::render::render_pdf(doc, {}, "article.pdf");
//   quire::render::render_png(doc, {.dpi = 70}, "out/", "article");  // out/article-1.png …
#pragma once

#include "page/page_document.hpp"
#include "render/image_surface.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quire::render {

enum class CropMarks { No, Yes };

// Press: PDF/X-4 in CMYK with the output intent (render/press_pdf.hpp, docs/press.md). Screen: the
// RGB that Cairo writes, without an intent (for PDFs only ever read on screen).
enum class ColorOutput { Press, Screen };

// The press PDF's output intent: the printer's CMYK profile, or (empty) the free default.
struct OutputIntent {
    std::filesystem::path profile;   // an ICC file; empty = style::kDefaultCmykProfile
    std::string condition;           // OutputConditionIdentifier, e.g. "FOGRA39"; empty = "Custom"
};

struct PdfOptions {
    CropMarks crop_marks = CropMarks::Yes;  // in the slug, where the layout has one
    ColorOutput color = ColorOutput::Press;
    OutputIntent intent;
    double max_ink = 3.0;                   // total area coverage of converted images (3 = 300 %)
    // Threads the press pass rewrites the pages' colour on (render/press_color.hpp); 1 for a caller
    // that already keeps the other core busy (the PDFs side by side and beside its spreads).
    int press_threads = 2;
    PdfImages images = PdfImages::Print;  // Proof: photographs at kMaxProofPpi (render/image_surface.hpp)
};

// Writes the PDF: fonts embedded as subsets (Cairo), text mapped to its characters
// (cairo_show_text_glyphs with HarfBuzz's clusters), metadata (dates from SOURCE_DATE_EPOCH, else the
// article's date), outline, links, page labels, crop marks; then qpdf writes TrimBox and BleedBox on
// every page and a deterministic /ID. Throws QuireError on failure; `path` is then left untouched.
void render_pdf(const page::PageDocument& document, const PdfOptions& options, const std::filesystem::path& path);

// The same PDF as bytes (for tests and for callers that post-process further).
std::string render_pdf_bytes(const page::PageDocument& document, const PdfOptions& options);

// The same, for a caller done with the document: each page's items (its glyphs, the bulk of a long
// document's memory) are freed once cairo has the page, so that the PDF's post pass reuses their
// memory instead of growing the heap (peak memory, issue 17). The pages' numbers and labels stay.
void render_pdf(page::PageDocument&& document, const PdfOptions& options, const std::filesystem::path& path);
std::string render_pdf_bytes(page::PageDocument&& document, const PdfOptions& options);

enum class PngArea { Trim, Bleed, Media };

struct PngOptions {
    double dpi = 70;
    PngArea area = PngArea::Trim;
};

// Writes one PNG a page, `dir/stem-N.png` (N from 1), and returns their paths.
std::vector<std::filesystem::path> render_png(const page::PageDocument& document, const PngOptions& options,
                                              const std::filesystem::path& dir, const std::string& stem);

}  // namespace quire::render
