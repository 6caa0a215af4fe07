// The print post-pass on Cairo's PDF (Cairo 1.16 has no API for these: stack-notes): TrimBox and
// BleedBox on every page (PDF 32000-1 §14.11.2), link annotations (cairo 1.16's link tags write a
// damaged file), page labels (cairo 1.16 writes a range without
// its style or prefix), the document's /Lang, outlines shown on opening, dates with their "D:", and a
// deterministic /ID, so that the same input gives the same bytes.
#pragma once

#include "style/layout.hpp"

#include "page/page_document.hpp"
#include "render/press_pdf.hpp"

#include <string>
#include <vector>

class QPDFWriter;

namespace quire::render {

// The link areas of each page: LinkItems, and the runs of text that carry an href (merged along a
// line), in trim coordinates.
std::vector<std::vector<page::LinkItem>> collect_links(const page::PageDocument& document);

// Also writes each page's links as /Link annotations with /URI actions (PDF 32000-1 §12.5.6.5).
// Also writes the page labels (PDF 32000-1 §12.4.2): one decimal range when the labels are the folios
// in sequence, else each page's label as given.
// With `press`, also makes the PDF press-ready (render/press_pdf.hpp: PDF/X-4, CMYK) and writes PDF 1.6.
std::string post_pass(const std::string& pdf, const style::PageGeometry& geometry, const std::string& lang,
                      const std::vector<std::vector<page::LinkItem>>& links, const std::vector<page::Page>& pages,
                      const PressSettings* press = nullptr);

// The deflate level qpdf uses for the streams it (re)writes (page contents after the press colour
// filter, object streams): set once per process before the first QPDFWriter::write.
void use_fast_deflate();

// Runs `writer` (its options set) into a string with `expected` bytes reserved. QPDFWriter's own
// setOutputMemory collects the file in a buffer that grows by copying and hands back a Buffer that is
// copied once more into a string: about 2–3 % of `quire pdf` in memmove and page faults (issue 17).
// Same bytes.
std::string write_to_string(QPDFWriter& writer, std::size_t expected);

}  // namespace quire::render
