// Which font faces the EPUB embeds: those of the layout styles the article actually uses, with the
// character styles (emphasis, strong, speaker, link) met inside each, the drop cap's face, and a
// style's fallback families only when the book holds characters the main family lacks and the
// fallback has (Armenian or Georgian quotations). Faces resolve through fonts/fonts.xml.
#pragma once

#include "epub/font_subset.hpp"
#include "model/article_xml.hpp"
#include "style/layout.hpp"
#include "text/font_table.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace quire::epub {

// A layout style as the book uses it: the inline kinds met in text set in it, and that text.
struct StyleUse {
    std::set<model::InlineKind> kinds;
    std::string text;  // UTF-8, the characters set in this style (words quire adds included)
};
using StyleUses = std::map<std::string, StyleUse>;

// The styles the article's documents use (see content_documents.cpp and style_selectors()), with the
// article's own text; the caller adds the words it generates (labels, the byline, the date).
StyleUses style_uses(const model::LoadedArticle& loaded);

struct PlannedFace {
    std::string family;        // as fonts.xml names it
    const text::FontFace* face = nullptr;
    std::filesystem::path licence;  // the family's licence file (absolute)
    Codepoints codepoints;     // what the face must set: the text of the styles that use it
};

// Faces to embed, in a stable order (family, weight, slant), each file once, each with the
// characters of the styles that use it. A style's fallback family joins when that style's text has
// characters the main family lacks and the fallback has.
std::vector<PlannedFace> plan_faces(const StyleUses& uses, const style::Layout& layout, const text::FontTable& fonts);

}  // namespace quire::epub
