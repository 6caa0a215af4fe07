// The EPUB's CSS, derived from the same named paragraph and character styles as the print layout
// (layouts/*.xml, style/layout.hpp), so that both editions share typefaces and hierarchy. Sizes are
// relative to the body text (which keeps the reader's chosen size: the root size is never set),
// lengths are in em of the element, line heights unitless; body text is hyphenated in the document's
// language (`hyphens: auto`, with lang on every document). No colour is ever set: the reading system
// owns them (night and sepia themes); rules and the frame of a tinted box use currentColor.
#pragma once

#include "style/layout.hpp"

#include <map>
#include <string>
#include <vector>

namespace quire::epub {

// Which layout style renders which element of the EPUB's documents (content_documents.cpp).
struct StyleSelector {
    const char* style;     // layout style name
    const char* selector;  // CSS selector
    enum Kind { Root, Block, Heading, Container, Character } kind;
    const char* parent;    // the style the element inherits from in the document ("" for the root)
};
const std::vector<StyleSelector>& style_selectors();

// An embedded face, as an @font-face rule names it.
struct FontFaceRule {
    std::string family;  // "Vollkorn"
    int weight = 400;
    bool italic = false;
    std::string href;    // "fonts/Vollkorn-Regular.ttf", relative to the stylesheet
};

// family → CSS generic family ("serif", "sans-serif") for the end of each font stack.
using GenericFamilies = std::map<std::string, std::string>;

// The whole stylesheet: @font-face rules, then one rule per style of `style_selectors()` that the
// layout defines, then the layout-independent rules (images that scale to the screen, lists, cover).
// Fallback families are named in a stack only when `faces` embeds them.
std::string stylesheet(const style::Layout& layout, const std::vector<FontFaceRule>& faces,
                       const GenericFamilies& generics);

// A CSS number: at most 4 decimals, trailing zeros dropped ("1.2632", "0", "-0.012").
std::string css_number(double value);

}  // namespace quire::epub
