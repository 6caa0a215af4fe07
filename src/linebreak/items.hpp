// From styled text to Knuth–Plass items: each word is shaped (cached) and cut into boxes at its
// hyphenation points, spaces become glue, hyphenation points and explicit hyphens become
// penalties, and the paragraph ends with TeX's \penalty10000 \hskip\parfillskip \penalty-10000.
//
//   quire::linebreak::ParagraphItems p = quire::linebreak::build_items(para, spec, fonts, diags);
//   std::cout << quire::linebreak::dump(p);   // stable text, for golden tests
#pragma once

#include "linebreak/knuth_plass.hpp"
#include "text/itemize.hpp"
#include "text/shaper.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quire::linebreak {

constexpr std::uint32_t kNoPiece = 0xFFFFFFFF;  // a box with no glyphs (the first-line indent)

// The glyphs of one box: a slice of a cached shape.
struct Piece {
    std::uint32_t run = 0;             // index into ItemizedParagraph::runs
    std::uint32_t start = 0, end = 0;  // its text: bytes of ItemizedParagraph::text
    const text::Shaped* shaped = nullptr;
    std::uint32_t shaped_offset = 0;   // byte offset in the paragraph of the shaped text's start
    std::uint32_t g0 = 0, g1 = 0;      // glyph range within *shaped
    double scale = 0.0;                // points per font unit (size_pt / units_per_em)
    double tracking_pt = 0.0;          // added after every glyph
};

struct ParagraphItems {
    text::ItemizedParagraph itemized;
    std::vector<Item> items;   // boxes: ref = piece index or kNoPiece; glue: ref = byte offset of the
                               // space; penalties: ref = byte offset of the break
    std::vector<Piece> pieces;
    double em_pt = 10.0;       // size of the paragraph's first span
    // The paragraph's last interword glue: a break at it or after it (before the end) leaves one
    // word alone on the last line (BreakerInput::runt_from). SIZE_MAX: none (a one-word paragraph,
    // a last line after a forced break U+2028, or single-line items).
    std::size_t runt_from = SIZE_MAX;
};

enum class ItemsFor { Paragraph, SingleLine };

ParagraphItems build_items(const text::StyledParagraph& paragraph, const LineSpec& spec, text::FontCollection& fonts,
                           Diagnostics& diagnostics, ItemsFor purpose = ItemsFor::Paragraph);

// The items build_items gives for `paragraph` with every span's tracking `extra_em` larger, made
// from `p` (built for `paragraph` as it is) without shaping, hyphenating or breaking the text again:
// each glyph of a box or a hyphen and each space `extra_em` × its span's size wider, stretch and
// shrink in proportion, each piece's tracking as much larger. Nothing where more than widths could
// change: a word with breaks at every character (emergency_word_penalty), or one the tracking
// would make wider than the narrowest line (it would get them). page/house_rules.cpp sets a
// paragraph at four trackings; this spares it building the items four times more.
std::optional<ParagraphItems> with_extra_tracking(const ParagraphItems& p, const text::StyledParagraph& paragraph,
                                                  const LineSpec& spec, text::FontCollection& fonts, double extra_em);

// One item a line: `box 12.34 "word"`, `glue 2.50+1.25-0.83`, `penalty 50 flagged w=3.1`.
std::string dump(const ParagraphItems& p);

}  // namespace quire::linebreak
