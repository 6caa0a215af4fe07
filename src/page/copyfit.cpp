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

}  // namespace

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
                const int looseness = block.resetting->looseness + delta;
                FlowBlock saved = block;
                if (!reset_block(block, looseness, context)) continue;
                ++tries;
                try {
                    FlowResult r = flow_blocks(blocks, frames);
                    std::vector<Hole> left = holes_of(blocks, r, frames);
                    if (r.pages <= best.pages && left.size() < holes.size()) {
                        best = std::move(r);
                        holes = std::move(left);
                        improved = true;
                        break;
                    }
                } catch (const QuireError&) {
                    // this setting does not flow: keep the one before
                }
                block = std::move(saved);
            }
            if (improved) break;
        }
        if (improved) next_hole = 0;  // the holes were recounted: start from the first again
        else ++next_hole;
    }
    return static_cast<int>(holes.size());
}

}  // namespace quire::page
