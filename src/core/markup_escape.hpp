// Escaping text for XML, XHTML and HTML output (article XML, EPUB documents, the proof contact sheet).
#pragma once

#include <string>
#include <string_view>

namespace quire {

// &, <, > escaped; C0 controls other than tab, LF and CR dropped (XML 1.0 §2.2: they are not characters).
std::string escape_xml_text(std::string_view text);
// As escape_xml_text, plus " (attributes are written in double quotes), and LF, CR and tab as character
// references so that attribute-value normalisation (XML 1.0 §3.3.3) gives them back on reading.
std::string escape_xml_attribute(std::string_view text);

}  // namespace quire
