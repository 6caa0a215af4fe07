#include "proof/contact_sheet.hpp"

#include "core/markup_escape.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace quire::proof {

namespace {

std::string pct(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", std::clamp(v * 100.0, 0.0, 100.0));
    return buf;
}

const char* kStyle = R"css(
:root { --paper: #fff; --ink: #1d1d1f; --muted: #6b6b70; --bg: #eceae4; --error: #c62828; --warning: #d98e04;
        --note: #2e6fba; --rule: #d6d3cb; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 15px/1.45 "Inter", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header { padding: 28px 40px 18px; border-bottom: 1px solid var(--rule); background: #f7f6f2; }
h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; letter-spacing: -0.01em; }
.subtitle { color: var(--muted); margin: 0 0 14px; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 22px; margin: 0; padding: 0; list-style: none; }
.facts li { white-space: nowrap; } .facts b { font-weight: 600; }
.badge { display: inline-block; min-width: 1.6em; padding: 1px 8px; border-radius: 999px; color: #fff;
         font-size: 13px; font-weight: 600; text-align: center; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.note { background: var(--note); } .badge.ok { background: #2e7d32; }
.links a { margin-right: 16px; color: #1f5fa8; text-decoration: none; font-weight: 500; }
.links a:hover { text-decoration: underline; }
main { padding: 28px 40px 48px; }
h2 { font-size: 17px; font-weight: 650; margin: 0 0 16px; }
.sheet { display: flex; flex-wrap: wrap; gap: 34px 42px; align-items: flex-end; margin-bottom: 44px; }
.spread { margin: 0; }
.spread .pages { display: flex; box-shadow: 0 1px 2px rgba(0,0,0,.18), 0 6px 18px rgba(0,0,0,.12); }
.spread.recto { padding-left: var(--thumb-w); }
.page { position: relative; display: block; width: var(--thumb-w); line-height: 0; background: var(--paper); }
.page img { width: 100%; height: auto; display: block; }
.page + .page { border-left: 1px solid #d8d8d8; }
.mark { position: absolute; border: 1px solid rgba(217,142,4,.85); border-radius: 1px; background: rgba(217,142,4,.10); }
.mark.error { border: 2px solid var(--error); background: rgba(198,40,40,.14); }
.mark.note { border-color: rgba(46,111,186,.7); background: rgba(46,111,186,.06); }
.count { position: absolute; top: 6px; right: 6px; line-height: 1.4; }
figcaption { margin-top: 8px; font-size: 13px; color: var(--muted); text-align: center; }
td a { color: var(--ink); text-decoration-color: #b9b5aa; text-underline-offset: 2px; }
table { width: 100%; border-collapse: collapse; background: #fbfaf7; border: 1px solid var(--rule); }
th, td { text-align: left; padding: 7px 12px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
td.place { white-space: nowrap; } td.check { font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  font-size: 13px; color: var(--muted); white-space: nowrap; }
tr.group th { background: #efece4; color: var(--ink); font-size: 14px; text-transform: none; letter-spacing: 0;
  padding-top: 12px; } tr.group .n { color: var(--muted); font-weight: 400; margin-left: 8px; }
table.parts { width: auto; min-width: 60%; margin-bottom: 30px; } table.parts td { padding: 5px 12px; } td.section { color: var(--muted); font-size: 13px; white-space: nowrap; }
.none { padding: 14px 16px; background: #fbfaf7; border: 1px solid var(--rule); }
@media print { body { background: #fff; } header { background: #fff; } }
)css";

void page_html(std::string& out, const SheetPage& page, const Report& report) {
    out += "<a class=\"page\" id=\"page-" + std::to_string(page.number) + "\" href=\"" + escape_xml_attribute(page.image) +
           "\" title=\"Page " + std::to_string(page.number) + ": open full size\"><img src=\"" +
           escape_xml_attribute(page.thumb) + "\" alt=\"Page " + std::to_string(page.number) + "\" loading=\"lazy\">";
    std::map<Severity, int> unplaced;
    for (const Finding& f : report.findings) {
        if (f.place.page != page.number) continue;
        if (!f.place.box || page.size.width.pt() <= 0) {
            ++unplaced[f.severity];
            continue;
        }
        const Rect& b = *f.place.box;
        // A mark at least a few percent wide, so that a single glyph's finding can be seen.
        const double w = std::max(b.width / page.size.width, 0.03), h = std::max(b.height / page.size.height, 0.012);
        out += "<span class=\"mark " + std::string(severity_name(f.severity)) + "\" style=\"left:" +
               pct(b.x / page.size.width) + ";top:" + pct(b.y / page.size.height) + ";width:" + pct(w) +
               ";height:" + pct(h) + "\" title=\"" + escape_xml_attribute(f.to_string()) + "\"></span>";
    }
    if (!unplaced.empty()) {
        out += "<span class=\"count\">";
        for (const auto& [severity, n] : unplaced)
            out += "<span class=\"badge " + std::string(severity_name(severity)) + "\">" + std::to_string(n) + "</span> ";
        out += "</span>";
    }
    out += "</a>";
}

}  // namespace

std::string contact_sheet_html(const ContactSheet& sheet, const Report& report) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + escape_xml_attribute(sheet.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";

    out += "<header>\n<h1>" + escape_xml_attribute(sheet.title) + "</h1>\n";
    if (!sheet.subtitle.empty()) out += "<p class=\"subtitle\">" + escape_xml_attribute(sheet.subtitle) + "</p>\n";
    const std::size_t errors = report.count(Severity::Error), warnings = report.count(Severity::Warning),
                      notes = report.count(Severity::Note);
    out += "<ul class=\"facts\">\n<li><b>" + std::to_string(report.stats.pages) + "</b> pages</li>\n";
    if (!report.stats.trim_size.empty()) out += "<li>trim <b>" + escape_xml_attribute(report.stats.trim_size) + "</b></li>\n";
    if (report.stats.words > 0) {
        char minutes[32];
        std::snprintf(minutes, sizeof minutes, "%.0f", std::max(1.0, std::round(report.stats.reading_minutes)));
        out += "<li><b>" + std::to_string(report.stats.words) + "</b> words</li>\n<li><b>" + minutes +
               " min</b> reading time</li>\n";
    }
    if (errors + warnings + notes == 0) out += "<li><span class=\"badge ok\">✓</span> no findings</li>\n";
    else
        out += "<li><span class=\"badge error\">" + std::to_string(errors) + "</span> errors <span class=\"badge warning\">" +
               std::to_string(warnings) + "</span> warnings <span class=\"badge note\">" + std::to_string(notes) +
               "</span> notes</li>\n";
    out += "</ul>\n";
    if (!sheet.links.empty()) {
        out += "<p class=\"links\">";
        for (const auto& [label, href] : sheet.links) out += "<a href=\"" + escape_xml_attribute(href) + "\">" + escape_xml_attribute(label) + "</a>";
        out += "</p>\n";
    }
    out += "</header>\n<main>\n";
    if (!report.parts.empty()) {
        // An issue: its articles first, each with its counts, linking to its findings below, so that
        // the production editor sees at once which articles need work.
        out += "<h2>Articles</h2>\n<table class=\"parts\">\n<tbody>\n";
        for (std::size_t k = 0; k < report.parts.size(); ++k) {
            const ReportPart& part = report.parts[k];
            if (part.kind != "article") continue;
            std::size_t n[3] = {0, 0, 0};
            for (const Finding& f : report.findings)
                if (report.part_of(f.place.page) == static_cast<int>(k)) ++n[static_cast<int>(f.severity)];
            std::string badges;
            for (const Severity s : {Severity::Error, Severity::Warning, Severity::Note})
                if (n[static_cast<int>(s)] > 0)
                    badges += std::string("<span class=\"badge ") + severity_name(s) + "\">" +
                              std::to_string(n[static_cast<int>(s)]) + "</span> ";
            const std::string pages = part.first_page == part.last_page
                                          ? "p. " + std::to_string(part.first_page)
                                          : "pp. " + std::to_string(part.first_page) + "\u2013" + std::to_string(part.last_page);
            out += "<tr><td class=\"place\"><a href=\"#page-" + std::to_string(part.first_page) + "\">" + pages +
                   "</a></td><td><a href=\"#part-" + std::to_string(k + 1) + "\">" + escape_xml_attribute(part.title) +
                   "</a></td><td class=\"section\">" + escape_xml_attribute(part.section) + "</td><td>" +
                   (badges.empty() ? std::string("<span class=\"badge ok\">\u2713</span>") : badges) + "</td></tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    out += "<h2>Pages</h2>\n";

    // Thumbnails sized from the first page: a column of 2 pages fits a laptop screen.
    const double aspect = !sheet.pages.empty() && sheet.pages[0].size.width.pt() > 0
                              ? sheet.pages[0].size.height / sheet.pages[0].size.width : 1.414;
    char thumb_w[48];
    std::snprintf(thumb_w, sizeof thumb_w, "%dpx", static_cast<int>(std::lround(std::min(240.0, 330.0 / aspect))));
    out += "<section class=\"sheet\" style=\"--thumb-w:" + std::string(thumb_w) + "\">\n";
    std::size_t i = 0;
    while (i < sheet.pages.size()) {
        // Magazine pagination: page 1 is a right-hand page; then 2–3, 4–5 face each other.
        const bool alone = sheet.layout == Layout::Single || (i == 0) || i + 1 >= sheet.pages.size();
        const bool recto = sheet.layout == Layout::Spreads && sheet.pages[i].number % 2 == 1;
        out += std::string("<figure class=\"spread") + (alone && recto ? " recto" : "") + "\"><div class=\"pages\">";
        page_html(out, sheet.pages[i], report);
        std::string caption = "p. " + std::to_string(sheet.pages[i].number);
        if (!alone) {
            page_html(out, sheet.pages[i + 1], report);
            caption = "pp. " + std::to_string(sheet.pages[i].number) + "–" + std::to_string(sheet.pages[i + 1].number);
            i += 2;
        } else {
            ++i;
        }
        out += "</div><figcaption>" + caption + "</figcaption></figure>\n";
    }
    out += "</section>\n<h2>Report</h2>\n";
    if (report.findings.empty()) {
        out += "<p class=\"none\">No findings: nothing to fix before print.</p>\n";
    } else {
        out += "<table>\n<thead><tr><th>Severity</th><th>Place</th><th>Check</th><th>Finding</th></tr></thead>\n<tbody>\n";
        const auto row = [&](const Finding& f) {
            const std::string place = escape_xml_attribute(f.place.to_string());
            out += "<tr><td><span class=\"badge " + std::string(severity_name(f.severity)) + "\">" +
                   severity_name(f.severity) + "</span></td><td class=\"place\">" +
                   (f.place.page > 0 ? "<a href=\"#page-" + std::to_string(f.place.page) + "\">" + place + "</a>" : place) +
                   "</td><td class=\"check\">" + escape_xml_attribute(f.check) + "</td><td>" + escape_xml_attribute(f.message) + "</td></tr>\n";
        };
        if (report.parts.empty()) {
            for (const Finding& f : report.findings) row(f);
        } else {
            // An issue's report: a heading row per article (and per cover, contents, ad page), so
            // that each article's editor finds their findings together.
            const auto group = [&](int part, const std::string& heading) {
                std::size_t n = 0;
                for (const Finding& f : report.findings)
                    if (report.part_of(f.place.page) == part) ++n;
                if (n == 0 && part < 0) return;
                out += "<tr class=\"group\"><th colspan=\"4\"" +
                       (part >= 0 ? " id=\"part-" + std::to_string(part + 1) + "\"" : std::string()) + ">" +
                       escape_xml_attribute(heading) + " <span class=\"n\">" +
                       (n == 0 ? std::string("no findings") : std::to_string(n) + (n == 1 ? " finding" : " findings")) +
                       "</span></th></tr>\n";
                for (const Finding& f : report.findings)
                    if (report.part_of(f.place.page) == part) row(f);
            };
            group(-1, "Whole issue");
            for (std::size_t k = 0; k < report.parts.size(); ++k) group(static_cast<int>(k), report.parts[k].heading());
        }
        out += "</tbody>\n</table>\n";
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace quire::proof
