// The words of a PDF page as Poppler extracts them, each with its box on the page: the input of the
// word-level diff and of the safe-area check. Works on any PDF with a text layer.
#pragma once

#include "core/length.hpp"
#include "proof/poppler_doc.hpp"

#include <string>
#include <vector>

namespace quire::proof {

struct PdfWord {
    std::string text;  // UTF-8, as extracted
    int page = 0;      // 1-based
    Rect box;          // PDF points from the page's top left; zero when Poppler gave no layout
};

// How a word broken at a line end ("exam-" / "ple") is read.
enum class JoinHyphenated { Yes, No };

// The words of page `index` (0-based), in Poppler's reading order.
std::vector<PdfWord> page_words(PopplerPage* page, int index, JoinHyphenated join = JoinHyphenated::Yes);

// Every character of the page with its box (for checks that look at placement, not words).
struct PdfChar {
    char32_t code = 0;
    Rect box;
};
std::vector<PdfChar> page_chars(PopplerPage* page);

}  // namespace quire::proof
