// Images for the page: read once, checked when the page is laid out (a missing or unreadable file is an
// error naming the figure's place), decoded only when drawn.
//
// For the PDF a JPEG is embedded as its original bytes (CAIRO_MIME_TYPE_JPEG, stack-notes): no
// re-encoding, no loss, and no need to decode 20 megapixels to write the file. For page images (PNG)
// it is decoded with libjpeg-turbo's DCT scaling to about the size it is drawn at.
#pragma once

#include "core/diagnostic.hpp"
#include "core/handle.hpp"

#include <cairo.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace quire::page {

enum class ImageFormat { Jpeg, Png };

struct Image {
    std::filesystem::path path;
    ImageFormat format = ImageFormat::Jpeg;
    int width = 0, height = 0;  // pixels, as displayed (after the EXIF orientation)
    // The JPEG's EXIF Orientation (1–8, TIFF 6.0 tag 274; 1 = as stored): 5–8 swap width and height.
    // Drawing maps the stored pixels onto the displayed box (orientation_matrix).
    int orientation = 1;
    std::string bytes;          // the file as read
};

// Limits on what quire decodes (issue 18, docs/limits.md): a photograph of more than this is refused
// with an error rather than decoded (a 900 KB PNG can declare 30000 × 30000 pixels); the page never
// needs more than its box at kMaxPrintPpi, and images are decoded down to that while being read.
inline constexpr double kMaxImageMegapixels = 128;
inline constexpr double kMaxPrintPpi = 600;
// Interlaced PNGs cannot be decoded row by row: at most this many pixels, decoded whole.
inline constexpr double kMaxInterlacedMegapixels = 16;
// cairo's image surfaces are at most 32767 pixels on a side (cairo-image-surface.c, MAX_IMAGE_SIZE).
inline constexpr int kMaxSurfaceSide = 32767;

// Maps the unit square of the stored pixels onto the unit square of the displayed image for an EXIF
// orientation: displayed (X, Y) = (a u + b v + c, d u + e v + f) for stored (u, v).
struct OrientationMatrix {
    double a, b, c, d, e, f;
};
OrientationMatrix orientation_matrix(int orientation);

// The EXIF Orientation of a JPEG's APP1 segment, 1 when it has none or it cannot be read.
int jpeg_exif_orientation(std::string_view bytes);

// Whether a JPEG's inks are stored inverted: four components (CMYK or YCCK) with Adobe's APP14
// marker, as Photoshop and most tools write CMYK JPEGs (libjpeg's jdmarker.c reads the marker;
// pdf.js, MuPDF and Ghostscript treat such files as inverted). The PDF then needs
// /Decode [1 0 1 0 1 0 1 0] on the image (PDF 32000-1 §8.9.5.2), which cairo 1.16 does not write:
// render/post_pass.cpp adds it.
bool jpeg_is_adobe_cmyk(std::string_view bytes);

// Reads and checks an image (its header and structure; PNG data fully, row by row). Throws QuireError at
// `where` if the file is missing, not a regular file, unreadable, too large in bytes or pixels, or
// not a JPEG or PNG. The path must already be resolved inside the article's folder (resolve_inside).
std::shared_ptr<const Image> load_image(const std::filesystem::path& path, const SourceSpan& where);
// The same checks on bytes already read (`path` names them in messages; the fuzz target uses this).
std::shared_ptr<const Image> image_from_bytes(std::string bytes, const std::filesystem::path& path, const SourceSpan& where);

using CairoSurface = Handle<cairo_surface_t, cairo_surface_destroy>;

enum class SurfaceUse {
    Pdf,     // a JPEG carries its bytes as mime data and its pixels are never read; a PNG is decoded
             // down to `min_scale` (the box at kMaxPrintPpi)
    Raster,  // decoded, reduced (JPEG: DCT scaling) to no less than `min_scale` of the full size
};

// A surface for drawing `image`, in the stored orientation (see Image::orientation). Its width and
// height may be smaller than the image's: scale to the placed box when drawing. Never wider or taller
// than kMaxSurfaceSide. Empty (null) when the data cannot be decoded.
CairoSurface image_surface(const Image& image, SurfaceUse use, double min_scale = 1.0);

}  // namespace quire::page
