// At most one hyphenated name a page (issue 16: an art desk's limit on ordinary articles). The line
// breaker hyphenates names like other words (BreakParams::name_hyphenation = All): forbidding it
// everywhere cost 35–50 more loose lines over the 20 example articles (docs/text-engine.md). Here,
// after the make-up, a page with more than `per_page` broken names has the paragraphs of its later
// ones set again without hyphenating capitalised words (NameHyphenation::TaggedOnly: names in a span
// of another language keep that language's patterns; names broken only at open syllables is tried
// first), and the new setting is kept only where it has the same number of lines (nothing else on the
// page moves), fewer broken names, and no more very loose, letter-spaced or overfull lines. What is
// left is the proof's `hyphenated-name`.
// Measured over the 20 example articles (tools/line-stats): no name can go this way without a looser
// paragraph. Allowing one more letter-spaced line per name took 57 broken names to 55, but the art
// desk's eye prefers "Decem-/ber." to a gappy letter-spaced line after it (interview-yerevan p. 2), so
// the rule stays strict. The rest needs re-breaking across the page (another line count, a new
// make-up), not done here.
#pragma once

#include "page/blocks.hpp"
#include "page/flow.hpp"

#include <vector>

namespace quire::page {

// Hyphenated names on each page, in reading order: (page, block, line of the block).
struct NameBreak {
    int page = 0, block = 0, line = 0;
};
std::vector<NameBreak> name_breaks(const std::vector<FlowBlock>& blocks, const FlowResult& flow);

// Sets paragraphs again where a page has more than `per_page` broken names; `blocks` keeps the
// changes. Returns how many broken names beyond `per_page` a page are left.
int limit_name_breaks(std::vector<FlowBlock>& blocks, const FlowResult& flow, const BlockContext& context, int per_page = 1);

}  // namespace quire::page
