#include "proof/checks_initial.hpp"

#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace quire::proof {

namespace {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // trim coordinates, y down
    bool overlaps(const Box& o, double tolerance) const {
        return x0 + tolerance < o.x1 && o.x0 + tolerance < x1 && y0 + tolerance < o.y1 && o.y0 + tolerance < y1;
    }
};

// The outlines of a text item's glyphs, as drawn (its loose-line scaling included).
std::vector<Box> glyph_boxes(const page::TextItem& t) {
    std::vector<Box> out;
    const auto& run = t.run;
    if (!run.font) return out;
    const double sc = run.size_pt / run.font->units_per_em();
    for (const auto& g : run.glyphs) {
        hb_glyph_extents_t e{};
        if (!hb_font_get_glyph_extents(run.font->hb_font(), g.id, &e) || e.width == 0 || e.height == 0) continue;
        const double x0 = t.x + g.x_pt + e.x_bearing * sc * t.x_scale;
        const double y0 = t.y + g.y_pt - e.y_bearing * sc;
        out.push_back(Box{std::min(x0, x0 + e.width * sc * t.x_scale), y0, std::max(x0, x0 + e.width * sc * t.x_scale),
                          y0 - e.height * sc});
    }
    return out;
}

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

}  // namespace

void check_initials(const page::PageDocument& doc, const style::Layout& layout, Report& report) {
    double body_pt = 10;
    if (auto it = layout.styles.find("body"); it != layout.styles.end()) body_pt = it->second.size.pt();
    const double off = doc.geometry.trim_offset().pt();
    // Line records by page, for placing a finding on the line it concerns.
    std::map<int, std::vector<const page::LineRecord*>> lines_on;
    for (const auto& l : doc.lines)
        if (l.column >= 0) lines_on[l.page].push_back(&l);
    const auto nearest_line = [&](int page, double x, double y) -> const page::LineRecord* {
        const page::LineRecord* best = nullptr;
        double best_d = 1e9;
        for (const auto* l : lines_on[page]) {
            const double dx = x < l->x ? l->x - x : (x > l->x + l->width ? x - l->x - l->width : 0);
            const double d = std::abs(l->baseline - y) + dx;
            if (d < best_d) best_d = d, best = l;
        }
        return best;
    };
    const auto place_of = [&](int page, const page::LineRecord* l, const Box& b) {
        Place p;
        p.page = page + 1;
        if (l) {
            p.column = l->column + 1;
            p.line = l->line_in_column;
        }
        p.box = Rect{Length::pt(b.x0 + off), Length::pt(b.y0 + off), Length::pt(b.x1 - b.x0), Length::pt(b.y1 - b.y0)};
        return p;
    };

    for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
        const int page = static_cast<int>(pi);
        std::vector<const page::TextItem*> texts;
        for (const auto& item : doc.pages[pi].items)
            if (const auto* t = std::get_if<page::TextItem>(&item)) texts.push_back(t);
        std::vector<std::pair<const page::TextItem*, std::vector<Box>>> boxes;
        for (const auto* t : texts) boxes.emplace_back(t, glyph_boxes(*t));
        const auto is_initial = [&](const page::TextItem& t) {
            return t.role == "P" && t.run.size_pt >= kInitialMinScale * body_pt;
        };
        std::vector<Box> initials;
        for (const auto& [t, bs] : boxes) {
            if (!is_initial(*t)) continue;
            for (const Box& ib : bs) {
                initials.push_back(ib);
                // Another glyph printed over the initial: half a point of ink in common at least
                // (kerned neighbours of ordinary text touch, an initial's never should).
                int hits = 0;
                Box first_hit;
                const page::TextItem* hit_item = nullptr;
                for (const auto& [u, us] : boxes) {
                    if (u == t) continue;
                    for (const Box& ub : us)
                        if (ib.overlaps(ub, 0.5)) {
                            if (hits++ == 0) first_hit = ub, hit_item = u;
                        }
                }
                if (hits == 0) continue;
                const page::LineRecord* l = nearest_line(page, first_hit.x0, hit_item->y);
                report.add(Severity::Error, "initial-overlap", place_of(page, l, ib),
                           "the initial overlaps " + std::to_string(hits) + " glyph" + (hits == 1 ? "" : "s") +
                               (l ? " of the line \u201C" + l->text.substr(0, std::min<std::size_t>(l->text.size(), 40)) +
                                        "\u201D"
                                  : std::string()) +
                               " (" + fmt("%.1f", std::min(ib.y1, first_hit.y1) - std::max(ib.y0, first_hit.y0)) +
                               " pt deep)");
            }
        }
        // A first line set beside an initial's room with no initial drawn there: the first line of a
        // paragraph whose style has a drop cap, indented past the column's other lines.
        std::map<int, double> column_left;
        for (const auto* l : lines_on[page]) {
            auto [it, inserted] = column_left.try_emplace(l->column, l->x);
            if (!inserted) it->second = std::min(it->second, l->x);
        }
        for (const auto* l : lines_on[page]) {
            if (l->line_in_paragraph != 1) continue;
            auto st = layout.styles.find(l->style);
            if (st == layout.styles.end() || st->second.drop_cap_lines < 2) continue;
            if (l->x <= column_left[l->column] + 1.0) continue;
            const double top = l->baseline - body_pt;  // the first line's cap height, about
            const double bottom = l->baseline + (st->second.drop_cap_lines - 1) * st->second.leading.pt() + 1;
            const bool drawn = std::any_of(initials.begin(), initials.end(), [&](const Box& b) {
                return b.x1 <= l->x + 1 && b.x1 >= column_left[l->column] && b.y1 >= top && b.y0 <= bottom;
            });
            if (drawn) continue;
            report.add(Severity::Error, "initial-missing",
                       place_of(page, l, Box{column_left[l->column], top, l->x, bottom}),
                       "the first line leaves room for an initial that is not drawn: \u201C" +
                           l->text.substr(0, std::min<std::size_t>(l->text.size(), 40)) + "\u201D");
        }
    }
}

}  // namespace quire::proof
