#include "model/article.hpp"
#include "model/publication.hpp"

namespace quire::model {

// Equality compares content only: `where` (source places) and source_file are left out, so that
// read → write → read compares equal.
bool Inline::operator==(const Inline& o) const {
    return kind == o.kind && text == o.text && href == o.href && lang == o.lang && children == o.children;
}
bool Figure::operator==(const Figure& o) const {
    return role == o.role && src == o.src && alt == o.alt && caption == o.caption && credit == o.credit &&
           licence == o.licence;
}
bool Block::operator==(const Block& o) const {
    return kind == o.kind && level == o.level && list_style == o.list_style && content == o.content &&
           children == o.children && attribution == o.attribution && lang == o.lang && looseness == o.looseness && span == o.span &&
           figure == o.figure;
}
bool Author::operator==(const Author& o) const {
    return id == o.id && name == o.name && role == o.role && bio == o.bio;
}
bool ArticleMeta::operator==(const ArticleMeta& o) const {
    return title == o.title && subtitle == o.subtitle && standfirst == o.standfirst && section == o.section &&
           date == o.date && authors == o.authors && keywords == o.keywords && source_url == o.source_url &&
           revised == o.revised;
}
bool Notice::operator==(const Notice& o) const { return kind == o.kind && content == o.content; }
bool BackMatterItem::operator==(const BackMatterItem& o) const {
    return kind == o.kind && author_id == o.author_id && notice == o.notice;
}
bool Article::operator==(const Article& o) const {
    return id == o.id && lang == o.lang && kind == o.kind && publication == o.publication && meta == o.meta &&
           lead_figure == o.lead_figure && body == o.body && back_matter == o.back_matter;
}
bool Publication::operator==(const Publication& o) const {
    return id == o.id && name == o.name && publisher == o.publisher && issn_print == o.issn_print &&
           issn_online == o.issn_online && site_url == o.site_url && copyright == o.copyright && lang == o.lang &&
           default_layout == o.default_layout && logo == o.logo && notices == o.notices &&
           donation_url == o.donation_url && output_intent_profile == o.output_intent_profile &&
           output_intent_condition == o.output_intent_condition && editors == o.editors && address == o.address &&
           printer == o.printer && signature_pages == o.signature_pages;
}

namespace {
void append_plain(const InlineText& content, std::string& out) {
    for (const auto& item : content) {
        if (item.kind == InlineKind::Text) out += item.text;
        else if (item.kind == InlineKind::LineBreak) out += '\n';
        else append_plain(item.children, out);
    }
}
}  // namespace

std::string plain_text(const InlineText& content) {
    std::string out;
    append_plain(content, out);
    return out;
}

InlineText plain_inlines(std::string text) {
    if (text.empty()) return {};
    return {Inline::plain(std::move(text))};
}

const Author* Article::find_author(const std::string& author_id) const {
    for (const auto& author : meta.authors)
        if (author.id == author_id) return &author;
    return nullptr;
}

const Notice* Publication::find_notice(const std::string& notice_kind) const {
    for (const auto& notice : notices)
        if (notice.kind == notice_kind) return &notice;
    return nullptr;
}

bool is_valid_issn(const std::string& issn) {
    // ISO 3297: NNNN-NNNC, C the check digit (mod 11 of weights 8..2; 10 is written X).
    if (issn.size() != 9 || issn[4] != '-') return false;
    int sum = 0;
    int weight = 8;
    for (std::size_t i = 0; i < 8; ++i) {
        const std::size_t pos = i < 4 ? i : i + 1;
        const char c = issn[pos];
        if (i == 7) {
            const int check = (11 - sum % 11) % 11;
            return (check == 10) ? (c == 'X' || c == 'x') : (c == static_cast<char>('0' + check));
        }
        if (c < '0' || c > '9') return false;
        sum += (c - '0') * weight--;
    }
    return false;
}

std::string joined_author_names(const Article& a, NameSpaces spaces) {
    std::string out;
    for (std::size_t i = 0; i < a.meta.authors.size(); ++i) {
        if (i) out += i + 1 == a.meta.authors.size() ? " & " : ", ";
        for (char c : a.meta.authors[i].name) {
            if (c == ' ' && spaces == NameSpaces::NoBreak) out += "\u00A0";
            else out += c;
        }
    }
    return out;
}

}  // namespace quire::model
