// Whether a hyphenated line broke a name: its broken word is capitalised (in a script with case:
// Latin, Cyrillic, Greek, Armenian) and does not start a sentence. An art desk tolerates one such
// break a page on ordinary articles (issue 16); the proof reports pages with more
// (proof/checks_lines.cpp), and tools/line-stats counts them. Georgian has no case: its names cannot
// be told by their letters and are never counted.
#pragma once

#include <string>

namespace quire::text {

// The last (broken) word of a hyphenated line, without its hyphen and opening quotes or brackets,
// and the line's text before it.
struct BrokenWord {
    std::string word;    // "Kazakh" of "… in “Kazakh-"
    std::string before;  // "… in", trimmed
};
BrokenWord broken_word(const std::string& line_text);

// Whether `text` ends a sentence: . ! ? : … (and the Armenian full stop ։, the Greek question mark ;),
// closing quotes and brackets after the stop allowed.
bool ends_sentence(const std::string& text);

// Whether a hyphenated line's broken word is a name. `previous_line`: the text of the paragraph's line
// before it (nullptr when there is none, or it is not known); `first_line`: the line starts its
// paragraph (a word starting a paragraph starts a sentence).
bool is_name_break(const std::string& line_text, const std::string* previous_line, bool first_line);

}  // namespace quire::text
