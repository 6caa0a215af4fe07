#include "epub/stylesheet.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace quire::epub {

using style::ParagraphStyle;

const std::vector<StyleSelector>& style_selectors() {
    // Parents follow the documents' nesting: every block sits in <body> ("text"), paragraphs inside
    // a container inherit the container's style.
    static const std::vector<StyleSelector> table{
        {"text", "body", StyleSelector::Root, ""},
        {"body", "p", StyleSelector::Block, "text"},
        {"body-first", "p.first", StyleSelector::Block, "body"},
        {"section-label", ".section-label", StyleSelector::Block, "text"},
        {"title", "h1", StyleSelector::Heading, "text"},
        {"subtitle", ".subtitle", StyleSelector::Block, "text"},
        {"standfirst", ".standfirst", StyleSelector::Block, "text"},
        {"byline", ".byline", StyleSelector::Block, "text"},
        {"date", ".date", StyleSelector::Block, "text"},
        {"caption", ".caption", StyleSelector::Block, "text"},
        {"credit", ".credit", StyleSelector::Block, "text"},
        // Back-matter and navigation headings are h1 of their own documents, set as subheadings.
        {"subheading", "h2, section > h1, nav > h1", StyleSelector::Heading, "text"},
        {"subheading-3", "h3, h4", StyleSelector::Heading, "text"},
        {"blockquote", "blockquote", StyleSelector::Container, "text"},
        {"pullquote", ".pullquote", StyleSelector::Container, "text"},
        {"list", "ul, ol", StyleSelector::Container, "text"},
        {"bio", ".bio", StyleSelector::Container, "text"},
        {"notice", ".notice", StyleSelector::Container, "text"},
    };
    return table;
}

std::string css_number(double value) {
    if (std::fabs(value) < 0.00005) return "0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", value);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

namespace {

std::string quoted(const std::string& family) { return "\"" + family + "\""; }

std::string em(double points, double font_size) { return css_number(points / font_size) + (std::fabs(points) < 0.00005 ? "" : "em"); }

// OpenType features as CSS font-feature-settings; kern and liga are on by default in browsers.
std::string feature_settings(const std::vector<std::string>& features) {
    std::vector<std::string> parts;
    for (const auto& f : features) {
        if (f.empty()) continue;
        if (f[0] == '-') parts.push_back("\"" + f.substr(1) + "\" 0");
        else if (f != "kern" && f != "liga" && f != "calt" && f != "clig") parts.push_back("\"" + f + "\"");
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out.empty() ? "normal" : out;
}

struct RuleWriter {
    const style::Layout& layout;
    const std::vector<FontFaceRule>& faces;
    const GenericFamilies& generics;
    std::string out;

    std::string font_stack(const ParagraphStyle& s) const {
        std::set<std::string> embedded;
        for (const auto& f : faces) embedded.insert(f.family);
        std::string stack = quoted(s.font_family);
        for (const auto& fb : s.fallback_families)
            if (embedded.count(fb)) stack += ", " + quoted(fb);
        const auto g = generics.find(s.font_family);
        stack += ", " + (g != generics.end() ? g->second : std::string("serif"));
        return stack;
    }

    void property(const std::string& name, const std::string& value) { out += "  " + name + ": " + value + ";\n"; }

    void rule(const StyleSelector& sel) {
        const ParagraphStyle& s = layout.style(sel.style);
        const ParagraphStyle* parent = *sel.parent ? &layout.style(sel.parent) : nullptr;
        const double size = s.size.pt();
        const bool root = sel.kind == StyleSelector::Root;
        const bool heading = sel.kind == StyleSelector::Heading;
        const bool block = !root && sel.kind != StyleSelector::Character;
        auto differs = [&](auto get) { return !parent || get(*parent) != get(s); };

        out += std::string(sel.selector) + " {\n";
        if (differs([](const ParagraphStyle& p) { return p.font_family; })) property("font-family", font_stack(s));
        // The root keeps the reader's size; everything else is relative to its parent.
        if (!root && parent && std::fabs(size - parent->size.pt()) > 0.001)
            property("font-size", css_number(size / parent->size.pt()) + "em");
        if (differs([](const ParagraphStyle& p) { return std::lround(1000 * p.leading.pt() / p.size.pt()); }))
            property("line-height", css_number(s.leading.pt() / size));
        if (heading || differs([](const ParagraphStyle& p) { return p.weight; }))
            property("font-weight", std::to_string(s.weight));
        if (heading || differs([](const ParagraphStyle& p) { return p.slant; }))
            property("font-style", s.slant == style::Slant::Italic ? "italic" : "normal");
        if (differs([](const ParagraphStyle& p) { return p.tracking; }))
            property("letter-spacing", s.tracking == 0 ? "normal" : css_number(s.tracking / 1000.0) + "em");
        if (differs([](const ParagraphStyle& p) { return feature_settings(p.features); }))
            property("font-feature-settings", feature_settings(s.features));
        if (differs([](const ParagraphStyle& p) { return p.text_case; }))
            property("text-transform", s.text_case == style::TextCase::Upper ? "uppercase" : "none");
        if (s.background.has_value()) {
            // A tinted box in print: a frame in the text's own colour here. The reading system owns
            // the colours (night themes, sepia): a fixed background would stay a bright block on a
            // black page, and a fixed text colour could vanish on it.
            property("border", "1px solid currentColor");
            property("padding", em(s.padding.pt(), size));
        }
        if (root) {
            // The base of the whole book: hyphenation in each document's language (lang on <html>).
            property("widows", std::to_string(std::max(1, s.min_lines_after_break)));
            // WCAG 1.4.10 (reflow at 320 CSS px, text at 200 %): a word longer than the line (a title's
            // "Kazakhstan" at 200 %, Georgian compounds) breaks instead of running off the page.
            property("overflow-wrap", "break-word");
            property("word-wrap", "break-word");
            property("orphans", std::to_string(std::max(1, s.min_lines_before_break)));
        }
        if (block) {
            property("margin-top", em(s.space_before.pt(), size));
            property("margin-bottom", em(s.space_after.pt(), size));
            if (sel.kind == StyleSelector::Container && std::string(sel.selector) == "ul, ol") {
                property("margin-left", "0");
                property("padding-left", em(s.left_indent.pt(), size));
            } else if (s.left_indent.pt() != 0 || (parent && parent->left_indent.pt() != 0)) {
                property("margin-left", em(s.left_indent.pt(), size));
            }
            if (s.right_indent.pt() != 0) property("margin-right", em(s.right_indent.pt(), size));
            property("text-indent", em(s.first_indent.pt(), size));
            property("text-align", style::align_name(s.align));
            const char* hyphens = s.hyphenate == style::Hyphenate::Yes ? "auto" : "manual";
            property("-webkit-hyphens", hyphens);  // Apple Books and older WebKit readers
            property("hyphens", hyphens);
            if (s.keep_with_next == style::KeepWithNext::Yes) {
                property("page-break-after", "avoid");
                property("break-after", "avoid");
            }
            if (s.rule_above.present() && s.rule_above.length.pt() == 0) {
                property("border-top", em(s.rule_above.thickness.pt(), size) + " solid currentColor");
                property("padding-top", em(s.rule_above.offset.pt(), size));
            }
            if (s.rule_below.present() && s.rule_below.length.pt() == 0) {
                property("border-bottom", em(s.rule_below.thickness.pt(), size) + " solid currentColor");
                property("padding-bottom", em(s.rule_below.offset.pt(), size));
            }
        }
        out += "}\n";

        // A rule shorter than the measure (the bio's short rule) is a pseudo-element of that width.
        if (block && s.rule_above.present() && s.rule_above.length.pt() > 0) {
            out += std::string(sel.selector) + "::before {\n";
            property("content", "\"\"");
            property("display", "block");
            property("width", em(s.rule_above.length.pt(), size));
            property("border-top", em(s.rule_above.thickness.pt(), size) + " solid currentColor");
            property("margin-bottom", em(s.rule_above.offset.pt(), size));
            out += "}\n";
        }
        // Paragraphs inside a container take its indent and alignment, not the body's.
        if (sel.kind == StyleSelector::Container) {
            out += std::string(sel.selector) + " p {\n";
            property("margin", "0");
            property("text-indent", em(s.first_indent.pt(), size));
            property("text-align", style::align_name(s.align));
            out += "}\n";
        }
        // Drop cap: a floated initial spanning `drop_cap_lines` lines (cap height ≈ 0.7 em of the
        // initial's size, so the initial is sized from the lines it spans and the leading).
        if (s.drop_cap_lines > 1) {
            const double lines = s.drop_cap_lines;
            const double leading_em = s.leading.pt() / size;
            out += std::string(sel.selector) + "::first-letter {\n";
            property("float", "left");
            const double cap_size = ((lines - 1) * leading_em + 0.7) / 0.7;
            property("font-size", css_number(cap_size) + "em");
            // A line box a little under `lines` lines tall, so the text beside it wraps for exactly
            // that many lines whatever the renderer adds.
            property("line-height", css_number((lines * leading_em - 0.1) / cap_size));
            if (!s.drop_cap_family.empty() && s.drop_cap_family != s.font_family) {
                ParagraphStyle cap = s;
                cap.font_family = s.drop_cap_family;
                property("font-family", font_stack(cap));
            }
            if (s.drop_cap_weight > 0) property("font-weight", std::to_string(s.drop_cap_weight));
            property("margin", "0.02em 0.08em 0 0");
            out += "}\n";
        }
    }

    enum class CapsSpacing { No, Yes };
    // `spacing`: strings of small caps and capitals are letter-spaced (Bringhurst 3.2.2: 5–10 %), as
    // the print edition does for the lead-in (page/blocks.cpp).
    void character(const char* name, const char* selector, CapsSpacing spacing = CapsSpacing::No) {
        const style::CharacterStyle* c = layout.character_style(name);
        if (!c) return;
        out += std::string(selector) + " {\n";
        if (c->font_family) {
            ParagraphStyle s;
            s.font_family = *c->font_family;
            property("font-family", font_stack(s));
        }
        if (c->weight) property("font-weight", std::to_string(*c->weight));
        if (c->slant) property("font-style", *c->slant == style::Slant::Italic ? "italic" : "normal");
        if (!c->features.empty()) property("font-feature-settings", feature_settings(c->features));
        if (c->text_case) property("text-transform", *c->text_case == style::TextCase::Upper ? "uppercase" : "none");
        const bool caps = std::any_of(c->features.begin(), c->features.end(),
                                      [](const std::string& f) { return f == "smcp" || f == "c2sc"; });
        if (spacing == CapsSpacing::Yes && caps) property("letter-spacing", "0.05em");
        out += "}\n";
    }
};

}  // namespace

std::string stylesheet(const style::Layout& layout, const std::vector<FontFaceRule>& faces,
                       const GenericFamilies& generics) {
    RuleWriter w{layout, faces, generics, {}};
    w.out += "/* Derived by quire from layout \"" + layout.name + "\": the print edition's styles in relative units. */\n";
    for (const auto& f : faces) {
        w.out += "@font-face {\n";
        w.property("font-family", quoted(f.family));
        w.property("font-weight", std::to_string(f.weight));
        w.property("font-style", f.italic ? "italic" : "normal");
        w.property("src", "url(\"" + f.href + "\")");
        w.out += "}\n";
    }
    for (const auto& sel : style_selectors())
        if (layout.has_style(sel.style)) w.rule(sel);
    w.character("emphasis", "em");
    w.character("strong", "strong");
    w.character("link", "a");
    w.character("speaker", ".speaker");
    // The lead-in: print sets the first line after the drop cap in it; a reading system's first line
    // is its own, and ::first-line follows it wherever the text wraps.
    if (layout.has_style("body-first")) w.character("lead-in", "p.first::first-line", RuleWriter::CapsSpacing::Yes);

    // Layout-independent: headings' own spacing after a heading starts flush; images scale to the
    // screen and never exceed it; captions sit close to their image.
    w.out +=
        "h2 + p, h3 + p, h4 + p, header + p, figure + p {\n  text-indent: 0;\n}\n"
        "figure {\n  margin: 1em 0;\n  page-break-inside: avoid;\n  break-inside: avoid;\n}\n"
        "figure img {\n  display: block;\n  max-width: 100%;\n  height: auto;\n  margin: 0 auto;\n}\n"
        "figcaption {\n  margin-top: 0.4em;\n}\n"
        "figure.quotation {\n  margin: 0;\n}\n"
        // The drop cap floats: when the first paragraph is shorter than the initial, what follows
        // starts below it instead of wrapping beside it.
        "h2, h3, h4, blockquote, figure, aside, ul, ol, section, .bio, .notice {\n  clear: both;\n}\n"
        ".attribution {\n  text-align: right;\n  font-style: normal;\n}\n"
        "li {\n  margin: 0;\n}\n"
        // Codes, ordinals and "100" in old-style text (content_documents.cpp): lining, as in print.
        ".lnum {\n  font-feature-settings: \"lnum\";\n}\n"
        "header {\n  margin-bottom: 1em;\n}\n"
        // A back-matter heading opening a tinted box sits at the box's padding, not below it.
        ".notice > h1:first-child, .bio > h1:first-child {\n  margin-top: 0;\n}\n"
        // Links keep the text colour (underlined): the browser default blue is 2.2:1 on a night theme.
        "a {\n  color: inherit;\n  text-decoration: underline;\n}\n"
        ".cover {\n  margin: 0;\n  padding: 0;\n  text-align: center;\n}\n"
        ".cover img {\n  max-width: 100%;\n  max-height: 100vh;\n  height: auto;\n}\n"
        "nav ol {\n  list-style: none;\n  padding-left: 0;\n}\n"
        "nav ol ol {\n  padding-left: 1.5em;\n}\n"
        // A phone held upright (under 30 em of the reading system's default size, 480 CSS px): the
        // title smaller so that its words mostly fit whole, and the text ragged, as justified lines
        // of a few words open wide gaps (both still scale with the reader's text size).
        "@media (max-width: 30em) {\n  h1.title {\n    font-size: 1.6em;\n  }\n  p, p.first, .bio p, .notice p, blockquote p {\n    text-align: left;\n  }\n}\n";
    return w.out;
}

}  // namespace quire::epub
