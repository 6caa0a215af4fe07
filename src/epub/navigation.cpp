#include "epub/navigation.hpp"

#include "epub/content_documents.hpp"
#include "epub/labels.hpp"
#include "epub/xml_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace quire::epub {

namespace {

void toc_list(std::string& out, const std::vector<TocEntry>& entries) {
    out += "<ol>\n";
    for (const auto& e : entries) {
        out += "<li>";
        text_element(out, "a", e.label, {{"href", e.href}});
        if (!e.children.empty()) {
            out += '\n';
            toc_list(out, e.children);
        }
        out += "</li>\n";
    }
    out += "</ol>\n";
}

// NCX 2005-1: points and page targets that refer to the same place share a playOrder (epubcheck
// RSC-005); a new place takes the next number.
struct PlayOrder {
    std::map<std::string, int> by_target;
    int last = 0;
    int points = 0;
    int of(const std::string& href) {
        const auto [it, added] = by_target.emplace(href, last + 1);
        if (added) ++last;
        return it->second;
    }
};

void nav_points(std::string& out, const std::vector<TocEntry>& entries, PlayOrder& order, int depth) {
    const std::string indent(static_cast<std::size_t>(2 * depth + 2), ' ');
    for (const auto& e : entries) {
        const int play = order.of(e.href);
        out += indent + "<navPoint id=\"nav-" + std::to_string(++order.points) + "\" playOrder=\"" + std::to_string(play) +
               "\">\n";
        out += indent + "  <navLabel><text>" + escape_xml_text(e.label) + "</text></navLabel>\n";
        out += indent + "  <content src=\"" + escape_xml_attribute(e.href) + "\"/>\n";
        nav_points(out, e.children, order, depth + 1);
        out += indent + "</navPoint>\n";
    }
}

int depth_of(const std::vector<TocEntry>& entries) {
    int depth = 0;
    for (const auto& e : entries) depth = std::max(depth, 1 + depth_of(e.children));
    return depth;
}

}  // namespace

std::string nav_document(const Book& book) {
    const std::string& lang = book.meta.language;
    std::string body;
    // EPUB 3.3 §7.4.2: the toc nav; DPUB-ARIA doc-toc is its role.
    body += "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n";
    text_element(body, "h1", label(Label::Contents, lang), {{"id", "toc-title"}});
    body += '\n';
    toc_list(body, book.toc);
    body += "</nav>\n";
    // Landmarks are for the reading system, not for reading: hidden, as EPUB 3.3 §7.4.1 allows.
    body += "<nav epub:type=\"landmarks\" id=\"landmarks\" aria-labelledby=\"landmarks-title\" hidden=\"hidden\">\n";
    text_element(body, "h2", label(Label::Landmarks, lang), {{"id", "landmarks-title"}});
    body += "\n<ol>\n";
    for (const auto& l : book.landmarks) {
        body += "<li>";
        text_element(body, "a", l.label, {{"epub:type", l.type}, {"href", l.href}});
        body += "</li>\n";
    }
    body += "</ol>\n</nav>\n";
    if (!book.page_list.empty()) {
        // EPUB 3.3 §7.4.3: the page-list, the print edition's folios; for the reading system's "go to
        // page", hidden in the contents page (DPUB-ARIA doc-pagelist).
        body += "<nav epub:type=\"page-list\" role=\"doc-pagelist\" id=\"page-list\" aria-labelledby=\"page-list-title\" "
                "hidden=\"hidden\">\n";
        text_element(body, "h2", label(Label::PageList, lang), {{"id", "page-list-title"}});
        body += "\n<ol>\n";
        for (const auto& p : book.page_list) {
            body += "<li>";
            text_element(body, "a", p.folio, {{"href", p.href}});
            body += "</li>\n";
        }
        body += "</ol>\n</nav>\n";
    }
    return xhtml_document(lang, label(Label::Contents, lang), "", body);
}

std::string ncx_document(const Book& book) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"" +
           escape_xml_attribute(book.meta.language) + "\">\n";
    out += "<head>\n";
    // dtb:uid must equal the package's unique identifier (OPF 2.0.1 §2.4.1.2).
    out += "  <meta name=\"dtb:uid\" content=\"" + escape_xml_attribute(book.meta.identifier) + "\"/>\n";
    out += "  <meta name=\"dtb:depth\" content=\"" + std::to_string(std::max(1, depth_of(book.toc))) + "\"/>\n";
    // OPF 2.0.1 §2.4.1.2: the page count and the largest folio when there is a pageList, else 0.
    int max_page = 0;
    for (const auto& p : book.page_list) max_page = std::max(max_page, std::atoi(p.folio.c_str()));
    out += "  <meta name=\"dtb:totalPageCount\" content=\"" + std::to_string(book.page_list.size()) + "\"/>\n";
    out += "  <meta name=\"dtb:maxPageNumber\" content=\"" + std::to_string(max_page) + "\"/>\n";
    out += "</head>\n";
    out += "<docTitle><text>" + escape_xml_text(book.meta.title) + "</text></docTitle>\n";
    for (const auto& c : book.meta.creators) out += "<docAuthor><text>" + escape_xml_text(c.name) + "</text></docAuthor>\n";
    out += "<navMap>\n";
    PlayOrder order;
    nav_points(out, book.toc, order, 0);
    out += "</navMap>\n";
    if (!book.page_list.empty()) {
        out += "<pageList>\n<navLabel><text>" + escape_xml_text(label(Label::PageList, book.meta.language)) +
               "</text></navLabel>\n";
        for (std::size_t i = 0; i < book.page_list.size(); ++i) {
            const auto& p = book.page_list[i];
            out += "  <pageTarget id=\"pt-" + std::to_string(i + 1) + "\" type=\"normal\" value=\"" +
                   std::to_string(std::atoi(p.folio.c_str())) + "\" playOrder=\"" + std::to_string(order.of(p.href)) + "\">\n";
            out += "    <navLabel><text>" + escape_xml_text(p.folio) + "</text></navLabel>\n";
            out += "    <content src=\"" + escape_xml_attribute(p.href) + "\"/>\n";
            out += "  </pageTarget>\n";
        }
        out += "</pageList>\n";
    }
    out += "</ncx>\n";
    return out;
}

}  // namespace quire::epub
