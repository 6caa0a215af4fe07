// Setting a paragraph: shaped text → box/glue/penalty items → Knuth–Plass breaks → lines of
// positioned glyphs, ready for Cairo. The types (LineSpec, SetLine, GlyphRun, …) are in
// line_types.hpp, which code that only reads set lines includes instead (no FreeType, no HarfBuzz).
//
//   quire::text::FontCollection fonts;
//   quire::Diagnostics diags;
//   quire::linebreak::LineSpec spec;
//   spec.widths_pt = {118.0, 118.0, 118.0, 156.0};  // 3 lines beside a drop cap, then the column
//   spec.alignment = quire::linebreak::Alignment::Justified;
//   spec.hyphenation = quire::linebreak::Hyphenation::On;
//   quire::linebreak::SetParagraph set = quire::linebreak::set_paragraph(para, spec, fonts, diags);
//   for (const auto& line : set.lines)                // baseline y is the caller's (leading, grid)
//       for (const auto& run : line.runs) {
//           // cairo glyph i: x = column_x + line.x_offset_pt + run.glyphs[i].x_pt,
//           //                y = baseline_y + run.glyphs[i].y_pt (y grows downwards, as in Cairo)
//           // cairo_show_text_glyphs(cr, run.text.data(), int(run.text.size()), glyphs, n,
//           //                        clusters (from run.clusters), n_clusters, flags)
//       }
//   quire::linebreak::SetLine head = quire::linebreak::set_single_line(running_head, fonts, diags);
#pragma once

#include "core/diagnostic.hpp"
#include "linebreak/line_types.hpp"
#include "text/font_collection.hpp"
#include "text/styled_text.hpp"

#include <memory>

namespace quire::linebreak {

// Sets `paragraph` into lines per `spec`. Characters no font has (nor a fallback) are reported into
// `diagnostics` with their SourceSpan and code point, and set with .notdef. Never throws for text;
// throws QuireError for a font family the table does not know.
SetParagraph set_paragraph(const text::StyledParagraph& paragraph, const LineSpec& spec,
                           text::FontCollection& fonts, Diagnostics& diagnostics);

struct ParagraphItems;

// A paragraph set at its own tracking and, for a desk's small corrections (page/house_rules.hpp),
// with every span tracked a little more or less: `at(e)` is set_paragraph of the paragraph with
// every span's tracking_em + e. The items are built once (diagnostics then) and only widened or
// narrowed for each tracking (linebreak::with_extra_tracking), where that is all that changes;
// else the tracked paragraph is set from scratch. `paragraph` and `fonts` must outlive it.
class TrackingTrials {
public:
    TrackingTrials(const text::StyledParagraph& paragraph, const LineSpec& spec, text::FontCollection& fonts,
                   Diagnostics& diagnostics);
    ~TrackingTrials();
    TrackingTrials(const TrackingTrials&) = delete;
    TrackingTrials& operator=(const TrackingTrials&) = delete;
    SetParagraph at(double extra_em);

private:
    const text::StyledParagraph& paragraph_;
    LineSpec spec_;
    text::FontCollection& fonts_;
    std::unique_ptr<ParagraphItems> items_;
};

// One line that must not break (running heads, folios, labels): natural width, ratio 0, x_offset 0.
// To align it, use its width_pt.
SetLine set_single_line(const text::StyledParagraph& paragraph, text::FontCollection& fonts,
                        Diagnostics& diagnostics);

}  // namespace quire::linebreak
