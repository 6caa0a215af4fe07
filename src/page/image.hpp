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
    int width = 0, height = 0;  // pixels
    std::string bytes;          // the file as read
};

// Whether a JPEG's inks are stored inverted: four components (CMYK or YCCK) with Adobe's APP14
// marker, as Photoshop and most tools write CMYK JPEGs (libjpeg's jdmarker.c reads the marker;
// pdf.js, MuPDF and Ghostscript treat such files as inverted). The PDF then needs
// /Decode [1 0 1 0 1 0 1 0] on the image (PDF 32000-1 §8.9.5.2), which cairo 1.16 does not write:
// render/post_pass.cpp adds it.
bool jpeg_is_adobe_cmyk(std::string_view bytes);

// Reads and checks an image (its header; PNG fully). Throws QuireError at `where` if the file is
// missing, unreadable, or not a JPEG or PNG.
std::shared_ptr<const Image> load_image(const std::filesystem::path& path, const SourceSpan& where);

using CairoSurface = Handle<cairo_surface_t, cairo_surface_destroy>;

enum class SurfaceUse {
    Pdf,     // full size; a JPEG carries its bytes as mime data and its pixels are never read
    Raster,  // decoded, reduced by DCT scaling to no less than `min_scale` of the full size
};

// A surface for drawing `image`. Its width and height may be smaller than the image's (Raster):
// scale by image.width / cairo_image_surface_get_width when drawing.
CairoSurface image_surface(const Image& image, SurfaceUse use, double min_scale = 1.0);

}  // namespace quire::page
