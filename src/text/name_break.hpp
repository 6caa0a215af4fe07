// Whether a hyphenated line broke a name: its broken word is capitalised (in a script with case:
// Latin, Cyrillic, Greek, Armenian) and does not start a sentence. An art desk tolerates one such
// break a page on ordinary articles (issue 16); the proof reports pages with more
// (proof/checks_lines.cpp), and tools/line-stats counts them. Georgian has no case: its names cannot
// be told by their letters and are never counted.
#pragma once

#include <string>
#include <string_view>

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

// Whether the word at byte `at` of a paragraph's `text` starts a sentence: only spaces, quotes and
// brackets before it, back to the paragraph's start or to a sentence stop (ends_sentence).
bool starts_sentence(std::string_view text, std::size_t at);

// Whether `word` (its letters: opening quotes stripped, up to the first character that is not a
// letter) also stands in `text` capitalised where no sentence starts ("… said Tokayev"): a
// sentence's first word is then known to be a name, not a common word capitalised by position.
bool capitalised_mid_sentence(std::string_view text, std::string_view word);

// Whether `word` is a Georgian surname by its ending: a surname suffix (-შვილი, -ძე, the Mingrelian
// -უა, -ავა, -აია) in the nominative or followed by a case ending (ჯავახიშვილმა, ბერიძის,
// ჩიქობავას), after a stem of a few letters. Quotes, brackets and punctuation around the word and
// soft hyphens in it are ignored; a word with any letter outside Mkhedruli is not Georgian. The table
// (name_break.cpp) is deliberately small: suffixes that also end ordinary words (-ია, -ანი, -ური,
// -ელი, -ონი) are left out, so some names are missed rather than ordinary words taken for names.
// `after`: the text following the word; a Georgian word glossed by a Latin transliteration in
// parentheses (ჟვანია (Zhvania)) is a name whatever its ending.
bool is_georgian_name(std::string_view word, std::string_view after = {});

// Whether `word` is a capitalised English word that is no name: a month or a day of the week, or a
// demonym or proper adjective of the region and its neighbours ("Russian", "Europeans", "Georgia’s"
// is a name, "Georgian" is not). The Chicago Manual of Style (7.40) asks that personal names not be
// broken; such words are divided like any other. Quotes, punctuation, a plural -s and a possessive
// -’s around the word are ignored. Deliberately a closed list: "-ian" also ends Armenian surnames
// (Petrosian) and given names (Adrian), which stay names.
bool is_common_capitalised(std::string_view word);

// Whether a hyphenated line's broken word is a name. `previous_line`: the text of the paragraph's line
// before it (nullptr when there is none, or it is not known); `first_line`: the line starts its
// paragraph (a word starting a paragraph starts a sentence). `next_line`: the text of the paragraph's
// line after it, which holds the rest of the broken word: a Georgian word is told by its ending
// (is_georgian_name), so without it a Georgian break is judged on its first part alone (and is
// seldom a name). A Georgian name is one wherever it stands in its sentence. A capitalised word
// completed from it that is_common_capitalised ("Rus-" + "sian") is no name.
bool is_name_break(const std::string& line_text, const std::string* previous_line, bool first_line,
                   const std::string* next_line = nullptr);

}  // namespace quire::text
