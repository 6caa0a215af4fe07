#include "page/layout_article.hpp"

#include "core/input_file.hpp"
#include "model/article_summary.hpp"
#include "page/blocks.hpp"
#include "page/display_lines.hpp"
#include "page/copyfit.hpp"
#include "page/flow.hpp"
#include "page/styled.hpp"
#include "text/display_date.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

namespace quire::page {

namespace {

struct Layer {
    std::vector<Item> back;   // images and tints, under the text
    std::vector<Item> front;  // text and rules
};

// Moves the line's glyph runs into the page (each line is drawn once; its text and measures stay
// for the line records): copying every run's glyphs was a tenth of the page stage's time.
void emit_line(Layer& layer, linebreak::SetLine& line, double x, double baseline, const style::Color& color,
               const std::string& role, int group = -1, double x_scale = 1) {
    for (auto& run : line.runs)
        if (!run.glyphs.empty())
            layer.front.push_back(TextItem{std::move(run), x + line.x_offset_pt, baseline, color, role, group, x_scale});
    line.runs.clear();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
    return s;
}

std::string running_head_text(const style::Furniture& f, const model::Article& a, const model::Publication* pub,
                              const std::string& section) {
    std::string s = f.running_head;
    s = replace_all(s, "{publication}", pub ? pub->name : "");
    s = replace_all(s, "{section}", section);
    s = replace_all(s, "{title}", a.meta.title);
    s = replace_all(s, "{author}", model::joined_author_names(a, model::NameSpaces::Plain));
    // A part left empty takes its separator with it.
    for (const std::string sep : {" · ", " | ", " — "}) {
        while (s.starts_with(sep)) s.erase(0, sep.size());
        while (s.ends_with(sep)) s.erase(s.size() - sep.size());
        s = replace_all(s, sep + sep, sep);
    }
    return s;
}

// Whether a head paragraph is display type (titles, standfirsts: balanced lines) or set as it comes.
enum class Display { AsSet, Balanced };

class ArticleLayout {
public:
    ArticleLayout(const model::Article& a, const model::Publication* pub, const style::Layout& l,
                  std::filesystem::path folder, std::shared_ptr<text::FontCollection> fonts, Diagnostics& d,
                  const ArticlePlacement& placement)
        : a_(a), pub_(pub), l_(l), g_(l.page), folder_(std::move(folder)), fonts_(std::move(fonts)), d_(d),
          lang_(a.lang.empty() ? "en" : a.lang), placement_(placement),
          section_(placement.section.empty() ? a.meta.section : placement.section) {}

    PageDocument run() {
        doc_.geometry = g_;
        doc_.fonts = fonts_;
        doc_.info.title = a_.meta.title;
        doc_.info.author = model::joined_author_names(a_, model::NameSpaces::Plain);
        doc_.info.subject = model::plain_text(a_.meta.standfirst);
        for (const auto& k : a_.meta.keywords) doc_.info.keywords += (doc_.info.keywords.empty() ? "" : ", ") + k;
        doc_.info.lang = lang_;
        doc_.info.date = a_.meta.date;

        FlowFrames frames;
        frames.geometry = g_;
        frames.first_folio = placement_.first_folio;
        layers_.resize(1);
        frames.opening_top = opening(frames);

        BlockContext ctx{a_, pub_, l_, folder_, *fonts_, d_, placement_.donation};
        std::vector<FlowBlock> blocks = build_blocks(ctx);
        copyfit_last_page(blocks, frames, ctx);  // a near-empty last page: paragraphs before it a line tighter
        copyfit_holes(blocks, frames, ctx);  // column holes: a paragraph near them a line looser or tighter
        const FlowResult flow = flow_balanced(blocks, frames);
        layers_.resize(static_cast<std::size_t>(flow.pages));
        emit_flow(blocks, flow, frames);
        centre_head_rule(blocks, flow);
        // Their glyphs are in the layers now; what is left of the blocks (lines' text, measures, the
        // paragraphs kept for re-setting) goes before the pages are assembled (peak memory, issue 17).
        std::vector<FlowBlock>().swap(blocks);
        for (std::size_t p = 0; p < layers_.size(); ++p) {
            Page page;
            page.items = std::move(layers_[p].back);
            page.items.reserve(page.items.size() + layers_[p].front.size());
            for (auto& it : layers_[p].front) page.items.push_back(std::move(it));
            std::vector<Item>().swap(layers_[p].front);  // its items moved: its buffer goes now, not at the end (peak memory)
            doc_.pages.push_back(std::move(page));
        }
        if (placement_.furniture == Furniture::Draw) add_furniture(doc_, a_, pub_, l_, placement_, *fonts_, d_);
        else number_pages(doc_, l_.page, placement_.first_folio);
        return std::move(doc_);
    }

private:
    // Sets a heading-area paragraph across `width` at (x, y = top of its space), returning the bottom
    // of its last line box (after its space after).
    double header_paragraph(const text::StyledParagraph& p, const std::string& style_name, double x, double y,
                            double width, const std::string& role, int page = 0, bool space_before = true,
                            Display display = Display::AsSet) {
        if (p.spans.empty()) return y;
        const style::ParagraphStyle& s = l_.style(style_name);
        linebreak::SetParagraph set;
        if (display == Display::Balanced && s.align != style::Align::Justify) {
            // Display type: balanced lines, broken by sense (page/display_lines.hpp).
            text::StyledParagraph balanced = p;
            no_negative_tracking_on_capitals(balanced);
            balanced = balance_display_lines(balanced, width, *fonts_);
            set = set_in_style(balanced, s, width, *fonts_, d_, 0, 0, true);
            if (s.align == style::Align::Left) hang_opening_quote(set);
        } else {
            set = set_in_style(p, s, width, *fonts_, d_, 0, 0, true);
        }
        const double lead = s.leading.pt();
        double baseline = y + (space_before ? s.space_before.pt() : 0) + kLineAscent * lead;
        head_box_bottom_ = baseline + (static_cast<double>(set.lines.size()) - 1) * lead + kLineDepth * lead;
        double last = baseline;
        int n = 0;
        const int group = ++header_groups_;
        for (auto& line : set.lines) {
            emit_line(layers_[static_cast<std::size_t>(page)], line, x, baseline, s.color, role, group);
            record(line, style_name, page, -1, ++header_lines_, 0, ++n, static_cast<int>(set.lines.size()), x, baseline,
                   a_.meta.where);
            last = baseline;
            baseline += lead;
        }
        return last + kLineDepth * lead + s.space_after.pt();
    }

    // The hairline under the head sits midway between the head's last line box and the body's first
    // one, so that the space above and below it looks the same whatever the grid's snap leaves (11 to
    // 22 pt to the first baseline in the example issue; at the least a drop cap's top came 4.5 pt under
    // the rule against 13 pt above it). The body does not move, only the rule, and never nearer the
    // head's last line box than rule-offset nor the body than rule-after.
    void centre_head_rule(const std::vector<FlowBlock>& blocks, const FlowResult& flow) {
        if (head_rule_ == kNoRule || layers_.empty() || head_rule_ >= layers_[0].front.size()) return;
        auto* rule = std::get_if<RuleItem>(&layers_[0].front[head_rule_]);
        if (!rule) return;
        double body_top = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < flow.blocks.size() && i < blocks.size(); ++i)
            if (flow.blocks[i].page == 0 && (!blocks[i].lines.empty() || blocks[i].image))
                body_top = std::min(body_top, flow.blocks[i].top);
        for (const PlacedLine& l : flow.lines)
            if (l.page == 0) body_top = std::min(body_top, l.baseline - blocks[static_cast<std::size_t>(l.block)].above);
        if (!std::isfinite(body_top)) return;
        const double highest = rule_head_bottom_ + l_.opening.rule_offset.pt();
        const double lowest = body_top - l_.opening.rule_after.pt();
        if (lowest <= highest) return;
        const double y = std::clamp((rule_head_bottom_ + body_top) / 2, highest, lowest);
        rule->y0 = rule->y1 = y;
    }

    void record(const linebreak::SetLine& line, const std::string& style_name, int page, int column, int line_in_column,
                int paragraph, int line_in_paragraph, int paragraph_lines, double x, double baseline,
                const SourceSpan& where) {
        LineRecord r;
        r.page = page;
        r.column = column;
        r.line_in_column = line_in_column;
        r.paragraph = paragraph;
        r.line_in_paragraph = line_in_paragraph;
        r.paragraph_lines = paragraph_lines;
        r.style = style_name;
        r.x = x;
        r.baseline = baseline;
        r.width = line.target_width_pt;
        r.natural_width = line.natural_width_pt;
        r.ratio = line.ratio;
        r.hyphenated = line.hyphenated;
        r.overfull = line.overfull;
        r.broken_word = line.broken_word;
        r.text = line.text;
        r.where = where;
        doc_.lines.push_back(std::move(r));
    }

    // The opening page's head; returns where the body may start.
    double opening(const FlowFrames& frames) {
        const double text_x = frames.text_x(0);
        const double text_w = g_.text_width().pt();
        const double col_w = g_.column_width().pt();
        double y = (g_.margin_top + l_.opening.title_top).pt();
        bool label_done = false;
        const text::StyledParagraph label =
            styled_text(section_, l_.style("section-label"), lang_);

        if (a_.lead_figure && l_.opening.photo != style::PhotoFrame::None) {
            const model::Figure& f = *a_.lead_figure;
            auto image = load_image(resolve_inside(folder_, f.src, f.where), f.where);
            Rect frame;
            if (l_.opening.photo == style::PhotoFrame::Bleed) {
                frame = Rect{-g_.bleed, -g_.bleed, g_.trim.width + g_.bleed * 2, l_.opening.photo_height + g_.bleed};
            } else {
                frame = Rect{Length::pt(text_x), g_.margin_top, g_.text_width(), l_.opening.photo_height};
            }
            // Fill the frame, cropping about the centre.
            const double scale = std::max(frame.width.pt() / image->width, frame.height.pt() / image->height);
            const double w = image->width * scale, h = image->height * scale;
            const Rect placed{frame.x + Length::pt((frame.width.pt() - w) / 2), frame.y + Length::pt((frame.height.pt() - h) / 2),
                              Length::pt(w), Length::pt(h)};
            layers_[0].back.push_back(ImageItem{image, frame, placed, f.alt});
            y = frame.bottom().pt() + l_.opening.photo_gap.pt();
            // Caption and credit in the last column, under the photo; the section label beside them
            // in the first column (one column: the caption first, then the label).
            const double cap_x = g_.columns >= 2 ? text_x + (g_.columns - 1) * (col_w + g_.gutter.pt()) : text_x;
            const double cap_w = g_.columns >= 2 ? col_w : text_w;
            double cap_bottom = y;
            if (!f.caption.empty())
                cap_bottom = header_paragraph(styled_paragraph(f.caption, l_.style("caption"), l_, lang_), "caption",
                                              cap_x, cap_bottom, cap_w, "Caption");
            if (!f.credit.empty())
                cap_bottom = header_paragraph(styled_text(f.credit, l_.style("credit"), lang_), "credit", cap_x,
                                              cap_bottom, cap_w, "Caption");
            if (g_.columns >= 2) {
                const double label_bottom = header_paragraph(label, "section-label", text_x, y, col_w, "P");
                label_done = true;
                y = std::max(cap_bottom + l_.opening.caption_gap.pt(), label_bottom);
            } else {
                y = cap_bottom + l_.opening.caption_gap.pt();
            }
        }
        if (!label_done) y = header_paragraph(label, "section-label", text_x, y, text_w, "P");
        title_y_ = y;
        const double before_title = y;
        y = header_paragraph(styled_text(a_.meta.title, l_.style("title"), lang_), "title", text_x, y, text_w, "H1", 0, true,
                             Display::Balanced);
        doc_.outline.push_back(OutlineEntry{1, a_.meta.title, 0, before_title});
        if (!a_.meta.subtitle.empty())
            y = header_paragraph(styled_text(a_.meta.subtitle, l_.style("subtitle"), lang_), "subtitle", text_x, y,
                                 text_w, "P", 0, true, Display::Balanced);
        // The standfirst narrower than the full width (the layout's share): at 12–13 pt a 130 mm line
        // is too long to read.
        const double stand_w = text_w * l_.opening.standfirst_width;
        y = header_paragraph(styled_paragraph(a_.meta.standfirst, l_.style("standfirst"), l_, lang_), "standfirst",
                             text_x, y, stand_w, "P", 0, true, Display::Balanced);
        y = header_paragraph(styled_text(model::joined_author_names(a_, model::NameSpaces::NoBreak), l_.style("byline"), lang_),
                             "byline", text_x, y, text_w, "P");
        if (!a_.meta.date.empty())
            y = header_paragraph(styled_text(text::display_date(a_.meta.date, lang_), l_.style("date"), lang_), "date", text_x,
                                 y, text_w, "P");
        // A hairline across the text area separates the head from the body, one grid step below.
        const double rule_y = y + l_.opening.rule_offset.pt();
        head_rule_ = layers_[0].front.size();
        rule_head_bottom_ = head_box_bottom_;
        layers_[0].front.push_back(
            RuleItem{text_x, rule_y, text_x + text_w, rule_y, l_.opening.rule.pt(), l_.style("date").color});
        return rule_y + l_.opening.rule_after.pt();
    }

    // Takes the blocks' lines (their runs move into the pages).
    void emit_flow(std::vector<FlowBlock>& blocks, const FlowResult& flow, const FlowFrames& frames) {
        std::map<std::pair<int, int>, int> column_count;
        std::set<std::pair<int, int>> started;  // columns something was set in
        // Fragments: consecutive lines of one block in one column.
        std::size_t i = 0;
        const auto& lines = flow.lines;
        while (i < lines.size()) {
            std::size_t j = i;
            while (j + 1 < lines.size() && lines[j + 1].block == lines[i].block && lines[j + 1].page == lines[i].page &&
                   lines[j + 1].column == lines[i].column)
                ++j;
            const PlacedLine& first = lines[i];
            const PlacedLine& last = lines[j];
            FlowBlock& b = blocks[static_cast<std::size_t>(first.block)];
            const style::ParagraphStyle& s = *b.style;
            const ColumnFrame f = frames.frame(first.page, first.column);
            Layer& layer = layers_[static_cast<std::size_t>(first.page)];
            const double col_w = (b.spans ? g_.text_width() : g_.column_width()).pt();
            const double box_x = f.x + s.left_indent.pt();
            const double box_w = col_w - s.left_indent.pt() - s.right_indent.pt();
            const bool starts = first.line == 0;
            const bool ends = last.line + 1 == static_cast<int>(b.lines.size());
            const bool column_top = started.insert({first.page, first.column}).second;
            // A rule above a block at the head of an opening page's column (a pull quote floated
            // there) would sit a few points under the head's hairline: a double rule. The hairline
            // does its work.
            const bool under_head_rule = column_top && first.page == 0 && head_rule_ != kNoRule;
            if (s.background) {
                const double top = first.baseline - b.above - s.padding.pt();
                const double bottom = last.baseline + b.depth + s.padding.pt();
                layer.back.push_back(BoxItem{Rect{Length::pt(box_x), Length::pt(top), Length::pt(box_w),
                                                  Length::pt(bottom - top)}, *s.background});
            }
            auto rule = [&](const style::Rule& r, double y) {
                const double len = r.length.pt() > 0 ? r.length.pt() : box_w;
                layer.front.push_back(RuleItem{box_x, y, box_x + len, y, r.thickness.pt(), r.color});
            };
            if (starts && s.rule_above.present() && !under_head_rule)
                rule(s.rule_above, first.baseline - b.above - (s.background ? s.padding.pt() : 0) -
                                       s.rule_above.offset.pt() - s.rule_above.thickness.pt() / 2);
            if (ends && s.rule_below.present())
                rule(s.rule_below, last.baseline + b.depth + (s.background ? s.padding.pt() : 0) +
                                       s.rule_below.offset.pt() + s.rule_below.thickness.pt() / 2);
            for (std::size_t k = i; k <= j; ++k) {
                const PlacedLine& pl = lines[k];
                FlowLine& fl = b.lines[static_cast<std::size_t>(pl.line)];
                // The drop cap first: in reading order it comes before its line.
                for (Ornament& o : b.ornaments)
                    if (o.on_line == pl.line)
                        emit_line(layer, o.line, f.x + o.x, pl.baseline + o.dy, o.color, b.structure, kFlowGroups + pl.block);
                emit_line(layer, fl.line, f.x + fl.x, pl.baseline, s.color, b.structure, kFlowGroups + pl.block,
                          fl.x_scale);
                const int n_in_col = ++column_count[{pl.page, pl.column}];
                record(fl.line, b.style_name, pl.page, pl.column, n_in_col, pl.block, pl.line + 1,
                       static_cast<int>(b.lines.size()), f.x + fl.x, pl.baseline, b.where);
                doc_.lines.back().letter_spacing = fl.letter_spacing;
            }
            if (starts && b.outline_title)
                doc_.outline.push_back(OutlineEntry{b.outline_level, *b.outline_title, first.page,
                                                    first.baseline - b.above});
            i = j + 1;
        }
        // Figures: the image above the caption's first line (or alone).
        for (std::size_t k = 0; k < blocks.size(); ++k) {
            const FlowBlock& b = blocks[k];
            if (!b.image) continue;
            const PlacedBlock& pb = flow.blocks[k];
            const ColumnFrame f = frames.frame(pb.page, pb.column);
            const double h = b.top_extra - l_.figure.caption_gap.pt();
            const double scale = std::max(b.image_width / b.image->width, h / b.image->height);
            const double w = b.image->width * scale, ih = b.image->height * scale;
            const Rect frame{Length::pt(f.x), Length::pt(pb.top), Length::pt(b.image_width), Length::pt(h)};
            const Rect placed{Length::pt(f.x + (b.image_width - w) / 2), Length::pt(pb.top + (h - ih) / 2),
                              Length::pt(w), Length::pt(ih)};
            layers_[static_cast<std::size_t>(pb.page)].back.push_back(ImageItem{b.image, frame, placed, b.alt});
        }
        // Widows and orphans, as facts for the proof report.
        std::map<std::pair<int, int>, std::pair<std::size_t, std::size_t>> column_span;  // first, last record
        for (std::size_t k = 0; k < doc_.lines.size(); ++k) {
            const LineRecord& r = doc_.lines[k];
            if (r.column < 0) continue;
            auto [it, inserted] = column_span.try_emplace({r.page, r.column}, k, k);
            if (!inserted) it->second.second = k;
        }
        for (const auto& [key, span] : column_span) {
            LineRecord& top = doc_.lines[span.first];
            if (top.paragraph_lines > 1 && top.line_in_paragraph == top.paragraph_lines) top.widow = true;
            LineRecord& foot = doc_.lines[span.second];
            if (foot.paragraph_lines > 1 && foot.line_in_paragraph == 1) foot.orphan = true;
        }
        warn_lines_out_of_measure();
    }

    // A line wider than its measure runs into the gutter or off the page, and a word wider than
    // its measure is broken where it has no break point (BreakParams::emergency_word_penalty):
    // `quire pdf` and `quire check` say where (TeX's "Overfull \hbox"), once a line, with what an
    // editor can do about it.
    void warn_lines_out_of_measure() {
        std::set<std::pair<int, std::string>> said;  // once a paragraph (flow index, or -1: a head style), however many pages
        for (const LineRecord& r : doc_.lines) {
            const double over = r.natural_width - r.width;
            const bool overfull = r.overfull && over >= 0.5;  // less: shrinking and protrusion absorb it
            if (!overfull && !r.broken_word) continue;
            if (!said.insert({r.column < 0 ? -1 : r.paragraph, r.style}).second) continue;
            const std::string excerpt = model::excerpt(r.text, 40);
            const std::string place = "(style " + r.style + ", page " + std::to_string(r.page + 1) + ")";
            const std::string remedy = "shorten it or mark where it may break (a soft hyphen, &#173;)";
            if (overfull) {
                char amount[32];
                std::snprintf(amount, sizeof amount, "%.1f", over);
                d_.warning(r.where, "a line " + place + " is " + amount + " pt wider than its measure: \u201C" + excerpt +
                                        "\u201D; a word in it cannot be broken: " + remedy);
            } else {
                d_.warning(r.where, "a word wider than its measure was broken where it has no break point " + place +
                                        ": the line \u201C" + excerpt + "\u201D; " + remedy);
            }
        }
    }

    const model::Article& a_;
    const model::Publication* pub_;
    const style::Layout& l_;
    const style::PageGeometry& g_;
    std::filesystem::path folder_;
    std::shared_ptr<text::FontCollection> fonts_;
    Diagnostics& d_;
    std::string lang_;
    ArticlePlacement placement_;
    std::string section_;
    PageDocument doc_;
    std::vector<Layer> layers_;
    double title_y_ = 0;
    static constexpr std::size_t kNoRule = static_cast<std::size_t>(-1);
    std::size_t head_rule_ = kNoRule;   // the hairline under the head, in layers_[0].front
    double head_box_bottom_ = 0;        // the bottom of the last head line box set
    double rule_head_bottom_ = 0;       // head_box_bottom_ when the hairline was drawn
    int header_lines_ = 0;
    int header_groups_ = 0;
    static constexpr int kFlowGroups = 1000000;  // groups of flow blocks: after every header paragraph
};

}  // namespace

void number_pages(PageDocument& doc, const style::PageGeometry& geometry, int first_folio) {
    FlowFrames frames;
    frames.geometry = geometry;
    frames.first_folio = first_folio;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        Page& page = doc.pages[p];
        page.number = first_folio + static_cast<int>(p);
        page.label = std::to_string(page.number);
        page.side = frames.left_page(static_cast<int>(p)) ? PageSide::Left : PageSide::Right;
    }
}

void add_furniture(PageDocument& doc, const model::Article& article, const model::Publication* publication,
                   const style::Layout& layout, const ArticlePlacement& placement, text::FontCollection& fonts,
                   Diagnostics& diagnostics) {
    number_pages(doc, layout.page, placement.first_folio);
    const style::PageGeometry& g = layout.page;
    FlowFrames frames;
    frames.geometry = g;
    frames.first_folio = placement.first_folio;
    const std::string lang = article.lang.empty() ? "en" : article.lang;
    const std::string head = running_head_text(layout.furniture, article, publication,
                                               placement.section.empty() ? article.meta.section : placement.section);
    const style::ParagraphStyle& hs = layout.style(layout.furniture.running_head_style);
    const style::ParagraphStyle& fs = layout.style(layout.furniture.folio_style);
    const double text_w = g.text_width().pt();
    // Not on the opening page: its head is the article's own.
    for (std::size_t p = 1; p < doc.pages.size(); ++p) {
        const int page = static_cast<int>(p);
        const double x0 = frames.text_x(page);
        const bool left = frames.left_page(page);
        auto& items = doc.pages[p].items;
        // On a spread both sit at the outside edge; on single pages at the right.
        const double head_y = (g.margin_top - layout.furniture.head_offset).pt();
        if (!head.empty()) {
            linebreak::SetLine line = linebreak::set_single_line(styled_text(head, hs, lang), fonts, diagnostics);
            const double x = left ? x0 : x0 + text_w - line.width_pt;
            for (auto& run : line.runs)
                if (!run.glyphs.empty()) items.push_back(TextItem{std::move(run), x + line.x_offset_pt, head_y, hs.color, "Artifact"});
        }
        const double folio_y = (g.margin_top + g.text_height() + layout.furniture.folio_offset).pt();
        linebreak::SetLine folio = linebreak::set_single_line(
            styled_text(std::to_string(placement.first_folio + page), fs, lang), fonts, diagnostics);
        const double fx = left ? x0 : x0 + text_w - folio.width_pt;
        for (auto& run : folio.runs)
            if (!run.glyphs.empty()) items.push_back(TextItem{std::move(run), fx + folio.x_offset_pt, folio_y, fs.color, "Artifact"});
    }
}

PageDocument lay_out_article(const model::Article& article, const model::Publication* publication,
                             const style::Layout& layout, const std::filesystem::path& folder,
                             std::shared_ptr<text::FontCollection> fonts, Diagnostics& diagnostics,
                             const ArticlePlacement& placement) {
    return ArticleLayout(article, publication, layout, folder, std::move(fonts), diagnostics, placement).run();
}

}  // namespace quire::page
