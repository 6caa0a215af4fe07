// House rules the breaker could not keep by its spacing alone (issue 16: no one-word last line, no
// hyphen in a paragraph's penultimate line), kept the way a desk keeps them: the paragraph tracked
// a few thousandths of an em tighter (the last word pulled up) or looser (a word sent down to join
// it). The breaker weighs a runt (linebreak::BreakParams::runt_demerits) against looser lines at one
// tracking only; this is the same weighing with the tracking free within a step an eye does not see.
#pragma once

#include "linebreak/line_types.hpp"
#include "text/styled_text.hpp"

#include <functional>
#include <optional>

namespace quire::page {

// What is wrong with a set paragraph, as the proof counts it (proof/checks_lines.cpp).
struct HouseRuleFaults {
    bool runt = false;                // the last line is one word (no space in it), the paragraph 2+ lines
    bool penultimate_hyphen = false;  // the line before the last ends in an added hyphen
    bool any() const { return runt || penultimate_hyphen; }
};
HouseRuleFaults house_rule_faults(const linebreak::SetParagraph& set);

// A paragraph set again with tracking: the setting and the tracking used.
struct Retracked {
    linebreak::SetParagraph set;
    double tracking_em = 0;
};

// The trackings tried, in order: tighter first (a line saved helps the page), then looser. Five
// thousandths of an em is the copyfitting step (copyfit.hpp); ten is what desks allow for a runt.
inline constexpr double kHouseRuleTracking[] = {-0.005, 0.005, -0.01, 0.01};

// Sets `paragraph` again (by `set_tracked`, which adds the tracking to every span and sets it as
// the original was) at each of kHouseRuleTracking until one setting keeps the house rules the
// original `set` broke and is no worse in its spacing: no overfull line, no more lines than before,
// no more hyphens than one more, no very loose (ratio > 2.154) or very tight (≤ −0.9) line beyond
// the original's count, and its loosest line not looser than the original's or ratio 1.
// Nothing when the original keeps the rules or no tracking does better.
std::optional<Retracked> retrack_for_house_rules(
    const text::StyledParagraph& paragraph, const linebreak::SetParagraph& set,
    const std::function<linebreak::SetParagraph(const text::StyledParagraph&)>& set_tracked);

}  // namespace quire::page
