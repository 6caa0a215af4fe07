// House rules the breaker could not keep by its spacing alone (issue 16: no one-word last line, no
// hyphen in a paragraph's penultimate line, lower case letter-spaced only as a last resort, no very
// tight line beside loose ones), kept
// the way a desk keeps them: the paragraph tracked a few thousandths of an em tighter (the last word
// pulled up) or looser (a word sent down to join it). The breaker weighs a runt
// (linebreak::BreakParams::runt_demerits) or a loose line against the others at one tracking only;
// this is the same weighing with the tracking free within a step an eye does not see.
#pragma once

#include "linebreak/line_types.hpp"

#include <functional>
#include <optional>

namespace quire::page {

// What is wrong with a set paragraph, as the proof counts it (proof/checks_lines.cpp).
struct HouseRuleFaults {
    bool runt = false;                // the last line is one word (no space in it), the paragraph 2+ lines
    bool penultimate_hyphen = false;  // the line before the last ends in an added hyphen
    // Justified lines (not the last) whose word spaces stretch beyond twice their stretchability:
    // the print engine scales their glyphs and may letter-space them (page/justify.hpp), which the
    // proof reports (`letter-spaced`, `loose-line`).
    int loose_lines = 0;
    int tight_lines = 0;  // justified lines (not the last) at ratio −0.9 or tighter (`tight-line`)
    int count() const { return int(runt) + int(penultimate_hyphen) + loose_lines + tight_lines; }
    bool any() const { return count() > 0; }
};
HouseRuleFaults house_rule_faults(const linebreak::SetParagraph& set);

// The trackings tried, in order: tighter first (a line saved helps the page), then looser. Five
// thousandths of an em is the copyfitting step (copyfit.hpp); ten is what desks allow for a runt.
inline constexpr double kHouseRuleTracking[] = {-0.005, 0.005, -0.01, 0.01};

// Sets the paragraph again by `set_at(e)`, its spans tracked e em more for each e of
// kHouseRuleTracking in turn (linebreak::TrackingTrials::at), until one setting (returned) has fewer faults
// than the original `set` (none of the four kinds more) and is no worse in its spacing: no overfull
// line, no more lines than before, at most one more hyphen and no more broken names
// (text::is_name_break), no very loose (ratio > 2.154) or very tight (≤ −0.9) line beyond the
// original's count, and its loosest line not looser than the original's or ratio 1.
// Nothing when the original keeps the rules or no tracking does better.
// `lines`: FewerAllowed allows a line fewer (a first setting); Same keeps the count (copyfitting, which
// set the paragraph to that count, copyfit.hpp).
enum class RetrackLines { FewerAllowed, Same };
std::optional<linebreak::SetParagraph> retrack_for_house_rules(const linebreak::SetParagraph& set,
                                                 const std::function<linebreak::SetParagraph(double)>& set_at,
                                                 RetrackLines lines = RetrackLines::FewerAllowed);

}  // namespace quire::page
