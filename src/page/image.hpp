// Images for the page: read once, checked when the page is laid out (a missing or unreadable file is an
// error naming the figure's place), decoded only when drawn (render/image_surface.hpp). Layout needs
// their pixel size and orientation; the check needs a PNG's data decoded once (corrupt data is an
// error at the figure, not a hole in the page), so the PNG decoder lives here and render/ uses it.
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
// needs more than its box at render::kMaxPrintPpi, and images are decoded down to that when drawn.
inline constexpr double kMaxImageMegapixels = 128;
// Interlaced PNGs cannot be decoded row by row: at most this many pixels, decoded whole.
inline constexpr double kMaxInterlacedMegapixels = 16;
// cairo's image surfaces are at most 32767 pixels on a side (cairo-image-surface.c, MAX_IMAGE_SIZE).
inline constexpr int kMaxSurfaceSide = 32767;

// The EXIF Orientation of a JPEG's APP1 segment, 1 when it has none or it cannot be read.
int jpeg_exif_orientation(std::string_view bytes);

// Reads and checks an image (its header and structure; PNG data fully, row by row). Throws QuireError at
// `where` if the file is missing, not a regular file, unreadable, too large in bytes or pixels, or
// not a JPEG or PNG. The path must already be resolved inside the article's folder (resolve_inside).
std::shared_ptr<const Image> load_image(const std::filesystem::path& path, const SourceSpan& where);
// The same checks on bytes already read (`path` names them in messages; the fuzz target uses this).
std::shared_ptr<const Image> image_from_bytes(std::string bytes, const std::filesystem::path& path, const SourceSpan& where);

using CairoSurface = Handle<cairo_surface_t, cairo_surface_destroy>;

// A PNG's pixels, premultiplied ARGB32 (cairo's format), at most `max_scale` of its size and never
// more than kMaxSurfaceSide a side, decoded row by row. Empty (null) on corrupt data. image_from_bytes
// decodes every PNG once with it (into a few pixels) to check it; render::image_surface draws with it.
CairoSurface png_surface(const std::string& bytes, double max_scale);

}  // namespace quire::page
