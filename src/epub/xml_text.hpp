// Writing XML by hand for the EPUB's documents: escaping, and a small builder that keeps the
// output's layout fixed (so that the same book gives the same bytes). tinyxml2's printer would do,
// but it reorders nothing and escapes less than XHTML wants (it leaves > in text), so a few lines
// of our own keep the output exact and the stage free of a DOM.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire::epub {

// Escapes &, <, > (and " in attributes). Characters that XML 1.0 forbids (C0 controls other than
// tab, CR, LF) are dropped: they cannot appear in a valid document (XML 1.0 §2.2).
std::string xml_escape_text(std::string_view text);
std::string xml_escape_attribute(std::string_view text);

using Attributes = std::vector<std::pair<std::string, std::string>>;

// Appends `<name a="v" …>` (or `<name …/>` when `empty`).
void open_tag(std::string& out, std::string_view name, const Attributes& attributes = {});
void empty_tag(std::string& out, std::string_view name, const Attributes& attributes = {});
void close_tag(std::string& out, std::string_view name);
// <name …>escaped text</name>
void text_element(std::string& out, std::string_view name, std::string_view text, const Attributes& attributes = {});

}  // namespace quire::epub
