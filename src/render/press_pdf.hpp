// The press PDF: PDF/X-4 (ISO 15930-7) in CMYK, made in the qpdf post-pass on Cairo's RGB output
// (render/post_pass.hpp calls make_press_ready before writing). Choices and their reasons:
// docs/press.md.
//
//   - output intent: /OutputIntents with the CMYK profile embedded as DestOutputProfile (GTS_PDFX);
//   - XMP metadata with pdfxid:GTS_PDFXVersion "PDF/X-4", dc:title, xmpMM Document/InstanceID
//     derived from the content; /Trapped /False; PDF 1.6 (set by the writer);
//   - colour: Cairo's DeviceRGB operators in Cairo's content streams become DeviceCMYK, through the
//     swatches the layout gave (render/press_color.hpp); RGB images become CMYK with lcms2;
//   - crop marks in the registration colour (/Separation /All).
#pragma once

#include "core/diagnostic.hpp"
#include "model/publication.hpp"
#include "page/page_document.hpp"
#include "render/render.hpp"
#include "style/color_profile.hpp"

#include <ctime>
#include <memory>
#include <string>
#include <vector>

class QPDF;

namespace quire::render {

// The publication's <output-intent> (its profile path taken relative to the publication file), or
// the free default with a warning that names what to ask the printer for.
OutputIntent output_intent_for(const model::Publication* publication, Diagnostics& diagnostics);

struct PressSettings {
    std::shared_ptr<const style::CmykProfile> profile;
    std::string condition;                 // OutputConditionIdentifier
    double max_ink = 3.0;
    std::vector<style::Color> swatches;    // the colours the pages were drawn with, first use first
    style::PageGeometry geometry;
    CropMarks crop_marks = CropMarks::Yes; // drawn here, in the registration colour
    std::string title, author;
    std::time_t date = 0;                  // the XMP dates (the same as the Info dictionary's)
    std::string document_key;              // what identifies the document across revisions
    std::string instance_key;              // what identifies this rendition (Cairo's bytes)
    int threads = 2;                       // PdfOptions::press_threads
};

// Settings for `document`; loads the intent's profile (QuireError naming the file if it is bad or
// missing; the default profile missing is an error naming its package).
PressSettings press_settings(const page::PageDocument& document, const PdfOptions& options);
// What identifies this rendition (the XMP instance ID): cairo's bytes, known once the pages are drawn.
void set_rendition(PressSettings& settings, const std::string& cairo_pdf);

// Makes the document in `pdf` press-ready (see above). Throws on a qpdf or lcms2 failure.
void make_press_ready(QPDF& pdf, const PressSettings& settings);

}  // namespace quire::render
