#include "model/xml_source.hpp"

#include <cctype>
#include <cstdio>
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

// The '>' closing the tag that starts at `i` (a '<'): the first one outside a quoted attribute
// value (alt="a > b" is one tag); text.size() when the tag runs to the end.
std::size_t tag_close(std::string_view text, std::size_t i) {
    std::size_t close = i + 1;
    for (char quote = 0; close < text.size(); ++close) {
        const char c = text[close];
        if (quote) { if (c == quote) quote = 0; }
        else if (c == '"' || c == '\'') quote = c;
        else if (c == '>') break;
    }
    return close;
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
        const std::size_t close = tag_close(text, i);
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

// What an article must not hold (issue 18), found in one linear pass before tinyxml2 parses it:
// bytes that are not UTF-8 (a Latin-1 file, a cut sequence, an encoded surrogate), characters XML 1.0
// forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; §2.2 Char), also as character references,
// and more attributes on one element than any article needs (tinyxml2 looks for a duplicate among all
// the attributes before it: quadratic, 35 s for 100,000).
std::optional<TagMismatch> find_text_problem(std::string_view text) {
    int line = 1, column = 1;
    auto hex = [](unsigned cp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", cp);
        return std::string(buf);
    };
    auto forbidden = [](unsigned cp) {
        return (cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0D) || cp == 0xFFFE || cp == 0xFFFF ||
               (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
    };
    bool in_tag = false;
    char quote = 0;
    int attributes = 0, tag_line = 0, tag_column = 0;
    std::size_t markup_end = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (forbidden(c))
                return TagMismatch{line, column, "character " + hex(c) + " (a control character) is not allowed in XML"};
            if (c == '&' && i + 2 < text.size() && text[i + 1] == '#') {
                // A character reference: the character it names must be allowed too.
                const bool is_hex = text[i + 2] == 'x';
                std::size_t k = i + (is_hex ? 3 : 2);
                unsigned long cp = 0;
                bool digits = false;
                for (; k < text.size() && std::isxdigit(static_cast<unsigned char>(text[k])) && k < i + 16; ++k) {
                    const char d = text[k];
                    if (!is_hex && !std::isdigit(static_cast<unsigned char>(d))) break;
                    cp = cp * (is_hex ? 16 : 10) + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : (std::tolower(d) - 'a' + 10));
                    digits = true;
                }
                if (digits && k < text.size() && text[k] == ';' && (cp > 0x10FFFF || forbidden(static_cast<unsigned>(cp))))
                    return TagMismatch{line, column, "character reference " + std::string(text.substr(i, k + 1 - i)) +
                                                         " names a character XML does not allow"};
            }
            if (i < markup_end) {
                // inside a comment, CDATA section or processing instruction
            } else if (in_tag) {
                if (quote) { if (c == static_cast<unsigned char>(quote)) quote = 0; }
                else if (c == '"' || c == '\'') quote = static_cast<char>(c);
                else if (c == '=' && ++attributes > kMaxAttributes)
                    return TagMismatch{tag_line, tag_column, "more than " + std::to_string(kMaxAttributes) +
                                                                 " attributes on one element; an article needs a few"};
                else if (c == '>') in_tag = false;
            } else if (c == '<' && i + 1 < text.size() && is_name_start(static_cast<unsigned char>(text[i + 1]))) {
                in_tag = true;
                attributes = 0;
                tag_line = line;
                tag_column = column;
            } else if (c == '<' && i >= markup_end && skip_markup(text, i) != i) {
                // Comments, CDATA, PIs: characters only; '<', '=' and quotes in them are no tags or attributes.
                const std::size_t after = skip_markup(text, i);
                markup_end = after == std::string_view::npos ? text.size() : after;
            }
            if (c == '\n') { ++line; column = 1; } else ++column;
            ++i;
            continue;
        }
        // A multi-byte sequence (RFC 3629 §4): lead byte, then 1–3 continuation bytes, shortest form,
        // no surrogates, at most U+10FFFF.
        int length = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) { length = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { length = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { length = 4; cp = c & 0x07; }
        bool valid = length > 0 && i + length <= text.size();
        for (int k = 1; valid && k < length; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if ((b & 0xC0) != 0x80) valid = false;
            cp = cp << 6 | (b & 0x3F);
        }
        if (valid && ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)))) valid = false;
        if (!valid) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "0x%02X", c);
            return TagMismatch{line, column, std::string("invalid UTF-8 (byte ") + buf +
                                                 "); the file must be UTF-8 (is it Latin-1 or Windows-1252?)"};
        }
        if (forbidden(cp))
            return TagMismatch{line, column, "character " + hex(cp) +
                                                 (cp >= 0xD800 && cp <= 0xDFFF ? " (a UTF-16 surrogate)" : " (a noncharacter)") +
                                                 " is not allowed in XML"};
        ++column;
        i += static_cast<std::size_t>(length);
    }
    return std::nullopt;
}

std::string xml_error_in_words(tinyxml2::XMLError e) {
    switch (e) {
        case tinyxml2::XML_ERROR_PARSING_ELEMENT: return "an element that cannot be read";
        case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE: return "an attribute that cannot be read (or given twice)";
        case tinyxml2::XML_ERROR_PARSING_TEXT: return "text that cannot be read (a stray '<' or '&'?)";
        case tinyxml2::XML_ERROR_PARSING_CDATA: return "an unterminated CDATA section";
        case tinyxml2::XML_ERROR_PARSING_COMMENT: return "an unterminated comment";
        case tinyxml2::XML_ERROR_PARSING_DECLARATION: return "a declaration that cannot be read";
        case tinyxml2::XML_ERROR_PARSING_UNKNOWN: return "markup that cannot be read";
        case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT: return "an end tag that does not match its start tag";
        case tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED: return "elements nested too deeply";
        default: return "the file cannot be read as XML";
    }
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

std::string keep_blank_text(std::string_view text) {
    enum class Mark { None, Start, End, Empty, Other };
    std::string out;
    out.reserve(text.size() + text.size() / 64);
    Mark previous = Mark::None;
    std::size_t copied = 0, after_previous = 0;
    int depth = 0;
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos) {
        Mark mark = Mark::Other;
        std::size_t after = skip_markup(text, i);
        if (after == i) {
            const std::size_t close = tag_close(text, i);
            if (close >= text.size()) break;  // tinyxml2 reports it
            mark = i + 1 < text.size() && text[i + 1] == '/' ? Mark::End : text[close - 1] == '/' ? Mark::Empty : Mark::Start;
            after = close + 1;
        }
        // The run between the previous markup and this one, if it is blank and inside the root.
        if (previous != Mark::None && depth > 0 && i > after_previous) {
            const std::string_view run = text.substr(after_previous, i - after_previous);
            bool all_blank = true;
            for (const char c : run) all_blank = all_blank && blank(c);
            const bool keep = all_blank && (previous != Mark::Start ||
                                            (mark == Mark::Start && run.find('\n') == std::string_view::npos));
            if (keep) {
                out.append(text.substr(copied, after_previous - copied));
                out.append("&#32;");
                copied = after_previous;
            }
        }
        if (after == std::string_view::npos) break;
        if (mark == Mark::Start) ++depth;
        else if (mark == Mark::End) --depth;
        previous = mark;
        after_previous = after;
        i = after;
    }
    out.append(text.substr(copied));
    return out;
}

XmlSource::XmlSource(std::string_view text, std::string file_name, Diagnostics& diagnostics)
    : doc_(true, tinyxml2::PRESERVE_WHITESPACE), file_(std::move(file_name)) {
    if (const auto problem = find_text_problem(text)) {
        diagnostics.error(SourceSpan{file_, problem->line, problem->column}, problem->message);
        return;
    }
    const std::string kept = keep_blank_text(text);
    const auto status = doc_.Parse(kept.data(), kept.size());
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
        // Without a detail, tinyxml2 says only its error's name: say it in words (issue 18).
        if (message.rfind("Error=", 0) == 0) message = xml_error_in_words(status);
        if (status == tinyxml2::XML_ERROR_EMPTY_DOCUMENT) {
            diagnostics.error(SourceSpan{file_, 1, 1}, "empty document: the file holds no XML element");
            return;
        }
        diagnostics.error(SourceSpan{file_, line > 0 ? line : 1, line > 0 ? first_column_of_line(text, line) : 1},
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
