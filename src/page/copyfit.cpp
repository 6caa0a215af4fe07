#include "page/copyfit.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace quire::page {

namespace {

// A hole is this many grid lines or more (the proof's column-hole threshold, checks_makeup.cpp).
constexpr double kHoleLines = 2;
// Settings tried per article (each sets one paragraph and flows the article once): bounded so that a
// long article with many holes costs at most a few milliseconds more.
constexpr int kMaxTries = 24;
// Of the paragraphs in a holed column, those nearest its foot are tried (the hole is theirs).
constexpr int kCandidatesPerHole = 3;
constexpr double kTolerance = 1e-6;
// Paragraphs of one column set a line looser or tighter together, at most, for one hole.
constexpr int kTogether = 4;
// A compositor's copyfitting tracking: a paragraph set 5/1000 em tighter (or looser) to lose (or
// gain) a line where its spacing alone cannot, within the ±5…10 units desks use for it. Invisible
// at text sizes; in 35-character columns it is often the only way a paragraph changes its length
// within the breaker's tolerance.
constexpr double kCopyfitTrackingEm = 0.005;

// The block a line looser (delta +1) or tighter (−1): by its spacing alone, else with the
// copyfitting tracking. False, and the block unchanged, when neither changes its line count.
bool reset_with_tracking(FlowBlock& block, int delta, const BlockContext& context) {
    const int looseness = block.resetting->looseness + delta;
    const double tracking = block.resetting->tracking_em;
    return reset_block(block, looseness, context, tracking) ||
           reset_block(block, looseness, context, tracking + delta * kCopyfitTrackingEm);
}

struct Hole {
    int page = 0, column = 0;
};

// The lowest point used in each (page, column): line baselines and figures' images.
std::map<std::pair<int, int>, double> column_bottoms(const std::vector<FlowBlock>& blocks, const FlowResult& flow) {
    std::map<std::pair<int, int>, double> bottom;
    for (const PlacedLine& l : flow.lines) {
        double& b = bottom[{l.page, l.column}];
        b = std::max(b, l.baseline);
    }
    for (std::size_t i = 0; i < blocks.size() && i < flow.blocks.size(); ++i)
        if (blocks[i].image && blocks[i].lines.empty()) {
            const PlacedBlock& pb = flow.blocks[i];
            double& b = bottom[{pb.page, pb.column}];
            b = std::max(b, pb.top + blocks[i].top_extra);
        }
    return bottom;
}

std::vector<Hole> holes_of(const std::vector<FlowBlock>& blocks, const FlowResult& flow, const FlowFrames& frames) {
    std::vector<Hole> out;
    const auto bottom = column_bottoms(blocks, flow);
    const double step = frames.geometry.baseline.pt();
    for (int p = 0; p + 1 < flow.pages; ++p)
        for (int c = 0; c < frames.geometry.columns; ++c) {
            const auto it = bottom.find({p, c});
            if (it == bottom.end()) continue;  // an empty column is not a hole of the text's flow
            const double foot = frames.frame(p, c).max_baseline;
            if ((foot - it->second) / step >= kHoleLines - kTolerance) out.push_back(Hole{p, c});
        }
    return out;
}

// Blocks that can be set again, nearest the hole first: the paragraphs ending the holed column
// (from its foot up), then the one starting the next column (the lines the rules moved).
std::vector<int> candidates(const std::vector<FlowBlock>& blocks, const FlowResult& flow, const Hole& h, int columns) {
    std::vector<int> in_column;
    for (const PlacedLine& l : flow.lines)
        if (l.page == h.page && l.column == h.column &&
            (in_column.empty() || in_column.back() != l.block))
            in_column.push_back(l.block);
    std::vector<int> out;
    for (auto it = in_column.rbegin(); it != in_column.rend() && static_cast<int>(out.size()) < kCandidatesPerHole; ++it)
        if (blocks[static_cast<std::size_t>(*it)].resetting) out.push_back(*it);
    const int np = h.column + 1 < columns ? h.page : h.page + 1, nc = h.column + 1 < columns ? h.column + 1 : 0;
    for (const PlacedLine& l : flow.lines)
        if (l.page == np && l.column == nc) {
            if (blocks[static_cast<std::size_t>(l.block)].resetting &&
                std::find(out.begin(), out.end(), l.block) == out.end())
                out.push_back(l.block);
            break;
        }
    return out;
}

// A last page set to less than this share of its text area is near-empty (the proof's
// near-empty-page threshold, proof/checks_makeup.hpp).
constexpr double kNearEmptyShare = 1.0 / 3.0;
// Paragraphs tightened at most to pull a near-empty page back: each costs one setting and one flow.
constexpr int kMaxTightened = 16;

// The share of the last page's text area that is set (its columns' used height over the area's).
double last_page_share(const std::vector<FlowBlock>& blocks, const FlowResult& flow, const FlowFrames& frames) {
    const int last = flow.pages - 1;
    const double step = frames.geometry.baseline.pt();
    double used = 0;
    for (const auto& [where, bottom] : column_bottoms(blocks, flow))
        if (where.first == last) used += std::max(0.0, bottom - frames.frame(last, where.second).top + step / 4);
    return used / (frames.geometry.columns * frames.geometry.text_height().pt());
}

// Leaves pull quotes out of print, the last first, until the article needs fewer than `pages`
// pages with at most `holes` column holes; notes each one left out. When leaving all of them out
// does not save the page, `blocks` is left as it was. Returns the page count.
int drop_pullquotes(std::vector<FlowBlock>& blocks, const FlowFrames& frames, const BlockContext& context, int pages,
                    std::size_t holes) {
    std::vector<FlowBlock> trial = blocks;
    std::vector<SourceSpan> dropped;
    for (std::size_t i = trial.size(); i-- > 0;) {
        if (trial[i].role != BlockRole::PullQuote) continue;
        dropped.push_back(trial[i].where);
        trial.erase(trial.begin() + static_cast<std::ptrdiff_t>(i));
        try {
            const FlowResult r = flow_blocks(trial, frames);
            if (r.pages < pages && holes_of(trial, r, frames).size() <= holes) {
                blocks = std::move(trial);
                for (const SourceSpan& where : dropped)
                    context.diagnostics.note(where, "pull quote left out of print: the article's last page would have been "
                                                    "less than a third set (layout: pullquote-fit=\"save-page\"; the EPUB keeps it)");
                return r.pages;
            }
        } catch (const QuireError&) {
            break;
        }
    }
    return pages;
}

// The result of flowing the blocks after a paragraph was set again.
enum class Trial { FewerHoles, NoBetter, DoesNotFlow };

// Flows the blocks as they stand and, when that leaves fewer holes without adding a page, keeps the
// flow in `best` and the holes left in `holes`.
Trial try_flow(const std::vector<FlowBlock>& blocks, const FlowFrames& frames, FlowResult& best, std::vector<Hole>& holes) {
    try {
        FlowResult r = flow_blocks(blocks, frames);
        std::vector<Hole> left = holes_of(blocks, r, frames);
        if (r.pages > best.pages || left.size() >= holes.size()) return Trial::NoBetter;
        best = std::move(r);
        holes = std::move(left);
        return Trial::FewerHoles;
    } catch (const QuireError&) {
        return Trial::DoesNotFlow;  // this setting does not flow: keep the one before
    }
}

// The paragraphs that can be set again with lines in the holed column, from its foot up.
std::vector<int> paragraphs_in_column(const std::vector<FlowBlock>& blocks, const FlowResult& flow, const Hole& h) {
    std::vector<int> out;
    for (auto it = flow.lines.rbegin(); it != flow.lines.rend(); ++it)
        if (it->page == h.page && it->column == h.column && blocks[static_cast<std::size_t>(it->block)].resetting &&
            std::find(out.begin(), out.end(), it->block) == out.end())
            out.push_back(it->block);
    return out;
}

// Sets up to kTogether of the holed column's paragraphs a line looser, one after another, then
// (from the setting before) a line tighter, and keeps the first combination that leaves fewer
// holes without adding a page. True when it kept one (`best` and `holes` then updated).
bool copyfit_together(std::vector<FlowBlock>& blocks, const FlowFrames& frames, const BlockContext& context, const Hole& h,
                      FlowResult& best, std::vector<Hole>& holes, int& tries) {
    const std::vector<int> in_column = paragraphs_in_column(blocks, best, h);
    if (in_column.size() < 2) return false;  // one paragraph alone was tried already
    for (int delta : {+1, -1}) {
        std::vector<std::pair<int, FlowBlock>> saved;  // the blocks set again, as they were
        for (int b : in_column) {
            if (static_cast<int>(saved.size()) >= kTogether || tries >= kMaxTries) break;
            FlowBlock& block = blocks[static_cast<std::size_t>(b)];
            FlowBlock before = block;
            if (!reset_with_tracking(block, delta, context)) continue;
            saved.emplace_back(b, std::move(before));
            ++tries;
            if (saved.size() < 2) continue;  // a single change was tried already
            const Trial t = try_flow(blocks, frames, best, holes);
            if (t == Trial::FewerHoles) return true;
            if (t == Trial::DoesNotFlow) break;
        }
        for (auto& [b, before] : saved) blocks[static_cast<std::size_t>(b)] = std::move(before);
    }
    return false;
}

}  // namespace

int copyfit_last_page(std::vector<FlowBlock>& blocks, const FlowFrames& frames, const BlockContext& context) {
    const FlowResult start = flow_blocks(blocks, frames);
    if (start.pages < 2 || last_page_share(blocks, start, frames) >= kNearEmptyShare) return start.pages;
    const std::size_t holes = holes_of(blocks, start, frames).size();
    // Paragraphs before the last page that can be set again, shortest last line first.
    std::map<int, int> first_page;
    for (const PlacedLine& l : start.lines)
        if (!first_page.count(l.block)) first_page[l.block] = l.page;
    std::vector<std::pair<double, int>> order;
    for (const auto& [b, page] : first_page) {
        const FlowBlock& block = blocks[static_cast<std::size_t>(b)];
        if (page >= start.pages - 1 || !block.resetting || block.lines.size() < 2) continue;
        const linebreak::SetLine& last = block.lines.back().line;
        order.emplace_back(last.target_width_pt > 0 ? last.natural_width_pt / last.target_width_pt : 1.0, b);
    }
    std::sort(order.begin(), order.end());
    const std::vector<FlowBlock> saved = blocks;
    int tightened = 0;
    for (const auto& [fill, b] : order) {
        if (tightened >= kMaxTightened) break;
        FlowBlock& block = blocks[static_cast<std::size_t>(b)];
        if (!reset_with_tracking(block, -1, context)) continue;
        ++tightened;
        try {
            const FlowResult r = flow_blocks(blocks, frames);
            if (r.pages < start.pages) {
                if (holes_of(blocks, r, frames).size() <= holes) return r.pages;
                break;  // the page came back only by leaving holes: not worth it
            }
        } catch (const QuireError&) {
            break;
        }
    }
    blocks = saved;
    if (context.layout.body.pullquote_fit == style::PullQuoteFit::SavePage) {
        const int pages = drop_pullquotes(blocks, frames, context, start.pages, holes);
        if (pages < start.pages) return pages;
    }
    return start.pages;
}

int count_column_holes(const std::vector<FlowBlock>& blocks, const FlowResult& flow, const FlowFrames& frames) {
    return static_cast<int>(holes_of(blocks, flow, frames).size());
}

int copyfit_holes(std::vector<FlowBlock>& blocks, const FlowFrames& frames, const BlockContext& context) {
    FlowResult best = flow_blocks(blocks, frames);
    std::vector<Hole> holes = holes_of(blocks, best, frames);
    int tries = 0;
    std::size_t next_hole = 0;
    while (next_hole < holes.size() && tries < kMaxTries) {
        const Hole h = holes[next_hole];
        bool improved = false;
        for (int b : candidates(blocks, best, h, frames.geometry.columns)) {
            // Looser first: a longer paragraph fills the hole; then tighter: it pulls lines back.
            for (int delta : {+1, -1}) {
                if (tries >= kMaxTries) break;
                FlowBlock& block = blocks[static_cast<std::size_t>(b)];
                FlowBlock saved = block;
                if (!reset_with_tracking(block, delta, context)) continue;
                ++tries;
                if (try_flow(blocks, frames, best, holes) == Trial::FewerHoles) {
                    improved = true;
                    break;
                }
                block = std::move(saved);
            }
            if (improved) break;
        }
        // A hole of three lines under a subhead kept with its next lines needs more than one
        // paragraph a line longer: several of the column's paragraphs, each a line looser (or
        // tighter), together.
        if (!improved && tries < kMaxTries) improved = copyfit_together(blocks, frames, context, h, best, holes, tries);
        if (improved) next_hole = 0;  // the holes were recounted: start from the first again
        else ++next_hole;
    }
    return static_cast<int>(holes.size());
}

}  // namespace quire::page
