#include "proof/checks_makeup.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace quire::proof {

namespace {

std::string lines_text(double lines) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", lines);
    return buf;
}

// One column of one page as the line records place it.
struct Column {
    std::vector<const page::LineRecord*> lines;  // in order down the column
    double left = 0;
};

struct PageInfo {
    bool opening = false;  // holds an article's head (title, standfirst: records without a column)
    std::map<int, Column> columns;
};

// Whether an image stands in the column `left`..`left + width`, vertically within [top, bottom].
bool image_between(const page::Page& page, double left, double width, double top, double bottom) {
    for (const page::Item& item : page.items) {
        const auto* image = std::get_if<page::ImageItem>(&item);
        if (!image) continue;
        const Rect& f = image->frame;
        if (f.x.pt() >= left + width || f.right().pt() <= left) continue;
        if (f.bottom().pt() > top && f.y.pt() < bottom) return true;
    }
    return false;
}

// The lowest point an image reaches in the column, or `floor` when none reaches lower.
double image_bottom(const page::Page& page, double left, double width, double floor) {
    for (const page::Item& item : page.items) {
        const auto* image = std::get_if<page::ImageItem>(&item);
        if (!image) continue;
        const Rect& f = image->frame;
        if (f.x.pt() >= left + width || f.right().pt() <= left) continue;
        floor = std::max(floor, f.bottom().pt());
    }
    return floor;
}

Rect box(double x, double top, double width, double bottom, const style::PageGeometry& g) {
    const double off = g.trim_offset().pt();
    return Rect{Length::pt(x + off), Length::pt(top + off), Length::pt(width), Length::pt(std::max(bottom - top, 2.0))};
}

}  // namespace

void check_makeup(const page::PageDocument& doc, const MakeUpCheckOptions& options, Report& report) {
    const style::PageGeometry& g = doc.geometry;
    const double step = g.baseline.pt();
    if (step <= 0 || doc.pages.empty()) return;
    const double col_w = g.column_width().pt();
    const double pitch = (g.column_width() + g.gutter).pt();
    const double top = g.margin_top.pt();
    // The lowest baseline of a column: the last grid line inside the text area (as the flow sets it).
    const double g0 = (g.margin_top + (g.first_baseline.pt() > 0 ? g.first_baseline : g.baseline)).pt();
    const double foot = g0 + std::floor(((g.margin_top + g.text_height()).pt() - g0) / step + 1e-6) * step;

    std::vector<PageInfo> pages(doc.pages.size());
    for (const page::LineRecord& l : doc.lines) {
        if (l.page < 0 || static_cast<std::size_t>(l.page) >= pages.size()) continue;
        PageInfo& p = pages[static_cast<std::size_t>(l.page)];
        if (l.column < 0) {
            p.opening = true;
            continue;
        }
        p.columns[l.column].lines.push_back(&l);
    }
    for (PageInfo& p : pages)
        for (auto& [c, col] : p.columns) {
            std::stable_sort(col.lines.begin(), col.lines.end(),
                             [](const auto* a, const auto* b) { return a->line_in_column < b->line_in_column; });
            col.left = col.lines.front()->x;
            for (const auto* l : col.lines) col.left = std::min(col.left, l->x);
        }

    for (std::size_t p = 0; p < pages.size(); ++p) {
        const PageInfo& info = pages[p];
        if (info.columns.empty()) continue;
        const page::Page& page = doc.pages[p];
        // The article goes on when the next page has body lines and no head of its own.
        const bool last = p + 1 == pages.size() || pages[p + 1].opening || pages[p + 1].columns.empty();

        // Stacked space: every page.
        for (const auto& [c, col] : info.columns) {
            for (std::size_t i = 0; i + 1 < col.lines.size(); ++i) {
                const page::LineRecord& a = *col.lines[i];
                const page::LineRecord& b = *col.lines[i + 1];
                const double blank = (b.baseline - a.baseline) / step - 1;
                if (blank <= options.stacked_lines + 1e-6) continue;
                if (image_between(page, col.left, col_w, a.baseline, b.baseline)) continue;
                Place place;
                place.page = static_cast<int>(p) + 1;
                place.column = c + 1;
                place.line = b.line_in_column;
                place.box = box(col.left, a.baseline, col_w, b.baseline, g);
                report.add(Severity::Warning, "stacked-space", place,
                           "stacked vertical space: " + lines_text(blank) + " empty grid lines before this line (at most " +
                               lines_text(options.stacked_lines) + ")");
            }
        }

        if (!last) {
            // Column holes: every column of the page should reach the foot.
            const double left0 = info.columns.begin()->second.left - info.columns.begin()->first * pitch;
            for (int c = 0; c < g.columns; ++c) {
                auto it = info.columns.find(c);
                const double left = it != info.columns.end() ? it->second.left : left0 + c * pitch;
                double bottom = it != info.columns.end() ? it->second.lines.back()->baseline : top;
                bottom = image_bottom(page, left, col_w, bottom);
                const double short_by = (foot - bottom) / step;
                if (short_by < options.hole_lines - 1e-6) continue;
                Place place;
                place.page = static_cast<int>(p) + 1;
                place.column = c + 1;
                place.line = it != info.columns.end() ? it->second.lines.back()->line_in_column : 0;
                place.box = box(left, bottom, col_w, foot, g);
                report.add(Severity::Warning, "column-hole", place,
                           "column hole: the column ends " + lines_text(short_by) +
                               " grid lines above the foot of a page the article goes on from");
            }
        } else if (!info.opening) {
            // An article's last page (not its opening): at least a third full.
            double used = 0;
            for (const auto& [c, col] : info.columns) {
                const double bottom = image_bottom(page, col.left, col_w, col.lines.back()->baseline);
                used += std::max(0.0, bottom - top + step / 4);
            }
            const double share = used / (g.columns * g.text_height().pt());
            if (share < options.near_empty_share) {
                Place place;
                place.page = static_cast<int>(p) + 1;
                place.column = 1;
                place.line = 1;
                place.box = box(info.columns.begin()->second.left, top, g.text_width().pt(), foot, g);
                report.add(Severity::Warning, "near-empty-page", place,
                           "near-empty last page: " + lines_text(share * 100) +
                               " % of its text area is set (at least a third): copyfit with looseness");
            }
        }
    }
}

}  // namespace quire::proof
