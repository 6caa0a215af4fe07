#include "epub/content_documents.hpp"

#include "epub/labels.hpp"
#include "epub/xml_text.hpp"
#include "page/initial.hpp"
#include "page/styled.hpp"
#include "text/display_date.hpp"


#include <algorithm>
#include <cstdio>
#include <memory>

namespace quire::epub {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

std::string xhtml_document(const std::string& lang, const std::string& title, const std::string& body_attributes,
                           const std::string& body_content, const std::string& stylesheet_href) {
    // EPUB 3.3 §6.1.2: XHTML syntax; the epub namespace for epub:type; lang and xml:lang both, so that
    // both XML and HTML processors (and Ace's axe) see the language.
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
    out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"" +
           escape_xml_attribute(lang) + "\" xml:lang=\"" + escape_xml_attribute(lang) + "\">\n";
    out += "<head>\n<meta charset=\"UTF-8\"/>\n";
    out += "<title>" + escape_xml_text(title) + "</title>\n";
    if (!stylesheet_href.empty())
        out += "<link rel=\"stylesheet\" type=\"text/css\" href=\"" + escape_xml_attribute(stylesheet_href) + "\"/>\n";
    out += "</head>\n<body" + (body_attributes.empty() ? std::string() : " " + body_attributes) + ">\n";
    out += body_content;
    out += "</body>\n</html>\n";
    return out;
}

namespace {

Attributes lang_attributes(const std::string& lang) {
    if (lang.empty()) return {};
    return {{"lang", lang}, {"xml:lang", lang}};
}

// Text, with the figures of codes, ordinals and numbers of only 0 and 1 in <span class="lnum">: the
// stylesheet sets them lining where the text has old-style figures, as the print does
// (page::code_figures: "100" must not read "IOO").
void append_text(std::string& out, const std::string& text) {
    std::size_t at = 0;
    for (const auto& [a, b] : page::code_figures(text)) {
        out += escape_xml_text(text.substr(at, a - at));
        out += "<span class=\"lnum\">" + escape_xml_text(text.substr(a, b - a)) + "</span>";
        at = b;
    }
    out += escape_xml_text(text.substr(at));
}

void append_inlines(std::string& out, const model::InlineText& content) {
    for (const Inline& item : content) {
        switch (item.kind) {
            case InlineKind::Text: append_text(out, item.text); break;
            case InlineKind::LineBreak: out += "<br/>"; break;
            case InlineKind::Emphasis:
                open_tag(out, "em", lang_attributes(item.lang));
                append_inlines(out, item.children);
                close_tag(out, "em");
                break;
            case InlineKind::Strong:
                open_tag(out, "strong", lang_attributes(item.lang));
                append_inlines(out, item.children);
                close_tag(out, "strong");
                break;
            case InlineKind::Link: {
                if (item.href.empty()) {
                    append_inlines(out, item.children);
                    break;
                }
                Attributes attributes{{"href", item.href}};
                for (auto& a : lang_attributes(item.lang)) attributes.push_back(a);
                open_tag(out, "a", attributes);
                append_inlines(out, item.children);
                close_tag(out, "a");
                break;
            }
            case InlineKind::Span:
                open_tag(out, "span", lang_attributes(item.lang));
                append_inlines(out, item.children);
                close_tag(out, "span");
                break;
            case InlineKind::Speaker: {
                // An interview's speaker label: bold small caps in print (character style "speaker");
                // <b> carries no extra meaning for assistive technology, which reads the label as text.
                Attributes attributes{{"class", "speaker"}};
                for (auto& a : lang_attributes(item.lang)) attributes.push_back(a);
                open_tag(out, "b", attributes);
                append_inlines(out, item.children);
                close_tag(out, "b");
                break;
            }
        }
    }
}

std::string credit_line(const model::Figure& figure, const std::string& lang) {
    std::string credit = figure.credit;
    if (!credit.empty()) credit = label(Label::Photo, lang) + credit;
    if (!figure.licence.empty()) credit += (credit.empty() ? "" : " (") + figure.licence + (credit.empty() ? "" : ")");
    return credit;
}

// The text alternative: the alt text; the caption when the article has none (validation warns).
std::string alt_text(const model::Figure& figure) {
    if (!figure.alt.empty()) return figure.alt;
    return model::plain_text(figure.caption);
}

void append_figure(std::string& out, const model::Figure& figure, const ImageHrefs& images, const std::string& lang,
                   const std::string& css_class, const std::string& id) {
    Attributes attributes;
    if (!css_class.empty()) attributes.push_back({"class", css_class});
    attributes.push_back({"id", id});
    open_tag(out, "figure", attributes);
    out += '\n';
    const auto href = images.find(figure.src);
    empty_tag(out, "img", {{"src", href != images.end() ? href->second : figure.src}, {"alt", alt_text(figure)}});
    out += '\n';
    const std::string credit = credit_line(figure, lang);
    if (!figure.caption.empty() || !credit.empty()) {
        open_tag(out, "figcaption");
        if (!figure.caption.empty()) {
            open_tag(out, "p", {{"class", "caption"}});
            append_inlines(out, figure.caption);
            close_tag(out, "p");
        }
        if (!credit.empty()) text_element(out, "p", credit, {{"class", "credit"}});
        close_tag(out, "figcaption");
        out += '\n';
    }
    close_tag(out, "figure");
    out += '\n';
}

// Writes body blocks; headings get ids and go into the TOC, their levels kept in order (a heading
// never more than one level below the previous: WCAG 1.3.1, Ace's heading-order).
struct BodyWriter {
    const model::Article& article;
    const ImageHrefs& images;
    std::string out;
    std::vector<TocEntry> toc;
    std::string href = "article.xhtml";  // the document's, for the table of contents
    int previous_level = 1;  // the title is the h1
    int sections = 0;
    int figures = 0;
    bool first_paragraph = true;

    Attributes block_lang(const Block& block) const {
        if (block.lang.empty() || block.lang == article.lang) return {};
        return lang_attributes(block.lang);
    }

    void add_heading_to_toc(int level, TocEntry entry) {
        // Nest under the last entry of each level above.
        std::vector<TocEntry>* list = &toc;
        for (int l = 2; l < level && !list->empty(); ++l) list = &list->back().children;
        list->push_back(std::move(entry));
    }

    void block(const Block& b) {
        if (page::begins_running_text(b.kind)) first_paragraph = false;  // as the print's initial
        switch (b.kind) {
            case BlockKind::Paragraph: {
                Attributes attributes = block_lang(b);
                // The opening paragraph carries the drop cap by the print's rules (page/initial.hpp):
                // not when it opens with an interview's speaker label (a dropped "T" of "TQ:" would read
                // as part of the answer), and not on a heading-like line (short capitals, no sentence's
                // end, all in italics: a review's book details), which hands the drop cap on.
                const page::Opening opening = first_paragraph ? page::opening_of(b.content) : page::Opening::Text;
                if (first_paragraph && opening == page::Opening::Text)
                    attributes.insert(attributes.begin(), {"class", "first"});
                if (opening != page::Opening::HeadingLike || b.content.empty()) first_paragraph = false;
                open_tag(out, "p", attributes);
                append_inlines(out, b.content);
                close_tag(out, "p");
                out += '\n';
                break;
            }
            case BlockKind::Heading: {
                const int level = std::clamp(std::min(b.level, previous_level + 1), 2, 4);
                previous_level = level;
                const std::string id = "sec-" + std::to_string(++sections);
                const std::string tag = "h" + std::to_string(level);
                Attributes attributes{{"id", id}};
                for (auto& a : block_lang(b)) attributes.push_back(a);
                open_tag(out, tag, attributes);
                append_inlines(out, b.content);
                close_tag(out, tag);
                out += '\n';
                add_heading_to_toc(level, TocEntry{model::plain_text(b.content), href + "#" + id, {}});
                break;
            }
            case BlockKind::BlockQuote: {
                // HTML: the attribution belongs outside the blockquote; a figure groups the two.
                const bool attributed = !b.attribution.empty();
                if (attributed) open_tag(out, "figure", {{"class", "quotation"}});
                open_tag(out, "blockquote", block_lang(b));
                out += '\n';
                for (const Block& child : b.children) {
                    if (child.kind == BlockKind::Paragraph) {
                        open_tag(out, "p", block_lang(child));
                        append_inlines(out, child.content);
                        close_tag(out, "p");
                        out += '\n';
                    } else {
                        block(child);
                    }
                }
                close_tag(out, "blockquote");
                if (attributed) {
                    text_element(out, "figcaption", "\u2014\u00a0" + b.attribution, {{"class", "attribution"}});
                    close_tag(out, "figure");
                }
                out += '\n';
                break;
            }
            case BlockKind::PullQuote: {
                // DPUB-ARIA doc-pullquote: a quotation repeated for display.
                Attributes attributes{{"class", "pullquote"}, {"epub:type", "pullquote"}, {"role", "doc-pullquote"}};
                for (auto& a : block_lang(b)) attributes.push_back(a);
                open_tag(out, "aside", attributes);
                open_tag(out, "p");
                append_inlines(out, b.content);
                close_tag(out, "p");
                if (!b.attribution.empty())
                    text_element(out, "p", "\u2014\u00a0" + b.attribution, {{"class", "attribution"}});
                close_tag(out, "aside");
                out += '\n';
                break;
            }
            case BlockKind::List: {
                const char* tag = b.list_style == model::ListStyle::Ordered ? "ol" : "ul";
                open_tag(out, tag, block_lang(b));
                out += '\n';
                for (const Block& item : b.children) {
                    open_tag(out, "li", block_lang(item));
                    append_inlines(out, item.content);
                    for (const Block& nested : item.children) block(nested);
                    close_tag(out, "li");
                    out += '\n';
                }
                close_tag(out, tag);
                out += '\n';
                break;
            }
            case BlockKind::ListItem: {  // outside a list: as a paragraph
                open_tag(out, "p", block_lang(b));
                append_inlines(out, b.content);
                close_tag(out, "p");
                out += '\n';
                break;
            }
            case BlockKind::FigureBlock:
                append_figure(out, b.figure, images, article.lang, "", "fig-" + std::to_string(++figures));
                break;
        }
    }
};

// The notice as a section: its epub:type and DPUB-ARIA role (Ace: epub-type-has-matching-role), a
// heading (h1 in a document of its own, h2 inside the article's), the text, and for a donation
// notice the publication's donation link.
std::string notice_section(const model::LoadedArticle& loaded, const model::Notice& notice, const char* heading_tag,
                           const std::string& id) {
    const auto& article = loaded.article;
    Attributes attributes{{"class", "notice notice-" + notice.kind}, {"id", id}};
    if (notice.kind == "copyright") {
        attributes.push_back({"epub:type", "copyright-page"});
    } else if (notice.kind == "correction") {
        attributes.push_back({"epub:type", "errata"});
        attributes.push_back({"role", "doc-errata"});
    } else {
        attributes.push_back({"epub:type", "notice"});
        attributes.push_back({"role", "doc-notice"});
    }
    attributes.push_back({"aria-labelledby", id + "-title"});
    // The publication's house text may be in its own language, not the article's.
    const auto& content = loaded.notice_content(notice);
    const bool house_text = notice.content.empty() && loaded.publication;
    const std::string text_lang = house_text ? loaded.publication->lang : article.lang;
    if (text_lang != article.lang)
        for (auto& a : lang_attributes(text_lang)) attributes.push_back(a);
    std::string body;
    open_tag(body, "section", attributes);
    body += '\n';
    text_element(body, heading_tag, notice_label(notice.kind, text_lang), {{"id", id + "-title"}});
    body += '\n';
    static const ImageHrefs kNoImages;
    BodyWriter writer{article, kNoImages, {}, {}};
    writer.first_paragraph = false;
    for (const Block& b : content) writer.block(b);
    body += writer.out;
    if (notice.kind == "donation" && loaded.publication && !loaded.publication->donation_url.empty()) {
        const std::string& url = loaded.publication->donation_url;
        open_tag(body, "p", {{"class", "donate"}});
        body += escape_xml_text(label(Label::DonateLink, text_lang));
        text_element(body, "a", url, {{"href", url}});
        close_tag(body, "p");
        body += '\n';
    }
    body += "</section>\n";
    return body;
}

std::string bio_section(const model::LoadedArticle& loaded, const std::vector<const model::Author*>& authors,
                        const char* heading_tag, const std::string& title) {
    // EPUB SSV "contributors" (no DPUB-ARIA counterpart): a labelled section, i.e. an ARIA region.
    std::string body = "<section class=\"bio\" id=\"bio\" epub:type=\"contributors\" aria-labelledby=\"bio-title\">\n";
    text_element(body, heading_tag, title, {{"id", "bio-title"}});
    body += '\n';
    (void)loaded;
    for (const model::Author* author : authors) {
        open_tag(body, "p");
        append_inlines(body, author->bio);
        close_tag(body, "p");
        body += '\n';
    }
    body += "</section>\n";
    return body;
}

}  // namespace

bool is_creator_role(const std::string& role) { return role.empty() || role == "author"; }

std::vector<std::string> byline_lines(const model::Article& article) {
    const std::string& lang = article.lang;
    std::vector<std::string> creators, interviewers, translators, photographers;
    for (const auto& a : article.meta.authors) {
        if (is_creator_role(a.role)) creators.push_back(a.name);
        else if (a.role == "interviewer") interviewers.push_back(a.name);
        else if (a.role == "translator") translators.push_back(a.name);
        else if (a.role == "photographer") photographers.push_back(a.name);
    }
    std::vector<std::string> lines;
    if (!creators.empty()) lines.push_back(names_list(creators, lang));
    if (!interviewers.empty()) lines.push_back(fill(label(Label::InterviewBy, lang), "names", names_list(interviewers, lang)));
    if (!translators.empty()) lines.push_back(fill(label(Label::TranslatedBy, lang), "names", names_list(translators, lang)));
    if (!photographers.empty())
        lines.push_back(fill(label(Label::PhotosBy, lang), "names", names_list(photographers, lang)));
    return lines;
}

std::string inline_xhtml(const model::InlineText& content) {
    std::string out;
    append_inlines(out, content);
    return out;
}

std::string names_list(const std::vector<std::string>& names, const std::string& lang) {
    const std::string conjunction = label(Label::And, lang);
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? conjunction : ", ";
        out += names[i];
    }
    return out;
}

ContentDocument cover_document(const model::LoadedArticle& loaded, const std::string& cover_image_href,
                               const std::string& cover_alt) {
    const auto& article = loaded.article;
    ContentDocument doc;
    doc.href = "cover.xhtml";
    doc.title = label(Label::Cover, article.lang);
    std::string body = "<section class=\"cover\" epub:type=\"cover\">\n";
    // DPUB-ARIA: doc-cover belongs on the image itself.
    empty_tag(body, "img", {{"src", cover_image_href}, {"alt", cover_alt}, {"role", "doc-cover"}});
    body += "\n</section>\n";
    doc.bytes = xhtml_document(article.lang, doc.title, "", body);
    return doc;
}

ContentDocument article_document(const model::LoadedArticle& loaded, const ImageHrefs& images,
                                 const ArticleParts& parts) {
    const auto& article = loaded.article;
    const auto& meta = article.meta;
    ContentDocument doc;
    doc.href = parts.href;
    doc.title = meta.title;

    std::string body = "<main>\n<article>\n<header>\n";
    if (!meta.section.empty()) text_element(body, "p", meta.section, {{"class", "section-label"}});
    body += '\n';
    text_element(body, "h1", meta.title, {{"id", "title"}, {"class", "title"}});
    body += '\n';
    if (!meta.subtitle.empty()) {
        text_element(body, "p", meta.subtitle, {{"class", "subtitle"}});
        body += '\n';
    }
    if (!meta.standfirst.empty()) {
        open_tag(body, "p", {{"class", "standfirst"}});
        append_inlines(body, meta.standfirst);
        close_tag(body, "p");
        body += '\n';
    }
    for (const auto& line : byline_lines(article)) {
        text_element(body, "p", line, {{"class", "byline"}});
        body += '\n';
    }
    if (!meta.date.empty()) {
        open_tag(body, "p", {{"class", "date"}});
        text_element(body, "time", display_date(meta.date, article.lang), {{"datetime", meta.date}});
        close_tag(body, "p");
        body += '\n';
    }
    body += "</header>\n";
    if (article.lead_figure) append_figure(body, *article.lead_figure, images, article.lang, "lead", "lead-figure");

    BodyWriter writer{article, images, {}, {}, parts.href};
    for (const Block& b : article.body) writer.block(b);
    body += writer.out;
    body += "</article>\n</main>\n";
    // The back matter follows the text in the same document (as in print, after a short rule), so
    // that a reader does not page through a run of near-empty pages at the end.
    doc.headings = std::move(writer.toc);
    if (!parts.bio_authors.empty()) {
        const std::string title = label(parts.bio_authors.size() > 1 ? Label::AboutTheAuthors : Label::AboutTheAuthor, article.lang);
        body += bio_section(loaded, parts.bio_authors, "h2", title);
        doc.back_matter.push_back({title, parts.href + "#bio", {}});
    }
    for (std::size_t i = 0; i < parts.notices.size(); ++i) {
        const std::string id = "notice-" + std::to_string(i + 1);
        body += notice_section(loaded, *parts.notices[i], "h2", id);
        doc.back_matter.push_back({notice_label(parts.notices[i]->kind, article.lang), parts.href + "#" + id, {}});
    }
    doc.bytes = xhtml_document(article.lang, meta.title, "epub:type=\"bodymatter\"", body);
    return doc;
}

ContentDocument bio_document(const model::LoadedArticle& loaded, const std::vector<const model::Author*>& authors) {
    const auto& article = loaded.article;
    ContentDocument doc;
    doc.href = "bio.xhtml";
    doc.title = label(authors.size() > 1 ? Label::AboutTheAuthors : Label::AboutTheAuthor, article.lang);
    doc.bytes = xhtml_document(article.lang, doc.title, "epub:type=\"backmatter\"", bio_section(loaded, authors, "h1", doc.title));
    return doc;
}

ContentDocument notice_document(const model::LoadedArticle& loaded, const model::Notice& notice,
                                const std::string& href) {
    const auto& article = loaded.article;
    ContentDocument doc;
    doc.href = href;
    doc.title = notice_label(notice.kind, article.lang);
    doc.bytes = xhtml_document(article.lang, doc.title, "epub:type=\"backmatter\"", notice_section(loaded, notice, "h1", "notice"));
    return doc;
}

}  // namespace quire::epub
