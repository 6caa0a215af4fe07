#include "page/blocks.hpp"

#include "core/input_file.hpp"
#include "page/house_rules.hpp"
#include "page/initial.hpp"
#include "page/justify.hpp"
#include "page/styled.hpp"

#include <hb-ot.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace quire::page {

namespace {

// The line box of a style: a quarter of the leading below the baseline, the rest above it (close to
// the ascender and descender of text faces at their usual leading).
void set_line_box(FlowBlock& b, const style::ParagraphStyle& s) {
    b.leading = s.leading.pt();
    b.depth = kLineDepth * b.leading;
    b.above = b.leading - b.depth;
}

FlowBlock make_block(BlockRole role, const std::string& style_name, const style::Layout& layout) {
    FlowBlock b;
    b.role = role;
    b.style_name = style_name;
    b.style = &layout.style(style_name);
    const style::ParagraphStyle& s = *b.style;
    set_line_box(b, s);
    b.space_before = s.space_before.pt();
    b.space_after = s.space_after.pt();
    b.keep_with_next = s.keep_with_next == style::KeepWithNext::Yes;
    b.on_grid = s.grid == style::GridSnap::Yes;
    b.orphans = s.min_lines_before_break;
    b.widows = s.min_lines_after_break;
    if (s.rule_above.present()) b.fixed_before += s.rule_above.offset.pt() + s.rule_above.thickness.pt();
    if (s.rule_below.present()) b.fixed_after += s.rule_below.offset.pt() + s.rule_below.thickness.pt();
    if (s.background) {
        b.fixed_before += s.padding.pt();
        b.fixed_after += s.padding.pt();
    }
    b.space_before += b.fixed_before;
    b.space_after += b.fixed_after;
    return b;
}

// Does the block go across all the columns? Only where the article asks and the layout allows.
bool spans(const BlockContext& c, const model::Block& b) {
    return b.span == model::ColumnSpan::All && c.layout.figure.span == style::SpanRule::Allow &&
           c.layout.page.columns > 1;
}

enum class Across { Column, Columns };

double measure_of(const BlockContext& c, const style::ParagraphStyle& s, Across across = Across::Column) {
    double w = (across == Across::Columns ? c.layout.page.text_width() : c.layout.page.column_width()).pt() -
               s.left_indent.pt() - s.right_indent.pt();
    if (s.background) w -= 2 * s.padding.pt();
    return w;
}

double inset_of(const style::ParagraphStyle& s) {
    return s.left_indent.pt() + (s.background ? s.padding.pt() : 0);
}

enum class DropCap { AsStyled, None };

// Settings tried to end the small-caps lead-in with the first line (each one sets the paragraph).
constexpr int kLeadInAttempts = 6;

class Builder {
public:
    explicit Builder(const BlockContext& c)
        : c_(c), lang_(c.article.lang.empty() ? "en" : c.article.lang), protrusion_(protrusion_of(c.layout)) {}

    std::vector<FlowBlock> build() {
        bool first_paragraph = true;
        bool after_heading = false;
        for (const model::Block& b : c_.article.body) {
            add_block(b, first_paragraph, after_heading);
            if (begins_running_text(b.kind)) first_paragraph = false;
        }
        add_back_matter();
        // Loose justified lines take part of their excess in letter spacing and glyph scaling.
        for (FlowBlock& b : blocks_)
            if (b.style->align == style::Align::Justify)
                for (FlowLine& fl : b.lines) {
                    const LooseLineAdjustment a = adjust_loose_line(fl.line);
                    fl.x_scale = a.glyph_scale;
                    fl.letter_spacing = a.letter_spacing_pt;
                }
        return std::move(blocks_);
    }

private:
    std::string lang_of(const model::Block& b) const { return b.lang.empty() ? lang_ : b.lang; }

    void paragraph(const model::InlineText& content, const std::string& style_name, BlockRole role,
                   const std::string& lang, const SourceSpan& where, bool suppress_indent,
                   DropCap drop_cap = DropCap::AsStyled, int looseness = 0) {
        FlowBlock fb = make_block(role, style_name, c_.layout);
        fb.where = where;
        const style::ParagraphStyle& s = *fb.style;
        text::StyledParagraph p = styled_paragraph(content, s, c_.layout, lang);
        if (p.spans.empty()) return;
        if (s.drop_cap_lines > 1 && drop_cap == DropCap::AsStyled) {
            if (add_drop_cap(fb, p, s)) {
                blocks_.push_back(std::move(fb));
                return;
            }
        }
        linebreak::TrackingTrials trials(
            p, spec_in_style(s, measure_of(c_, s), 0, 0, suppress_indent, protrusion_, looseness), c_.fonts,
            c_.diagnostics);
        linebreak::SetParagraph set = trials.at(0);
        // A runt, a penultimate hyphen, a line to be letter-spaced or a very tight one in justified
        // body text: tracked a little (house_rules.hpp).
        if (role == BlockRole::Body && s.align == style::Align::Justify)
            if (auto better = retrack_for_house_rules(set, [&](double e) { return trials.at(e); }))
                set = std::move(*better);
        add_lines(fb, set, inset_of(s));
        // Body text may be set again a line looser or tighter to fill a column hole (copyfit.hpp),
        // from its untracked text: the house rules' tracking is not carried into copyfitting (carried,
        // copyfitting's own tracking started from it and left a column hole in the example issue that
        // it closes from the untracked paragraph).
        if (role == BlockRole::Body && fb.ornaments.empty())
            fb.resetting = std::make_shared<const Resetting>(
                Resetting{std::move(p), measure_of(c_, s), inset_of(s), suppress_indent, looseness});
        blocks_.push_back(std::move(fb));
    }

    // A drop cap over `drop_cap_lines` lines: its cap height spans from the cap height of the first
    // line to the baseline of the last (Bringhurst 4.5.2; InDesign's drop caps do the same). A letter
    // whose outline leaves that space (a descender, as Georgian ‹ვ› and ‹ყ› and some Armenian letters
    // have, an ascender above the capitals, or a letter far below them) is sized and placed by its
    // outline instead (HarfBuzz glyph extents): its ink spans the same space, so that no line below
    // or above is printed over. Its ink, not its advance, starts at the column's edge and sets the
    // room beside it. An opening quotation mark is not enlarged (at the initial's size it reads as a
    // letter of its own): it hangs in the margin at text size, on the first line.
    bool add_drop_cap(FlowBlock& fb, text::StyledParagraph& p, const style::ParagraphStyle& s) {
        const Initial initial = take_initial(p);
        if (initial.letter.empty()) return false;
        initial_capitals_ = !initial.own_word && capitals_word(initial.letter, 1) ? 1 : 0;
        const text::FontSpec body = font_spec(s);
        text::FontSpec cap = body;
        if (!s.drop_cap_family.empty()) cap.family = s.drop_cap_family;
        if (s.drop_cap_weight) cap.weight = s.drop_cap_weight;
        cap.features = {"kern"};
        cap.tracking_em = 0;
        const double body_cap = cap_height_em(c_.fonts.get(body)) * body.size_pt;
        const double drop_cap_em = cap_height_em(c_.fonts.get(cap));
        if (drop_cap_em <= 0) return false;
        const int n = s.drop_cap_lines;
        const double span = (n - 1) * s.leading.pt() + body_cap;  // baseline of line n to cap height of line 1
        cap.size_pt = span / drop_cap_em;
        const auto set_initial = [&] {
            text::StyledParagraph ip;
            ip.lang = p.lang;
            ip.spans.push_back(text::StyledSpan{initial.letter, cap, "", p.spans.front().href, p.spans.front().where});
            return linebreak::set_single_line(ip, c_.fonts, c_.diagnostics);
        };
        linebreak::SetLine cap_line = set_initial();
        Ink ink = ink_of(cap_line);
        double dy = 0;  // the initial's baseline below line n's (negative: above it)
        // Round letters overshoot the cap height and the baseline a little (about 1.5 % of the size):
        // that is not a descender.
        const double overshoot = 0.025 * cap.size_pt;
        // A letter well below the capitals' height (a caseless script's x-height letter, as Georgian
        // ‹ა›) would stand small in the initial's place: it is sized by its outline too.
        constexpr double kLowLetter = 0.9;  // Latin capitals reach 1, x-height letters 0.6–0.85
        if (!ink.empty && (ink.bottom < -overshoot || ink.top > span + overshoot || ink.top < kLowLetter * span)) {
            cap.size_pt *= span / (ink.top - ink.bottom);
            cap_line = set_initial();
            ink = ink_of(cap_line);
            dy = ink.bottom;  // y grows downwards: lift the descender onto the baseline
        }
        // An initial that is a word of its own ("I met") stands a word space further from the text
        // than one whose word goes on beside it ("I" + "s ethnic"), so that it reads as a word.
        const double gap = c_.layout.body.drop_cap_gap_em * body.size_pt +
                           (initial.own_word ? c_.fonts.measure(" ", body, p.lang) : 0);
        const double left = ink.empty ? 0 : ink.left;
        const double room = (ink.empty ? cap_line.width_pt : ink.right - left) + gap;
        // The rest of the paragraph, narrower beside the initial. An empty remainder (a one-letter
        // paragraph) has no lines beside it.
        std::erase_if(p.spans, [](const text::StyledSpan& sp) { return sp.text.empty(); });
        linebreak::SetParagraph set;
        if (!p.spans.empty()) {
            set = set_in_style(p, s, measure_of(c_, s), c_.fonts, c_.diagnostics, n, room, true, protrusion_);
            if (const style::CharacterStyle* lead = c_.layout.character_style("lead-in"))
                set = set_with_lead_in(p, s, *lead, n, room, std::move(set));
        }
        // Text extraction should read "When", not "W" then "hen", and "I met", not "Imet": the
        // initial's glyphs map to no text, and the first glyph of the first line maps to the initial
        // (its quotation mark and word space included) and its own character (cairo writes such
        // clusters as /ActualText spans, PDF 32000-1 §14.9.4).
        const auto to_no_text = [](linebreak::SetLine& l) {
            for (auto& run : l.runs) {
                run.text.clear();
                run.clusters.assign(1, linebreak::TextCluster{0, static_cast<int>(run.glyphs.size())});
                for (auto& g : run.glyphs) g.cluster = 0;
            }
        };
        to_no_text(cap_line);
        const std::string prefix = initial.text();
        if (!set.lines.empty()) {
            linebreak::SetLine& first = set.lines.front();
            first.text = prefix + first.text;
            for (auto& run : first.runs) {
                if (run.glyphs.empty() || run.clusters.empty()) continue;
                run.text = prefix + run.text;
                run.clusters.front().num_bytes += static_cast<int>(prefix.size());
                for (auto& g : run.glyphs)
                    if (g.cluster != 0 || &g != &run.glyphs.front()) g.cluster += static_cast<std::uint32_t>(prefix.size());
                break;
            }
        }
        int i = 0;
        for (auto& line : set.lines) {
            fb.lines.push_back(FlowLine{std::move(line), inset_of(s) + (i < n ? room : 0), 0});
            ++i;
        }
        // A paragraph shorter than the initial: the initial is drawn with its last line, as far below
        // it as line n would be, and the space after the paragraph makes up the missing lines, so
        // that the next block clears the initial. The short paragraph is never broken.
        const int lines = static_cast<int>(fb.lines.size());
        const int on_line = std::max(0, std::min(n, lines) - 1);
        if (lines < n) {
            const double missing = (n - std::max(lines, 1)) * s.leading.pt();
            dy += missing;
            fb.space_after = std::max(fb.space_after, 0.0) + missing;
            fb.keep_together = true;
            if (lines == 0) {  // a one-letter paragraph: an empty line carries the initial
                linebreak::SetLine empty;
                empty.text = prefix;
                fb.lines.push_back(FlowLine{std::move(empty), inset_of(s) + room, 0});
            }
        }
        if (!initial.opener.empty()) {
            text::StyledParagraph qp;
            qp.lang = p.lang;
            qp.spans.push_back(text::StyledSpan{initial.opener, body, "", p.spans.empty() ? "" : p.spans.front().href,
                                                p.spans.empty() ? SourceSpan{} : p.spans.front().where});
            linebreak::SetLine quote = linebreak::set_single_line(qp, c_.fonts, c_.diagnostics);
            to_no_text(quote);
            const Ink qi = ink_of(quote);
            const double qx = inset_of(s) - 0.15 * body.size_pt - (qi.empty ? quote.width_pt : qi.right);
            // On the first line: the reader meets the quotation mark before the initial.
            fb.ornaments.push_back(Ornament{std::move(quote), qx, 0, s.color, 0});
        }
        fb.ornaments.push_back(Ornament{std::move(cap_line), inset_of(s) - left, on_line, s.color, dy});
        fb.orphans = std::max(fb.orphans, std::min(n, lines));
        return true;
    }

    // The lead-in: the words of the first line after a drop cap in the layout's `lead-in` character
    // style, usually letter-spaced small caps (a convention of book and magazine openings; InDesign's
    // nested styles do it "through the first line"). It also fills the short lines beside the
    // initial, which are otherwise loose: small caps are wider than lower case. Which words make the
    // first line depends on the lead-in's width, so set again until the lead-in is exactly the
    // whole words of the first line or within them, keeping the breaker's best such setting (at most
    // four settings more; usually one or two).
    linebreak::SetParagraph set_with_lead_in(const text::StyledParagraph& p, const style::ParagraphStyle& s,
                                             const style::CharacterStyle& lead, int n, double room,
                                             linebreak::SetParagraph set) {
        std::string text;
        for (const auto& sp : p.spans) text += sp.text;
        std::size_t k = set.lines.empty() ? 0 : first_line_words(set.lines.front(), text);
        // The lead-in should end where the first line ends: of the settings whose lead-in is the
        // whole first line, the breaker's best (least demerits). When the line holds more words than
        // the lead-in ("…OFFICE ON a"), the lead-in is extended to them and set again; a setting
        // whose lead-in stops short of the line's end is kept only if no exact one is found.
        std::optional<linebreak::SetParagraph> exact, within;
        std::vector<std::size_t> tried;
        for (int attempt = 0; attempt < kLeadInAttempts && k > 0; ++attempt) {
            tried.push_back(k);
            linebreak::SetParagraph again = set_in_style(with_lead_in(p, k, lead), s, measure_of(c_, s), c_.fonts,
                                                         c_.diagnostics, n, room, true, protrusion_);
            if (again.lines.empty()) break;
            const std::size_t k2 = first_line_words(again.lines.front(), text);
            if (k2 == k) {
                exact = std::move(again);
                break;
            }
            if (k2 > k && (!within || again.demerits < within->demerits)) within = std::move(again);
            if (std::find(tried.begin(), tried.end(), k2) != tried.end()) break;  // back and forth
            k = k2;
        }
        if (exact) return std::move(*exact);
        return within ? std::move(*within) : std::move(set);  // no setting kept the lead-in on the first line: none
    }

    // Bytes of the paragraph's text that the first line shows as whole words (a hyphenated last
    // word is left out: small caps ending inside a word look like a mistake); 0 if the line is not
    // a prefix of the text.
    static std::size_t first_line_words(const linebreak::SetLine& line, const std::string& text) {
        std::string t = line.text;
        if (line.hyphenated && !t.empty() && t.back() == '-') t.pop_back();
        if (text.compare(0, t.size(), t) != 0) return 0;
        if (line.hyphenated) {
            const auto space = t.rfind(' ');
            return space == std::string::npos ? 0 : space;
        }
        return t.size();
    }

    // `p` with its first `bytes` bytes in the lead-in style. Small caps and capitals are letter-spaced
    // (Bringhurst 3.2.2: 5–10 % for strings of capitals and small caps).
    text::StyledParagraph with_lead_in(const text::StyledParagraph& p, std::size_t bytes,
                                       const style::CharacterStyle& lead) const {
        text::StyledParagraph out;
        out.lang = p.lang;
        std::size_t at = 0;
        for (const auto& sp : p.spans) {
            const std::size_t begin = at, end = at + sp.text.size();
            at = end;
            if (begin >= bytes) {
                out.spans.push_back(sp);
                continue;
            }
            text::StyledSpan head = sp;
            head.text = sp.text.substr(0, std::min(end, bytes) - begin);
            if (lead.font_family) head.font.family = *lead.font_family;
            if (lead.weight) head.font.weight = *lead.weight;
            if (lead.slant) head.font.slant = *lead.slant == style::Slant::Italic ? text::Slant::Italic : text::Slant::Upright;
            bool caps = false;
            for (const auto& f : lead.features) {
                head.font.features.push_back(f);
                caps = caps || f == "smcp" || f == "c2sc";
            }
            if (caps) head.font.tracking_em += c_.layout.body.lead_in_tracking_em;
            // Capitals already in the source ("UN", "NATO", a first line in capitals) would stand a
            // size above the small caps around them: words in capitals take small capitals too
            // (c2sc), as a caps-and-small-caps setting does. A single capital ("I", "A") stays.
            if (caps && std::find(head.font.features.begin(), head.font.features.end(), "c2sc") == head.font.features.end()) {
                std::size_t from = 0;
                bool pending_caps = false;
                const auto flush = [&](std::size_t to, bool word_caps) {
                    if (to <= from) return;
                    text::StyledSpan piece = head;
                    piece.text = head.text.substr(from, to - from);
                    if (word_caps) piece.font.features.push_back("c2sc");
                    out.spans.push_back(std::move(piece));
                    from = to;
                };
                std::size_t w = 0;
                while (w < head.text.size()) {
                    const std::size_t end_w = std::min(head.text.find(' ', w), head.text.size());
                    // The paragraph's first word goes on from the initial ("I" + "S ETHNIC").
                    const int before = begin == 0 && w == 0 ? initial_capitals_ : 0;
                    const bool word_caps = capitals_word(std::string_view(head.text).substr(w, end_w - w), before);
                    if (word_caps != pending_caps) {
                        flush(w, pending_caps);
                        pending_caps = word_caps;
                    }
                    w = end_w == head.text.size() ? end_w : end_w + 1;
                }
                flush(head.text.size(), pending_caps);
            } else {
                out.spans.push_back(std::move(head));
            }
            if (end > bytes) {
                text::StyledSpan tail = sp;
                tail.text = sp.text.substr(bytes - begin);
                out.spans.push_back(std::move(tail));
            }
        }
        return out;
    }

    void add_block(const model::Block& b, bool& first_paragraph, bool& after_heading) {
        switch (b.kind) {
            case model::BlockKind::Paragraph: {
                const bool first = first_paragraph;
                const Opening opening = first ? opening_of(b.content) : Opening::Text;
                paragraph(b.content, first ? "body-first" : "body", BlockRole::Body, lang_of(b), b.where,
                          after_heading, opening == Opening::Text ? DropCap::AsStyled : DropCap::None,
                          b.looseness);
                // A heading-like first line hands the initial on to the paragraph after it.
                if (!blocks_.empty() && blocks_.back().role == BlockRole::Body && opening != Opening::HeadingLike)
                    first_paragraph = false;
                after_heading = false;
                break;
            }
            case model::BlockKind::Heading: {
                const std::string style_name = b.level <= 2 ? "subheading" : "subheading-3";
                paragraph(b.content, style_name, BlockRole::Heading, lang_of(b), b.where, true);
                if (!blocks_.empty() && blocks_.back().role == BlockRole::Heading) {
                    blocks_.back().structure = b.level <= 2 ? "H2" : "H3";
                    blocks_.back().outline_title = model::plain_text(b.content);
                    blocks_.back().outline_level = b.level;
                }
                after_heading = true;
                break;
            }
            case model::BlockKind::BlockQuote: {
                for (const model::Block& child : b.children)
                    paragraph(child.content, "blockquote", BlockRole::BlockQuote, lang_of(child), child.where, true);
                if (!b.attribution.empty())
                    paragraph(model::plain_inlines("\u2014\u2009" + b.attribution), "blockquote",
                              BlockRole::BlockQuote, lang_of(b), b.where, true);
                after_heading = true;  // the paragraph after a quotation starts flush, as after a heading
                break;
            }
            case model::BlockKind::PullQuote: {
                model::InlineText content = b.content;
                if (!b.attribution.empty()) {
                    content.push_back(model::Inline::plain("\u2028\u2014\u2009" + b.attribution));
                }
                FlowBlock fb = make_block(BlockRole::PullQuote, "pullquote", c_.layout);
                fb.where = b.where;
                fb.keep_together = true;
                fb.spans = spans(c_, b);
                fb.structure = "Aside";
                const style::ParagraphStyle& s = *fb.style;
                add_lines(fb, set_in_style(styled_paragraph(content, s, c_.layout, lang_of(b)), s,
                                           measure_of(c_, s, fb.spans ? Across::Columns : Across::Column),
                                           c_.fonts, c_.diagnostics),
                          inset_of(s));
                if (!fb.lines.empty()) blocks_.push_back(std::move(fb));
                break;
            }
            case model::BlockKind::List: {
                int n = 1;
                for (const model::Block& item : b.children) {
                    const std::size_t before = blocks_.size();
                    paragraph(item.content, "list", BlockRole::ListItem, lang_of(item), item.where, true);
                    if (blocks_.size() == before) continue;
                    FlowBlock& fb = blocks_.back();
                    fb.structure = "LI";
                    const std::string marker = b.list_style == model::ListStyle::Ordered
                                                   ? std::to_string(n) + "." : std::string("\u2022");
                    const style::ParagraphStyle& s = *fb.style;
                    linebreak::SetLine m = linebreak::set_single_line(styled_text(marker, s, lang_of(item)),
                                                                      c_.fonts, c_.diagnostics);
                    // The marker hangs in the indent, right-aligned the layout's gap (⅓ em) before the text.
                    const double x = inset_of(s) - m.width_pt - s.size.pt() * c_.layout.body.list_marker_gap_em;
                    fb.ornaments.push_back(Ornament{std::move(m), x, 0, s.color, 0});
                    ++n;
                }
                after_heading = false;
                break;
            }
            case model::BlockKind::ListItem:
                paragraph(b.content, "list", BlockRole::ListItem, lang_of(b), b.where, true);
                break;
            case model::BlockKind::FigureBlock:
                add_figure(b.figure, spans(c_, b));
                after_heading = true;
                break;
        }
    }

    void add_figure(const model::Figure& f, bool across) {
        FlowBlock fb = make_block(BlockRole::Figure, "caption", c_.layout);
        fb.where = f.where;
        fb.keep_together = true;
        fb.spans = across;
        fb.structure = "Figure";
        fb.image = load_image(resolve_inside(c_.folder, f.src, f.where), f.where);
        fb.alt = f.alt;
        const double w = (across ? c_.layout.page.text_width() : c_.layout.page.column_width()).pt();
        // At the column's (or text area's) width, no taller than the layout's share of the column (half).
        const style::FigureMakeUp& fm = c_.layout.figure;
        double h = w * fb.image->height / fb.image->width;
        h = std::min(h, c_.layout.page.text_height().pt() * fm.max_height);
        fb.image_width = w;
        fb.top_extra = h + fm.caption_gap.pt();
        fb.space_before = c_.layout.page.baseline.pt() * fm.space;
        fb.space_after = c_.layout.page.baseline.pt() * fm.space;
        const style::ParagraphStyle& cs = c_.layout.style("caption");
        if (!f.caption.empty())
            add_lines(fb, set_in_style(styled_paragraph(f.caption, cs, c_.layout, lang_), cs, w, c_.fonts,
                                       c_.diagnostics),
                      0);
        if (!f.credit.empty()) {
            const style::ParagraphStyle& cr = c_.layout.style("credit");
            add_lines(fb, set_in_style(styled_text(f.credit, cr, lang_), cr, w, c_.fonts, c_.diagnostics), 0,
                      cr.space_before.pt());
        }
        blocks_.push_back(std::move(fb));
    }

    void add_back_matter() {
        for (const model::BackMatterItem& item : c_.article.back_matter) {
            if (item.kind == model::BackMatterKind::Bio) {
                const model::Author* a = c_.article.find_author(item.author_id);
                if (!a || a->bio.empty()) continue;
                paragraph(a->bio, "bio", BlockRole::Bio, lang_, item.where, true);
                if (!blocks_.empty() && blocks_.back().role == BlockRole::Bio) {
                    blocks_.back().outline_title = a->name;
                    blocks_.back().keep_together =
                        blocks_.back().lines.size() <= static_cast<std::size_t>(c_.layout.body.bio_keep_lines);
                    // Nor does the bio start the last page alone: the text's last lines go on with it.
                    blocks_.back().keep_with_previous = true;
                }
            } else {
                if (item.notice.kind == "donation" && c_.donation == DonationNotice::Omit) continue;
                const std::vector<model::Block>* content = &item.notice.content;
                if (content->empty() && c_.publication)
                    if (const model::Notice* n = c_.publication->find_notice(item.notice.kind)) content = &n->content;
                if (content->empty()) continue;
                // One block, one tinted box, for all the notice's paragraphs.
                FlowBlock fb = make_block(BlockRole::Notice, "notice", c_.layout);
                fb.where = item.where;
                fb.structure = "Aside";
                const style::ParagraphStyle& s = *fb.style;
                std::string first_text;
                for (const model::Block& para : *content) {
                    text::StyledParagraph p = styled_paragraph(para.content, s, c_.layout, lang_of(para));
                    if (p.spans.empty()) continue;
                    if (first_text.empty()) first_text = model::plain_text(para.content);
                    add_lines(fb, set_in_style(p, s, measure_of(c_, s), c_.fonts, c_.diagnostics), inset_of(s),
                              fb.lines.empty() ? 0 : s.leading.pt() * c_.layout.body.notice_paragraph_gap);
                }
                if (fb.lines.empty()) continue;
                fb.keep_together = fb.lines.size() <= static_cast<std::size_t>(c_.layout.body.notice_keep_lines);
                std::string title = first_text.substr(0, std::min<std::size_t>(first_text.size(), 60));
                // Cut at a word and not inside a UTF-8 sequence.
                if (title.size() < first_text.size()) {
                    const auto space = title.rfind(' ');
                    if (space != std::string::npos && space > 20) title.erase(space);
                    title += "\u2026";
                }
                fb.outline_title = title;
                // The donation notice is never alone on a page: a bio short enough to keep together
                // goes on with it (issue 16: a last page holding only the appeal reads as a leftover).
                if (item.notice.kind == "donation" && !blocks_.empty() && blocks_.back().role == BlockRole::Bio &&
                    blocks_.back().keep_together)
                    blocks_.back().keep_with_next = true;
                // Without such a bio (none, or one too long to keep whole) the last lines of the block
                // before go on with it: the flow breaks that block earlier (flow.cpp).
                if (item.notice.kind == "donation") fb.keep_with_previous = true;
                blocks_.push_back(std::move(fb));
            }
        }
    }

    const BlockContext& c_;
    int initial_capitals_ = 0;  // 1: the drop cap's letter is a capital that its first word goes on from
    std::string lang_;
    linebreak::ProtrusionTable protrusion_;  // optical margin alignment of justified body text
    std::vector<FlowBlock> blocks_;
};

}  // namespace

std::vector<FlowBlock> build_blocks(const BlockContext& context) { return Builder(context).build(); }

}  // namespace quire::page
