// Writing XML by hand for the EPUB's documents: escaping, and a small builder that keeps the
// output's layout fixed (so that the same book gives the same bytes). tinyxml2's printer would do,
// but it reorders nothing and escapes less than XHTML wants (it leaves > in text), so a few lines
// of our own keep the output exact and the stage free of a DOM.
#pragma once

#include "core/markup_escape.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire::epub {

// Escaping is core's (core/markup_escape.hpp), shared with the article XML and the contact sheet.
using quire::escape_xml_attribute;
using quire::escape_xml_text;

using Attributes = std::vector<std::pair<std::string, std::string>>;

// Appends `<name a="v" …>` (or `<name …/>` when `empty`).
void open_tag(std::string& out, std::string_view name, const Attributes& attributes = {});
void empty_tag(std::string& out, std::string_view name, const Attributes& attributes = {});
void close_tag(std::string& out, std::string_view name);
// <name …>escaped text</name>
void text_element(std::string& out, std::string_view name, std::string_view text, const Attributes& attributes = {});

}  // namespace quire::epub
