// A DOCX file's parts, read from its zip with libzip under hard size limits: a DOCX is a zip of XML
// (ECMA-376 Part 2, Open Packaging Conventions). Stage 1 of the DOCX import (then docx_reader).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace quire::import {

// Limits that bound memory before anything is inflated. A real article's document.xml is well under
// 10 MB; a photo a few MB. An entry declaring more, or inflating past its declared size, is refused.
struct DocxLimits {
    std::uint64_t max_xml_entry = 64u << 20;     // one XML part, uncompressed
    std::uint64_t max_media_entry = 64u << 20;   // one embedded image
    std::uint64_t max_total = 256u << 20;        // everything read from the archive
    std::uint64_t max_ratio = 1000;              // uncompressed/compressed of an entry over 1 MB
};

struct DocxPackage {
    std::string file;                          // for messages
    std::map<std::string, std::string> parts;  // "word/document.xml" → its bytes (XML parts only)
    std::map<std::string, std::uint64_t> media;  // "word/media/image1.png" → archive index
    // Reads one media entry (an image), under the limits. Throws QuireError.
    std::string read_media(const std::string& name) const;
    std::string bytes;                         // the archive itself (media read lazily from it)
    DocxLimits limits;
};

// Opens the archive and reads its XML parts. Throws QuireError when the file is not a zip, is a zip
// of something else (an EPUB, an ODT, a renamed archive), has no word/document.xml, or an entry is
// larger than the limits allow.
DocxPackage open_docx(std::string_view bytes, const std::string& file, const DocxLimits& limits = {});

}  // namespace quire::import
