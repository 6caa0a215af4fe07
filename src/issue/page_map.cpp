#include "issue/page_map.hpp"

#include <nlohmann/json.hpp>

namespace quire::issue {

std::string article_pdf_name(const std::string& id) {
    std::string name;
    for (const char c : id) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        name += safe ? c : '-';
    }
    return (name.empty() ? "article" : name) + ".pdf";
}

std::string page_map_json(const IssueLayout& issue) {
    using nlohmann::json;
    json pages = json::array();
    for (std::size_t i = 0; i < issue.pages.size(); ++i) {
        const IssuePage& p = issue.pages[i];
        json page = {{"page", i + 1}, {"folio", std::to_string(i + 1)}, {"kind", page_kind_name(p.kind)}};
        if (p.kind == PageKind::Article) {
            const IssueArticle& a = issue.articles[static_cast<std::size_t>(p.article)];
            page["article"] = a.typeset.loaded.article.id;
            page["section"] = a.section;
        }
        // The supplied page as the manifest names it (relative to the manifest's folder).
        if (!p.pdf.empty())
            page["source"] = (issue.issue.folder.empty() ? p.pdf : p.pdf.lexically_relative(issue.issue.folder.lexically_normal()))
                                 .generic_string();
        pages.push_back(std::move(page));
    }
    json articles = json::array();
    for (const IssueArticle& a : issue.articles) {
        const model::Article& article = a.typeset.loaded.article;
        json authors = json::array();
        for (const auto& author : article.meta.authors) authors.push_back(author.name);
        articles.push_back({{"id", article.id},
                            {"title", article.meta.title},
                            {"authors", authors},
                            {"section", a.section},
                            {"lang", article.lang},
                            {"first_page", a.first_page},
                            {"last_page", a.last_page},
                            {"file", "articles/" + article_pdf_name(article.id)}});
    }
    json sections = json::array();
    for (const auto& s : issue.issue.sections) sections.push_back(s.title);
    json root = {{"issue",
                  {{"publication", issue.publication.name},
                   {"number", issue.issue.number},
                   {"sequence", issue.issue.sequence},
                   {"date", issue.issue.date},
                   {"lang", issue.issue.lang},
                   {"issn_print", issue.publication.issn_print},
                   {"issn_online", issue.publication.issn_online}}},
                 {"page_count", issue.pages.size()},
                 {"added_pages", issue.added_pages},
                 {"sections", sections},
                 {"pages", pages},
                 {"articles", articles}};
    return root.dump(1) + "\n";
}

}  // namespace quire::issue
