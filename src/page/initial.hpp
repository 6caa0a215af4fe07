// The drop cap's pieces read from the text and the fonts (issue 16): the initial taken from the front
// of the opening paragraph, the ink of a set line (its glyphs' outlines), and how an opening starts
// (text, an interview's speaker label, a heading-like line). page/blocks.cpp sets the drop cap with them.
#pragma once

#include "linebreak/line_types.hpp"
#include "model/article.hpp"
#include "text/font_collection.hpp"
#include "text/styled_text.hpp"

#include <string>
#include <string_view>

namespace quire::page {

// The initial of a drop cap, taken from the front of the paragraph's first span: the opening
// punctuation before it (quotation marks, set apart at text size), the letter with its combining
// marks, and whether the letter is a word of its own ("I met": its word space is taken too, so that
// the lead-in starts with the next word). An empty letter: the paragraph starts otherwise.
struct Initial {
    std::string opener;
    std::string letter;
    bool own_word = false;
    std::string text() const { return opener + letter + (own_word ? " " : ""); }
};

Initial take_initial(text::StyledParagraph& p);

// The ink of a set line: the union of its glyphs' outlines (HarfBuzz glyph extents, from the
// outline itself), x from the line's start, y up from the baseline.
struct Ink {
    double left = 0, right = 0, top = 0, bottom = 0;
    bool empty = true;
};

Ink ink_of(const linebreak::SetLine& line);

// The font's cap height in em (OS/2, with HarfBuzz's fallback).
double cap_height_em(const text::Font& font);

// A word of two or more capitals and no lower case ("UN", "NATO", "ETHNIC"); `upper_before`:
// capitals of the word that stand before it (an initial's letter, set apart).
bool capitals_word(std::string_view word, int upper_before = 0);

// How an article's first paragraph opens: with text (it gets the initial), with an interview's
// speaker label ("NEE: …": no initial, a giant N would belong to the label, not the text), or with a
// heading-like line (a short line in capitals, or a short line without a sentence's final
// punctuation: "RUSSIA WILL NEVER LEAVE"; a paragraph wholly in italics or bold, as a review's book
// details), which gets no initial and hands it on.
enum class Opening { Text, SpeakerLabel, HeadingLike };

Opening opening_of(const model::InlineText& content);

// Whether a block before the article's first paragraph has begun its running text, so that no
// paragraph after it takes the initial: a list or a block quotation (an initial after them sits in
// mid-text, often at the head of the second column). A heading does not (the paragraph under it
// opens the text); figures and pull quotes stand apart from the text. Print and EPUB ask it alike.
bool begins_running_text(model::BlockKind kind);

}  // namespace quire::page
