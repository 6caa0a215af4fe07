// Copyfitting column holes: the widow and orphan rules and the no-hyphen-at-a-page-turn rule move
// lines to the next column and can leave a column two or more grid lines short of the foot on a page
// the article goes on from (the proof's `column-hole`). A compositor closes such a hole by setting a
// paragraph near it a line looser or tighter (TeX's \looseness, The TeXbook ch. 14): the paragraph at
// the column's foot one line longer fills it, or the paragraph before one line shorter pulls the
// moved lines back. This stage tries that, paragraph by paragraph, and keeps a change only when the
// article has fewer holes and no more pages.
#pragma once

#include "page/blocks.hpp"
#include "page/flow.hpp"

#include <vector>

namespace quire::page {

// Columns of pages before the last whose content ends two or more grid lines above the foot.
int count_column_holes(const std::vector<FlowBlock>& blocks, const FlowResult& flow, const FlowFrames& frames);

// Sets paragraphs near the holes again (reset_block) where that removes holes without adding a page;
// `blocks` keeps the changes. Returns the number of holes left (of the unbalanced flow).
int copyfit_holes(std::vector<FlowBlock>& blocks, const FlowFrames& frames, const BlockContext& context);

// A last page (not the opening) less than a third set (the proof's near-empty-page): two lines and
// a bio alone on a page. A compositor pulls the page back by setting paragraphs before it a line
// tighter (looseness −1), those whose last line is shortest first (they lose a line at the least
// cost to their spacing), until the article needs a page less. The changes are kept only when it
// does, with no more column holes; otherwise `blocks` is left as it was. Returns the page count.
int copyfit_last_page(std::vector<FlowBlock>& blocks, const FlowFrames& frames, const BlockContext& context);

}  // namespace quire::page
