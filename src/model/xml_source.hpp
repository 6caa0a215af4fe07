// An XML file parsed with tinyxml2, plus what tinyxml2 does not give: the column of every element.
// tinyxml2 9 records line numbers only; we find each start tag's line and column with a small scan of
// the text (start tags occur in document order, so the n-th tag found is the n-th element visited).
#pragma once

#include "core/diagnostic.hpp"

#include <tinyxml2.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quire::model {

// The most attributes quire reads on one element (issue 18: tinyxml2's duplicate check is quadratic);
// no element of an article or profile has more than three. Documented in docs/limits.md.
inline constexpr int kMaxAttributes = 64;

class XmlSource {
public:
    // Parses `text`. On a syntax error, reports it with its place and leaves root() null.
    XmlSource(std::string_view text, std::string file_name, Diagnostics& diagnostics);

    const tinyxml2::XMLElement* root() const { return ok_ ? doc_.RootElement() : nullptr; }
    SourceSpan where(const tinyxml2::XMLNode* node) const;
    const std::string& file_name() const { return file_; }

private:
    tinyxml2::XMLDocument doc_;
    std::string file_;
    bool ok_ = false;
    std::unordered_map<const tinyxml2::XMLNode*, SourceSpan> places_;
};

// Where each start tag begins (line, column in code points, both from 1), in document order.
std::vector<std::pair<int, int>> start_tag_positions(std::string_view text);

// The text tinyxml2 is given: `text` with "&#32;" put before each whitespace-only run between two
// pieces of markup inside the root element that tinyxml2 9 would drop but a reader needs. tinyxml2 9
// skips whitespace before every '<' and keeps no text node made of whitespace alone (its
// PEDANTIC_WHITESPACE mode came in version 10), so `<speaker>AS:</speaker> <span>…</span>` read
// "AS:…" with the space lost, in print and in the EPUB. Kept: a run after an end tag, an empty-element
// tag, a comment, CDATA or a processing instruction; after a start tag only on one line and before
// another start tag (`<span> <em>`), so that a container's indented first child and `<p> </p>` stay
// as they were. No newline is added, so tinyxml2's line numbers stand; columns come from
// start_tag_positions on the original text.
std::string keep_blank_text(std::string_view text);

}  // namespace quire::model
