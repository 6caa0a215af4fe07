#include "epub/xml_text.hpp"

namespace quire::epub {

namespace {
void attributes_to(std::string& out, const Attributes& attributes) {
    for (const auto& [k, v] : attributes) {
        out += ' ';
        out += k;
        out += "=\"";
        out += escape_xml_attribute(v);
        out += '"';
    }
}
}  // namespace


void open_tag(std::string& out, std::string_view name, const Attributes& attributes) {
    out += '<';
    out += name;
    attributes_to(out, attributes);
    out += '>';
}

void empty_tag(std::string& out, std::string_view name, const Attributes& attributes) {
    out += '<';
    out += name;
    attributes_to(out, attributes);
    out += "/>";
}

void close_tag(std::string& out, std::string_view name) {
    out += "</";
    out += name;
    out += '>';
}

void text_element(std::string& out, std::string_view name, std::string_view text, const Attributes& attributes) {
    open_tag(out, name, attributes);
    out += escape_xml_text(text);
    close_tag(out, name);
}

}  // namespace quire::epub
