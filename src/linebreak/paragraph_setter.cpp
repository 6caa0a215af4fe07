// Setting lines: Knuth–Plass breaks → positioned glyph runs. Where a line ends or starts inside a
// word (a hyphenation point), the word's fragment is shaped again: the hyphen joins the shaping, a
// ligature across the point comes apart, and kerning across it goes (HarfBuzz's unsafe-to-break
// flags tell where a slice of the cached shape would differ; we re-shape every such fragment).
#include "linebreak/paragraph_setter.hpp"

#include "linebreak/items.hpp"
#include "linebreak/protrusion.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

namespace quire::linebreak {

namespace {

// One stretch of glyphs to emit: a slice of a shape, or a space standing for glue.
struct Emit {
    std::uint32_t run = 0;
    const text::Shaped* shaped = nullptr;  // null: a space glyph for glue
    std::uint32_t shaped_offset = 0;       // paragraph byte offset of the shaped text's start
    std::uint32_t g0 = 0, g1 = 0;
    double scale = 0, tracking = 0;
    std::uint32_t text_start = 0, text_end = 0;  // paragraph bytes it shows
    bool hyphen = false;                         // the shape ends with an added "-" (not in the paragraph)
    double glue_width = 0.0;                     // glue: natural width; stretch/shrink below
    double glue_stretch = 0.0, glue_shrink = 0.0;
    double box_width = 0.0;
};

// Where a line stands in its paragraph, from the breaker.
struct LineEnds {
    bool starts_after_hyphen = false;  // the line before ended at a hyphenation point
    bool hyphenated = false;           // this line ends at one (a hyphen is added)
    bool last_line = false;            // the paragraph's last, or a line before a forced break: ragged
    bool overfull = false;             // the breaker found no feasible break for it
};

class LineAssembler {
public:
    LineAssembler(const text::StyledParagraph& para, const LineSpec& spec, text::FontCollection& fonts, ParagraphItems& p)
        : para_(para), spec_(spec), fonts_(fonts), p_(p) {}

    // Items [first, end_item) form the line; `end_item` is the break (glue or penalty).
    SetLine assemble(std::size_t first, std::size_t end_item, double target, const LineEnds& ends) {
        const bool hyphenated = ends.hyphenated;
        emits_.clear();
        const auto& items = p_.items;
        double indent = 0.0;
        // Chains of boxes between glue; reshape the first if the line starts after a hyphenation
        // break, the last if it ends at one.
        std::size_t i = first;
        bool first_chain = true;
        while (i < end_item) {
            const Item& it = items[i];
            if (it.kind == ItemKind::Glue) {
                Emit e;
                e.run = std::uint32_t(run_index_at(it.ref));
                e.text_start = it.ref;
                e.text_end = next_non_space(it.ref);
                e.glue_width = it.width;
                e.glue_stretch = it.fil ? 0.0 : it.stretch;
                e.glue_shrink = it.shrink;
                const auto& r = p_.itemized.runs[e.run];
                e.scale = para_.spans[r.span].font.size_pt / r.font->units_per_em();
                if (e.text_end > e.text_start) emits_.push_back(e);
                ++i;
                continue;
            }
            if (it.kind == ItemKind::Penalty) { ++i; continue; }
            if (it.ref == kNoPiece) { indent += it.width; ++i; continue; }
            // A chain: boxes and penalties up to the next glue or the end.
            std::size_t j = i;
            while (j < end_item && items[j].kind != ItemKind::Glue) ++j;
            const bool last_chain = j >= end_item;
            const bool reshape = (first_chain && ends.starts_after_hyphen) || (last_chain && hyphenated);
            if (reshape) {
                std::uint32_t a = UINT32_MAX, b = 0;
                for (std::size_t k = i; k < j; ++k)
                    if (items[k].kind == ItemKind::Box && items[k].ref != kNoPiece) {
                        a = std::min(a, p_.pieces[items[k].ref].start);
                        b = std::max(b, p_.pieces[items[k].ref].end);
                    }
                if (a < b) reshape_range(a, b, last_chain && hyphenated);
            } else {
                for (std::size_t k = i; k < j; ++k)
                    if (items[k].kind == ItemKind::Box && items[k].ref != kNoPiece) {
                        const Piece& pc = p_.pieces[items[k].ref];
                        Emit e{pc.run, pc.shaped, pc.shaped_offset, pc.g0, pc.g1, pc.scale, pc.tracking_pt, pc.start, pc.end};
                        e.box_width = items[k].width;
                        emits_.push_back(e);
                    }
            }
            first_chain = false;
            i = j;
        }
        return position(indent, target, ends);
    }

private:
    std::size_t run_index_at(std::uint32_t offset) const {
        const auto& runs = p_.itemized.runs;
        auto it = std::upper_bound(runs.begin(), runs.end(), offset, [](std::uint32_t o, const text::TextRun& r) { return o < r.end; });
        return it == runs.end() ? runs.size() - 1 : std::size_t(it - runs.begin());
    }
    std::uint32_t next_non_space(std::uint32_t at) const {
        const std::string& t = p_.itemized.text;
        std::size_t k = at;
        while (k < t.size()) {
            std::size_t n = k;
            const char32_t cp = text::decode_utf8(t, n);
            if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A))) break;
            k = n;
        }
        return std::uint32_t(k);
    }

    void reshape_range(std::uint32_t a, std::uint32_t b, bool add_hyphen) {
        const std::string& t = p_.itemized.text;
        // A soft hyphen at the break is replaced by the visible hyphen.
        std::uint32_t b_text = b;
        if (add_hyphen && b >= a + 2 && static_cast<unsigned char>(t[b - 2]) == 0xC2 && static_cast<unsigned char>(t[b - 1]) == 0xAD)
            b_text = b - 2;
        for (std::uint32_t s = a; s < b_text;) {
            const std::size_t ri = run_index_at(s);
            const text::TextRun& r = p_.itemized.runs[ri];
            const std::uint32_t e = std::min(b_text, r.end);
            const auto& span = para_.spans[r.span];
            const bool hyphen_here = add_hyphen && e == b_text;
            piece_.assign(t, s, e - s);
            if (hyphen_here) piece_ += '-';
            const std::string& piece = piece_;
            auto& cache = fonts_.shape_cache();
            // Cached too: the same fragments recur (a word broken the same way in another paragraph).
            const text::Shaped& sh = cache.shape(*r.font, cache.features(span.font.features), text::span_language(para_, span),
                                                 r.script, r.direction(), piece);
            Emit em{std::uint32_t(ri), &sh, s, 0, std::uint32_t(sh.glyphs.size()), span.font.size_pt / r.font->units_per_em(),
                    span.font.tracking_em * span.font.size_pt, s, e};
            em.hyphen = hyphen_here;
            for (const auto& g : sh.glyphs) em.box_width += g.x_advance * em.scale + em.tracking;
            emits_.push_back(em);
            s = e;
        }
    }

    SetLine position(double indent, double target, const LineEnds& ends) {
        const bool last_line = ends.last_line;
        bool overfull = ends.overfull;
        SetLine line;
        line.target_width_pt = target;
        line.hyphenated = ends.hyphenated;
        double natural = indent, stretch = 0, shrink = 0, boxes = 0;
        for (const auto& e : emits_) {
            if (e.shaped) { natural += e.box_width; boxes += e.box_width; }
            else { natural += e.glue_width; stretch += e.glue_stretch; shrink += e.glue_shrink; }
        }
        line.natural_width_pt = natural;
        const bool justified = spec_.alignment == Alignment::Justified;
        double ratio = 0.0;
        double glyph_scale = 1.0;
        if (justified) {
            glyph_scale = expansion_scale(target - natural, last_line, stretch, shrink, boxes);
            // The word spaces take what the glyphs do not.
            const double rest = target - natural - (glyph_scale - 1.0) * boxes;
            if (rest < 0) ratio = shrink > 0 ? rest / shrink : 0.0;
            else if (!last_line) ratio = stretch > 0 ? rest / stretch : 0.0;
            if (ratio < -1.0) { ratio = -1.0; overfull = true; }
        } else {
            const double line_stretch = spec_.params.ragged_stretch_em * p_.em_pt * (spec_.alignment == Alignment::Centred ? 2 : 1);
            if (!last_line && natural < target && line_stretch > 0) ratio = (target - natural) / line_stretch;
            if (natural > target + 1e-6) overfull = true;
        }
        const double max_shrink = justified ? shrink + spec_.params.expansion * boxes : 0.0;
        line.overfull = overfull || natural - max_shrink > target + 0.01;
        line.ratio = ratio;
        line.glyph_scale = glyph_scale;
        // Lay the glyphs out.
        double x = indent;
        GlyphRun* current = nullptr;
        std::size_t current_run = SIZE_MAX;
        std::uint32_t current_text_start = 0;
        std::vector<std::uint32_t>& starts = starts_;
        const std::string& t = p_.itemized.text;
        std::uint32_t current_text_end = 0;
        bool current_hyphen = false;
        auto close_run = [&] {
            if (!current) return;
            current->text.assign(t, current_text_start, current_text_end - current_text_start);
            if (current_hyphen) current->text += '-';
        };
        auto open_run = [&](const Emit& e) {
            close_run();
            current_hyphen = false;
            const auto& r = p_.itemized.runs[e.run];
            const auto& span = para_.spans[r.span];
            line.runs.emplace_back();
            current = &line.runs.back();
            current->font = r.font;
            current->size_pt = span.font.size_pt;
            current->href = span.href;
            current->lang = text::span_language(para_, span);
            current->direction = r.bidi_level % 2 ? RunDirection::RightToLeft : RunDirection::LeftToRight;
            current->x_start_pt = x;
            current_run = e.run;
            current_text_start = e.text_start;
            line.ascent_pt = std::max(line.ascent_pt, r.font->ascender_em() * span.font.size_pt);
            line.descent_pt = std::max(line.descent_pt, r.font->descender_em() * span.font.size_pt);
        };
        line.runs.reserve(4);
        for (const auto& e : emits_) {
            if (!current || e.run != current_run) {
                open_run(e);
                std::size_t glyphs = 0;  // reserve the run's glyphs: emits of one run are consecutive
                for (const Emit* f = &e; f != emits_.data() + emits_.size() && f->run == e.run; ++f)
                    glyphs += f->shaped ? f->g1 - f->g0 : 1;
                current->glyphs.reserve(glyphs);
            }
            // The run's text grows to cover this emit (emits are contiguous in the text); the text
            // itself is copied once the run is complete.
            current_text_end = e.text_end;
            if (e.shaped) {
                for (std::uint32_t k = e.g0; k < e.g1; ++k) {
                    const auto& g = e.shaped->glyphs[k];
                    PositionedGlyph pg;
                    pg.id = g.id;
                    pg.x_pt = x + g.x_offset * e.scale * glyph_scale;
                    pg.y_pt = -g.y_offset * e.scale;
                    std::uint32_t c = e.shaped_offset + g.cluster;  // paragraph byte offset
                    if (e.hyphen && c >= e.text_end) c = e.text_end;  // the added hyphen's cluster
                    pg.cluster = c - current_text_start;
                    current->glyphs.push_back(pg);
                    x += g.x_advance * e.scale * glyph_scale + e.tracking;
                }
                if (e.hyphen) current_hyphen = true;
            } else {
                double w = e.glue_width;
                if (justified && !(last_line && ratio >= 0)) w += ratio >= 0 ? ratio * e.glue_stretch : ratio * e.glue_shrink;
                const auto& r = p_.itemized.runs[e.run];
                PositionedGlyph pg;
                pg.id = r.font->glyph_for(U' ');
                pg.x_pt = x;
                pg.cluster = e.text_start - current_text_start;
                current->glyphs.push_back(pg);
                x += w;
            }
            current->width_pt = x - current->x_start_pt;
        }
        close_run();
        line.width_pt = x;
        if (spec_.alignment == Alignment::RaggedLeft) line.x_offset_pt = target - x;
        else if (spec_.alignment == Alignment::Centred) line.x_offset_pt = (target - x) / 2;
        // Cluster maps (cairo_text_cluster_t): group glyphs by cluster; a cluster's bytes run to the
        // next cluster start in text order.
        for (auto& run : line.runs) {
            starts.clear();
            bool sorted = true;
            for (const auto& g : run.glyphs) {
                if (!starts.empty() && g.cluster < starts.back()) sorted = false;
                if (starts.empty() || g.cluster != starts.back()) starts.push_back(g.cluster);
            }
            if (!sorted) {  // right-to-left runs
                std::sort(starts.begin(), starts.end());
                starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
            }
            auto bytes_of = [&](std::uint32_t c) {
                auto it = std::upper_bound(starts.begin(), starts.end(), c);
                return int((it == starts.end() ? std::uint32_t(run.text.size()) : *it) - c);
            };
            run.clusters.reserve(starts.size());
            // Left to right, the glyphs' clusters are `starts` in order: the next start is the
            // next entry (no search).
            std::size_t group = 0;
            for (std::size_t k = 0; k < run.glyphs.size();) {
                std::size_t m = k;
                while (m < run.glyphs.size() && run.glyphs[m].cluster == run.glyphs[k].cluster) ++m;
                const std::uint32_t c = run.glyphs[k].cluster;
                const int bytes = sorted ? int((group + 1 < starts.size() ? starts[group + 1] : std::uint32_t(run.text.size())) - c)
                                         : bytes_of(c);
                run.clusters.push_back(TextCluster{bytes, int(m - k)});
                ++group;
                k = m;
            }
            // Text before the first cluster (cannot happen for shaped text, which starts at 0).
            if (!starts.empty() && starts.front() > 0 && !run.clusters.empty()) run.clusters.front().num_bytes += int(starts.front());
        }
        // The line's characters, soft hyphens dropped.
        for (const auto& run : line.runs) {
            std::size_t from = 0;
            for (std::size_t k = run.text.find("\xC2\xAD"); k != std::string::npos; k = run.text.find("\xC2\xAD", from)) {
                line.text.append(run.text, from, k - from);
                from = k + 2;
            }
            line.text.append(run.text, from, std::string::npos);
        }
        return line;
    }

    // The glyph scale of a justified line `slack` short of its width (negative: too wide), with
    // `stretch`/`shrink` of glue and `boxes` points of glyphs: the glyphs take their share
    // 1 + r·expansion of the adjustment ratio r over glue and glyphs together (pdfTeX), at most
    // ±expansion, rounded to the step. Stretching, to the nearest step, where the spaces can take
    // the difference (they stretch a little less, or shrink a little), else down; shrinking, up in
    // magnitude (so that the spaces never shrink more than they can). The last line of a paragraph
    // is not stretched. Rounding down when stretching left the spaces up to half a step of every
    // line's glyph width to stretch beyond what the breaker planned: to nearest, the LuaTeX
    // comparison's mean |r| (word spaces) went 0.612 → 0.575 at 156 pt and 0.409 → 0.376 at 300 pt.
    double expansion_scale(double slack, bool last_line, double stretch, double shrink, double boxes) const {
        const double e = spec_.params.expansion;
        if (e <= 0 || boxes <= 0 || slack == 0 || (slack > 0 && last_line)) return 1.0;
        const double step = spec_.params.expansion_step > 0 ? spec_.params.expansion_step : e;
        const double total = (slack > 0 ? stretch : shrink) + e * boxes;
        const double r = std::clamp(slack / total, -1.0, 1.0);
        if (r > 0) {
            const double nearest = std::min(std::round(r * e / step) * step, e);
            if (slack - nearest * boxes >= -shrink) return 1.0 + nearest;
            return 1.0 + std::floor(r * e / step + 1e-9) * step;
        }
        return 1.0 + std::max(std::floor(r * e / step + 1e-9) * step, -e);  // away from 1
    }

    const text::StyledParagraph& para_;
    const LineSpec& spec_;
    text::FontCollection& fonts_;
    ParagraphItems& p_;
    std::vector<Emit> emits_;
    std::string piece_;  // scratch: a fragment's text
    std::vector<std::uint32_t> starts_;  // scratch: a run's cluster starts
};

}  // namespace

namespace {

// Breaks and assembles the lines of `paragraph` from its items `p` (build_items).
SetParagraph set_from_items(const text::StyledParagraph& paragraph, const LineSpec& spec, text::FontCollection& fonts,
                            ParagraphItems& p) {
    BreakerInput in;
    in.widths_pt = spec.widths_pt;
    in.params = spec.params;
    in.em_pt = p.em_pt;
    in.hyphenation = spec.hyphenation;
    in.runt_from = p.runt_from;
    if (spec.alignment != Alignment::Justified)
        in.line_stretch_pt = spec.params.ragged_stretch_em * p.em_pt * (spec.alignment == Alignment::Centred ? 2 : 1);
    if (spec.alignment == Alignment::Justified && !spec.protrusion.empty()) {
        MarginKerns kerns = margin_kerns(p, spec.protrusion);  // optical margin alignment
        in.protrude_left = std::move(kerns.left);
        in.protrude_right = std::move(kerns.right);
    }
    if (spec.only_fewer_lines_than > 0 && fewest_lines(p.items, in) >= spec.only_fewer_lines_than) return {};
    const BreakResult r = knuth_plass(p.items, in);
    SetParagraph out;
    out.demerits = r.demerits;
    LineAssembler assembler(paragraph, spec, fonts, p);
    std::size_t start = 0;
    bool after_hyphen = false;
    for (std::size_t li = 0; li < r.breaks.size(); ++li) {
        const LineBreak& b = r.breaks[li];
        const Item& brk = p.items[b.item];
        const bool hyph = brk.kind == ItemKind::Penalty && brk.discretionary;
        // A line after a forced break inside the paragraph (U+2028) is ragged like the last line.
        const bool last = brk.kind == ItemKind::Penalty && brk.penalty <= -kInfinitePenalty;
        std::size_t end_item = b.item;
        if (last) while (end_item > start && p.items[end_item - 1].kind != ItemKind::Box) --end_item;
        SetLine line = assembler.assemble(start, end_item, b.width,
                                          LineEnds{.starts_after_hyphen = after_hyphen, .hyphenated = hyph,
                                                   .last_line = last, .overfull = b.overfull});
        line.broken_word = brk.kind == ItemKind::Penalty && brk.emergency;
        if (start < in.protrude_left.size()) line.x_offset_pt -= in.protrude_left[start];  // hangs into the margin
        out.lines.push_back(std::move(line));
        after_hyphen = hyph;
        // The next line starts after the glue and penalties that follow the break (TeX discards them).
        start = b.item + 1;
        while (start < p.items.size() && p.items[start].kind != ItemKind::Box &&
               !(p.items[start].kind == ItemKind::Penalty && p.items[start].penalty <= -kInfinitePenalty))
            ++start;
    }
    return out;
}

text::StyledParagraph tracked_by(const text::StyledParagraph& paragraph, double extra_em) {
    text::StyledParagraph tracked = paragraph;
    for (auto& span : tracked.spans) span.font.tracking_em += extra_em;
    return tracked;
}

}  // namespace

SetParagraph set_paragraph(const text::StyledParagraph& paragraph, const LineSpec& spec, text::FontCollection& fonts,
                           Diagnostics& diagnostics) {
    ParagraphItems p = build_items(paragraph, spec, fonts, diagnostics);
    return set_from_items(paragraph, spec, fonts, p);
}

TrackingTrials::TrackingTrials(const text::StyledParagraph& paragraph, const LineSpec& spec, text::FontCollection& fonts,
                               Diagnostics& diagnostics)
    : paragraph_(paragraph), spec_(spec), fonts_(fonts),
      items_(std::make_unique<ParagraphItems>(build_items(paragraph, spec, fonts, diagnostics))) {}

TrackingTrials::~TrackingTrials() = default;

SetParagraph TrackingTrials::at(double extra_em) {
    if (extra_em == 0) return set_from_items(paragraph_, spec_, fonts_, *items_);
    const text::StyledParagraph tracked = tracked_by(paragraph_, extra_em);
    if (std::optional<ParagraphItems> p = with_extra_tracking(*items_, paragraph_, spec_, fonts_, extra_em))
        return set_from_items(tracked, spec_, fonts_, *p);
    Diagnostics quiet;  // reported when the items were first built
    return set_paragraph(tracked, spec_, fonts_, quiet);
}

SetLine set_single_line(const text::StyledParagraph& paragraph, text::FontCollection& fonts, Diagnostics& diagnostics) {
    LineSpec spec;
    spec.alignment = Alignment::RaggedRight;
    spec.hyphenation = Hyphenation::Off;
    ParagraphItems p = build_items(paragraph, spec, fonts, diagnostics, ItemsFor::SingleLine);
    std::size_t end_item = p.items.size();
    while (end_item > 0 && p.items[end_item - 1].kind != ItemKind::Box) --end_item;
    LineAssembler assembler(paragraph, spec, fonts, p);
    double natural = 0;
    for (std::size_t i = 0; i < end_item; ++i) natural += p.items[i].kind == ItemKind::Penalty ? 0 : p.items[i].width;
    SetLine line = assembler.assemble(0, end_item, natural, LineEnds{.last_line = true});
    line.target_width_pt = line.width_pt;
    line.overfull = false;
    return line;
}

std::string SetParagraph::dump() const {
    std::string out;
    char buf[200];
    std::snprintf(buf, sizeof buf, "demerits %.0f lines %zu\n", demerits, lines.size());
    out += buf;
    for (const auto& l : lines) {
        std::snprintf(buf, sizeof buf, "line r=%+.3f w=%.2f/%.2f x=%.2f a=%.2f d=%.2f%s%s |", l.ratio, l.natural_width_pt,
                      l.target_width_pt, l.x_offset_pt, l.ascent_pt, l.descent_pt, l.hyphenated ? " hyph" : "",
                      l.overfull ? " overfull" : "");
        out += buf;
        if (l.glyph_scale != 1.0) {  // before the text's bars, so that lines without it read as before
            out.pop_back();
            std::snprintf(buf, sizeof buf, "s=%.3f |", l.glyph_scale);
            out += buf;
        }
        out += l.text;
        out += "|\n";
        for (const auto& r : l.runs) {
            std::snprintf(buf, sizeof buf, "  run %s/%d/%s %.2fpt x=%.2f w=%.2f glyphs=%zu clusters=%zu%s%s \"", r.font->family().c_str(),
                          r.font->weight(), text::slant_name(r.font->slant()), r.size_pt, r.x_start_pt, r.width_pt,
                          r.glyphs.size(), r.clusters.size(), r.href.empty() ? "" : " href=", r.href.c_str());
            out += buf;
            out += r.text;
            out += "\"\n";
        }
    }
    return out;
}

}  // namespace quire::linebreak
