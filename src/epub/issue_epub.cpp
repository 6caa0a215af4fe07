#include "epub/issue_epub.hpp"

#include "core/diagnostic.hpp"
#include "core/source_date.hpp"
#include "epub/book_parts.hpp"
#include "epub/identifier.hpp"
#include "epub/labels.hpp"
#include "epub/ocf_container.hpp"
#include "epub/page_breaks.hpp"
#include "epub/xml_text.hpp"

#include <algorithm>
#include <cstdio>

namespace quire::epub {

namespace {

std::string issue_timestamp_iso(const IssueEpubInput& in, std::time_t& stamp) {
    model::ArticleMeta issue_meta;
    issue_meta.date = in.date;
    stamp = book_timestamp(issue_meta);
    // A corrected article is a new version of the issue too.
    for (const auto& a : in.articles) stamp = std::max(stamp, book_timestamp(a.loaded->article.meta));
    return iso8601_utc(stamp);
}

void add_unique(std::vector<Creator>& list, Creator c) {
    for (const auto& e : list)
        if (e.name == c.name && e.role == c.role) return;
    list.push_back(std::move(c));
}

std::string href_for(std::size_t index, const model::Article& article) {
    char number[16];
    std::snprintf(number, sizeof number, "a%02zu-", index + 1);
    return std::string(number) + safe_file_name(article.id.empty() ? "article" : article.id) + ".xhtml";
}

ContentDocument cover_page(const std::string& lang, const std::string& href, const std::string& alt) {
    ContentDocument doc;
    doc.href = "cover.xhtml";
    doc.title = label(Label::Cover, lang);
    std::string body = "<section class=\"cover\" epub:type=\"cover\">\n";
    empty_tag(body, "img", {{"src", href}, {"alt", alt}, {"role", "doc-cover"}});
    body += "\n</section>\n";
    doc.bytes = xhtml_document(lang, doc.title, "", body);
    return doc;
}

struct Group {
    std::string section;
    std::vector<std::size_t> articles;
};

// The articles grouped by section, in the issue's order (a section met again joins its group).
std::vector<Group> groups_of(const IssueEpubInput& in) {
    std::vector<Group> groups;
    for (std::size_t i = 0; i < in.articles.size(); ++i) {
        const auto& a = in.articles[i];
        const std::string section = !a.section.empty() ? a.section : a.loaded->article.meta.section;
        auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.section == section; });
        if (g == groups.end()) groups.push_back({section, {i}});
        else g->articles.push_back(i);
    }
    return groups;
}

ContentDocument contents_page(const IssueEpubInput& in, const std::vector<Group>& groups,
                              const std::vector<ContentDocument>& articles, const std::string& lang) {
    ContentDocument doc;
    doc.href = "contents.xhtml";
    doc.title = label(Label::Contents, lang);
    std::string body = "<section class=\"contents\" epub:type=\"toc\" role=\"doc-toc\" aria-labelledby=\"contents-title\">\n";
    text_element(body, "h1", in.title, {{"id", "contents-title"}});
    body += '\n';
    for (const auto& g : groups) {
        if (!g.section.empty()) {
            text_element(body, "h2", g.section);
            body += '\n';
        }
        body += "<ul>\n";
        for (std::size_t i : g.articles) {
            const auto& article = in.articles[i].loaded->article;
            body += "<li>";
            text_element(body, "a", article.meta.title, {{"href", articles[i].href}});
            const auto lines = byline_lines(article);
            if (!lines.empty()) {
                body += " <span class=\"contents-byline\">";
                body += escape_xml_text(lines[0]);
                body += "</span>";
            }
            body += "</li>\n";
        }
        body += "</ul>\n";
    }
    body += "</section>\n";
    doc.bytes = xhtml_document(lang, doc.title, "epub:type=\"frontmatter\"", body);
    return doc;
}

ContentDocument imprint_page(const IssueEpubInput& in, const model::Publication& pub, const std::string& lang) {
    ContentDocument doc;
    doc.href = "imprint.xhtml";
    doc.title = label(Label::Impressum, lang);
    // EPUB SSV colophon and its DPUB-ARIA role.
    std::string body = "<section class=\"imprint\" epub:type=\"colophon\" role=\"doc-colophon\" aria-labelledby=\"imprint-title\">\n";
    text_element(body, "h1", doc.title, {{"id", "imprint-title"}});
    body += '\n';
    text_element(body, "p", in.title, {{"class", "imprint-title"}});
    body += '\n';
    auto line = [&](Label l, const std::string& value) {
        if (value.empty()) return;
        text_element(body, "p", label(l, lang) + ": " + value);
        body += '\n';
    };
    line(Label::Publisher, !pub.publisher.empty() ? pub.publisher : pub.name);
    line(Label::IssnPrint, pub.issn_print);
    line(Label::IssnOnline, pub.issn_online);
    if (!pub.site_url.empty()) {
        open_tag(body, "p");
        body += escape_xml_text(label(Label::Website, lang) + ": ");
        text_element(body, "a", pub.site_url, {{"href", pub.site_url}});
        close_tag(body, "p");
        body += '\n';
    }
    if (!pub.copyright.empty()) {
        text_element(body, "p", pub.copyright);
        body += '\n';
    }
    body += "</section>\n";
    doc.bytes = xhtml_document(lang, doc.title, "epub:type=\"backmatter\"", body);
    return doc;
}

}  // namespace

Book assemble_issue_book(const IssueEpubInput& in, const EpubOptions& options) {
    if (in.articles.empty()) throw QuireError(SourceSpan{}, "the issue has no articles for its EPUB");
    const model::Publication empty_publication;
    const model::Publication& pub = in.publication ? *in.publication : empty_publication;
    const std::string lang = !in.lang.empty() ? in.lang : !pub.lang.empty() ? pub.lang : "en";

    Book book;
    auto& m = book.meta;
    m.identifier = book_identifier(pub.id.empty() ? "quire" : pub.id, "issue/" + in.issue_number);
    if (!pub.issn_online.empty()) m.other_identifiers.push_back("urn:issn:" + pub.issn_online);
    else if (!pub.issn_print.empty()) m.other_identifiers.push_back("urn:issn:" + pub.issn_print);
    m.title = in.title;
    m.language = lang;
    m.date = in.date;
    std::time_t stamp = 0;
    m.modified = issue_timestamp_iso(in, stamp);
    m.publisher = !pub.publisher.empty() ? pub.publisher : pub.name;
    m.rights = pub.copyright;
    m.collection = pub.name;
    if (in.series_position > 0) m.collection_position = std::to_string(in.series_position);
    for (const auto* issn : {&pub.issn_print, &pub.issn_online})
        if (!issn->empty()) m.issns.push_back(*issn);

    // Images first (a missing one stops the build before any work), each article's in its folder.
    std::vector<ImageHrefs> hrefs(in.articles.size());
    std::vector<ImageFile> images;
    std::set<std::string> names;
    for (std::size_t i = 0; i < in.articles.size(); ++i) {
        const auto& article = in.articles[i].loaded->article;
        auto more = read_images(*in.articles[i].loaded, hrefs[i], names,
                                "images/" + safe_file_name(article.id.empty() ? "article" : article.id) + "/");
        for (auto& f : more) images.push_back(std::move(f));
    }
    const style::Layout layout = style::load_layout_or_throw(in.articles[0].loaded->layout_name(options.layout));
    const text::FontTable& fonts = text::default_font_table();

    // The articles: each with its bio and its notices but the donation notice, which ends the issue once.
    std::vector<ContentDocument> article_docs;
    const model::Notice* donation = nullptr;
    const model::LoadedArticle* donation_owner = nullptr;
    std::set<std::string> page_ids;
    bool page_list = false;
    for (std::size_t i = 0; i < in.articles.size(); ++i) {
        const auto& a = in.articles[i];
        const auto& article = a.loaded->article;
        for (const auto& p : article.meta.authors) {
            Creator c{p.name, marc_role(p.role), file_as(p.name)};
            if (is_creator_role(p.role)) add_unique(m.creators, std::move(c));
            else add_unique(m.contributors, std::move(c));
        }
        ArticleParts parts;
        parts.href = href_for(i, article);
        parts.bio_authors = bio_authors(article);
        for (const model::Notice* n : back_matter_notices(*a.loaded)) {
            if (n->kind == "donation") {
                if (!donation) donation = n, donation_owner = a.loaded;
            } else {
                parts.notices.push_back(n);
            }
        }
        // The section label over the title is the issue's section, as on the print page (the article's
        // own section, "Reportaż", is what it was filed under on the website).
        model::LoadedArticle in_issue = *a.loaded;
        if (!a.section.empty()) in_issue.article.meta.section = a.section;
        article_docs.push_back(article_document(in_issue, hrefs[i], parts));
        if (a.print) {
            auto targets = insert_page_breaks({&article_docs.back()}, print_page_starts(*a.print), page_ids);
            page_list = page_list || !targets.empty();
            for (auto& t : targets) book.page_list.push_back(std::move(t));
        }
    }
    if (page_list)
        m.print_source = !pub.issn_print.empty()
                             ? "urn:issn:" + pub.issn_print
                             : book_identifier(pub.id.empty() ? "quire" : pub.id, "issue/" + in.issue_number + "/print");

    // Cover, contents, the articles, the donation notice, the imprint.
    const std::vector<Group> groups = groups_of(in);
    std::string cover_bytes = in.cover_png;
    std::string cover_type = cover_bytes.empty() ? "image/png" : image_media_type(cover_bytes);
    if (cover_type != "image/png" && cover_type != "image/jpeg")
        throw QuireError(SourceSpan{}, "the issue's cover must be a PNG or JPEG image");
    const std::string cover_href = cover_type == "image/jpeg" ? "images/cover.jpg" : "images/cover.png";
    std::vector<ContentDocument> documents;
    documents.push_back(cover_page(lang, cover_href, fill(label(Label::IssueCoverAlt, lang), "title", in.title)));
    documents.push_back(contents_page(in, groups, article_docs, lang));
    for (auto& d : article_docs) documents.push_back(d);
    std::string donation_href;
    if (donation) {
        ContentDocument notice = notice_document(*donation_owner, *donation, "notice-donation.xhtml");
        donation_href = notice.href;
        documents.push_back(std::move(notice));
    }
    documents.push_back(imprint_page(in, pub, lang));

    // Navigation: the sections, their articles, each article's headings and back matter.
    for (const auto& g : groups) {
        TocEntry section{g.section, article_docs[g.articles[0]].href, {}};
        for (std::size_t i : g.articles) {
            TocEntry entry{article_docs[i].title, article_docs[i].href, article_docs[i].headings};
            for (const auto& b : article_docs[i].back_matter) entry.children.push_back(b);
            section.children.push_back(std::move(entry));
        }
        if (g.section.empty())
            for (auto& c : section.children) book.toc.push_back(std::move(c));
        else
            book.toc.push_back(std::move(section));
    }
    if (donation) book.toc.push_back({notice_label("donation", lang), donation_href, {}});
    book.toc.push_back({label(Label::Impressum, lang), "imprint.xhtml", {}});
    book.landmarks.push_back({"cover", label(Label::Cover, lang), "cover.xhtml"});
    book.landmarks.push_back({"toc", label(Label::Contents, lang), "contents.xhtml"});
    book.landmarks.push_back({"bodymatter", article_docs[0].title, article_docs[0].href});
    set_accessibility(m, lang, page_list ? PageNumbers::Print : PageNumbers::None);

    // Fonts for every article's styles and the words quire adds.
    StyleUses uses;
    for (std::size_t i = 0; i < in.articles.size(); ++i) {
        StyleUses one = style_uses(*in.articles[i].loaded);
        add_generated_words(one, {article_docs[i]}, in.articles[i].loaded->article);
        for (auto& [name, use] : one) {
            uses[name].kinds.insert(use.kinds.begin(), use.kinds.end());
            uses[name].text += use.text;
        }
    }
    for (const auto& d : documents) uses["text"].text += d.bytes;
    uses["subheading"].text += in.title;
    const ArtefactCache& cache = options.cache ? *options.cache : ArtefactCache::shared();
    EmbeddedStyle style = embed_fonts_and_style(uses, layout, fonts, cache, [&] {
        if (!cover_bytes.empty()) return;
        CoverText text{pub.name, "", in.title, "", display_date(in.date, lang), lang};
        cover_bytes = cover_png(text, layout, fonts, cache);
    });
    std::vector<Resource> others = std::move(style.files);
    book.deflated = std::move(style.deflated);
    for (auto& image : images) others.push_back({image.href, "", image.media_type, "", SpinePlace::None, std::move(image.bytes)});
    others.push_back({cover_href, "", cover_type, "cover-image", SpinePlace::None, std::move(cover_bytes)});
    finish_book(book, documents, std::move(others), std::move(style.css));
    return book;
}

void build_issue_epub(const IssueEpubInput& in, const EpubOptions& options, const std::filesystem::path& output) {
    const Book book = assemble_issue_book(in, options);
    std::time_t stamp = 0;
    issue_timestamp_iso(in, stamp);
    write_ocf_container(book, stamp, output);
}

}  // namespace quire::epub
