#include "model/xml_reading.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <functional>
#include <map>

namespace quire::model {

using tinyxml2::XMLElement;

namespace {

// <p looseness>: at most this many lines more or fewer (a copyfitting aid, not a rewrite).
constexpr int kMaxLooseness = 3;

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (E2 80 A8/A9) in running text are white space
// to the reader, not characters a font draws (issue 18: they were refused as missing glyphs).
bool is_unicode_separator(const std::string& text, std::size_t i) {
    return i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' && (text[i + 2] == '\xA8' || text[i + 2] == '\xA9');
}

std::string collapse_spaces(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool in_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool separator = is_unicode_separator(text, i);
        if (separator) i += 2;
        if (separator || is_xml_space(c)) {
            if (!in_space) out += ' ';
            in_space = true;
        } else {
            out += c;
            in_space = false;
        }
    }
    return out;
}

// Hints for names people bring from HTML or other formats.
const std::map<std::string, std::string>& element_hints() {
    static const std::map<std::string, std::string> hints{
        {"figcaption", "caption"}, {"i", "em"}, {"b", "strong"}, {"img", "figure"}, {"h1", "title (in <meta>)"},
        {"q", "a quotation in the text, or <blockquote>"}, {"cite", "attribution"}, {"h5", "h4"}, {"h6", "h4"},
        {"lead", "standfirst"}, {"abstract", "standfirst"}, {"byline", "author"}, {"photo", "figure"}};
    return hints;
}

void drop_empty_text(InlineText& content) {
    for (auto& item : content) drop_empty_text(item.children);
    content.erase(std::remove_if(content.begin(), content.end(),
                                 [](const Inline& i) { return i.kind == InlineKind::Text && i.text.empty(); }),
                  content.end());
}

}  // namespace

void normalise_whitespace(InlineText& content) {
    // 1. Collapse within text nodes; 2. a space that follows a space (across elements) or a line break,
    // or starts the content, goes; 3. trailing space before a line break or at the end goes.
    std::vector<Inline*> sequence;  // text nodes and line breaks in reading order
    std::function<void(InlineText&)> collect = [&](InlineText& items) {
        for (auto& i : items) {
            if (i.kind == InlineKind::Text) { i.text = collapse_spaces(i.text); sequence.push_back(&i); }
            else if (i.kind == InlineKind::LineBreak) sequence.push_back(&i);
            else collect(i.children);
        }
    };
    collect(content);
    bool previous_ends_in_space = true;  // start of content counts as a space
    for (Inline* node : sequence) {
        if (node->kind == InlineKind::LineBreak) { previous_ends_in_space = true; continue; }
        if (previous_ends_in_space && !node->text.empty() && node->text.front() == ' ') node->text.erase(0, 1);
        if (!node->text.empty()) previous_ends_in_space = node->text.back() == ' ';
    }
    bool next_starts_break = true;  // end of content counts as a break
    for (auto it = sequence.rbegin(); it != sequence.rend(); ++it) {
        Inline* node = *it;
        if (node->kind == InlineKind::LineBreak) { next_starts_break = true; continue; }
        if (next_starts_break && !node->text.empty() && node->text.back() == ' ') node->text.pop_back();
        if (!node->text.empty()) next_starts_break = false;
    }
    drop_empty_text(content);
}

bool XmlReading::expect_name(const XMLElement* element, const char* name) {
    if (std::strcmp(element->Name(), name) == 0) return true;
    error(element, std::string("expected <") + name + "> as the root element, found <" + element->Name() + ">");
    return false;
}

void XmlReading::check_attributes(const XMLElement* element, std::initializer_list<const char*> allowed) {
    for (auto* a = element->FirstAttribute(); a; a = a->Next()) {
        const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* n) { return std::strcmp(n, a->Name()) == 0; });
        if (!known) {
            std::string expected;
            for (const char* n : allowed) expected += (expected.empty() ? "" : ", ") + std::string(n);
            error(element, std::string("unknown attribute ") + a->Name() + " on <" + element->Name() + ">" +
                               (expected.empty() ? "; it takes none" : "; expected " + expected));
        }
    }
}

std::string XmlReading::attribute(const XMLElement* element, const char* name, const std::string& fallback) const {
    const char* value = element->Attribute(name);
    return value ? std::string(value) : fallback;
}

std::vector<const XMLElement*> XmlReading::children(const XMLElement* element) const {
    std::vector<const XMLElement*> out;
    for (auto* c = element->FirstChildElement(); c; c = c->NextSiblingElement()) out.push_back(c);
    return out;
}

void XmlReading::unknown_element(const XMLElement* element, const char* parent, const char* expected) {
    std::string message = std::string("unknown element <") + element->Name() + "> in " + parent;
    if (auto hint = element_hints().find(element->Name()); hint != element_hints().end())
        message += "; did you mean <" + hint->second + ">?";
    message += std::string(" (expected ") + expected + ")";
    error(element, message);
}

std::string XmlReading::read_plain(const XMLElement* element, std::initializer_list<const char*> attributes) {
    check_attributes(element, attributes);
    std::string text;
    for (auto* node = element->FirstChild(); node; node = node->NextSibling()) {
        if (node->ToText()) text += node->Value();
        else if (auto* child = node->ToElement())
            error(child, std::string("<") + element->Name() + "> holds plain text only; found <" + child->Name() + ">");
    }
    InlineText wrapped = plain_inlines(text);
    normalise_whitespace(wrapped);
    return plain_text(wrapped);
}

InlineText XmlReading::read_inlines(const XMLElement* element) {
    InlineText out;
    read_inline_children(element, out, 0);
    normalise_whitespace(out);
    return out;
}

void XmlReading::read_inline_children(const XMLElement* element, InlineText& out, int depth) {
    for (auto* node = element->FirstChild(); node; node = node->NextSibling()) {
        if (auto* text = node->ToText()) {
            Inline i = Inline::plain(text->Value());
            i.where = where(node);
            out.push_back(std::move(i));
            continue;
        }
        auto* child = node->ToElement();
        if (!child) continue;  // comments
        const std::string name = child->Name();
        Inline item;
        item.where = where(child);
        if (name == "em") item.kind = InlineKind::Emphasis;
        else if (name == "strong") item.kind = InlineKind::Strong;
        else if (name == "a") {
            item.kind = InlineKind::Link;
            check_attributes(child, {"href"});
            item.href = attribute(child, "href");
            if (item.href.empty()) error(child, "<a> needs an href");
        } else if (name == "br") {
            item.kind = InlineKind::LineBreak;
            check_attributes(child, {});
            if (child->FirstChild()) error(child, "<br/> is empty");
            out.push_back(std::move(item));
            continue;
        } else if (name == "span") {
            item.kind = InlineKind::Span;
            check_attributes(child, {"xml:lang"});
            item.lang = attribute(child, "xml:lang");
            if (item.lang.empty()) error(child, "<span> needs xml:lang (it marks a phrase in another language)");
        } else if (name == "speaker") {
            item.kind = InlineKind::Speaker;
            if (!out.empty() && !(out.size() == 1 && out[0].kind == InlineKind::Text &&
                                  out[0].text.find_first_not_of(" \t\r\n") == std::string::npos))
                warning(child, "<speaker> is expected at the start of a paragraph");
        } else {
            unknown_element(child, ("<" + std::string(element->Name()) + ">").c_str(),
                            "text, <em>, <strong>, <a href>, <br/>, <span xml:lang>, <speaker>");
            continue;
        }
        if (item.kind == InlineKind::Emphasis || item.kind == InlineKind::Strong || item.kind == InlineKind::Speaker)
            check_attributes(child, {});
        if (depth > 16) { error(child, "inline elements nested too deeply"); continue; }
        read_inline_children(child, item.children, depth + 1);
        out.push_back(std::move(item));
    }
}

Block XmlReading::read_list(const XMLElement* element, ListStyle style) {
    Block list;
    list.kind = BlockKind::List;
    list.list_style = style;
    list.where = where(element);
    check_attributes(element, {});
    for (const XMLElement* child : children(element)) {
        if (std::strcmp(child->Name(), "li") != 0) {
            unknown_element(child, style == ListStyle::Ordered ? "<ol>" : "<ul>", "<li>");
            continue;
        }
        check_attributes(child, {});
        Block item;
        item.kind = BlockKind::ListItem;
        item.where = where(child);
        item.content = read_inlines(child);
        list.children.push_back(std::move(item));
    }
    if (list.children.empty()) error(element, "an empty list");
    return list;
}

std::vector<Block> XmlReading::read_blocks(const XMLElement* parent, BlockContext context) {
    std::vector<Block> blocks;
    // Stray text directly in a block container is lost in print: report it.
    for (auto* node = parent->FirstChild(); node; node = node->NextSibling())
        if (auto* text = node->ToText(); text && std::string(text->Value()).find_first_not_of(" \t\r\n") != std::string::npos)
            error(node, std::string("text directly inside <") + parent->Name() + ">; put it in a <p>");
    for (const XMLElement* child : children(parent)) {
        const std::string name = child->Name();
        Block block;
        block.where = where(child);
        if (name == "p") {
            check_attributes(child, {"xml:lang", "looseness"});
            block.lang = attribute(child, "xml:lang");
            if (const std::string loose = attribute(child, "looseness"); !loose.empty()) {
                // A small whole number: TeX allows any, but beyond ±3 lines a paragraph's texture suffers.
                int value = 0;
                const auto [end, ec] = std::from_chars(loose.data(), loose.data() + loose.size(), value);
                if (ec != std::errc{} || end != loose.data() + loose.size() || value < -kMaxLooseness ||
                    value > kMaxLooseness)
                    error(child, "looseness=\"" + loose + "\" is not a whole number from -" +
                                     std::to_string(kMaxLooseness) + " to " + std::to_string(kMaxLooseness));
                else
                    block.looseness = value;
            }
            block.content = read_inlines(child);
        } else if (context == BlockContext::Body && (name == "h2" || name == "h3" || name == "h4")) {
            check_attributes(child, {"xml:lang"});
            block.kind = BlockKind::Heading;
            block.level = name[1] - '0';
            block.lang = attribute(child, "xml:lang");
            block.content = read_inlines(child);
        } else if (context == BlockContext::Body && name == "blockquote") {
            check_attributes(child, {"xml:lang", "attribution"});
            block.kind = BlockKind::BlockQuote;
            block.lang = attribute(child, "xml:lang");
            block.attribution = attribute(child, "attribution");
            block.children = read_blocks(child, BlockContext::BlockQuote);
            if (block.children.empty()) error(child, "an empty <blockquote>; it holds <p> elements");
        } else if (context == BlockContext::Body && name == "pullquote") {
            check_attributes(child, {"xml:lang", "attribution", "span"});
            block.kind = BlockKind::PullQuote;
            block.lang = attribute(child, "xml:lang");
            block.span = read_span(child);
            block.attribution = attribute(child, "attribution");
            block.content = read_inlines(child);
        } else if (context != BlockContext::BlockQuote && (name == "ul" || name == "ol")) {
            block = read_list(child, name == "ol" ? ListStyle::Ordered : ListStyle::Unordered);
        } else if (context == BlockContext::Body && name == "figure") {
            block.kind = BlockKind::FigureBlock;
            block.figure = read_figure(child);
            block.span = read_span(child);
            if (block.figure.role == FigureRole::Lead)
                error(child, "the lead figure goes before <body>, not inside it");
        } else {
            const char* expected = context == BlockContext::Body
                ? "<p>, <h2>, <h3>, <h4>, <blockquote>, <pullquote>, <ul>, <ol>, <figure>"
                : context == BlockContext::Notice ? "<p>, <ul>, <ol>" : "<p>";
            unknown_element(child, ("<" + std::string(parent->Name()) + ">").c_str(), expected);
            continue;
        }
        blocks.push_back(std::move(block));
    }
    return blocks;
}

ColumnSpan XmlReading::read_span(const XMLElement* element) {
    const std::string span = attribute(element, "span", "column");
    if (span == "all") return ColumnSpan::All;
    if (span != "column") error(element, "unknown span \"" + span + "\"; expected \"column\" or \"all\"");
    return ColumnSpan::Column;
}

Figure XmlReading::read_figure(const XMLElement* element) {
    Figure figure;
    figure.where = where(element);
    check_attributes(element, {"role", "src", "span"});
    const std::string role = attribute(element, "role", "inline");
    if (role == "lead") figure.role = FigureRole::Lead;
    else if (role != "inline") error(element, "unknown figure role \"" + role + "\"; expected \"lead\" or \"inline\"");
    figure.src = attribute(element, "src");
    // An imported web page names its photo (caption, credit) but does not supply the image: that is a
    // warning to act on before printing, not an unreadable file (quire import writes such figures).
    if (figure.src.empty())
        warning(element, "<figure> has no src=\"…\" yet (the image, relative to the article): add the photo before "
                         "building the PDF or EPUB");
    for (const XMLElement* child : children(element)) {
        const std::string name = child->Name();
        if (name == "alt") figure.alt = read_plain(child);
        else if (name == "caption") { check_attributes(child, {}); figure.caption = read_inlines(child); }
        else if (name == "credit") figure.credit = read_plain(child);
        else if (name == "licence") figure.licence = read_plain(child);
        else unknown_element(child, "<figure>", "<alt>, <caption>, <credit>, <licence>");
    }
    return figure;
}

Notice XmlReading::read_notice(const XMLElement* element) {
    Notice notice;
    notice.where = where(element);
    check_attributes(element, {"kind"});
    notice.kind = attribute(element, "kind");
    if (notice.kind.empty()) error(element, "<notice> needs kind=\"…\" (donation, copyright, …)");
    notice.content = read_blocks(element, BlockContext::Notice);
    return notice;
}

}  // namespace quire::model
