#include "proof/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace quire::proof {

std::string Place::to_string() const {
    std::string out;
    if (page > 0) out = "p. " + std::to_string(page);
    if (column > 0) out += (out.empty() ? "" : ", ") + std::string("col. ") + std::to_string(column);
    if (line > 0) out += (out.empty() ? "" : ", ") + std::string("l. ") + std::to_string(line);
    if (out.empty()) out = source.file.empty() ? "document" : source.to_string();
    return out;
}

std::string Finding::to_string() const {
    return place.to_string() + ": " + severity_name(severity) + " [" + check + "]: " + message;
}

void Report::add(Severity severity, std::string check, Place place, std::string message) {
    findings.push_back(Finding{severity, std::move(check), std::move(place), std::move(message)});
}

std::size_t Report::count(Severity severity) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

void Report::sort() {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        // Document-wide findings (page 0) come first.
        return std::make_tuple(a.place.page, a.place.column, a.place.line, -static_cast<int>(a.severity), a.check) <
               std::make_tuple(b.place.page, b.place.column, b.place.line, -static_cast<int>(b.severity), b.check);
    });
}

std::string ReportPart::heading() const {
    std::string out = first_page == last_page ? "p. " + std::to_string(first_page)
                                              : "pp. " + std::to_string(first_page) + "\u2013" + std::to_string(last_page);
    out += " \u00B7 " + title;
    if (kind == "article" && !id.empty()) out += " (" + id + ")";
    if (!section.empty()) out += " \u00B7 " + section;
    return out;
}

int Report::part_of(int page) const {
    if (page <= 0) return -1;
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (page >= parts[i].first_page && page <= parts[i].last_page) return static_cast<int>(i);
    return -1;
}

void add_diagnostics(const Diagnostics& diagnostics, const std::string& check, Report& report) {
    for (const Diagnostic& d : diagnostics.all()) {
        Place place;
        place.source = d.where;
        report.add(d.severity, check, place, d.message);
    }
}

double reading_minutes(int words) { return words / 238.0; }

bool report_fails(const Report& report, Strictness strictness) {
    if (report.count(Severity::Error) > 0) return true;
    return strictness == Strictness::Strict && report.count(Severity::Warning) > 0;
}

namespace {

// Two decimals are enough for points (1/7200 in) and keep the JSON stable across platforms.
double round2(double v) { return std::round(v * 100.0) / 100.0; }

}  // namespace

nlohmann::json Report::to_json() const {
    nlohmann::json j;
    j["title"] = title;
    j["subject"] = subject;
    j["stats"] = {{"pages", stats.pages},
                  {"words", stats.words},
                  {"reading_minutes", std::round(stats.reading_minutes * 10.0) / 10.0},
                  {"trim_size", stats.trim_size}};
    j["counts"] = {{"error", count(Severity::Error)},
                   {"warning", count(Severity::Warning)},
                   {"note", count(Severity::Note)}};
    auto list = nlohmann::json::array();
    for (const auto& f : findings) {
        nlohmann::json item{{"severity", severity_name(f.severity)}, {"check", f.check}, {"message", f.message}};
        nlohmann::json place = nlohmann::json::object();
        if (f.place.page > 0) place["page"] = f.place.page;
        if (f.place.column > 0) place["column"] = f.place.column;
        if (f.place.line > 0) place["line"] = f.place.line;
        if (f.place.box)
            place["box_pt"] = {round2(f.place.box->x.pt()), round2(f.place.box->y.pt()),
                               round2(f.place.box->width.pt()), round2(f.place.box->height.pt())};
        if (!f.place.source.file.empty()) place["source"] = f.place.source.to_string();
        place["text"] = f.place.to_string();
        item["place"] = place;
        if (const int part = part_of(f.place.page); part >= 0) {
            const ReportPart& p = parts[static_cast<std::size_t>(part)];
            item["part"] = part;
            if (p.kind == "article") item["article"] = {{"id", p.id}, {"title", p.title}, {"section", p.section}};
        }
        list.push_back(item);
    }
    j["findings"] = list;
    if (!parts.empty()) {
        // The findings grouped as the issue is: each part with its pages and the indices of its
        // findings in "findings" (page-0 findings belong to the whole issue, in no part).
        auto groups = nlohmann::json::array();
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const ReportPart& p = parts[i];
            nlohmann::json g{{"kind", p.kind}, {"id", p.id}, {"title", p.title}, {"section", p.section},
                             {"first_page", p.first_page}, {"last_page", p.last_page}};
            auto indices = nlohmann::json::array();
            std::size_t counts[3] = {0, 0, 0};
            for (std::size_t k = 0; k < findings.size(); ++k)
                if (part_of(findings[k].place.page) == static_cast<int>(i)) {
                    indices.push_back(k);
                    ++counts[static_cast<int>(findings[k].severity)];
                }
            g["counts"] = {{"error", counts[2]}, {"warning", counts[1]}, {"note", counts[0]}};
            g["findings"] = indices;
            groups.push_back(g);
        }
        j["parts"] = groups;
    }
    return j;
}

std::string Report::to_text() const {
    std::string out = title + "\n" + std::string(title.size(), '=') + "\n";
    if (!subject.empty()) out += "File:          " + subject + "\n";
    out += "Pages:         " + std::to_string(stats.pages) + "\n";
    if (!stats.trim_size.empty()) out += "Trim size:     " + stats.trim_size + "\n";
    if (stats.words > 0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f min", std::max(1.0, std::round(stats.reading_minutes)));
        out += "Words:         " + std::to_string(stats.words) + "\n";
        out += "Reading time:  " + std::string(buf) + " (238 words a minute)\n";
    }
    out += "Findings:      " + std::to_string(count(Severity::Error)) + " errors, " +
           std::to_string(count(Severity::Warning)) + " warnings, " + std::to_string(count(Severity::Note)) +
           " notes\n\n";
    if (findings.empty()) out += "No findings.\n";
    if (parts.empty()) {
        for (const auto& f : findings) out += f.to_string() + "\n";
        return out;
    }
    // Grouped: the whole document's findings first, then each part in page order with a heading
    // (parts without findings are listed as such, so the editor sees every article was checked).
    bool any_whole = false;
    for (const auto& f : findings)
        if (part_of(f.place.page) < 0) {
            if (!any_whole) out += "Whole issue\n-----------\n";
            any_whole = true;
            out += f.to_string() + "\n";
        }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string heading = parts[i].heading();
        std::string body;
        for (const auto& f : findings)
            if (part_of(f.place.page) == static_cast<int>(i)) body += "  " + f.to_string() + "\n";
        out += "\n" + heading + "\n" + (body.empty() ? "  No findings.\n" : body);
    }
    return out;
}

}  // namespace quire::proof
