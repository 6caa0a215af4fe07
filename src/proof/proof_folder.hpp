// The files of a proof folder that do not depend on where the PDF came from: the page images
// (pages/page-NNN.png at screen size, thumbs/page-NNN.png, each page rasterised once), report.json,
// report.txt and index.html. `quire proof` writes proof.pdf first and then calls these.
#pragma once

#include "proof/contact_sheet.hpp"
#include "proof/poppler_doc.hpp"
#include "proof/report.hpp"

#include <filesystem>
#include <vector>

namespace quire::proof {

struct PageImageOptions {
    double screen_dpi = 100;  // full-size pages: a 176 mm wide page is about 700 px
    int thumb_width = 360;    // thumbnails: shown at about 200 CSS px, sharp on a 2× screen
};

// Rasterises every page of `doc` once and writes both sizes under `dir`; returns the pages as the
// contact sheet lists them (paths relative to `dir`). Stale images from an earlier run are removed.
std::vector<SheetPage> write_page_images(const PdfDocument& doc, const std::filesystem::path& dir,
                                         const PageImageOptions& options = {});

// Writes report.json, report.txt and index.html into `dir`.
void write_report_files(const std::filesystem::path& dir, const Report& report, const ContactSheet& sheet);

}  // namespace quire::proof
