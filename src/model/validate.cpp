#include "model/validate.hpp"

#include "core/input_file.hpp"

#include <set>

namespace quire::model {

namespace fs = std::filesystem;

bool is_valid_iso_date(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return false;
    const int year = std::stoi(date.substr(0, 4));
    const int month = std::stoi(date.substr(5, 2));
    const int day = std::stoi(date.substr(8, 2));
    if (month < 1 || month > 12 || day < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool stays_inside_folder(const std::string& relative_path) {
    if (relative_path.empty()) return false;
    if (relative_path.front() == '/' || relative_path.front() == '\\') return false;
    if (relative_path.find("://") != std::string::npos || relative_path.rfind("file:", 0) == 0) return false;
    int depth = 0;
    for (const auto& part : fs::path(relative_path)) {
        const std::string s = part.string();
        if (s == "..") {
            if (--depth < 0) return false;
        } else if (!s.empty() && s != ".") {
            ++depth;
        }
    }
    return true;
}

namespace {

void check_figure(const Figure& figure, const fs::path& folder, Diagnostics& d) {
    if (figure.src.empty()) return;  // reported by the reader
    if (!stays_inside_folder(figure.src)) {
        d.error(figure.where, "image path \"" + figure.src +
                                  "\" leaves the article's folder; images must sit in or below it");
    } else if (!fs::exists(folder / figure.src)) {
        d.error(figure.where, "image \"" + figure.src + "\" not found (looked in " + (folder / figure.src).string() + ")");
    } else if (const auto why = leaves_folder(folder, figure.src)) {
        // A symlink that leads out of the folder (issue 18): refused, never read or copied.
        d.error(figure.where, "image path \"" + figure.src + "\" is refused: " + *why);
    } else if (std::error_code ec; !fs::is_regular_file(folder / figure.src, ec)) {
        d.error(figure.where, "image \"" + figure.src + "\" is not a regular file (a folder, FIFO or device)");
    }
    if (figure.alt.empty())
        d.warning(figure.where, "figure \"" + figure.src + "\" has no <alt> text; readers of the EPUB who cannot see it get nothing");
}

void check_blocks(const std::vector<Block>& blocks, const fs::path& folder, int& last_heading_level, Diagnostics& d) {
    for (const auto& b : blocks) {
        switch (b.kind) {
            case BlockKind::Heading:
                if (b.level > last_heading_level + 1)
                    d.warning(b.where, "<h" + std::to_string(b.level) + "> follows <h" + std::to_string(last_heading_level) +
                                           ">: a heading level is skipped");
                last_heading_level = b.level;
                if (b.content.empty()) d.error(b.where, "an empty heading");
                break;
            case BlockKind::Paragraph:
            case BlockKind::PullQuote:
            case BlockKind::ListItem:
                if (plain_text(b.content).empty()) d.warning(b.where, "an empty paragraph");
                break;
            case BlockKind::FigureBlock: check_figure(b.figure, folder, d); break;
            case BlockKind::BlockQuote:
            case BlockKind::List: {
                int inner = last_heading_level;
                check_blocks(b.children, folder, inner, d);
                break;
            }
        }
    }
}

}  // namespace

void validate_article(const Article& article, const fs::path& folder, Diagnostics& d) {
    const SourceSpan& meta = article.meta.where;
    const SourceSpan at = meta.line > 0 ? meta : SourceSpan{article.source_file, 1, 1};
    if (article.meta.title.empty()) d.error(at, "the article has no title (<meta><title>)");
    if (article.meta.date.empty()) d.warning(at, "the article has no date (<meta><date>YYYY-MM-DD</date>)");
    else if (!is_valid_iso_date(article.meta.date))
        d.error(article.meta.date_where.line > 0 ? article.meta.date_where : at, "bad date \"" + article.meta.date + "\"; expected an ISO 8601 date YYYY-MM-DD");
    if (!article.meta.revised.empty() && !is_valid_iso_date(article.meta.revised))
        d.error(at, "bad revision date \"" + article.meta.revised + "\"; expected an ISO 8601 date YYYY-MM-DD");
    else if (!article.meta.revised.empty() && article.meta.revised < article.meta.date)
        d.warning(at, "the revision date " + article.meta.revised + " is before the article's date " + article.meta.date);
    if (article.meta.authors.empty()) d.warning(at, "the article has no author");
    if (article.body.empty()) d.error(at, "the article's <body> is empty");

    std::set<std::string> ids;
    for (const auto& author : article.meta.authors)
        if (!ids.insert(author.id).second) d.error(author.where, "author id \"" + author.id + "\" is used twice");
    for (const auto& item : article.back_matter) {
        if (item.kind != BackMatterKind::Bio) continue;
        const Author* author = article.find_author(item.author_id);
        if (!author) d.error(item.where, "<bio author=\"" + item.author_id + "\"> names no author of this article");
        else if (author->bio.empty()) d.warning(item.where, "author \"" + author->name + "\" has no <bio> to print here");
    }
    if (article.lead_figure) check_figure(*article.lead_figure, folder, d);
    int heading_level = 1;  // the title is the h1
    check_blocks(article.body, folder, heading_level, d);
}

void validate_publication(const Publication& p, Diagnostics& d) {
    const SourceSpan at{p.source_file, 1, 1};
    if (p.name.empty()) d.error(at, "the publication has no <name>");
    if (!p.site_url.empty() && p.site_url.rfind("https://", 0) != 0 && p.site_url.rfind("http://", 0) != 0)
        d.warning(at, "site \"" + p.site_url + "\" is not an http(s) URL");
    if (!p.donation_url.empty() && p.donation_url.rfind("https://", 0) != 0 && p.donation_url.rfind("http://", 0) != 0)
        d.warning(at, "donate \"" + p.donation_url + "\" is not an http(s) URL");
}

}  // namespace quire::model
