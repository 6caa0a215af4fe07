// A word-level difference of two texts (Myers 1986, "An O(ND) Difference Algorithm and Its
// Variations"), reported as runs of removed and added words with the pages they stand on.
#pragma once

#include "proof/pdf_text.hpp"

#include <string>
#include <vector>

namespace quire::proof {

enum class EditKind { Removed, Added };

// A run of consecutive words removed from the old text or added in the new one.
struct WordEdit {
    EditKind kind = EditKind::Removed;
    std::vector<std::string> words;
    int page = 0;             // page of the first word (old pages for Removed, new for Added)
    int last_page = 0;        // page of the last word
    int old_position = 0;     // index of the first word in the old sequence (where it applies)
    std::vector<Rect> boxes;  // one per word, on `page`..`last_page` in order
    std::vector<int> pages;   // one per word
};

struct WordDiff {
    std::vector<WordEdit> edits;  // in document order
    bool approximate = false;     // the texts differ too much for an exact diff in bounded time
    int words_removed() const;
    int words_added() const;
};

// Edits that turn `old_words` into `new_words`. `max_edit_distance` bounds the work: beyond it the
// differing middle is reported as one removal and one addition, flagged approximate.
WordDiff diff_words(const std::vector<PdfWord>& old_words, const std::vector<PdfWord>& new_words,
                    int max_edit_distance = 2000);

}  // namespace quire::proof
