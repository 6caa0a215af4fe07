#include "proof/issue_page_map.hpp"

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"

#include <nlohmann/json.hpp>

namespace quire::proof {

const IssuePageMap::Article* IssuePageMap::article_at(int page) const {
    if (page < 1 || page > static_cast<int>(pages.size())) return nullptr;
    const std::string& id = pages[static_cast<std::size_t>(page - 1)].article;
    if (id.empty()) return nullptr;
    for (const Article& a : articles)
        if (a.id == id) return &a;
    return nullptr;
}

std::string IssuePageMap::describe(int page) const {
    if (page < 1 || page > static_cast<int>(pages.size())) return {};
    const Page& p = pages[static_cast<std::size_t>(page - 1)];
    if (const Article* a = article_at(page))
        return "\u2018" + a->title + "\u2019 (" + a->id + ")" + (a->section.empty() ? "" : ", section " + a->section);
    if (!p.source.empty()) return p.kind + ": " + p.source;
    return p.kind;
}

std::vector<ReportPart> IssuePageMap::parts() const {
    std::vector<ReportPart> out;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const int page = static_cast<int>(i) + 1;
        const Page& p = pages[i];
        if (const Article* a = article_at(page)) {
            if (!out.empty() && out.back().kind == "article" && out.back().id == a->id && out.back().last_page == page - 1) {
                out.back().last_page = page;
                continue;
            }
            out.push_back(ReportPart{"article", a->id, a->title, a->section, page, page});
            continue;
        }
        // Consecutive pages of one kind and no supplied file (the contents' two pages) are one part.
        if (!out.empty() && out.back().kind == p.kind && out.back().id.empty() && p.source.empty() &&
            out.back().last_page == page - 1) {
            out.back().last_page = page;
            continue;
        }
        std::string title = p.kind.empty() ? "page" : p.kind;
        title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
        if (!p.source.empty()) title += ": " + p.source;
        out.push_back(ReportPart{p.kind, p.source, title, p.section, page, page});
    }
    return out;
}

IssuePageMap parse_page_map(const std::string& json_text, const std::string& file) {
    const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("pages") || !j["pages"].is_array())
        throw QuireError(SourceSpan{file}, "not a page map (pages.json of `quire issue`): no \"pages\" array");
    IssuePageMap map;
    try {
        for (const auto& p : j["pages"])
            map.pages.push_back(IssuePageMap::Page{p.value("kind", ""), p.value("article", ""), p.value("section", ""),
                                                   p.value("source", "")});
        if (j.contains("articles"))
            for (const auto& a : j["articles"])
                map.articles.push_back(IssuePageMap::Article{a.value("id", ""), a.value("title", ""), a.value("section", ""),
                                                             a.value("first_page", 0), a.value("last_page", 0)});
    } catch (const nlohmann::json::exception& e) {
        throw QuireError(SourceSpan{file}, std::string("not a page map: ") + e.what());
    }
    return map;
}

IssuePageMap read_page_map(const std::filesystem::path& path) { return parse_page_map(read_file(path), path.string()); }

}  // namespace quire::proof
