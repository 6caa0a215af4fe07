// The flow's material: the article's body and back matter set into lines at the column's measure
// (one FlowBlock a paragraph, heading, quotation, figure or notice), before any line has a page.
// Setting does not depend on where a line lands (every column has the same width), so the flow can
// try several column heights (balancing the last page) without setting anything again.
#pragma once

#include "core/diagnostic.hpp"
#include "linebreak/paragraph_setter.hpp"
#include "model/article.hpp"
#include "model/publication.hpp"
#include "page/image.hpp"
#include "page/placement.hpp"
#include "style/layout.hpp"
#include "text/font_collection.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quire::page {

// A line box's split of its leading: a quarter below the baseline, three quarters above (close to the
// ascender and descender of text faces at their usual leading). Not a design number but the model the
// flow, the opening and the issue's own pages place lines by; a layout changes leading, not this.
inline constexpr double kLineDepth = 0.25;
inline constexpr double kLineAscent = 1 - kLineDepth;

struct FlowLine {
    linebreak::SetLine line;
    double x = 0;           // from the column's left edge: indents, the drop cap's room, padding
    double gap_before = 0;  // extra space above this line (between the paragraphs of one block)
    double x_scale = 1;     // horizontal glyph scaling of a loose line (page/justify.hpp)
    double letter_spacing = 0;  // points added between its letters (page/justify.hpp), for the proof
};

// A piece set apart from the lines and placed relative to them: a drop cap (baseline on line
// `on_line`, moved down by `dy`: an initial sized by its outline, or below a short paragraph), its
// hanging quotation mark, a list's marker.
struct Ornament {
    linebreak::SetLine line;
    double x = 0;
    int on_line = 0;
    style::Color color;
    double dy = 0;  // points, downwards
};

enum class BlockRole { Body, Heading, BlockQuote, PullQuote, ListItem, Figure, Bio, Notice };

// How a plain paragraph was set, so that it can be set again at another looseness (page/copyfit.hpp):
// the styled text, the measure, its inset in the column and whether the first indent was suppressed.
struct Resetting {
    text::StyledParagraph paragraph;
    double width = 0, inset = 0;
    bool suppress_indent = false;
    int looseness = 0;
    double tracking_em = 0;  // copyfitting tracking added to every span (page/copyfit.cpp)
};

struct FlowBlock {
    BlockRole role = BlockRole::Body;
    std::string style_name;
    const style::ParagraphStyle* style = nullptr;
    std::vector<FlowLine> lines;
    double leading = 12, above = 9, depth = 3;  // line box: baseline to baseline; above and below it
    double space_before = 0, space_after = 0;   // rules and padding included
    // Of space_before and space_after, the rules' and padding's share: it does not collapse. The
    // rest (the styles' space) does: between two blocks the larger of the two, not their sum
    // (CSS 2.1 §8.3.1, InDesign's "space before/after" at a frame's head does the same).
    double fixed_before = 0, fixed_after = 0;
    double top_extra = 0;                       // height above the first line (a figure's image)
    bool keep_with_next = false;                // headings: never last in a column
    bool keep_together = false;                 // pull quotes, notices, figures: never broken
    // The donation notice: never alone at the head of a page; the block before it gives up its last
    // lines (widows) to go with it when it would otherwise end the page above it.
    bool keep_with_previous = false;
    bool on_grid = false;
    // A float across all the columns (span="all", where the layout allows): set at the text area's
    // width, placed at the head of a page with every column starting below it.
    bool spans = false;
    int orphans = 2, widows = 2;
    std::vector<Ornament> ornaments;
    std::shared_ptr<const Resetting> resetting;  // plain paragraphs (no drop cap, no ornament)
    std::shared_ptr<const Image> image;         // figures
    double image_width = 0;
    std::string alt;
    std::string structure = "P";                // PDF structure role
    std::optional<std::string> outline_title;   // an outline entry at this block
    int outline_level = 2;
    SourceSpan where;
};

struct BlockContext {
    const model::Article& article;
    const model::Publication* publication;  // may be null
    const style::Layout& layout;
    std::filesystem::path folder;            // relative image paths start here
    text::FontCollection& fonts;
    Diagnostics& diagnostics;
    DonationNotice donation = DonationNotice::AsWritten;
};

// The declarations from here to reset_block are defined in paragraph_setting.cpp.

// Appends a paragraph's lines to a block, `x` from the column's left edge.
void add_lines(FlowBlock& b, const linebreak::SetParagraph& set, double x, double gap_before_first = 0);

// How a paragraph in `style` is set at `width` points; the first `narrow_lines` lines are narrower
// by `narrow_by` (a drop cap). Alignment, hyphenation and indents come from the style.
// `only_fewer_lines_than`: LineSpec's (no lines when the paragraph cannot be that short).
linebreak::LineSpec spec_in_style(const style::ParagraphStyle& style, double width, int narrow_lines = 0,
                                  double narrow_by = 0, bool suppress_indent = false,
                                  const linebreak::ProtrusionTable& protrusion = {}, int looseness = 0,
                                  int only_fewer_lines_than = 0);
// The paragraph set so (linebreak::set_paragraph).
linebreak::SetParagraph set_in_style(const text::StyledParagraph& paragraph, const style::ParagraphStyle& style,
                                     double width, text::FontCollection& fonts, Diagnostics& diagnostics,
                                     int narrow_lines = 0, double narrow_by = 0, bool suppress_indent = false,
                                     const linebreak::ProtrusionTable& protrusion = {}, int looseness = 0,
                                     int only_fewer_lines_than = 0);

// The layout's optical margin alignment (<protrude>) as the line breaker's table.
linebreak::ProtrusionTable protrusion_of(const style::Layout& layout);

// The body and the back matter, set at the layout's column width.
std::vector<FlowBlock> build_blocks(const BlockContext& context);

// Sets a plain paragraph's block again, `looseness` lines longer (+) or shorter (−) than its best
// setting (TeX's \looseness). False, and `block` unchanged, when it has no Resetting or the line
// count would not change.
// `tracking_em` is added to every span's letter spacing (a compositor's copyfitting tracking).
bool reset_block(FlowBlock& block, int looseness, const BlockContext& context, double tracking_em = 0);

}  // namespace quire::page
