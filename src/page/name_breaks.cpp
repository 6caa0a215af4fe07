#include "page/name_breaks.hpp"

#include "text/name_break.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace quire::page {

namespace {

// Very loose: badness above 1000, the proof's `loose-line` (proof/layout_checks.hpp, loose_ratio) and
// tools/line-stats' "loose".
constexpr double kVeryLoose = 2.154;

bool is_name_line(const FlowBlock& b, int line) {
    const linebreak::SetLine& l = b.lines[static_cast<std::size_t>(line)].line;
    if (!l.hyphenated) return false;
    const std::string* previous = line > 0 ? &b.lines[static_cast<std::size_t>(line - 1)].line.text : nullptr;
    return text::is_name_break(l.text, previous, line == 0);
}

struct Texture {
    int names = 0, loose = 0, spaced = 0, overfull = 0;
};

Texture texture_of(const std::vector<FlowLine>& lines) {
    Texture t;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const linebreak::SetLine& l = lines[i].line;
        const bool last = i + 1 == lines.size();
        if (l.hyphenated) {
            const std::string* previous = i > 0 ? &lines[i - 1].line.text : nullptr;
            if (text::is_name_break(l.text, previous, i == 0)) ++t.names;
        }
        if (!last && l.ratio > kVeryLoose) ++t.loose;
        if (lines[i].letter_spacing > 0) ++t.spaced;
        if (l.overfull) ++t.overfull;
    }
    return t;
}

// Fewer broken names, and no line very loose, letter-spaced or overfull that was not before.
bool fewer_names_same_texture(const std::vector<FlowLine>& before, const std::vector<FlowLine>& after) {
    const Texture o = texture_of(before), n = texture_of(after);
    return n.names < o.names && n.loose <= o.loose && n.spaced <= o.spaced &&
           n.overfull <= o.overfull;
}

}  // namespace

std::vector<NameBreak> name_breaks(const std::vector<FlowBlock>& blocks, const FlowResult& flow) {
    // Reading order: page, column, then down the column.
    std::vector<const PlacedLine*> placed;
    for (const PlacedLine& l : flow.lines) placed.push_back(&l);
    std::sort(placed.begin(), placed.end(), [](const PlacedLine* a, const PlacedLine* b) {
        return std::tie(a->page, a->column, a->baseline) < std::tie(b->page, b->column, b->baseline);
    });
    std::vector<NameBreak> out;
    for (const PlacedLine* l : placed) {
        const FlowBlock& b = blocks[static_cast<std::size_t>(l->block)];
        if (l->line < static_cast<int>(b.lines.size()) && is_name_line(b, l->line))
            out.push_back(NameBreak{l->page, l->block, l->line});
    }
    return out;
}

int limit_name_breaks(std::vector<FlowBlock>& blocks, const FlowResult& flow, const BlockContext& context, int per_page) {
    std::map<int, std::vector<NameBreak>> by_page;
    for (const NameBreak& n : name_breaks(blocks, flow)) by_page[n.page].push_back(n);
    std::set<int> tried;
    for (auto& [page, list] : by_page) {
        if (static_cast<int>(list.size()) <= per_page) continue;
        // The first `per_page` names of the page are tolerated; the paragraphs of the others are set again.
        for (std::size_t k = static_cast<std::size_t>(per_page); k < list.size(); ++k) {
            const int b = list[k].block;
            if (!tried.insert(b).second) continue;
            // Names broken only at an open syllable first (the gentler change), then not at all.
            for (const auto names : {linebreak::NameHyphenation::OpenSyllables, linebreak::NameHyphenation::TaggedOnly})
                if (reset_block_names(blocks[static_cast<std::size_t>(b)], names, context, fewer_names_same_texture)) break;
        }
    }
    // What is left, counted on the (unchanged) make-up.
    std::map<int, int> left;
    for (const NameBreak& n : name_breaks(blocks, flow)) ++left[n.page];
    int beyond = 0;
    for (const auto& [page, count] : left) beyond += std::max(0, count - per_page);
    return beyond;
}

}  // namespace quire::page
