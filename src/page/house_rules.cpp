#include "page/house_rules.hpp"

#include "page/justify.hpp"
#include "text/name_break.hpp"

#include <algorithm>
#include <iterator>

namespace quire::page {

namespace {

struct Spacing {
    int overfull = 0, hyphens = 0, names = 0, very_loose = 0, very_tight = 0;
    double loosest = 0;
};

Spacing spacing_of(const linebreak::SetParagraph& set) {
    Spacing s;
    for (std::size_t i = 0; i < set.lines.size(); ++i) {
        const linebreak::SetLine& l = set.lines[i];
        if (l.overfull) ++s.overfull;
        if (l.hyphenated) {
            ++s.hyphens;
            // A broken name, as the proof tells it (`hyphenated-name`).
            if (text::is_name_break(l.text, i > 0 ? &set.lines[i - 1].text : nullptr, i == 0,
                                    i + 1 < set.lines.size() ? &set.lines[i + 1].text : nullptr))
                ++s.names;
        }
        if (i + 1 == set.lines.size()) continue;  // the last line is not justified
        if (l.ratio > linebreak::kVeryLooseRatio) ++s.very_loose;
        if (l.ratio <= linebreak::kVeryTightRatio) ++s.very_tight;
        s.loosest = std::max(s.loosest, l.ratio);
    }
    return s;
}

}  // namespace

HouseRuleFaults house_rule_faults(const linebreak::SetParagraph& set) {
    HouseRuleFaults f;
    const std::size_t n = set.lines.size();
    if (n < 2) return f;
    f.runt = linebreak::is_one_word(set.lines.back().text);
    f.penultimate_hyphen = set.lines[n - 2].hyphenated;
    for (std::size_t i = 0; i + 1 < n; ++i)
        if (!set.lines[i].overfull && set.lines[i].ratio > LooseLineLimits{}.adjust_above) ++f.loose_lines;
        else if (!set.lines[i].overfull && set.lines[i].ratio <= linebreak::kVeryTightRatio) ++f.tight_lines;
    return f;
}

std::optional<linebreak::SetParagraph> retrack_for_house_rules(const linebreak::SetParagraph& set,
                                                 const std::function<linebreak::SetParagraph(double)>& set_at,
                                                 RetrackLines lines) {
    const HouseRuleFaults faults = house_rule_faults(set);
    if (!faults.any()) return std::nullopt;
    const Spacing before = spacing_of(set);
    // Very tight lines alone are tried at ±5/1000 em only: ±10 fixed one of the example articles'
    // eleven, and a paragraph that no tracking fixes pays for every try.
    const std::size_t tries = faults.runt || faults.penultimate_hyphen || faults.loose_lines > 0
                                  ? std::size(kHouseRuleTracking) : 2;
    for (std::size_t k = 0; k < tries; ++k) {
        linebreak::SetParagraph again = set_at(kHouseRuleTracking[k]);
        if (again.lines.empty() || again.lines.size() > set.lines.size() ||
            (lines == RetrackLines::Same && again.lines.size() != set.lines.size()))
            continue;
        const HouseRuleFaults now = house_rule_faults(again);
        if (now.count() >= faults.count() || now.runt > faults.runt ||
            now.penultimate_hyphen > faults.penultimate_hyphen || now.loose_lines > faults.loose_lines ||
            now.tight_lines > faults.tight_lines)
            continue;
        const Spacing after = spacing_of(again);
        if (after.overfull > 0 || after.hyphens > before.hyphens + 1 || after.names > before.names ||
            after.very_loose > before.very_loose || after.very_tight > before.very_tight ||
            after.loosest > std::max(before.loosest, 1.0))
            continue;
        return again;
    }
    return std::nullopt;
}

}  // namespace quire::page
