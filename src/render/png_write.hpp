// The PNG writer for cairo's image surfaces: page images (quire pdf --png-dir, quire build), the
// proof's pages, thumbnails and spreads. An RGB24 surface is written by quire's own encoder (one filter,
// SUB; libdeflate at its fastest level), for the screen: cairo's own writer (libpng's level 6, every
// filter tried on every row) was a sixth of `quire issue` and the largest part of `quire build`'s
// proof, and libpng at zlib's level 1 still a sixth of the proof's instructions. Other formats go
// through cairo's writer. Through a temporary file and rename; the same pixels give the same bytes.
#pragma once

#include <cairo.h>

#include <filesystem>
#include <optional>
#include <vector>

namespace quire::render {

// Throws QuireError naming `target` when it cannot be written.
void write_surface_png(cairo_surface_t* surface, const std::filesystem::path& target);

// An RGB24 image surface's pixels copied out of cairo, so that another thread may encode them while
// the surface's own thread goes on drawing (no cairo object crosses threads: cairo 1.16 asserted
// when its PNG writer ran on a second thread beside Poppler's drawing).
struct Rgb24Pixels {
    int width = 0, height = 0, stride = 0;
    std::vector<unsigned char> data;  // cairo's rows: 32-bit xRGB, native-endian, `stride` bytes apart
};
// Nullopt when the surface is not an RGB24 image surface (write it with write_surface_png).
std::optional<Rgb24Pixels> copy_rgb24(cairo_surface_t* surface);
// The same bytes write_surface_png writes for the surface the pixels came from.
void write_rgb24_png(const Rgb24Pixels& pixels, const std::filesystem::path& target);

}  // namespace quire::render
