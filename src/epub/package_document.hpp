// The package document (EPUB 3.3 §5: package.opf): metadata (Dublin Core, dcterms:modified, the
// magazine as a collection with its ISSN, EPUB Accessibility 1.1 metadata), manifest and spine.
#pragma once

#include "epub/epub_book.hpp"

#include <string>

namespace quire::epub {

inline constexpr const char* kPackageHref = "package.opf";  // inside the EPUB/ folder
inline constexpr const char* kPackageFolder = "EPUB";

// The conformance claim (EPUB Accessibility 1.1 §2.1, the string form it defines).
inline constexpr const char* kConformsTo = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA";

std::string package_document(const Book& book);

}  // namespace quire::epub
