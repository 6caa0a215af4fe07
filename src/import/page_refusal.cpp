// What is not a scraped article page at all, refused before the rules read it: an empty file, a
// binary file, an XML file (an article already in quire's format, or a feed). The rules' own
// refusals (listings, author pages) are in rules_clutter.cpp.
#include "import/import_page.hpp"

#include "import/utf8.hpp"

namespace quire::import {

void refuse_non_page(std::string_view text, const std::string& file) {
    std::string_view t = text;
    if (t.rfind("\xEF\xBB\xBF", 0) == 0) t.remove_prefix(3);
    const auto start = t.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) throw QuireError(SourceSpan{file}, "the page is empty: nothing to import");
    if (t.find('\0') != std::string_view::npos || t.rfind("PK\x03\x04", 0) == 0 || t.rfind("%PDF", 0) == 0)
        throw QuireError(SourceSpan{file}, "this is a binary file, not the text of a web page (a .docx or .md is imported "
                                           "by its extension; a PDF cannot be imported)");
    std::size_t bad = 0;
    if (!utf8::valid(t, &bad)) return;  // the page reader names the bad byte's place
    const std::string_view head = t.substr(start, 200);
    if (head.rfind("<?xml", 0) == 0 || head.rfind("<article", 0) == 0 || head.rfind("<publication", 0) == 0 ||
        head.rfind("<issue", 0) == 0 || head.rfind("<rss", 0) == 0 || head.rfind("<feed", 0) == 0)
        throw QuireError(SourceSpan{file, 1, static_cast<int>(start) + 1},
                         "this is an XML file, not the text of a web page: an article in quire's format needs no import "
                         "(check it with quire check)");
}

}  // namespace quire::import
