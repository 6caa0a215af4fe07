// The PNG writer for cairo's image surfaces: page images (quire pdf --png-dir, quire build), the
// proof's pages, thumbnails and spreads. An RGB24 surface is written with zlib's fastest level and one
// filter (SUB), for the screen: cairo's own writer (libpng's level 6, every filter tried on every row)
// was a sixth of `quire issue` and the largest part of `quire build`'s proof. Other formats go through
// cairo's writer. Through a temporary file and rename; the same pixels give the same bytes.
#pragma once

#include <cairo.h>

#include <filesystem>

namespace quire::render {

// Throws QuireError naming `target` when it cannot be written.
void write_surface_png(cairo_surface_t* surface, const std::filesystem::path& target);

}  // namespace quire::render
