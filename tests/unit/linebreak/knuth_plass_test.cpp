// The breaker on fake fixed-width boxes: no fonts. The main check compares Knuth–Plass with an
// exhaustive search over every set of breaks, with the same demerits (TeX §859).
#include "linebreak/knuth_plass.hpp"

// The breaker is font-free: its header (and line_types.hpp) must not bring FreeType or HarfBuzz in.
#if defined(FT2BUILD_H_) || defined(HB_H)
#error "linebreak/knuth_plass.hpp includes FreeType or HarfBuzz: keep it on linebreak/line_types.hpp"
#endif

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace quire::linebreak;

namespace {

// TeX's end of a paragraph: \penalty10000 \hskip\parfillskip \penalty-10000.
void end_paragraph(std::vector<Item>& items) {
    items.push_back(Item::penalty_item(0, kInfinitePenalty, false));
    Item fil = Item::glue(0, 1, 0);
    fil.fil = true;
    items.push_back(fil);
    items.push_back(Item::penalty_item(0, -kInfinitePenalty, false));
}

// Words of the given widths separated by glue (5, +2.5, -1.67), with a hyphenation point (flagged
// penalty 50, hyphen width 3) in the middle of every word marked `true`.
std::vector<Item> paragraph(const std::vector<double>& words, const std::vector<bool>& hyphen = {}) {
    std::vector<Item> items;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) items.push_back(Item::glue(5, 2.5, 5.0 / 3));
        if (i < hyphen.size() && hyphen[i]) {
            items.push_back(Item::box(words[i] / 2));
            Item p = Item::penalty_item(3, 50, true);
            p.discretionary = true;
            items.push_back(p);
            items.push_back(Item::box(words[i] / 2));
        } else {
            items.push_back(Item::box(words[i]));
        }
    }
    end_paragraph(items);
    return items;
}

double badness(double t, double s) {
    if (t <= 0) return 0;
    if (s <= 0) return 10000;
    const double r = t / s;
    return std::min(10000.0, std::round(100 * r * r * r));
}

// Exhaustive search: the least total demerits over every feasible choice of breaks, or +inf. With
// the house rules hard, a hyphen in the penultimate line is not feasible (the breaker's passes at
// tolerance); with them as demerits it costs finalhyphendemerits (its relaxed pass).
double brute_force(const std::vector<Item>& items, double width, const BreakParams& p, HouseRules rules) {
    std::vector<std::size_t> legal;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].kind == ItemKind::Glue && i > 0 && items[i - 1].kind == ItemKind::Box) legal.push_back(i);
        if (items[i].kind == ItemKind::Penalty && items[i].penalty < kInfinitePenalty) legal.push_back(i);
    }
    const std::size_t last = legal.back();
    legal.pop_back();
    double best = std::numeric_limits<double>::infinity();
    const std::size_t n = legal.size();
    REQUIRE(n < 20);
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        std::vector<std::size_t> breaks;
        for (std::size_t k = 0; k < n; ++k)
            if (mask & (1u << k)) breaks.push_back(legal[k]);
        breaks.push_back(last);
        double total = 0;
        std::size_t start = 0;
        int prev_fit = 2;
        bool prev_hyph = false;
        bool ok = true;
        for (std::size_t b : breaks) {
            double w = 0, st = 0, sh = 0, fil = 0;
            for (std::size_t i = start; i < b; ++i) {
                if (items[i].kind == ItemKind::Penalty) continue;
                w += items[i].width;
                if (items[i].kind == ItemKind::Glue) { (items[i].fil ? fil : st) += items[i].stretch; sh += items[i].shrink; }
            }
            const Item& brk = items[b];
            if (brk.kind == ItemKind::Penalty) w += brk.width;
            double bad = 0;
            int fit = 2;
            if (w < width) {
                if (fil <= 0) { bad = badness(width - w, st); fit = bad > 99 ? 0 : bad > 12 ? 1 : 2; }
            } else if (w > width) {
                if (w - width > sh + 1e-6) { ok = false; break; }
                bad = badness(w - width, sh);
                fit = bad > 12 ? 3 : 2;
            }
            if (bad > p.tolerance) { ok = false; break; }
            double d = p.linepenalty + bad;
            d = d * d;
            const double pi = brk.kind == ItemKind::Penalty ? brk.penalty : 0;
            if (pi > 0) d += pi * pi;
            else if (pi > -kInfinitePenalty) d -= pi * pi;
            const bool hyph = brk.kind == ItemKind::Penalty && brk.flagged;
            if (hyph && prev_hyph) d += p.doublehyphendemerits;
            if (b == last && prev_hyph && rules == HouseRules::Hard) { ok = false; break; }
            if (b == last && prev_hyph) d += p.finalhyphendemerits;
            if (std::abs(fit - prev_fit) > 1) d += p.adjdemerits;
            total += d;
            prev_fit = fit;
            prev_hyph = hyph;
            // The next line starts at the next box.
            start = b + 1;
            while (start < items.size() && items[start].kind != ItemKind::Box &&
                   !(items[start].kind == ItemKind::Penalty && items[start].penalty <= -kInfinitePenalty))
                ++start;
        }
        if (ok) best = std::min(best, total);
    }
    return best;
}

}  // namespace

TEST_CASE("Knuth–Plass finds the least demerits, as an exhaustive search does") {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> word(8, 40);
    std::bernoulli_distribution hyph(0.3);
    BreakParams p;
    p.pretolerance = -1;  // one pass: the search below knows one threshold
    p.tolerance = 1000;
    p.emergencystretch_em = 0;
    p.max_consecutive_hyphens = 0;
    p.house_rules = HouseRules::Hard;  // the search knows the penultimate-hyphen rule and its relaxation
    int compared = 0;
    for (int trial = 0; trial < 60; ++trial) {
        std::vector<double> words;
        std::vector<bool> hyphens;
        std::size_t points = 0;
        for (int i = 0; i < 14; ++i) {
            words.push_back(std::round(word(rng)));
            hyphens.push_back(hyph(rng) && points < 4);
            points += hyphens.back();
        }
        const auto items = paragraph(words, hyphens);
        BreakerInput in;
        in.widths_pt = {100};
        in.params = p;
        // The rules hard where some breaking keeps them, else as demerits (knuth_plass's passes).
        double expected = brute_force(items, 100, p, HouseRules::Hard);
        if (std::isinf(expected)) expected = brute_force(items, 100, p, HouseRules::Demerits);
        const BreakResult r = knuth_plass(items, in);
        if (std::isinf(expected)) continue;  // no feasible set: the final pass rescues; not compared
        ++compared;
        CHECK(r.demerits == doctest::Approx(expected));
        if (std::abs(r.demerits - expected) > 1) {
            std::string trace;
            for (const auto& b : r.breaks) trace += std::to_string(b.item) + "(r=" + std::to_string(b.ratio) + ") ";
            std::string ws;
            for (double w : words) ws += std::to_string(int(w)) + " ";
            for (bool h : hyphens) ws += h ? "H" : ".";
            MESSAGE("kp breaks: " << trace << " pass " << r.pass << " words " << ws);
        }
        for (const auto& b : r.breaks) CHECK_FALSE(b.overfull);
    }
    CHECK(compared > 15);
}

TEST_CASE("every line fits its width, and the ratios are what the widths say") {
    const auto items = paragraph({30, 20, 25, 40, 10, 35, 30, 22, 18, 27, 33, 12});
    BreakerInput in;
    in.widths_pt = {100};
    const BreakResult r = knuth_plass(items, in);
    REQUIRE(r.breaks.size() >= 2);
    for (std::size_t i = 0; i + 1 < r.breaks.size(); ++i) {
        const auto& b = r.breaks[i];
        CHECK(b.ratio >= -1.0);
        const double set = b.natural + (b.ratio >= 0 ? b.ratio * b.stretch : b.ratio * b.shrink);
        CHECK(set == doctest::Approx(100.0));
    }
    CHECK(r.breaks.back().item == items.size() - 1);
}

TEST_CASE("variable line widths: a narrow first line (beside a drop cap) gets fewer words") {
    std::vector<double> words(40, 20);
    const auto items = paragraph(words);
    BreakerInput in;
    in.widths_pt = {60, 60, 60, 160};
    const BreakResult r = knuth_plass(items, in);
    REQUIRE(r.breaks.size() > 4);
    for (std::size_t i = 0; i + 1 < r.breaks.size(); ++i) CHECK(r.breaks[i].width == (i < 3 ? 60 : 160));
    // 60 pt holds two 20-pt words and a space (45); 160 holds six (145).
    CHECK(r.breaks[0].natural < 61);
    CHECK(r.breaks[4].natural > 120);
}

TEST_CASE("never more hyphenated lines in a row than the limit") {
    // Words that fit only when hyphenated: every line wants to end in a hyphen.
    std::vector<double> words(30, 36);
    std::vector<bool> hyph(30, true);
    const auto items = paragraph(words, hyph);
    for (int limit : {1, 2, 3}) {
        BreakerInput in;
        in.widths_pt = {100};
        in.params.max_consecutive_hyphens = limit;
        in.params.doublehyphendemerits = 0;  // so only the limit holds hyphens back
        in.params.tolerance = 10000;
        const BreakResult r = knuth_plass(items, in);
        int run = 0, worst = 0, total = 0;
        for (const auto& b : r.breaks) {
            run = b.hyphenated ? run + 1 : 0;
            total += b.hyphenated;
            worst = std::max(worst, run);
        }
        CHECK(worst <= limit);
        CHECK(total > 0);
    }
}

TEST_CASE("a box wider than the line: the final pass sets it overfull and goes on") {
    const auto items = paragraph({30, 20, 150, 25, 40, 10});
    BreakerInput in;
    in.widths_pt = {100};
    in.params.emergencystretch_em = 0;
    const BreakResult r = knuth_plass(items, in);
    REQUIRE_FALSE(r.breaks.empty());
    int overfull = 0;
    for (const auto& b : r.breaks) overfull += b.overfull;
    CHECK(overfull == 1);
    CHECK(r.breaks.back().item == items.size() - 1);
}

TEST_CASE("the first pass (pretolerance) takes no hyphenation if it succeeds") {
    std::vector<double> words = {20, 20, 20, 20, 20, 20, 20, 20, 20, 20};
    std::vector<bool> hyph(10, true);
    const auto items = paragraph(words, hyph);
    BreakerInput in;
    in.widths_pt = {95};  // four 20-pt words and three spaces: 95, a perfect fit
    const BreakResult r = knuth_plass(items, in);
    CHECK(r.pass == 1);
    for (const auto& b : r.breaks) CHECK_FALSE(b.hyphenated);
}

TEST_CASE("emergency stretch makes a third pass succeed where tolerance alone fails") {
    const auto items = paragraph({60, 60, 60, 60});  // every line very loose at 100 pt
    BreakerInput in;
    in.widths_pt = {100};
    in.params.tolerance = 200;
    in.params.emergencystretch_em = 3;
    in.em_pt = 10;
    const BreakResult r = knuth_plass(items, in);
    CHECK(r.pass == 3);
    for (const auto& b : r.breaks) CHECK_FALSE(b.overfull);
}

TEST_CASE("looseness +1 sets the paragraph one line longer when it can") {
    std::vector<double> words(24, 18);
    const auto items = paragraph(words);
    BreakerInput in;
    in.widths_pt = {120};
    in.params.tolerance = 10000;
    const BreakResult tight = knuth_plass(items, in);
    in.params.looseness = 1;
    const BreakResult loose = knuth_plass(items, in);
    CHECK(loose.breaks.size() == tight.breaks.size() + 1);
}

TEST_CASE("a forced break inside the paragraph ends a line there") {
    auto items = paragraph({20, 20});
    std::vector<Item> more = paragraph({20, 20});
    items.insert(items.end(), more.begin(), more.end());
    BreakerInput in;
    in.widths_pt = {300};
    const BreakResult r = knuth_plass(items, in);
    CHECK(r.breaks.size() == 2);
}

TEST_CASE("a box's font-expansion stretch and shrink count in its line's ratio (pdfTeX's adjust spacing)") {
    // "90 90 90" at 193 pt: the first line is 185 pt natural with one space of 2.5 pt stretch; the
    // glyphs of its two words may stretch by 2 % (1.8 pt each), so its ratio is 8 / 6.1.
    std::vector<Item> items = paragraph({90, 90, 90});
    for (auto& it : items)
        if (it.kind == ItemKind::Box) it.stretch = it.shrink = it.width * 0.02;
    BreakerInput in;
    in.widths_pt = {193};
    const BreakResult r = knuth_plass(items, in);
    REQUIRE(r.breaks.size() == 2);
    CHECK(r.breaks[0].stretch == doctest::Approx(2.5 + 3.6));
    CHECK(r.breaks[0].ratio == doctest::Approx(8 / 6.1));
    // Without expansion the same line is beyond \tolerance (r = 3.2): only the final pass sets it.
    const BreakResult plain = knuth_plass(paragraph({90, 90, 90}), in);
    CHECK(plain.breaks[0].ratio == doctest::Approx(3.2));
    CHECK(plain.pass == 3);
    CHECK(r.pass < 3);
    // Shrinking: "100 100" at 200 pt is 205 pt natural with 1.67 pt of space shrink and 4 pt of glyphs'.
    std::vector<Item> tight = paragraph({100, 100, 30});
    for (auto& it : tight)
        if (it.kind == ItemKind::Box) it.stretch = it.shrink = it.width * 0.02;
    in.widths_pt = {200};
    const BreakResult t = knuth_plass(tight, in);
    REQUIRE(t.breaks.size() == 2);
    CHECK(t.breaks[0].ratio == doctest::Approx(-5 / (5.0 / 3 + 4)));
    CHECK_FALSE(t.breaks[0].overfull);
}

namespace {

// The index of the last interword glue of `items` (as build_items sets runt_from).
std::size_t last_glue(const std::vector<Item>& items) {
    for (std::size_t i = items.size() - 3; i-- > 0;)
        if (items[i].kind == ItemKind::Glue) return i;
    return SIZE_MAX;
}

}  // namespace

TEST_CASE("house rules: no runt where another breaking fits, a runt rather than no breaking") {
    // Six 16-pt words at 100 pt: five fill the first line exactly (80 + 4 spaces) and leave the sixth
    // alone; four and two fit too, looser.
    const auto items = paragraph({16, 16, 16, 16, 16, 16});
    BreakerInput in;
    in.widths_pt = {100};
    in.params.tolerance = 10000;
    in.params.pretolerance = -1;
    in.params.house_rules = HouseRules::Hard;
    const BreakResult free = knuth_plass(items, in);
    REQUIRE(free.breaks.size() == 2);
    CHECK(free.breaks[0].item == last_glue(items));  // without the rule (runt_from unset): the runt
    in.runt_from = last_glue(items);
    const BreakResult r = knuth_plass(items, in);
    REQUIRE(r.breaks.size() == 2);
    CHECK(r.breaks[0].item < in.runt_from);
    CHECK_FALSE(r.rules_relaxed);
    // Two words that cannot share a line: the runt is the only breaking; the rules are relaxed.
    const auto two = paragraph({70, 70});
    in.runt_from = last_glue(two);
    const BreakResult rescued = knuth_plass(two, in);
    CHECK(rescued.breaks.size() == 2);
    CHECK(rescued.rules_relaxed);
}

TEST_CASE("house rules: no hyphen in the penultimate line while a breaking within tolerance keeps it") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> word(8, 40);
    int hard = 0;
    for (int trial = 0; trial < 40; ++trial) {
        std::vector<double> words;
        std::vector<bool> hyphens;
        for (int i = 0; i < 14; ++i) {
            words.push_back(std::round(word(rng)));
            hyphens.push_back(true);
        }
        const auto items = paragraph(words, hyphens);
        BreakerInput in;
        in.widths_pt = {100};
        in.params.finalhyphendemerits = 0;  // so only the rule holds the hyphen back
        in.params.house_rules = HouseRules::Hard;
        const BreakResult r = knuth_plass(items, in);
        REQUIRE(r.breaks.size() >= 2);
        if (r.rules_relaxed) continue;
        ++hard;
        CHECK_FALSE(r.breaks[r.breaks.size() - 2].hyphenated);
    }
    CHECK(hard > 10);
    // HouseRules::Demerits is TeX's own behaviour: the rule is only finalhyphendemerits.
    CHECK(BreakParams{}.house_rules == HouseRules::Demerits);  // the default
    BreakerInput in;
    in.params.house_rules = HouseRules::Demerits;
    const BreakResult r = knuth_plass(paragraph({30, 30}), in);
    CHECK(r.rules_relaxed);
}

TEST_CASE("house rules: a word broken where it has no break point is worse than a rule relaxed") {
    // 25 pt, a 130-pt word with a hyphenation point in its middle and (wider than the column)
    // emergency break points every 10 pt, then 10 pt. "25 65-" fills the first line but puts the
    // hyphen in the penultimate line; "25 70" at an emergency point keeps every house rule.
    std::vector<Item> items;
    items.push_back(Item::box(25));
    items.push_back(Item::glue(5, 2.5, 5.0 / 3));
    auto emergency_point = [&] {
        Item e = Item::penalty_item(0, 5000, false);
        e.emergency = true;
        items.push_back(e);
    };
    for (int k = 0; k < 6; ++k) { items.push_back(Item::box(10)); emergency_point(); }
    items.push_back(Item::box(5));
    Item hyphen = Item::penalty_item(3, 50, true);
    hyphen.discretionary = true;
    items.push_back(hyphen);
    items.push_back(Item::box(5));
    for (int k = 0; k < 6; ++k) { emergency_point(); items.push_back(Item::box(10)); }
    items.push_back(Item::glue(5, 2.5, 5.0 / 3));
    items.push_back(Item::box(10));
    end_paragraph(items);
    BreakerInput in;
    in.widths_pt = {100};
    in.runt_from = items.size() - 5;  // the glue before the last word
    REQUIRE(items[in.runt_from].kind == ItemKind::Glue);
    in.params.house_rules = HouseRules::Hard;
    const BreakResult r = knuth_plass(items, in);
    REQUIRE(r.breaks.size() == 2);
    CHECK_FALSE(items[r.breaks[0].item].emergency);
    CHECK(r.breaks[0].hyphenated);
    CHECK(r.rules_relaxed);
    // The emergency points are there: with hyphenation off nothing else breaks the word.
    in.hyphenation = Hyphenation::Off;
    const BreakResult off = knuth_plass(items, in);
    REQUIRE(off.breaks.size() == 2);
    CHECK(items[off.breaks[0].item].emergency);
}

TEST_CASE("house rules as demerits: runt_demerits steers away from a runt that costs little to avoid") {
    // As above: five words then a runt, or four and two with a first line of badness ~2200.
    const auto items = paragraph({16, 16, 16, 16, 16, 16});
    BreakerInput in;
    in.widths_pt = {100};
    in.params.pretolerance = -1;
    in.params.tolerance = 10000;
    in.runt_from = last_glue(items);
    in.params.house_rules = HouseRules::Demerits;
    in.params.runt_demerits = 0;
    const BreakResult plain = knuth_plass(items, in);
    REQUIRE(plain.breaks.size() == 2);
    CHECK(plain.breaks[0].item >= in.runt_from);  // five words, then the sixth alone
    in.params.runt_demerits = 1e7;  // more than the loose line's (10 + 2195)² ≈ 4.9e6
    const BreakResult r = knuth_plass(items, in);
    REQUIRE(r.breaks.size() == 2);
    CHECK(r.breaks[0].item < in.runt_from);
    CHECK(r.rules_relaxed);
}

TEST_CASE("a hyphenated last word never leaves its tail alone on the last line, even at a loose line's cost") {
    // Four 16-pt words and a 30-pt word with a hyphenation point at 100 pt: "… 16 15-" fills the
    // first line at ratio −0.3 and leaves the 15-pt tail alone; four words alone are at ratio 2.8
    // (badness 2195, past tolerance: only the final pass takes it); all five do not fit.
    const auto items = paragraph({16, 16, 16, 16, 30}, {false, false, false, false, true});
    BreakerInput in;
    in.widths_pt = {100};
    in.runt_from = last_glue(items);
    in.params.tail_alone = TailAlone::Allowed;
    const BreakResult allowed = knuth_plass(items, in);
    REQUIRE(allowed.breaks.size() == 2);
    CHECK(allowed.breaks[0].hyphenated);  // TeX's choice: finalhyphendemerits and runt_demerits are outweighed
    CHECK(allowed.breaks[0].item > in.runt_from);
    in.params.tail_alone = TailAlone::Never;  // the default
    CHECK(BreakParams{}.tail_alone == TailAlone::Never);
    const BreakResult never = knuth_plass(items, in);
    REQUIRE(never.breaks.size() == 2);
    CHECK_FALSE(never.breaks[0].hyphenated);
    CHECK(never.breaks[0].item == in.runt_from);  // the whole word on the last line
    CHECK(never.breaks[0].ratio > 2.0);
    // The hard house rules keep it out too (there, before relaxing to demerits).
    in.params.house_rules = HouseRules::Hard;
    const BreakResult hard = knuth_plass(items, in);
    REQUIRE(hard.breaks.size() == 2);
    CHECK_FALSE(hard.breaks[0].hyphenated);
}

namespace {

// The fewest lines by dynamic programming over every break point: a line fits when its width with
// all its glue shrunk is at most the measure (plus the widest protrusion).
int fewest_by_search(const std::vector<Item>& items, double width, double slack) {
    std::vector<std::size_t> legal;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if ((it.kind == ItemKind::Glue && i > 0 && items[i - 1].kind == ItemKind::Box) ||
            (it.kind == ItemKind::Penalty && it.penalty < kInfinitePenalty))
            legal.push_back(i);
    }
    auto start_after = [&](std::size_t b) {
        std::size_t j = b + 1;
        while (j < items.size() && items[j].kind != ItemKind::Box && !(items[j].kind == ItemKind::Penalty && items[j].penalty <= -kInfinitePenalty)) ++j;
        return j;
    };
    auto fits = [&](std::size_t from, std::size_t to) {
        double w = 0, z = 0;
        for (std::size_t k = from; k < to; ++k)
            if (items[k].kind != ItemKind::Penalty) w += items[k].width, z += items[k].shrink;
        if (items[to].kind == ItemKind::Penalty) w += items[to].width;
        return w - z <= width + slack + 1e-6;
    };
    const int inf = 1 << 20;
    std::vector<int> best(legal.size(), inf);
    for (std::size_t b = 0; b < legal.size(); ++b) {
        if (fits(0, legal[b])) best[b] = 1;
        for (std::size_t a = 0; a < b; ++a)
            if (best[a] < inf && start_after(legal[a]) <= legal[b] && fits(start_after(legal[a]), legal[b]))
                best[b] = std::min(best[b], best[a] + 1);
    }
    return best.back();
}

}  // namespace

TEST_CASE("fewest_lines: the fewest lines any breaking fits, never more than the breaker sets at any looseness") {
    std::mt19937 rng(20261207);
    std::uniform_real_distribution<double> word(8, 40);
    std::bernoulli_distribution hyph(0.3);
    int tightened = 0;
    for (int trial = 0; trial < 300; ++trial) {
        std::vector<double> words;
        std::vector<bool> hyphens;
        const int n = 10 + trial % 30;
        for (int i = 0; i < n; ++i) {
            words.push_back(std::round(word(rng)));
            hyphens.push_back(hyph(rng));
        }
        const auto items = paragraph(words, hyphens);
        BreakerInput in;
        in.widths_pt = {100 + double(trial % 5) * 20};
        in.params.emergencystretch_em = 2;
        if (trial % 3 == 0) {  // optical margins: a protruding last glyph makes a line fit
            in.protrude_right.assign(items.size(), 0.0);
            for (std::size_t i = 0; i < items.size(); i += 7) in.protrude_right[i] = 2.5;
        }
        const double slack = in.protrude_right.empty() ? 0.0 : 2.5;
        const int fewest = fewest_lines(items, in);
        INFO("trial ", trial);
        CHECK(fewest == fewest_by_search(items, in.widths_pt[0], slack));
        for (int looseness : {-3, -1, 0}) {
            in.params.looseness = looseness;
            const BreakResult r = knuth_plass(items, in);
            CHECK(static_cast<int>(r.breaks.size()) >= fewest);
            if (looseness == -3 && static_cast<int>(r.breaks.size()) == fewest) ++tightened;
        }
    }
    CHECK(tightened > 100);  // the bound is reached, not only below: it is what the breaker can do
}
