#include "model/xml_writing.hpp"

namespace quire::model {

void XmlWriter::indent() { out_.append(static_cast<std::size_t>(depth_) * 2, ' '); }

std::string XmlWriter::attributes_text(const Attributes& attributes) {
    std::string out;
    for (const auto& [name, value] : attributes)
        if (!value.empty()) out += " " + name + "=\"" + escape_xml_attribute(value) + "\"";
    return out;
}

void XmlWriter::open(const std::string& name, const Attributes& attributes) {
    indent();
    out_ += "<" + name + attributes_text(attributes) + ">\n";
    ++depth_;
}

void XmlWriter::close(const std::string& name) {
    --depth_;
    indent();
    out_ += "</" + name + ">\n";
}

void XmlWriter::text_element(const std::string& name, const std::string& text, const Attributes& attributes, Keep keep) {
    if (text.empty() && keep == Keep::IfNotEmpty) return;
    indent();
    out_ += "<" + name + attributes_text(attributes) + ">" + escape_xml_text(text) + "</" + name + ">\n";
}

void XmlWriter::inline_element(const std::string& name, const InlineText& content, const Attributes& attributes, Keep keep) {
    if (content.empty() && keep == Keep::IfNotEmpty) return;
    indent();
    out_ += "<" + name + attributes_text(attributes) + ">";
    inlines(content, out_);
    out_ += "</" + name + ">\n";
}

void XmlWriter::empty_element(const std::string& name, const Attributes& attributes) {
    indent();
    out_ += "<" + name + attributes_text(attributes) + "/>\n";
}

void XmlWriter::inlines(const InlineText& content, std::string& out) {
    for (const auto& item : content) {
        auto wrap = [&](const std::string& name, const std::string& attrs) {
            out += "<" + name + attrs + ">";
            inlines(item.children, out);
            out += "</" + name + ">";
        };
        switch (item.kind) {
            case InlineKind::Text: out += escape_xml_text(item.text); break;
            case InlineKind::Emphasis: wrap("em", ""); break;
            case InlineKind::Strong: wrap("strong", ""); break;
            case InlineKind::Link: wrap("a", attributes_text({{"href", item.href}})); break;
            case InlineKind::LineBreak: out += "<br/>"; break;
            case InlineKind::Span: wrap("span", attributes_text({{"xml:lang", item.lang}})); break;
            case InlineKind::Speaker: wrap("speaker", ""); break;
        }
    }
}

void XmlWriter::figure(const Figure& f, ColumnSpan span) {
    open("figure", {{"role", f.role == FigureRole::Lead ? "lead" : ""}, {"src", f.src},
                    {"span", span == ColumnSpan::All ? "all" : ""}});
    text_element("alt", f.alt);
    inline_element("caption", f.caption);
    text_element("credit", f.credit);
    text_element("licence", f.licence);
    close("figure");
}

void XmlWriter::blocks(const std::vector<Block>& list) {
    for (const auto& b : list) {
        switch (b.kind) {
            case BlockKind::Paragraph:
                inline_element("p", b.content,
                               {{"xml:lang", b.lang}, {"looseness", b.looseness ? std::to_string(b.looseness) : ""}},
                               Keep::Always);
                break;
            case BlockKind::Heading:
                inline_element("h" + std::to_string(b.level), b.content, {{"xml:lang", b.lang}}, Keep::Always);
                break;
            case BlockKind::PullQuote:
                inline_element("pullquote", b.content, {{"xml:lang", b.lang}, {"attribution", b.attribution}, {"span", b.span == ColumnSpan::All ? "all" : ""}},
                               Keep::Always);
                break;
            case BlockKind::BlockQuote:
                open("blockquote", {{"xml:lang", b.lang}, {"attribution", b.attribution}});
                blocks(b.children);
                close("blockquote");
                break;
            case BlockKind::List: {
                const std::string name = b.list_style == ListStyle::Ordered ? "ol" : "ul";
                open(name);
                for (const auto& item : b.children) inline_element("li", item.content, {}, Keep::Always);
                close(name);
                break;
            }
            case BlockKind::ListItem: inline_element("li", b.content, {}, Keep::Always); break;
            case BlockKind::FigureBlock: figure(b.figure, b.span); break;
        }
    }
}

std::string XmlWriter::finish() { return std::move(out_); }

}  // namespace quire::model
