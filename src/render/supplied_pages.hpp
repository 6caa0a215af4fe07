// Supplied PDF pages (ads, a house filler) in a print issue: their boxes checked against the issue's
// trim and bleed, and each placed whole on its page of the issue PDF as a form XObject (qpdf), so that
// its vectors, fonts and colours reach the printer exactly as supplied (never rasterised).
#pragma once

#include "core/diagnostic.hpp"
#include "page/page_document.hpp"
#include "style/layout.hpp"

#include <filesystem>
#include <string>

namespace quire::render {

// A supplied page's boxes, in points, in its own PDF user space (x right, y up).
struct PdfBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};

struct SuppliedPage {
    int page_count = 0;
    PdfBox media, crop, trim, bleed;  // crop: CropBox, else MediaBox (what viewers and Poppler show)    // trim: TrimBox, else CropBox, else MediaBox; bleed likewise from BleedBox
    bool has_trim_box = false, has_bleed_box = false;
    int rotate = 0;
};

// Reads the first page's boxes. Throws QuireError naming the file when it is not a readable PDF.
SuppliedPage inspect_supplied_pdf(const std::filesystem::path& path, const SourceSpan& where);

// Errors (with `where`, naming the file and both sizes): a trim size other than the (±0.5 pt),
// a rotated page; a bleed smaller than the on a page that `bleeds` (its art touches the trim
// edge). Warnings: more than one page (the first is placed).
enum class ArtAtTrimEdge { No, Yes, Unknown };
void check_supplied_page(const SuppliedPage& page, const std::filesystem::path& path, const style::PageGeometry& geometry,
                         ArtAtTrimEdge bleeds, const SourceSpan& where, Diagnostics& diagnostics);

// Places every page's `placed_pdf` (its first page) on that page of `pdf` (quire's own PDF of
// `document`), trim on trim, with its bleed; returns the new PDF. Throws QuireError on failure.
std::string place_supplied_pages(const std::string& pdf, const page::PageDocument& document);

}  // namespace quire::render
