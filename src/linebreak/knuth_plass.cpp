// Knuth–Plass total fit, following TeX: The Program (§813–890) where the paper leaves choices
// open: badness 100·r³ capped at 10000, fitness classes, the demerits formula (§859), passes with
// \pretolerance, \tolerance and \emergencystretch, and the final pass's rescue of an overfull line.
#include "linebreak/knuth_plass.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace quire::linebreak {

namespace {

constexpr double kInfBad = 10000;  // TeX's inf_bad
constexpr double kAwful = std::numeric_limits<double>::infinity();

// Prefix sums of width, stretch, shrink and fil stretch, one record per item (the inner loop
// reads all four at once).
struct Sum {
    double w = 0, y = 0, z = 0, f = 0;
};
using Sums = std::vector<Sum>;

struct Node {
    std::size_t pos = 0;    // item index of the break (0 for the paragraph start)
    std::size_t start = 0;  // first item of the next line (after discarded glue and penalties)
    int lines = 0;          // lines ending at or before this break
    int fitness = 2;
    int hyphen_run = 0;     // consecutive hyphenated lines ending here
    bool hyphenated = false;
    bool overfull = false;
    double total = 0.0;     // total demerits
    double ratio = 0.0;
    int prev = -1;          // index into nodes
    double target = 0.0;    // width of the line after this break (width_of(lines))
    int next_cls = 0;       // line_class(lines + 1): the class of a break that ends the next line
    Sum sum;                // the prefix sums at `start`
};

// Buffers of one paragraph's passes, allocated once for all three.
struct Workspace {
    std::vector<Node> nodes;
    std::vector<int> active, created;
};

// TeX §108: badness of stretching or shrinking `t` with `s` available.
double badness(double t, double s) {
    if (t <= 0) return 0;
    if (s <= 0) return kInfBad;
    const double r = t / s;
    return std::min(kInfBad, std::round(100.0 * r * r * r));
}

// The final pass's badness: 100·r³ without TeX's cap, so that among lines looser than TeX's
// tolerance a line twice as loose still costs more (TeX treats every r > 4.6 alike, and its
// emergency pass makes loose lines cheap; both spread looseness over a paragraph).
double uncapped_badness(double t, double s) {
    if (t <= 0) return 0;
    if (s <= 0) return 1e7;
    const double r = t / s;
    return std::min(1e7, 100.0 * r * r * r);
}


std::size_t after_break(const std::vector<Item>& items, std::size_t i) {
    std::size_t j = i + 1;
    while (j < items.size() && items[j].kind != ItemKind::Box &&
           !(items[j].kind == ItemKind::Penalty && items[j].penalty <= -kInfinitePenalty))
        ++j;
    return j;
}

// TeX's passes (pretolerance, tolerance) cap badness at 10000 and may find no feasible breaks; our
// final pass does not cap it and always sets the paragraph (an overfull line rather than none).
enum class PassKind { Capped, Final };

// One pass; returns false if no feasible breaks (non-final pass). The kind is a template parameter:
// the inner loop then carries no test of it.
template <PassKind Kind>
bool run_pass(const std::vector<Item>& items, const BreakerInput& in, const Sums& s, double threshold,
              Hyphenation hyphenation, double background_stretch, HouseRules rules, BreakResult& result, Workspace& ws) {
    constexpr bool uncapped = Kind == PassKind::Final;
    constexpr bool final_pass = Kind == PassKind::Final;
    const BreakParams& p = in.params;
    const bool hard_rules = rules == HouseRules::Hard;
    const std::size_t width_count = std::max<std::size_t>(in.widths_pt.size(), 1);
    // Optical margin alignment: the extra width of a line from item `start` to break `end`.
    auto protrusion = [&](std::size_t start, std::size_t end) {
        double extra = 0.0;
        if (start < in.protrude_left.size()) extra += in.protrude_left[start];
        if (end < in.protrude_right.size()) extra += in.protrude_right[end];
        return extra;
    };
    auto width_of = [&](int line) {
        if (in.widths_pt.empty()) return 0.0;
        return in.widths_pt[std::min<std::size_t>(std::size_t(line), width_count - 1)];
    };
    // Nodes with the same next-line width, fitness and hyphen run are interchangeable (TeX's
    // easy_line); with looseness every line count is kept apart.
    auto line_class = [&](int lines) { return p.looseness != 0 ? lines : std::min<int>(lines, int(width_count) - 1); };

    std::vector<Node>& nodes = ws.nodes;
    nodes.clear();
    nodes.reserve(items.size() / 2 + 8);
    std::vector<int>& active = ws.active;
    active.clear();
    nodes.push_back(Node{0, 0, 0, 2, 0, false, false, 0.0, 0.0, -1, width_of(0), line_class(1), s[0]});
    active.push_back(0);

    struct Candidate {
        double total = kAwful;
        int from = -1;
        int lines = 0, fitness = 2, hyphen_run = 0;
        int cls = 0;  // line_class(lines), computed once
        double ratio = 0.0;
        bool overfull = false;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(64);  // no reallocation in practice; `c` below is re-taken after each push
    constexpr int kSlotClasses = 4, kSlotRuns = 8;
    std::array<int, std::size_t(kSlotClasses * kSlotRuns * 4)> slots;
    slots.fill(-1);
    std::vector<int>& created = ws.created;

    for (std::size_t i = 0; i < items.size() && !active.empty(); ++i) {
        const Item& it = items[i];
        double pi = 0.0;
        if (it.kind == ItemKind::Glue) {
            if (i == 0 || items[i - 1].kind != ItemKind::Box) continue;
        } else if (it.kind == ItemKind::Penalty) {
            if (it.penalty >= kInfinitePenalty) continue;
            if (it.discretionary && hyphenation == Hyphenation::Off) continue;
            // A word broken where it has no break point (Item::emergency) is worse than any house
            // rule relaxed: not a break while the rules are hard, so that a paragraph which keeps
            // them only by it is broken again with them as demerits (a Polish first paragraph beside
            // an initial broke "konstantynopolitańczykowianeczka" without a hyphen instead).
            if (it.emergency && hard_rules) continue;
            pi = it.penalty;
        } else {
            continue;
        }
        const bool forced = it.kind == ItemKind::Penalty && pi <= -kInfinitePenalty;
        // A break here leaves a runt: not a break at all where the rules are hard, else demerits.
        const bool runt = i >= in.runt_from && !forced;
        if (runt && hard_rules) continue;
        const double rule_demerits = runt ? p.runt_demerits : 0.0;
        const bool flagged = it.kind == ItemKind::Penalty && it.flagged;
        // A hyphen inside the last word leaves its tail alone on the last line ("heat-/ing."): a
        // runt and a penultimate hyphen at once, which demerits could not keep out (one loose line
        // costs more). Never a break, in any pass: the space before that word is always there.
        if (runt && flagged && p.tail_alone == TailAlone::Never) continue;
        const double extra_width = it.kind == ItemKind::Penalty ? it.width : 0.0;

        for (const auto& c : candidates)
            if (c.cls >= 0 && c.cls < kSlotClasses && c.hyphen_run < kSlotRuns)
                slots[(std::size_t(c.cls) * kSlotRuns + std::size_t(c.hyphen_run)) * 4 + std::size_t(c.fitness)] = -1;
        candidates.clear();
        // Nodes that stay active are compacted in place: kept[0, w) (w ≤ k, so unread entries
        // are never overwritten).
        std::size_t w = 0;
        const Sum& si = s[i];
        // The penalty's share of the demerits (TeX §859), the same for every active node.
        const double penalty_demerits = pi > 0 ? pi * pi : pi > -kInfinitePenalty ? -pi * pi : 0.0;
        double minimum = kAwful;
        // Active nodes made at one break lie next to each other in `active` (they are appended
        // together and removals keep the order), and share the line to this break: its badness,
        // ratio and fitness are computed once per such group, not once per node.
        std::size_t group_start = SIZE_MAX;
        double group_target = 0.0;
        double b = 0.0, r = 0.0;
        int fitness = 2;
        bool deactivate = forced;
        for (std::size_t k = 0; k < active.size(); ++k) {
            const int a_index = active[k];
            const Node& a = nodes[std::size_t(a_index)];
            const double target = a.target + protrusion(a.start, i);
            if (a.start != group_start || target != group_target) {
                group_start = a.start;
                group_target = target;
                const Sum& from = a.sum;
                const double natural = si.w - from.w + extra_width;
                const double stretch = si.y - from.y + in.line_stretch_pt + background_stretch;
                const double shrink = si.z - from.z;
                const double fil = si.f - from.f;
                b = 0.0;
                r = 0.0;
                fitness = 2;
                deactivate = forced;
                if (natural < target) {
                    if (fil > 0) {
                        b = 0; r = 0;
                    } else {
                        b = uncapped ? uncapped_badness(target - natural, stretch) : badness(target - natural, stretch);
                        r = stretch > 0 ? (target - natural) / stretch : kInfBad;
                        fitness = b > 99 ? 0 : b > 12 ? 1 : 2;
                    }
                } else if (natural > target) {
                    if (natural - target > shrink + 1e-6) {  // (1e-6: prefix sums round differently)
                        b = 1e9;  // overfull: never feasible, and no longer line from `a` can be
                        r = -kInfBad;
                        deactivate = true;
                    } else {
                        b = badness(natural - target, shrink);
                        r = shrink > 0 ? (target - natural) / shrink : 0.0;
                        fitness = b > 12 ? 3 : 2;
                    }
                }
            }
            bool artificial = false;
            if (b > threshold || b >= 1e9) {
                // TeX §863: on the final pass, when the last active node is about to go and no
                // feasible break was found, break here anyway (an overfull or underfull line).
                const bool last_one = k + 1 == active.size() && w == 0 && deactivate;
                if (final_pass && minimum == kAwful && candidates.empty() && last_one) artificial = true;
                else {
                    if (!deactivate) active[w++] = a_index;
                    continue;
                }
            }
            // Demerits (TeX §859).
            double d = 0.0;
            if (!artificial) {
                d = p.linepenalty + b;
                d = !uncapped && std::abs(d) >= 10000 ? 100000000.0 : d * d;
                d += penalty_demerits + rule_demerits;
                if (flagged && a.hyphenated) d += p.doublehyphendemerits;
                if (forced && a.hyphenated) d += p.finalhyphendemerits;
                if (std::abs(fitness - a.fitness) > 1) d += p.adjdemerits;
            }
            const int run = flagged ? a.hyphen_run + 1 : 0;
            // Hard limits (not in TeX): a hyphen run longer than max_consecutive_hyphens (every
            // pass), a hyphen in the penultimate line (where the house rules are hard).
            const bool final_hyphen = forced && a.hyphenated && hard_rules;
            if (((p.max_consecutive_hyphens > 0 && run > p.max_consecutive_hyphens) || final_hyphen) && !artificial) {
                if (!deactivate) active[w++] = a_index;
                continue;
            }
            const double total = a.total + d;
            const int lines = a.lines + 1;
            const int cls = a.next_cls;
            // The candidate of this (line class, fitness, hyphen run): looked up in a small table
            // (the find over the candidates was a fifth of the breaker's time), else searched.
            const bool slotted = cls >= 0 && cls < kSlotClasses && run < kSlotRuns;
            const std::size_t slot = slotted ? (std::size_t(cls) * kSlotRuns + std::size_t(run)) * 4 + std::size_t(fitness) : 0;
            Candidate* c = nullptr;
            if (slotted) {
                if (slots[slot] >= 0) c = &candidates[std::size_t(slots[slot])];
            } else {
                auto f = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& x) {
                    return x.cls == cls && x.fitness == fitness && x.hyphen_run == run;
                });
                if (f != candidates.end()) c = &*f;
            }
            if (!c) {
                if (slotted) slots[slot] = int(candidates.size());
                Candidate fresh;
                fresh.fitness = fitness;
                fresh.hyphen_run = run;
                fresh.cls = cls;
                candidates.push_back(fresh);
                c = &candidates.back();
            }
            if (total < c->total) {
                *c = Candidate{total, a_index, lines, fitness, run, cls, r, b >= 1e9};
            }
            minimum = std::min(minimum, total);
            if (!deactivate) active[w++] = a_index;
        }
        active.resize(w);
        // New active nodes: TeX keeps a class's best only if within adjdemerits of the best overall.
        const std::size_t start = after_break(items, i);
        created.clear();
        for (const auto& c : candidates) {
            // TeX §836, §855: per line-number class, keep a fitness class's best only if it is
            // within adjdemerits of the class's best.
            double class_minimum = kAwful;
            for (const auto& o : candidates)
                if (o.cls == c.cls) class_minimum = std::min(class_minimum, o.total);
            if (c.total > class_minimum + p.adjdemerits) continue;
            Node n;
            n.pos = i;
            n.start = start;
            n.lines = c.lines;
            n.fitness = c.fitness;
            n.hyphen_run = c.hyphen_run;
            n.hyphenated = flagged;
            n.overfull = c.overfull;
            n.total = c.total;
            n.ratio = c.ratio;
            n.prev = c.from;
            n.target = width_of(n.lines);
            n.next_cls = line_class(n.lines + 1);
            n.sum = s[start];
            nodes.push_back(n);
            created.push_back(int(nodes.size() - 1));
        }
        // A forced break deactivates every earlier node: only the nodes made here go on.
        for (int idx : created) active.push_back(idx);
        if (forced) {
            if (i + 1 < items.size()) continue;
            {
                std::vector<int> ends = created;
                // Choose among the final nodes (TeX §874–875, with looseness).
                if (ends.empty()) return false;
                int best = ends[0];
                int best_lines = nodes[std::size_t(best)].lines;
                for (int e : ends) if (nodes[std::size_t(e)].total < nodes[std::size_t(best)].total) best = e;
                best_lines = nodes[std::size_t(best)].lines;
                if (p.looseness != 0) {
                    const int want = best_lines + p.looseness;
                    for (int e : ends) {
                        const Node& n = nodes[std::size_t(e)];
                        const Node& cur = nodes[std::size_t(best)];
                        const int dn = std::abs(n.lines - want), dc = std::abs(cur.lines - want);
                        if (dn < dc || (dn == dc && n.total < cur.total)) best = e;
                    }
                }
                result.breaks.clear();
                result.demerits = nodes[std::size_t(best)].total;
                for (int x = best; x > 0; x = nodes[std::size_t(x)].prev) {
                    const Node& n = nodes[std::size_t(x)];
                    const Node& prev = nodes[std::size_t(n.prev)];
                    LineBreak lb;
                    lb.item = n.pos;
                    lb.fitness = n.fitness;
                    lb.hyphenated = n.hyphenated;
                    lb.overfull = n.overfull;
                    const double extra = items[n.pos].kind == ItemKind::Penalty ? items[n.pos].width : 0.0;
                    lb.natural = s[n.pos].w - s[prev.start].w + extra;
                    lb.stretch = s[n.pos].y - s[prev.start].y + in.line_stretch_pt;
                    lb.shrink = s[n.pos].z - s[prev.start].z;
                    lb.width = width_of(prev.lines) + protrusion(prev.start, n.pos);
                    const double fil = s[n.pos].f - s[prev.start].f;
                    // The ratio the line is set with: actual glue only (emergency stretch is a
                    // pass's allowance, not glue).
                    if (lb.natural < lb.width) lb.ratio = fil > 0 ? 0.0 : lb.stretch > 0 ? (lb.width - lb.natural) / lb.stretch : 0.0;
                    else if (lb.natural > lb.width) lb.ratio = lb.shrink > 0 ? std::max(-1.0, (lb.width - lb.natural) / lb.shrink) : 0.0;
                    if (lb.natural - lb.width > lb.shrink + 1e-6) lb.overfull = true;
                    result.breaks.push_back(lb);
                }
                std::reverse(result.breaks.begin(), result.breaks.end());
                return true;
            }
        }
    }
    return false;
}

// Prefix sums of width, stretch, shrink and fil stretch: s[i] covers items [0, i).
Sums prefix_sums(const std::vector<Item>& items) {
    const std::size_t n = items.size();
    Sums s(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
        const Item& it = items[i];
        s[i + 1].w = s[i].w + (it.kind == ItemKind::Penalty ? 0.0 : it.width);
        // Boxes stretch and shrink too where the glyphs may be expanded (BreakParams::expansion).
        s[i + 1].y = s[i].y + (it.kind == ItemKind::Penalty || it.fil ? 0.0 : it.stretch);
        s[i + 1].z = s[i].z + (it.kind == ItemKind::Penalty ? 0.0 : it.shrink);
        s[i + 1].f = s[i].f + (it.kind == ItemKind::Glue && it.fil ? it.stretch : 0.0);
    }
    return s;
}

}  // namespace

int fewest_lines(const std::vector<Item>& items, const BreakerInput& in) {
    if (items.empty()) return 0;
    const Sums s = prefix_sums(items);
    double slack = 1e-6;
    for (const auto* v : {&in.protrude_left, &in.protrude_right})
        if (!v->empty()) slack += std::max(0.0, *std::max_element(v->begin(), v->end()));
    const std::size_t width_count = std::max<std::size_t>(in.widths_pt.size(), 1);
    auto width_of = [&](int line) {
        return in.widths_pt.empty() ? 0.0 : in.widths_pt[std::min<std::size_t>(std::size_t(line), width_count - 1)];
    };
    int lines = 0;
    std::size_t start = 0;
    while (true) {
        const double target = width_of(lines);
        std::size_t last_fit = SIZE_MAX, first_break = SIZE_MAX;
        for (std::size_t i = start; i < items.size(); ++i) {
            const Item& it = items[i];
            bool legal = false;
            if (it.kind == ItemKind::Glue) legal = i > 0 && items[i - 1].kind == ItemKind::Box;
            else if (it.kind == ItemKind::Penalty)
                legal = it.penalty < kInfinitePenalty && !(it.discretionary && in.hyphenation == Hyphenation::Off);
            // The line's width at its tightest; past the point where even that is too wide (by more
            // than an em, for items narrower than their shrink) no later break can fit.
            const double tightest = (s[i].w - s[start].w) - (s[i].z - s[start].z) - target;
            if (legal) {
                if (first_break == SIZE_MAX) first_break = i;
                const double extra = it.kind == ItemKind::Penalty ? it.width : 0.0;
                if (tightest + extra <= slack) last_fit = i;
                if (it.kind == ItemKind::Penalty && it.penalty <= -kInfinitePenalty) break;  // forced
            }
            if (tightest > slack + in.em_pt) break;
        }
        // Nothing fits: the final pass's overfull line ends at the first break (TeX §863).
        const std::size_t end = last_fit != SIZE_MAX ? last_fit : first_break;
        ++lines;
        if (end == SIZE_MAX || end + 1 >= items.size()) return lines;
        start = after_break(items, end);
        if (start >= items.size()) return lines;
    }
}

BreakResult knuth_plass(const std::vector<Item>& items, const BreakerInput& in) {
    const Sums s = prefix_sums(items);
    BreakResult result;
    if (items.empty()) return result;
    const BreakParams& p = in.params;
    Workspace ws;
    // TeX §863: first pass without hyphenation at \pretolerance; second with hyphenation at
    // \tolerance; a third with \emergencystretch if the second finds nothing.
    // With looseness TeX goes on to the next pass unless the first reaches the wanted line count
    // (§873); the first pass's choices are too few for that, so it is skipped.
    // The house rules are hard in both; where they leave no feasible breaking, the tolerance pass
    // runs again with them as demerits, before any line may be looser than tolerance.
    const bool hard = p.house_rules == HouseRules::Hard;
    const HouseRules first_rules = hard ? HouseRules::Hard : HouseRules::Demerits;
    if (p.pretolerance >= 0 && p.looseness == 0 &&
        run_pass<PassKind::Capped>(items, in, s, p.pretolerance, Hyphenation::Off, 0.0, first_rules, result, ws)) {
        result.pass = 1;
        result.rules_relaxed = !hard;
        return result;
    }
    if (run_pass<PassKind::Capped>(items, in, s, p.tolerance, in.hyphenation, 0.0, first_rules, result, ws)) {
        result.pass = 2;
        result.rules_relaxed = !hard;
        return result;
    }
    result.rules_relaxed = true;
    if (hard && run_pass<PassKind::Capped>(items, in, s, p.tolerance, in.hyphenation, 0.0, HouseRules::Demerits, result, ws)) {
        result.pass = 2;
        return result;
    }
    // The final pass (ours, not TeX's): any tolerance, badness uncapped, plus \emergencystretch;
    // an overfull line only where a box is wider than the line.
    run_pass<PassKind::Final>(items, in, s, std::numeric_limits<double>::infinity(), in.hyphenation,
                              p.emergencystretch_em * in.em_pt, HouseRules::Demerits, result, ws);
    result.pass = 3;
    return result;
}

}  // namespace quire::linebreak
