#include "core/markup_escape.hpp"

namespace quire {

namespace {

enum class Context { Text, Attribute };

std::string escape(std::string_view text, Context context) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += context == Context::Attribute ? "&quot;" : "\""; break;
            case '\n': out += context == Context::Attribute ? "&#10;" : "\n"; break;
            case '\r': out += context == Context::Attribute ? "&#13;" : "\r"; break;
            case '\t': out += context == Context::Attribute ? "&#9;" : "\t"; break;
            default:
                if (c < 0x20) break;
                out += ch;
        }
    }
    return out;
}

}  // namespace

std::string escape_xml_text(std::string_view text) { return escape(text, Context::Text); }
std::string escape_xml_attribute(std::string_view text) { return escape(text, Context::Attribute); }

}  // namespace quire
