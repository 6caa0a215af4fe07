// Writes the article and publication XML (docs/article-format.md). Deterministic: the same model gives
// the same bytes; attributes in a fixed order; empty optional fields left out.
#include "model/article_xml.hpp"
#include "model/xml_writing.hpp"

namespace quire::model {

std::string write_article_xml(const Article& article) {
    XmlWriter w;
    w.open("article", {{"id", article.id}, {"xml:lang", article.lang}, {"kind", article.kind},
                       {"publication", article.publication}});
    w.open("meta");
    w.text_element("title", article.meta.title, {}, XmlWriter::Keep::Always);
    w.text_element("subtitle", article.meta.subtitle);
    w.inline_element("standfirst", article.meta.standfirst);
    w.text_element("section", article.meta.section);
    w.text_element("date", article.meta.date);
    w.text_element("revised", article.meta.revised);
    for (const auto& author : article.meta.authors) {
        w.open("author", {{"id", author.id}, {"role", author.role == "author" ? "" : author.role}});
        w.text_element("name", author.name, {}, XmlWriter::Keep::Always);
        w.inline_element("bio", author.bio);
        w.close("author");
    }
    for (const auto& keyword : article.meta.keywords) w.text_element("keyword", keyword);
    w.text_element("source", article.meta.source_url);
    w.close("meta");
    if (article.lead_figure) w.figure(*article.lead_figure);
    w.open("body");
    w.blocks(article.body);
    w.close("body");
    if (!article.back_matter.empty()) {
        w.open("backmatter");
        for (const auto& item : article.back_matter) {
            if (item.kind == BackMatterKind::Bio) {
                w.empty_element("bio", {{"author", item.author_id}});
            } else if (item.notice.content.empty()) {
                w.empty_element("notice", {{"kind", item.notice.kind}});
            } else {
                w.open("notice", {{"kind", item.notice.kind}});
                w.blocks(item.notice.content);
                w.close("notice");
            }
        }
        w.close("backmatter");
    }
    w.close("article");
    return w.finish();
}

std::string write_publication_xml(const Publication& p) {
    XmlWriter w;
    w.open("publication", {{"id", p.id}, {"xml:lang", p.lang}});
    w.text_element("name", p.name, {}, XmlWriter::Keep::Always);
    w.text_element("publisher", p.publisher);
    w.text_element("issn", p.issn_print, {{"media", "print"}});
    w.text_element("issn", p.issn_online, {{"media", "online"}});
    w.text_element("site", p.site_url);
    w.text_element("donate", p.donation_url);
    w.text_element("copyright", p.copyright);
    w.text_element("layout", p.default_layout);
    if (!p.logo.empty()) w.empty_element("logo", {{"src", p.logo}});
    for (const auto& editor : p.editors) w.text_element("editor", editor.name, {{"role", editor.role}});
    w.text_element("address", p.address);
    w.text_element("printer", p.printer);
    if (p.signature_pages != 4) w.empty_element("signature", {{"pages", std::to_string(p.signature_pages)}});
    for (const auto& notice : p.notices) {
        w.open("notice", {{"kind", notice.kind}});
        w.blocks(notice.content);
        w.close("notice");
    }
    w.close("publication");
    return w.finish();
}

}  // namespace quire::model
