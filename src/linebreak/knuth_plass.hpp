// Knuth–Plass total-fit line breaking over box/glue/penalty items (Knuth & Plass, "Breaking
// Paragraphs into Lines", 1981; TeX: The Program §813–890). No fonts here: tests use fake boxes.
//
//   std::vector<quire::linebreak::Item> items = {box(20), glue(5, 3, 1), box(30), …, finish…};
//   quire::linebreak::BreakerInput in{.widths_pt = {100}, .params = {}};
//   quire::linebreak::BreakResult r = quire::linebreak::knuth_plass(items, in);
//   for (const auto& b : r.breaks) … items[b.item] is the glue or penalty the line ends at
#pragma once

#include "linebreak/line_types.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quire::linebreak {

enum class ItemKind : std::uint8_t { Box, Glue, Penalty };

constexpr double kInfinitePenalty = 10000;  // TeX's inf_penalty: ≥ this never breaks, ≤ −this always

struct Item {
    ItemKind kind = ItemKind::Box;
    double width = 0.0;
    double stretch = 0.0;      // glue; a box's is its font expansion (BreakParams::expansion)
    double shrink = 0.0;       // glue; a box's is its font expansion
    double penalty = 0.0;      // penalty only
    bool flagged = false;      // penalty: a hyphen break (double/final hyphen demerits)
    bool fil = false;          // glue: `stretch` is of infinite order (\parfillskip's fil)
    bool discretionary = false;  // penalty: a hyphenation point (not tried in the first pass)
    // penalty: a break inside a word wider than the narrowest line, where it has no break point
    // (BreakParams::emergency_word_penalty): no hyphen is added.
    bool emergency = false;
    std::uint32_t ref = 0;     // the caller's: a piece index or a byte offset

    static Item box(double w, std::uint32_t ref = 0) { Item i; i.width = w; i.ref = ref; return i; }
    static Item glue(double w, double st, double sh, std::uint32_t ref = 0) {
        Item i; i.kind = ItemKind::Glue; i.width = w; i.stretch = st; i.shrink = sh; i.ref = ref; return i;
    }
    static Item penalty_item(double w, double p, bool flagged, std::uint32_t ref = 0) {
        Item i; i.kind = ItemKind::Penalty; i.width = w; i.penalty = p; i.flagged = flagged; i.ref = ref; return i;
    }
};

struct BreakerInput {
    std::vector<double> widths_pt = {100.0};  // per line; the last repeats
    BreakParams params;
    double em_pt = 10.0;              // for emergencystretch_em
    double line_stretch_pt = 0.0;     // \leftskip + \rightskip stretch on every line (ragged settings)
    Hyphenation hyphenation = Hyphenation::On;  // Off: discretionary penalties are never breaks
    // Optical margin alignment (protrusion.hpp): a line starting at item s and ending at break b is
    // wider by protrude_left[s] + protrude_right[b]. Empty: none.
    std::vector<double> protrude_left, protrude_right;
    // A break at an item at or after this index (the paragraph's last interword glue), other than
    // the forced end, leaves one word or a piece of one alone on the last line: a runt
    // (BreakParams::house_rules). SIZE_MAX: no such rule (build_items sets it).
    std::size_t runt_from = SIZE_MAX;
};

struct LineBreak {
    std::size_t item = 0;    // index of the glue or penalty the line ends at
    double ratio = 0.0;      // adjustment ratio (finite stretch/shrink; 0 when fil stretch is present)
    int fitness = 2;         // 0 very loose, 1 loose, 2 decent, 3 tight (TeX §817)
    bool hyphenated = false; // ends at a flagged penalty
    bool overfull = false;   // no feasible break: the line is too wide (TeX's rescue, §863)
    double natural = 0.0, stretch = 0.0, shrink = 0.0, width = 0.0;  // the line's sums and target
};

struct BreakResult {
    std::vector<LineBreak> breaks;  // one per line, in order; the last is the paragraph's end
    double demerits = 0.0;
    int pass = 0;                   // 1 pretolerance, 2 tolerance, 3 emergency stretch (final)
    // The house rules (BreakParams::house_rules) were demerits, not hard: no breaking within
    // tolerance keeps them all (or the params ask for demerits only).
    bool rules_relaxed = false;
};

// The items must end with a forced break (penalty ≤ −kInfinitePenalty), as TeX's paragraph does
// (\penalty10000 \hskip\parfillskip \penalty-10000).
BreakResult knuth_plass(const std::vector<Item>& items, const BreakerInput& input);

// A lower bound on the lines any pass of knuth_plass can set `items` in: each line as full as its
// glue and glyphs can shrink, at any break point (hyphens, emergency points, runts and hyphen runs
// allowed), with the widest protrusion at both ends. A paragraph asked for fewer lines than this
// cannot have them (copyfitting skips such tries: the final pass that looked for them cost most of
// the 96-page issue's layout, issue 17).
int fewest_lines(const std::vector<Item>& items, const BreakerInput& input);

}  // namespace quire::linebreak
