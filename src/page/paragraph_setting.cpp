// Setting a paragraph in a style (the line spec from the style and its measure) and setting a
// block's paragraph again for copyfitting (reset_block): the paragraph step of blocks.cpp, with
// the house rules' tracking step (house_rules.hpp) both use.
#include "page/blocks.hpp"

#include "page/house_rules.hpp"
#include "page/justify.hpp"

namespace quire::page {

namespace {

linebreak::Alignment alignment_of(style::Align a) {
    switch (a) {
        case style::Align::Justify: return linebreak::Alignment::Justified;
        case style::Align::Left: return linebreak::Alignment::RaggedRight;
        case style::Align::Center: return linebreak::Alignment::Centred;
        case style::Align::Right: return linebreak::Alignment::RaggedLeft;
    }
    return linebreak::Alignment::RaggedRight;
}

}  // namespace

// Appends a paragraph's lines to a block.
void add_lines(FlowBlock& b, const linebreak::SetParagraph& set, double x, double gap_before_first) {
    bool first = true;
    for (const auto& line : set.lines) {
        b.lines.push_back(FlowLine{line, x, first ? gap_before_first : 0});
        first = false;
    }
}

linebreak::LineSpec spec_in_style(const style::ParagraphStyle& style, double width, int narrow_lines, double narrow_by,
                                  bool suppress_indent, const linebreak::ProtrusionTable& protrusion, int looseness,
                                  int only_fewer_lines_than) {
    linebreak::LineSpec spec;
    spec.widths_pt.clear();
    for (int i = 0; i < narrow_lines; ++i) spec.widths_pt.push_back(width - narrow_by);
    spec.widths_pt.push_back(width);
    spec.alignment = alignment_of(style.align);
    spec.hyphenation = style.hyphenate == style::Hyphenate::Yes ? linebreak::Hyphenation::On
                                                                : linebreak::Hyphenation::Off;
    spec.first_indent_pt = suppress_indent ? 0 : style.first_indent.pt();
    spec.protrusion = protrusion;
    spec.params.looseness = looseness;
    spec.only_fewer_lines_than = only_fewer_lines_than;
    return spec;
}

linebreak::SetParagraph set_in_style(const text::StyledParagraph& paragraph, const style::ParagraphStyle& style,
                                     double width, text::FontCollection& fonts, Diagnostics& diagnostics,
                                     int narrow_lines, double narrow_by, bool suppress_indent,
                                     const linebreak::ProtrusionTable& protrusion, int looseness,
                                     int only_fewer_lines_than) {
    return linebreak::set_paragraph(paragraph,
                                    spec_in_style(style, width, narrow_lines, narrow_by, suppress_indent, protrusion,
                                                  looseness, only_fewer_lines_than),
                                    fonts, diagnostics);
}

linebreak::ProtrusionTable protrusion_of(const style::Layout& layout) {
    linebreak::ProtrusionTable t;
    for (const auto& p : layout.body.protrusion) t.classes.push_back(linebreak::ProtrusionClass{p.chars, p.left, p.right});
    return t;
}


bool reset_block(FlowBlock& block, int looseness, const BlockContext& context, double tracking_em) {
    if (!block.resetting || !block.style) return false;
    const Resetting& r = *block.resetting;
    Diagnostics quiet;  // the paragraph's diagnostics were reported when it was first set
    text::StyledParagraph tracked = r.paragraph;
    for (auto& span : tracked.spans) span.font.tracking_em += tracking_em;
    // A line tighter: nothing to set when the paragraph cannot be shorter than it is (the final
    // pass would look for the shorter setting among every breaking, at length, to find none).
    const int fewer_than = looseness < r.looseness ? static_cast<int>(block.lines.size()) : 0;
    linebreak::TrackingTrials trials(tracked,
                                     spec_in_style(*block.style, r.width, 0, 0, r.suppress_indent,
                                                   protrusion_of(context.layout), looseness, fewer_than),
                                     context.fonts, quiet);
    linebreak::SetParagraph set = trials.at(0);
    if (set.lines.empty() || set.lines.size() == block.lines.size()) return false;
    // The house rules as at its first setting (house_rules.hpp), at the line count asked for.
    if (block.style->align == style::Align::Justify)
        if (auto better = retrack_for_house_rules(set, [&](double e) { return trials.at(e); }, RetrackLines::Same))
            set = std::move(*better);
    block.lines.clear();
    add_lines(block, set, r.inset);
    // As build_blocks adjusts them: glyph scaling, then letter spacing kept for the proof's report.
    if (block.style->align == style::Align::Justify)
        for (FlowLine& fl : block.lines) {
            const LooseLineAdjustment a = adjust_loose_line(fl.line);
            fl.x_scale = a.glyph_scale;
            fl.letter_spacing = a.letter_spacing_pt;
        }
    Resetting again = r;
    again.looseness = looseness;
    again.tracking_em = tracking_em;
    block.resetting = std::make_shared<const Resetting>(std::move(again));
    return true;
}

}  // namespace quire::page
