#include "model/article_summary.hpp"

#include <cmath>

namespace quire::model {

std::size_t count_words(const std::string& text) {
    std::size_t words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

namespace {

std::size_t count_code_points(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

void count_blocks(const std::vector<Block>& blocks, ArticleCounts& counts) {
    for (const auto& b : blocks) {
        switch (b.kind) {
            case BlockKind::Paragraph:
            case BlockKind::ListItem:
            case BlockKind::PullQuote: {
                const std::string text = plain_text(b.content);
                if (b.kind != BlockKind::PullQuote) {  // a pull quote repeats words already counted
                    ++counts.paragraphs;
                    counts.words += count_words(text);
                    counts.characters += count_code_points(text);
                }
                break;
            }
            case BlockKind::Heading: {
                ++counts.headings;
                const std::string text = plain_text(b.content);
                counts.words += count_words(text);
                counts.characters += count_code_points(text);
                break;
            }
            case BlockKind::FigureBlock: ++counts.figures; break;
            case BlockKind::BlockQuote:
            case BlockKind::List: count_blocks(b.children, counts); break;
        }
    }
}

}  // namespace

std::string excerpt(const std::string& text, std::size_t max_code_points) {
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++n > max_code_points) return out + "…";
        out += text[i];
    }
    return out;
}

ArticleCounts count_article(const Article& article) {
    ArticleCounts counts;
    count_blocks(article.body, counts);
    if (article.lead_figure) ++counts.figures;
    return counts;
}

std::string summarise_article(const LoadedArticle& loaded) {
    const Article& a = loaded.article;
    const ArticleCounts counts = count_article(a);
    std::string out;
    auto line = [&](const std::string& label, const std::string& value) {
        if (!value.empty()) out += label + std::string(label.size() < 12 ? 12 - label.size() : 1, ' ') + value + "\n";
    };
    line("title", a.meta.title);
    line("subtitle", a.meta.subtitle);
    line("standfirst", excerpt(plain_text(a.meta.standfirst), 100));
    line("section", a.meta.section);
    line("date", a.meta.date);
    std::string byline;
    for (const auto& author : a.meta.authors)
        byline += (byline.empty() ? "" : "; ") + author.name + (author.role != "author" ? " (" + author.role + ")" : "");
    line("authors", byline);
    line("language", a.lang);
    line("kind", a.kind);
    line("id", a.id);
    if (loaded.publication) line("publication", loaded.publication->name);
    // Reading time at 230 words a minute, a common figure for adult readers of non-fiction.
    const auto minutes = static_cast<long>(std::lround(static_cast<double>(counts.words) / 230.0));
    line("body", std::to_string(counts.words) + " words, " + std::to_string(counts.characters) + " characters, " +
                     std::to_string(counts.paragraphs) + " paragraphs, " + std::to_string(counts.headings) +
                     " subheadings, about " + std::to_string(minutes < 1 ? 1 : minutes) + " min to read");
    if (a.lead_figure) {
        const Figure& f = *a.lead_figure;
        line("lead figure", f.src + (f.credit.empty() ? "" : " (" + f.credit + ")"));
        line("caption", excerpt(plain_text(f.caption), 100));
    }
    for (const auto& b : a.body)
        if (b.kind == BlockKind::Heading) line("subheading", plain_text(b.content));
    for (const auto& item : a.back_matter) {
        if (item.kind == BackMatterKind::Bio) {
            const Author* author = a.find_author(item.author_id);
            line("bio", author ? excerpt(plain_text(author->bio), 100) : "(unknown author " + item.author_id + ")");
        } else {
            std::string text;
            for (const auto& b : loaded.notice_content(item.notice)) text += plain_text(b.content) + " ";
            line("notice", item.notice.kind + ": " + excerpt(text, 90));
        }
    }
    return out;
}

}  // namespace quire::model
