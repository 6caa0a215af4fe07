// Navigation: the EPUB 3 navigation document (nav.xhtml: the table of contents and the landmarks,
// EPUB 3.3 §7) and the NCX (toc.ncx, OPF 2.0.1 §2.4.1) that older reading systems still use.
#pragma once

#include "epub/epub_book.hpp"

#include <string>

namespace quire::epub {

std::string nav_document(const Book& book);
std::string ncx_document(const Book& book);

}  // namespace quire::epub
