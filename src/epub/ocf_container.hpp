// The OCF container (EPUB OCF 3.3 §4): the ZIP file that holds the book. `mimetype` comes first,
// stored (not compressed) and without an extra field, so that a reader can sniff the type at a fixed
// offset; then META-INF/container.xml pointing at the package document; then the book's files in
// the book's (derived) order. Entry times are fixed (the book's dcterms:modified), so the same
// book gives the same bytes.
#pragma once

#include "epub/epub_book.hpp"

#include <ctime>
#include <filesystem>
#include <cstdint>
#include <string>

namespace quire::epub {

std::string container_xml();
// META-INF/com.apple.ibooks.display-options.xml: Apple Books uses the embedded fonts.
std::string apple_display_options_xml();

// The whole .epub as bytes. Throws QuireError if libzip fails.
// `bytes` deflated as the container stores fonts (raw deflate, zlib level 1), with their CRC-32,
// for Book::deflated: done beside the font subsetting, in parallel, and cached with it.
Deflated deflate_for_container(const std::string& bytes);

std::string ocf_bytes(const Book& book, std::time_t entry_time);

// Writes the .epub to `target` through a temporary file that is renamed into place only when
// complete (core/output_file.hpp), so a failure never leaves a half-written book.
void write_ocf_container(const Book& book, std::time_t entry_time, const std::filesystem::path& target);

}  // namespace quire::epub
