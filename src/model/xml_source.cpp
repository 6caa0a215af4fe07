#include "model/xml_source.hpp"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace quire::model {

namespace {

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c == ':' || c >= 0x80; }

// Advances line/column over text[from, to), counting columns in code points (UTF-8 lead bytes).
void advance(std::string_view text, std::size_t from, std::size_t to, int& line, int& column) {
    for (std::size_t i = from; i < to && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { ++line; column = 1; }
        else if ((c & 0xC0) != 0x80) ++column;
    }
}

// The column of the first non-blank character of `line` (for errors tinyxml2 places by line only).
int first_column_of_line(std::string_view text, int line) {
    int current = 1;
    std::size_t i = 0;
    for (; i < text.size() && current < line; ++i)
        if (text[i] == '\n') ++current;
    int column = 1;
    for (; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) ++column;
    return column;
}

// Past a comment, CDATA section, processing instruction or declaration starting at `i` (a '<'):
// the index after it, `i` itself when none starts there, npos when it runs to the end.
std::size_t skip_markup(std::string_view text, std::size_t i) {
    if (text.compare(i, 4, "<!--") == 0) { const auto e = text.find("-->", i); return e == text.npos ? e : e + 3; }
    if (text.compare(i, 9, "<![CDATA[") == 0) { const auto e = text.find("]]>", i); return e == text.npos ? e : e + 3; }
    if (text.compare(i, 2, "<?") == 0) { const auto e = text.find("?>", i); return e == text.npos ? e : e + 2; }
    if (text.compare(i, 2, "<!") == 0) { const auto e = text.find('>', i); return e == text.npos ? e : e + 1; }
    return i;
}

// Where tags stop matching: the element left open when another closes, or open at the end. tinyxml2
// says only "XMLElement name=p" on the line of the closing tag; an editor needs the opening tag's place
// and what closed it. Empty when the tags balance (the error is elsewhere: tinyxml2's message stands).
struct TagMismatch {
    int line = 0, column = 0;
    std::string message;
};

std::optional<TagMismatch> find_tag_mismatch(std::string_view text) {
    struct Open {
        std::string name;
        int line, column;
    };
    std::vector<Open> open;
    int line = 1, column = 1;
    std::size_t done = 0;
    auto at = [&](std::size_t pos) { advance(text, done, pos, line, column); done = pos; };
    auto name_at = [&](std::size_t from) {
        std::size_t end = from;
        while (end < text.size() && !std::strchr(" \t\r\n/>", text[end])) ++end;
        return std::string(text.substr(from, end - from));
    };
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos) {
        if (const std::size_t after = skip_markup(text, i); after != i) {
            if (after == std::string_view::npos) break;
            i = after;
            continue;
        }
        // The tag's end: the first '>' outside a quoted attribute value (alt="a > b" is one tag).
        std::size_t close = i + 1;
        for (char quote = 0; close < text.size(); ++close) {
            const char c = text[close];
            if (quote) { if (c == quote) quote = 0; }
            else if (c == '"' || c == '\'') quote = c;
            else if (c == '>') break;
        }
        if (close >= text.size()) break;
        at(i);
        if (text[i + 1] == '/') {
            const std::string name = name_at(i + 2);
            if (open.empty())
                return TagMismatch{line, column, "</" + name + "> closes no open element"};
            if (open.back().name != name)
                return TagMismatch{open.back().line, open.back().column,
                                   "<" + open.back().name + "> is not closed: </" + name + "> at " + std::to_string(line) +
                                       ":" + std::to_string(column) + " comes first; expected </" + open.back().name + ">"};
            open.pop_back();
        } else if (text[close - 1] != '/') {
            open.push_back({name_at(i + 1), line, column});
        }
        i = close + 1;
    }
    if (!open.empty())
        return TagMismatch{open.back().line, open.back().column, "<" + open.back().name + "> is never closed"};
    return std::nullopt;
}

}  // namespace

std::vector<std::pair<int, int>> start_tag_positions(std::string_view text) {
    std::vector<std::pair<int, int>> out;
    int line = 1, column = 1;
    std::size_t done = 0;  // text[0, done) has been counted into line/column
    auto skip_to = [&](std::size_t pos) { advance(text, done, pos, line, column); done = pos; };
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos) {
        if (const std::size_t after = skip_markup(text, i); after != i) {
            if (after == std::string_view::npos) break;
            i = after;
            continue;
        }
        if (i + 1 < text.size() && is_name_start(static_cast<unsigned char>(text[i + 1]))) {
            skip_to(i);
            out.emplace_back(line, column);
        }
        ++i;
    }
    return out;
}

XmlSource::XmlSource(std::string_view text, std::string file_name, Diagnostics& diagnostics)
    : doc_(true, tinyxml2::PRESERVE_WHITESPACE), file_(std::move(file_name)) {
    const auto status = doc_.Parse(text.data(), text.size());
    // Unbalanced tags are named by our own scan, whatever tinyxml2 made of them (it even accepts a
    // stray end tag after the root element).
    if (const auto mismatch = find_tag_mismatch(text)) {
        diagnostics.error(SourceSpan{file_, mismatch->line, mismatch->column}, "malformed XML: " + mismatch->message);
        return;
    }
    if (status != tinyxml2::XML_SUCCESS) {
        const int line = doc_.ErrorLineNum();
        std::string message = doc_.ErrorStr() ? doc_.ErrorStr() : "malformed XML";
        // tinyxml2's message starts "Error=XML_ERROR_… ErrorID=… (0x…) Line number=N: detail"; keep the detail.
        if (auto colon = message.find(": "); colon != std::string::npos && message.rfind("Error=", 0) == 0)
            message = message.substr(colon + 2);
        diagnostics.error(SourceSpan{file_, line, line > 0 ? first_column_of_line(text, line) : 0},
                          "malformed XML: " + message);
        return;
    }
    if (!doc_.RootElement()) {
        diagnostics.error(SourceSpan{file_, 1, 1}, "empty document: no root element");
        return;
    }
    ok_ = true;
    const auto positions = start_tag_positions(text);
    std::size_t next = 0;
    // Pre-order walk: the same order as start tags in the text.
    std::vector<const tinyxml2::XMLElement*> stack{doc_.RootElement()};
    while (!stack.empty()) {
        const auto* element = stack.back();
        stack.pop_back();
        SourceSpan span{file_, element->GetLineNum(), 0};
        if (next < positions.size() && positions[next].first == element->GetLineNum()) span.column = positions[next].second;
        ++next;
        places_[element] = span;
        std::vector<const tinyxml2::XMLElement*> children;
        for (auto* c = element->FirstChildElement(); c; c = c->NextSiblingElement()) children.push_back(c);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
    }
}

SourceSpan XmlSource::where(const tinyxml2::XMLNode* node) const {
    if (!node) return SourceSpan{file_};
    if (auto it = places_.find(node); it != places_.end()) return it->second;
    return SourceSpan{file_, node->GetLineNum(), 0};
}

}  // namespace quire::model
