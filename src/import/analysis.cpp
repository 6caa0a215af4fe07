// The order the rules run in, the bookkeeping they share, and the --explain text.
#include "import/analysis.hpp"

#include "import/utf8.hpp"

#include <algorithm>
#include <cstdio>

namespace quire::import {

void PageAnalysis::decide(std::string field, std::string value, std::string rule, std::optional<std::size_t> index) {
    const int line = index && *index < page.lines.size() ? page.lines[*index].line : 0;
    decisions.push_back(Decision{std::move(field), std::move(value), std::move(rule), line});
}

void PageAnalysis::set_role(std::size_t index, LineRole role, const char* rule) {
    page.lines[index].role = role;
    page.lines[index].rule = rule;
}

std::size_t PageAnalysis::body_begin() const {
    std::size_t begin = 0;
    for (auto idx : {title, standfirst, dateline, byline, caption_line})
        if (idx) begin = std::max(begin, *idx + 1);
    return begin;
}

std::size_t PageAnalysis::body_end() const {
    if (notice_begin) return *notice_begin;
    if (footer_begin) return *footer_begin;
    return page.lines.size();
}

PageAnalysis run_rules(PageText page) {
    PageAnalysis a;
    a.page = std::move(page);
    if (a.page.lines.empty()) throw QuireError(SourceSpan{a.page.file}, "the page is empty");
    // Order matters: each rule only takes lines the earlier ones left unclassified.
    rule_refuse_listing(a);
    rule_date_byline_section(a);
    rule_byline_line(a);
    rule_drop_page_controls(a);
    rule_drop_cookie_privacy(a);
    rule_title_standfirst(a);
    rule_footer_zone(a);
    rule_tags_line(a);
    rule_lead_caption_credit(a);
    rule_drop_body_clutter(a);
    rule_donation_notice(a);
    rule_inline_photo_captions(a);
    rule_author_from_bio(a);
    rule_split_run_together_authors(a);
    rule_author_bio(a);
    rule_speaker_labels(a);
    rule_subheadings(a);
    rule_paragraphs(a);
    rule_article_kind(a);
    rule_publication_facts(a);
    rule_cut_short(a);
    rule_typographic_punctuation(a);
    return a;
}

std::string explain(const PageAnalysis& a) {
    std::string out = "Decisions (field, rule, page line, value):\n";
    for (const auto& d : a.decisions) {
        char head[128];
        std::snprintf(head, sizeof head, "  %-17s %-28s %-9s ", d.field.c_str(), d.rule.c_str(),
                      d.line > 0 ? ("line " + std::to_string(d.line)).c_str() : "-");
        out += head;
        out += utf8::truncate(d.value, 60);
        out += '\n';
    }
    out += "\nLines (page line, role, rule, text):\n";
    out += dump_page(a.page, 60);
    if (!a.diagnostics.empty()) {
        out += "\nWarnings:\n";
        out += a.diagnostics.to_string();
    }
    return out;
}

}  // namespace quire::import
