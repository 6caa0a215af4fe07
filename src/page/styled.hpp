// From the article's inline content and a layout's named styles to the text engine's input
// (text::StyledParagraph): fonts from the paragraph style, changed by the character styles of
// <em>, <strong>, <a>, <speaker>; languages from xml:lang; links kept for the PDF.
#pragma once

#include "text/text_case.hpp"

#include "model/article.hpp"
#include "style/layout.hpp"
#include "text/styled_text.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace quire::page {

text::FontSpec font_spec(const style::ParagraphStyle& style);

// The paragraph's spans. `lang` is the paragraph's language (the block's, else the article's).
text::StyledParagraph styled_paragraph(const model::InlineText& content, const style::ParagraphStyle& style,
                                       const style::Layout& layout, const std::string& lang);

// Plain text in one style (labels, running heads, folios, captions' credits).
text::StyledParagraph styled_text(const std::string& text, const style::ParagraphStyle& style,
                                  const std::string& lang);

// Upper-cases for `case="upper"`, by the language's rules: text::to_upper (text/text_case.hpp).
using text::to_upper;

// Byte ranges of `text` whose figures must be lining where the text has old-style ones: codes (A1,
// COVID-19), ordinals (1st) and numbers written only with 0 and 1 ("100" would read "IOO"). The print
// sets them with lnum; the EPUB wraps them in <span class="lnum">.
std::vector<std::pair<std::size_t, std::size_t>> code_figures(const std::string& text);

}  // namespace quire::page
