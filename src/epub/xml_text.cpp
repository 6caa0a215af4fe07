#include "epub/xml_text.hpp"

namespace quire::epub {

namespace {
std::string escape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute) out += "&quot;";
                else out += ch;
                break;
            default:
                // XML 1.0 §2.2: of the C0 controls only tab, LF and CR are characters.
                if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;
                out += ch;
        }
    }
    return out;
}

void attributes_to(std::string& out, const Attributes& attributes) {
    for (const auto& [k, v] : attributes) {
        out += ' ';
        out += k;
        out += "=\"";
        out += xml_escape_attribute(v);
        out += '"';
    }
}
}  // namespace

std::string xml_escape_text(std::string_view text) { return escape(text, false); }
std::string xml_escape_attribute(std::string_view text) { return escape(text, true); }

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
    out += xml_escape_text(text);
    close_tag(out, name);
}

}  // namespace quire::epub
