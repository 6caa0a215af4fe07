// Element-level reading shared by the article and publication readers: attributes, inline content,
// body blocks, figures, notices; each problem reported with its place.
#pragma once

#include "model/article.hpp"
#include "model/xml_source.hpp"

#include <initializer_list>
#include <string>
#include <vector>

namespace quire::model {

enum class BlockContext { Body, BlockQuote, Notice };

class XmlReading {
public:
    XmlReading(const XmlSource& xml, Diagnostics& diagnostics) : xml_(xml), diagnostics_(diagnostics) {}

    SourceSpan where(const tinyxml2::XMLNode* node) const { return xml_.where(node); }
    void error(const tinyxml2::XMLNode* node, std::string message) { diagnostics_.error(where(node), std::move(message)); }
    void warning(const tinyxml2::XMLNode* node, std::string message) { diagnostics_.warning(where(node), std::move(message)); }

    bool expect_name(const tinyxml2::XMLElement* element, const char* name);
    // Reports attributes not in `allowed`.
    void check_attributes(const tinyxml2::XMLElement* element, std::initializer_list<const char*> allowed);
    std::string attribute(const tinyxml2::XMLElement* element, const char* name, const std::string& fallback = {}) const;
    std::vector<const tinyxml2::XMLElement*> children(const tinyxml2::XMLElement* element) const;
    // "unknown element <x> in <parent>; expected …", with a hint for common HTML names.
    void unknown_element(const tinyxml2::XMLElement* element, const char* parent, const char* expected);

    // Text-only element (no child elements), whitespace collapsed and trimmed.
    // The element's text; it may carry `attributes` (read by the caller), no others.
    std::string read_plain(const tinyxml2::XMLElement* element, std::initializer_list<const char*> attributes = {});
    // Mixed content: text, <em>, <strong>, <a href>, <br/>, <span xml:lang>, <speaker>.
    InlineText read_inlines(const tinyxml2::XMLElement* element);
    std::vector<Block> read_blocks(const tinyxml2::XMLElement* parent, BlockContext context);
    Figure read_figure(const tinyxml2::XMLElement* element);
    ColumnSpan read_span(const tinyxml2::XMLElement* element);
    Notice read_notice(const tinyxml2::XMLElement* element);

private:
    void read_inline_children(const tinyxml2::XMLElement* element, InlineText& out, int depth);
    Block read_list(const tinyxml2::XMLElement* element, ListStyle style);

    const XmlSource& xml_;
    Diagnostics& diagnostics_;
};

// Collapses runs of XML white space to one space in every text node and trims the ends of the whole
// content (and around line breaks), as HTML does; empty text nodes are dropped.
void normalise_whitespace(InlineText& content);

}  // namespace quire::model
