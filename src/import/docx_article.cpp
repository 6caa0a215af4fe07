// Stage 3 of the DOCX import: the read document (docx_reader) → Article. Word's styles map to the
// article's parts; where a writer used manual formatting instead (a bold line for a heading, an
// italic paragraph for the standfirst, "By NAME"), the conventions below stand in. docs/import.md
// lists every rule; each decision is recorded for --explain.
#include "import/docx_inlines.hpp"
#include "import/docx_package.hpp"
#include "import/docx_reader.hpp"
#include "import/document_import.hpp"
#include "import/analysis.hpp"
#include "import/dates.hpp"
#include "import/language.hpp"
#include "import/slug.hpp"
#include "import/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace quire::import {

using model::Block;
using model::BlockKind;
using model::Inline;

void DocumentImport::decide(std::string field, std::string value, std::string rule, int paragraph) {
    decisions.push_back(Decision{std::move(field), utf8::truncate(value, 70), std::move(rule), paragraph});
}

namespace {

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

int word_count(std::string_view s) {
    int n = 0;
    bool in = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\t';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

bool has_image(const DocxParagraph& p) {
    return std::any_of(p.runs.begin(), p.runs.end(), [](const DocxRun& r) { return r.kind == DocxRunKind::Image; });
}

bool has_note(const DocxParagraph& p) {
    return std::any_of(p.runs.begin(), p.runs.end(), [](const DocxRun& r) { return r.kind == DocxRunKind::NoteReference; });
}

bool blank(const DocxParagraph& p) { return trim(p.text()).find_first_not_of(" \xC2\xA0") == std::string::npos && !has_image(p) && !has_note(p); }

// Every visible character of the paragraph is italic (or bold): manual formatting of a whole line.
bool wholly(const DocxParagraph& p, bool DocxRun::*flag) {
    bool any = false;
    for (const auto& r : p.runs) {
        if (r.kind != DocxRunKind::Text || trim(r.text).empty()) continue;
        if (!(r.*flag)) return false;
        any = true;
    }
    return any;
}

bool is_quote_style(const std::string& s) {
    return s == "quote" || s == "intense quote" || s == "block text" || s == "quotations";
}
bool is_caption_style(const std::string& s) { return s == "caption" || s == "image caption"; }

// "By Anna Nowak and Jan Kowalski" (a byline typed as text).
bool byline(std::string_view text) {
    return text.size() > 3 && (text.substr(0, 3) == "By " || text.substr(0, 3) == "by ") && word_count(text) <= 12 &&
           text.back() != '.';
}

class Builder {
public:
    Builder(const DocxDocument& doc, const DocxPackage& package, const DocumentOptions& options, DocumentImport& out)
        : doc_(doc), package_(package), options_(options), out_(out) {}

    void run() {
        model::Article& a = out_.article;
        a.source_file = doc_.file;
        for (const auto& p : doc_.paragraphs)
            if (!blank(p)) paras_.push_back(&p);
        empty_ = static_cast<int>(doc_.paragraphs.size() - paras_.size());
        // The language first: inline spans are relative to it.
        a.lang = options_.lang;
        if (a.lang.empty()) {
            std::string text;
            for (const auto* p : paras_) text += p->text() + "\n";
            if (auto g = detect_language(text)) {
                a.lang = g->lang;
                lang_how_ = g->how;
            } else if (!doc_.default_lang.empty()) {
                a.lang = primary_language(doc_.default_lang);
                lang_how_ = "the document's default language (w:docDefaults " + doc_.default_lang + ")";
            } else {
                a.lang = "en";
                lang_how_ = "default";
            }
        } else {
            lang_how_ = "--lang";
        }
        head();
        body();
        notes();
        if (a.meta.title.empty())
            throw QuireError(SourceSpan{doc_.file}, "the document has no title: no paragraph in Word's Title or Heading 1 "
                                                     "style, and no text at all");
        a.id = slugify(a.meta.title);
        // Paragraph languages (the article's own was decided above, before the inlines).
        const auto decisions = assign_languages(a, a.lang);
        out_.decide("language", a.lang, lang_how_ == "--lang" ? "--lang" : "language: " + lang_how_);
        for (const auto& d : decisions)
            if (d.paragraph) out_.decide(d.field, d.value, "language: " + d.how + " (body block " + std::to_string(d.paragraph) + ")");
        normalisation_report();
    }

private:
    model::InlineText inlines(const DocxParagraph& p) { return docx_inlines(p.runs, out_.article.lang, counts_); }

    std::string text_of(const DocxParagraph& p) {
        InlineCounts ignore;
        return model::plain_text(docx_inlines(p.runs, out_.article.lang, ignore));
    }

    void head() {
        auto& meta = out_.article.meta;
        // The title: Word's Title style, else the first Heading 1, else a first short bold line.
        std::size_t t = paras_.size();
        const char* rule = nullptr;
        for (std::size_t i = 0; i < paras_.size() && !rule; ++i)
            if (paras_[i]->builtin == "title") { t = i; rule = "docx_title_style"; }
        for (std::size_t i = 0; i < paras_.size() && !rule; ++i)
            if (paras_[i]->outline == 1) { t = i; rule = "docx_first_heading_1"; }
        if (!rule && !paras_.empty() && wholly(*paras_[0], &DocxRun::bold) && word_count(paras_[0]->text()) <= 20) {
            t = 0;
            rule = "docx_bold_first_line";
        }
        if (!rule && !paras_.empty()) {
            t = 0;
            rule = "docx_first_paragraph";
            out_.diagnostics.warning(SourceSpan{doc_.file}, "no paragraph in the Title or Heading 1 style: the first "
                                                             "paragraph is taken for the title");
        }
        if (!rule) return;
        // Lines above the title: a "Section: …" line or a byline may come first; others are kept in the body.
        for (std::size_t i = 0; i < t; ++i) head_line(i, HeadPlace::AboveTitle);
        meta.title = text_of(*paras_[t]);
        used_[paras_[t]] = true;
        out_.decide("title", meta.title, rule, paras_[t]->number);
        std::size_t i = t + 1;
        while (i < paras_.size() && head_line(i, i == t + 1 ? HeadPlace::RightAfterTitle : HeadPlace::Below)) ++i;
        body_begin_ = i;
        if (t > 0) {
            // Unused lines above the title go into the body, where they were.
            body_begin_ = 0;
        }
    }

    enum class HeadPlace { AboveTitle, RightAfterTitle, Below };

    // One line of the article's head; false when it is not one (the body starts there).
    bool head_line(std::size_t i, HeadPlace place) {
        const DocxParagraph& p = *paras_[i];
        auto& meta = out_.article.meta;
        const std::string text = text_of(p);
        const auto take = [&](const char* field, const std::string& value, const char* rule) {
            used_[&p] = true;
            out_.decide(field, value, rule, p.number);
            return true;
        };
        if (p.builtin == "subtitle" || p.builtin == "abstract") {
            if (meta.standfirst.empty()) {
                meta.standfirst = inlines(p);
                return take("standfirst", text, p.builtin == "subtitle" ? "docx_subtitle_style" : "docx_abstract_style");
            }
            return take("standfirst (more)", text, "docx_subtitle_style: a second one dropped");
        }
        if (p.builtin == "author" || byline(text)) {
            const std::string names = p.builtin == "author" ? text : text.substr(3);
            for (const auto& name : split_authors(names)) {
                model::Author author;
                author.id = "a" + std::to_string(meta.authors.size() + 1);
                author.name = name;
                author.role = "author";
                author.where = SourceSpan{doc_.file};
                meta.authors.push_back(std::move(author));
            }
            return take("authors", names, p.builtin == "author" ? "docx_author_style" : "docx_by_line");
        }
        const std::string low = lower_ascii(text);
        if (low.rfind("section:", 0) == 0 && word_count(text) <= 8) {
            meta.section = trim(text.substr(8));
            return take("section", meta.section, "docx_section_line");
        }
        if (p.builtin == "date" || (word_count(text) <= 4 && parse_date(text))) {
            if (auto d = parse_date(text)) {
                meta.date = *d;
                return take("date", *d, p.builtin == "date" ? "docx_date_style" : "docx_date_line");
            }
            if (p.builtin == "date") {
                out_.diagnostics.warning(SourceSpan{doc_.file}, "p. " + std::to_string(p.number) + ": the date ‘" + text +
                                                                     "’ is not one quire reads; left out");
                return take("date", "(unreadable) " + text, "docx_date_style");
            }
        }
        if (place == HeadPlace::RightAfterTitle && meta.standfirst.empty() && wholly(p, &DocxRun::italic) &&
            p.outline == 0 && p.list_level < 0) {
            meta.standfirst = inlines(p);
            // The whole paragraph was italic to show it is the standfirst, not for emphasis.
            for (auto& in : meta.standfirst)
                if (in.kind == model::InlineKind::Emphasis && meta.standfirst.size() == 1) {
                    auto children = std::move(in.children);
                    meta.standfirst = std::move(children);
                    break;
                }
            return take("standfirst", text, "docx_italic_after_title");
        }
        return false;
    }

    static bool about_the_author(const std::string& text) {
        const std::string low = lower_ascii(trim(text));
        return low == "about the author" || low == "about the authors" || low == "the author" || low == "about the author:";
    }

    bool heading_like(const DocxParagraph& p, const std::string& text) const {
        if (p.outline >= 1) return true;
        // Manual formatting: a short wholly bold line with no final stop, not a list item.
        return p.list_level < 0 && wholly(p, &DocxRun::bold) && word_count(text) <= 12 && !text.empty() &&
               text.back() != '.' && text.back() != ':' && !is_quote_style(p.builtin);
    }

    void body() {
        auto& a = out_.article;
        std::vector<Block>& body = a.body;
        bool in_bio = false;
        for (std::size_t i = body_begin_; i < paras_.size(); ++i) {
            const DocxParagraph& p = *paras_[i];
            if (used_[&p]) continue;
            const std::string text = text_of(p);
            if (has_image(p)) {
                figure(i);
                continue;
            }
            if (heading_like(p, text)) {
                if (about_the_author(text)) {
                    in_bio = true;
                    out_.decide("bio", "(the paragraphs after it)", "docx_about_the_author", p.number);
                    continue;
                }
                in_bio = false;
                int level = p.outline >= 1 ? std::clamp(p.outline, 2, 4) : 2;
                if (p.outline == 0) ++bold_headings_;
                if (p.outline == 1) ++demoted_h1_;
                Block h = Block::heading(level, strip_bold(inlines(p)));
                h.where = SourceSpan{doc_.file};
                body.push_back(std::move(h));
                continue;
            }
            if (in_bio) {
                add_bio(inlines(p), p.number, "docx_about_the_author");
                continue;
            }
            if (is_quote_style(p.builtin)) {
                if (body.empty() || body.back().kind != BlockKind::BlockQuote || !last_was_quote_) {
                    Block q;
                    q.kind = BlockKind::BlockQuote;
                    body.push_back(std::move(q));
                    ++quotes_;
                }
                body.back().children.push_back(Block::paragraph(inlines(p)));
                last_was_quote_ = true;
                continue;
            }
            last_was_quote_ = false;
            if (p.list_level >= 0) {
                // Consecutive items of the same kind are one list, even when a writer gives each its own
                // numbering instance (LibreOffice re-saving pandoc's file does).
                const auto style = p.ordered ? model::ListStyle::Ordered : model::ListStyle::Unordered;
                if (body.empty() || body.back().kind != BlockKind::List || last_num_id_ < 0 || body.back().list_style != style) {
                    Block list;
                    list.kind = BlockKind::List;
                    list.list_style = p.ordered ? model::ListStyle::Ordered : model::ListStyle::Unordered;
                    body.push_back(std::move(list));
                    ++lists_;
                }
                if (p.list_level > 0) ++nested_items_;
                Block item;
                item.kind = BlockKind::ListItem;
                item.content = inlines(p);
                body.back().children.push_back(std::move(item));
                last_num_id_ = p.num_id;
                continue;
            }
            last_num_id_ = -1;
            // The last paragraph, wholly italic, after the text: the author's bio (a common convention).
            if (i + 1 == paras_.size() && wholly(p, &DocxRun::italic) && !a.meta.authors.empty() && word_count(text) >= 6 &&
                a.back_matter.empty()) {
                auto content = inlines(p);
                if (content.size() == 1 && content[0].kind == model::InlineKind::Emphasis) content = std::move(content[0].children);
                add_bio(std::move(content), p.number, "docx_final_italic_paragraph");
                continue;
            }
            Block para = Block::paragraph(inlines(p));
            para.where = SourceSpan{doc_.file};
            body.push_back(std::move(para));
        }
    }

    static model::InlineText strip_bold(model::InlineText in) {
        if (in.size() == 1 && in[0].kind == model::InlineKind::Strong) return std::move(in[0].children);
        return in;
    }

    void add_bio(model::InlineText content, int number, const char* rule) {
        auto& a = out_.article;
        if (a.meta.authors.empty()) {
            out_.diagnostics.warning(SourceSpan{doc_.file}, "p. " + std::to_string(number) +
                                                                 ": an author's bio, but the document names no author; kept as a paragraph");
            a.body.push_back(Block::paragraph(std::move(content)));
            return;
        }
        auto& bio = a.meta.authors[0].bio;
        if (!bio.empty()) bio.push_back(Inline::plain(" "));
        for (auto& x : content) bio.push_back(std::move(x));
        if (a.back_matter.empty()) {
            model::BackMatterItem item;
            item.kind = model::BackMatterKind::Bio;
            item.author_id = a.meta.authors[0].id;
            a.back_matter.push_back(item);
            out_.decide("bio", model::plain_text(bio), rule, number);
        }
    }

    // A picture: the lead figure when it comes before the text, else a figure in the body. Its
    // caption is the next paragraph when that is in Word's Caption style (pandoc: Image Caption),
    // or starts "Photo:", "Figure", "Fig.".
    void figure(std::size_t i) {
        const DocxParagraph& p = *paras_[i];
        auto& a = out_.article;
        for (const auto& run : p.runs) {
            if (run.kind != DocxRunKind::Image) continue;
            model::Figure f;
            f.alt = run.alt;
            if (f.alt.empty())
                out_.diagnostics.warning(SourceSpan{doc_.file}, "p. " + std::to_string(p.number) +
                                                                     ": an image without alt text (Word: Edit Alt Text); quire check will ask for it");
            std::string ext = run.image.substr(run.image.find_last_of('.') + 1);
            ext = lower_ascii(ext);
            const std::string name = options_.image_dir + "/" + (slugify(a.meta.title).empty() ? "image" : slugify(a.meta.title).substr(0, 40)) +
                                     "-" + std::to_string(out_.images.size() + 1) + "." + ext;
            if (ext != "jpg" && ext != "jpeg" && ext != "png")
                out_.diagnostics.warning(SourceSpan{doc_.file}, "p. " + std::to_string(p.number) + ": the image " + run.image +
                                                                     " is neither JPEG nor PNG; convert it before printing");
            out_.images.push_back({name, package_.read_media(run.image)});
            f.src = name;
            if (i + 1 < paras_.size() && !used_[paras_[i + 1]]) {
                const DocxParagraph& next = *paras_[i + 1];
                const std::string cap = text_of(next);
                const std::string low = lower_ascii(cap);
                if (is_caption_style(next.builtin) || low.rfind("photo", 0) == 0 || low.rfind("figure", 0) == 0 ||
                    low.rfind("fig.", 0) == 0) {
                    std::string caption, credit;
                    if (split_caption_credit(cap, caption, credit)) {
                        f.caption = plain_inlines_or(caption);
                        f.credit = credit;
                    } else {
                        f.caption = inlines(next);
                    }
                    used_[&next] = true;
                    out_.decide("caption", cap, "docx_caption_after_image", next.number);
                }
            }
            const bool lead = !a.lead_figure && a.body.empty();
            out_.decide(lead ? "lead figure" : "figure", name + (f.alt.empty() ? "" : " (alt: " + f.alt + ")"),
                        "docx_embedded_image", p.number);
            if (lead) {
                f.role = model::FigureRole::Lead;
                a.lead_figure = std::move(f);
            } else {
                Block b;
                b.kind = BlockKind::FigureBlock;
                b.figure = std::move(f);
                a.body.push_back(std::move(b));
            }
        }
        // Text beside the picture in the same paragraph stays as a paragraph.
        if (!trim(text_of(p)).empty()) a.body.push_back(Block::paragraph(inlines(p)));
    }

    static model::InlineText plain_inlines_or(const std::string& s) { return model::plain_inlines(s); }

    // Footnotes and endnotes: the article format has no notes, so they become an ordered list under
    // a "Notes" heading at the end of the text; the references in the text stay as superscript
    // numbers (¹ ²), which every font quire uses has.
    void notes() {
        if (doc_.notes.empty()) return;
        auto& body = out_.article.body;
        body.push_back(Block::heading(2, {Inline::plain("Notes")}));
        Block list;
        list.kind = BlockKind::List;
        list.list_style = model::ListStyle::Ordered;
        for (const auto& note : doc_.notes) {
            Block item;
            item.kind = BlockKind::ListItem;
            for (const auto& p : note.paragraphs) {
                auto content = inlines(p);
                if (content.empty()) continue;
                if (!item.content.empty()) item.content.push_back(Inline::plain(" "));
                for (auto& x : content) item.content.push_back(std::move(x));
            }
            list.children.push_back(std::move(item));
        }
        body.push_back(std::move(list));
        out_.decide("notes", std::to_string(doc_.notes.size()) + " footnotes/endnotes → an ordered list under “Notes”",
                    "docx_notes");
    }

    void normalisation_report() {
        const auto n = [&](int count, const std::string& what, const char* rule) {
            if (count > 0) out_.decide("normalised", std::to_string(count) + " " + what, rule);
        };
        n(empty_, "empty paragraphs (spacing) dropped", "docx_empty_paragraphs");
        n(bold_headings_, "wholly bold short lines → subheadings", "docx_bold_heading");
        n(demoted_h1_, "further Heading 1 paragraphs → level-2 subheadings", "docx_heading_levels");
        n(doc_.tabs, "tabs → spaces (indents dropped)", "docx_tabs");
        n(counts_.double_spaces, "runs of spaces → one space", "docx_spaces");
        n(doc_.soft_hyphens, "soft hyphens dropped (the typesetter hyphenates)", "docx_soft_hyphens");
        n(doc_.page_breaks, "page and column breaks dropped", "docx_breaks");
        n(counts_.small_caps, "small-caps runs kept as plain text (the article format has no small-caps markup)",
          "docx_small_caps");
        n(counts_.superscripts, "superscript runs (digits as ¹²³, other text plain)", "docx_superscript");
        n(counts_.note_references, "note references → superscript numbers", "docx_notes");
        n(nested_items_, "nested list items flattened into their list", "docx_lists");
        n(doc_.tables, "tables flattened into paragraphs", "docx_tables");
        const auto& pc = counts_.punctuation;
        if (pc.total() > 0)
            out_.decide("normalised",
                        std::to_string(pc.quotes) + " quotes, " + std::to_string(pc.apostrophes) + " apostrophes, " +
                            std::to_string(pc.dashes) + " dashes, " + std::to_string(pc.ellipses) + " ellipses made typographic",
                        "rule_typographic_punctuation");
        if (doc_.tables > 0)
            out_.diagnostics.warning(SourceSpan{doc_.file}, std::to_string(doc_.tables) +
                                                                 " table(s): the article format has no tables; their cells became paragraphs");
    }

    const DocxDocument& doc_;
    const DocxPackage& package_;
    const DocumentOptions& options_;
    DocumentImport& out_;
    std::vector<const DocxParagraph*> paras_;
    std::map<const DocxParagraph*, bool> used_;
    std::size_t body_begin_ = 0;
    std::string lang_how_;
    InlineCounts counts_;
    int empty_ = 0, bold_headings_ = 0, demoted_h1_ = 0, quotes_ = 0, lists_ = 0, nested_items_ = 0;
    int last_num_id_ = -1;
    bool last_was_quote_ = false;
};

std::string changes_message(const std::vector<DocxChange>& changes) {
    std::string msg = std::to_string(changes.size()) + (changes.size() == 1 ? " unaccepted change: " : " unaccepted changes: ");
    for (std::size_t k = 0; k < changes.size() && k < 10; ++k) {
        const auto& c = changes[k];
        if (k) msg += "; ";
        msg += "p. " + std::to_string(c.paragraph) + " " + c.kind + " ‘" + utf8::truncate(c.text, 40) + "’";
        if (!c.author.empty()) msg += " by " + c.author;
    }
    if (changes.size() > 10) msg += "; …";
    msg += ". Accept or reject them in Word, or import with --accept-changes or --reject-changes";
    return msg;
}

}  // namespace

DocumentImport import_docx(std::string_view bytes, const std::string& file, const DocumentOptions& options) {
    const DocxPackage package = open_docx(bytes, file);
    const DocxDocument doc = read_docx(package, options.changes);
    if (!doc.changes.empty() && options.changes == TrackedChanges::Refuse)
        throw QuireError(SourceSpan{file}, changes_message(doc.changes));
    DocumentImport out;
    for (const auto& c : doc.comments)
        out.diagnostics.warning(SourceSpan{file}, "p. " + std::to_string(c.paragraph) + ": comment" +
                                                      (c.author.empty() ? "" : " by " + c.author) + " on ‘" +
                                                      utf8::truncate(c.anchor, 50) + "’: " + utf8::truncate(c.text, 120));
    Builder(doc, package, options, out).run();
    if (!doc.changes.empty())
        out.decide("tracked changes", std::to_string(doc.changes.size()) +
                                          (options.changes == TrackedChanges::Accept ? " accepted" : " rejected"),
                   options.changes == TrackedChanges::Accept ? "--accept-changes" : "--reject-changes");
    return out;
}

std::string explain(const DocumentImport& result) {
    std::string out = "Decisions (field, rule, paragraph, value):\n";
    for (const auto& d : result.decisions) {
        std::string field = d.field;
        field.resize(std::max<std::size_t>(field.size(), 18), ' ');
        std::string rule = d.rule;
        rule.resize(std::max<std::size_t>(rule.size(), 30), ' ');
        std::string where = d.line ? result.place + " " + std::to_string(d.line) : "";
        where.resize(std::max<std::size_t>(where.size(), 7), ' ');
        out += "  " + field + " " + rule + " " + where + " " + d.value + "\n";
    }
    return out;
}

}  // namespace quire::import
