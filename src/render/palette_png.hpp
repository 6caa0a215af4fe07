// An 8-bit palette PNG writer for pages of a few flat colours (render_page_png: the EPUB's drawn
// cover), whose 1200 × 1800 pixels are mostly long runs of one index (paper) with anti-aliased
// glyph edges between. libpng with zlib's run-length strategy
// spent half of the whole cold EPUB build on it (callgrind: 52 M instructions, most of them sliding
// zlib's window over blank rows). Here the image is one fixed-Huffman deflate block (RFC 1951 §3.2.6)
// of literals and distance-1 copies: a blank band costs one code per 258 pixels. The stream is a
// valid zlib stream (RFC 1950, Adler-32 from zlib) in one IDAT chunk (PNG, ISO/IEC 15948); each row
// with the Up filter, so that a glyph's vertical strokes become runs too.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace quire::render {

struct PaletteImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> palette_rgb;  // 3 bytes per entry, at most 256 entries
    // Row y (0 ≤ y < height): `width` palette indices, each below the palette's size.
    std::function<const std::uint8_t*(int y)> row;
};

// The PNG file's bytes.
std::string encode_palette_png(const PaletteImage& image);

}  // namespace quire::render
