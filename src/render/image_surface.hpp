// Decoding images for drawing: page/image.hpp reads and checks them when the page is laid out; here
// they become cairo surfaces when the page is drawn.
//
// For the PDF a JPEG is embedded as its original bytes (CAIRO_MIME_TYPE_JPEG, stack-notes): no
// re-encoding, no loss, and no need to decode 20 megapixels to write the file. For page images (PNG)
// it is decoded with libjpeg-turbo's DCT scaling to about the size it is drawn at.
//
//   page::CairoSurface s = render::image_surface(*item.image, render::SurfaceUse::Raster, 0.25);
//   const render::OrientationMatrix o = render::orientation_matrix(item.image->orientation);
#pragma once

#include "page/image.hpp"

#include <string_view>

namespace quire::render {

// The page never needs more of an image than its box at this resolution (issue 18, docs/limits.md):
// images are decoded down to it when drawn.
inline constexpr double kMaxPrintPpi = 600;
// A proof PDF's photographs need no more (proof/proof_builder.cpp): 50 % beyond the proof's screen
// pages (100 dpi), what a soft proof read on screen or printed on an office printer shows. Their
// JPEGs are decoded down to it and encoded again (SurfaceUse::ProofPdf): Poppler then decodes and
// converts a twentieth of the pixels for the proof's page images (issue 17).
inline constexpr double kMaxProofPpi = 150;
inline constexpr int kProofJpegQuality = 90;

// Maps the unit square of the stored pixels onto the unit square of the displayed image for an EXIF
// orientation: displayed (X, Y) = (a u + b v + c, d u + e v + f) for stored (u, v).
struct OrientationMatrix {
    double a, b, c, d, e, f;
};
OrientationMatrix orientation_matrix(int orientation);

// Whether a JPEG's inks are stored inverted: four components (CMYK or YCCK) with Adobe's APP14
// marker, as Photoshop and most tools write CMYK JPEGs (libjpeg's jdmarker.c reads the marker;
// pdf.js, MuPDF and Ghostscript treat such files as inverted). The PDF then needs
// /Decode [1 0 1 0 1 0 1 0] on the image (PDF 32000-1 §8.9.5.2), which cairo 1.16 does not write:
// render/post_pass.cpp adds it.
bool jpeg_is_adobe_cmyk(std::string_view bytes);
// The number of components in a JPEG's frame header (1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK); 0 if none.
int jpeg_components(std::string_view bytes);

// The resolution a PDF's images are written at: the print's (up to kMaxPrintPpi, JPEGs as they
// are) or a proof's (kMaxProofPpi, SurfaceUse::ProofPdf).
enum class PdfImages { Print, Proof };

enum class SurfaceUse {
    Pdf,     // a JPEG carries its bytes as mime data and its pixels are never read; a PNG is decoded
             // down to `min_scale` (the box at kMaxPrintPpi)
    Raster,  // decoded, reduced (JPEG: DCT scaling) to no less than `min_scale` of the full size
    ProofPdf,  // as Pdf, but a three-component JPEG that DCT scaling can halve or more is decoded
               // to no less than `min_scale` and re-encoded (kProofJpegQuality; kept in the artefact
               // cache); a CMYK or grey JPEG keeps its bytes and its inks
};

// A surface for drawing `image`, in the stored orientation (see Image::orientation). Its width and
// height may be smaller than the image's: scale to the placed box when drawing. Never wider or taller
// than page::kMaxSurfaceSide. Empty (null) when the data cannot be decoded.
page::CairoSurface image_surface(const page::Image& image, SurfaceUse use, double min_scale = 1.0);

}  // namespace quire::render
