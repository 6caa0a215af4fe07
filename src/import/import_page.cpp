#include "import/import_page.hpp"

#include "import/language.hpp"
#include "import/slug.hpp"

#include <algorithm>

namespace quire::import {

using model::Block;
using model::Inline;
using model::InlineKind;

model::InlineText paragraph_inlines(const std::string& text, const std::vector<std::string>& speakers) {
    const std::string label = speaker_label_candidate(text);
    if (!label.empty() && std::find(speakers.begin(), speakers.end(), label) != speakers.end()) {
        // "NEE: Why …" → <speaker>NEE:</speaker> Why …  (the label as printed, colon included)
        model::InlineText out;
        out.push_back(Inline::wrap(InlineKind::Speaker, {Inline::plain(label + ":")}));
        out.push_back(Inline::plain(text.substr(label.size() + 1)));
        return out;
    }
    return {Inline::plain(text)};
}

namespace {

model::Notice donation_notice(const PageAnalysis& a) {
    model::Notice notice;
    notice.kind = "donation";
    if (!a.notice_begin) return notice;
    notice.where = a.page.span(*a.notice_begin);
    for (std::size_t i = *a.notice_begin; i < a.page.lines.size(); ++i) {
        if (a.page.lines[i].role != LineRole::Notice) continue;
        Block p = Block::paragraph({Inline::plain(a.page.lines[i].text)});
        p.where = a.page.span(i);
        notice.content.push_back(std::move(p));
    }
    return notice;
}

}  // namespace

model::Article build_article(const PageAnalysis& a, const ImportOptions& options) {
    model::Article article;
    const auto& lines = a.page.lines;
    article.source_file = a.page.file;
    article.kind = a.kind;
    article.publication = options.publication_path;

    auto& meta = article.meta;
    if (a.title) {
        meta.title = lines[*a.title].text;
        meta.where = a.page.span(*a.title);
    }
    article.id = slugify(meta.title);
    if (a.standfirst) meta.standfirst = {Inline::plain(lines[*a.standfirst].text)};
    meta.section = a.section;
    meta.date = a.date;
    if (a.dateline) meta.date_where = a.page.span(*a.dateline);
    meta.keywords = a.keywords;
    for (std::size_t k = 0; k < a.authors.size(); ++k) {
        model::Author author;
        author.id = "a" + std::to_string(k + 1);
        author.name = a.authors[k];
        const bool interviewer =
            std::find(a.interviewers.begin(), a.interviewers.end(), a.authors[k]) != a.interviewers.end();
        author.role = interviewer ? "interviewer" : "author";
        const auto at = a.dateline ? a.dateline : a.byline;
        author.where = a.page.span(at.value_or(0));
        for (const auto& bio : a.bios)
            if (bio.author == k) author.bio = {Inline::plain(lines[bio.line].text)};
        meta.authors.push_back(std::move(author));
    }

    if (a.caption_line) {
        // The page gives no image file: the figure records what was published (caption, credit);
        // the image and its alt text are for the editor to add (quire check warns about the alt).
        model::Figure figure;
        figure.role = model::FigureRole::Lead;
        if (!a.caption.empty()) figure.caption = {Inline::plain(a.caption)};
        figure.credit = a.credit;
        figure.where = a.page.span(*a.caption_line);
        article.lead_figure = std::move(figure);
    }

    if (!options.lead_image.empty()) {
        model::Figure figure;
        figure.role = model::FigureRole::Lead;
        figure.src = options.lead_image;
        figure.alt = options.lead_alt;
        if (!options.lead_caption.empty()) figure.caption = {Inline::plain(options.lead_caption)};
        figure.credit = options.lead_credit;
        figure.licence = options.lead_licence;
        article.lead_figure = std::move(figure);
    }

    for (std::size_t i = a.body_begin(); i < a.body_end(); ++i) {
        Block block;
        if (lines[i].role == LineRole::Paragraph) block = Block::paragraph(paragraph_inlines(lines[i].text, a.speakers));
        else if (lines[i].role == LineRole::Subheading) block = Block::heading(2, {Inline::plain(lines[i].text)});
        else if (lines[i].role == LineRole::InlineCaption) {
            // A photo the page showed inside the text: its caption and credit, the image to be supplied.
            block.kind = model::BlockKind::FigureBlock;
            block.figure.role = model::FigureRole::Inline;
            std::string caption, credit;
            split_caption_credit(lines[i].text, caption, credit);
            if (!caption.empty()) block.figure.caption = {Inline::plain(caption)};
            block.figure.credit = credit;
            block.figure.where = a.page.span(i);
        } else continue;
        block.where = a.page.span(i);
        article.body.push_back(std::move(block));
    }

    for (const auto& bio : a.bios) {
        model::BackMatterItem item;
        item.kind = model::BackMatterKind::Bio;
        item.author_id = "a" + std::to_string(bio.author + 1);
        item.where = a.page.span(bio.line);
        article.back_matter.push_back(std::move(item));
    }
    // The donation notice: its text here, or an empty notice that takes the profile's.
    const bool to_profile = options.notice == NoticePlacement::Publication;
    if (a.notice_begin || to_profile) {
        model::BackMatterItem item;
        item.kind = model::BackMatterKind::Notice;
        item.notice = donation_notice(a);
        item.where = item.notice.where;
        if (to_profile) item.notice.content.clear();
        if (!item.notice.content.empty() || to_profile) article.back_matter.push_back(std::move(item));
    }
    return article;
}

model::Publication build_publication(const PageAnalysis& a) {
    model::Publication pub;
    pub.source_file = a.page.file;
    pub.name = a.publication_name;
    pub.id = a.publication_name.empty() ? std::string() : slugify(a.publication_name);
    pub.publisher = a.publisher;
    pub.site_url = a.site_url;
    if (a.notice_begin) pub.notices.push_back(donation_notice(a));
    return pub;
}

ImportResult import_page(std::string_view text, const std::string& file, const ImportOptions& options) {
    ImportResult result;
    refuse_non_page(text, file);
    result.analysis = run_rules(split_page(text, file));
    if (!options.lead_image.empty()) {
        if (result.analysis.caption_line)
            result.analysis.diagnostics.note(result.analysis.page.span(*result.analysis.caption_line),
                                             "the page's caption and credit describe its own photo; replaced by the "
                                             "supplied lead image " + options.lead_image);
        result.analysis.decide("lead figure", options.lead_image, "--lead-image", std::nullopt);
    }
    result.article = build_article(result.analysis, options);
    for (const auto& d : assign_languages(result.article, options.lang))
        result.analysis.decide(d.field, d.value + (d.paragraph ? " (body block " + std::to_string(d.paragraph) + ")" : ""),
                               options.lang.empty() || d.paragraph ? "language: " + d.how : "--lang", std::nullopt);
    result.publication = build_publication(result.analysis);
    return result;
}

}  // namespace quire::import
