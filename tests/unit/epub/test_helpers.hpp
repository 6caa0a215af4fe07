// Articles built in memory for the EPUB tests, and a small reader of the ZIP central directory.
#pragma once

#include "model/article_xml.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace quire::epub::testing {

// A two-paragraph English article with a heading, a bio and a donation notice; the folder is
// tests/data/epub (its images/ exist), the publication has an ISSN and a donation text.
model::LoadedArticle sample_article();

// Entry names of a ZIP, in central-directory order, with their compression method and extra-field
// length from the local header.
struct ZipEntry {
    std::string name;
    int method = -1;
    int local_extra_length = -1;
    std::uint32_t local_offset = 0;
};
std::vector<ZipEntry> zip_entries(const std::string& zip);

bool contains(const std::string& haystack, const std::string& needle);

}  // namespace quire::epub::testing
