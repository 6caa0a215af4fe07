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

}  // namespace quire::model
