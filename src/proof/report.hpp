// The proof report: findings (severity, check, place, message) and the document's figures (pages,
// words, reading time), written as report.json (for tools and a magazine's CI) and report.txt (for
// people). The order is the order of the pages, so that the report reads alongside the proof.
#pragma once

#include "core/diagnostic.hpp"
#include "core/length.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace quire::proof {

// Where a finding is: "p. 2, col. 1, l. 14" in the proof, a box on the page, and the source place
// when it is known. 0 means "not known" for page, column and line.
struct Place {
    int page = 0;
    int column = 0;
    int line = 0;
    std::optional<Rect> box;  // PDF points from the page's top left
    SourceSpan source;        // file:line:col of the article, when known

    std::string to_string() const;  // "p. 2, col. 1, l. 14"; "document" when nothing is known
};

struct Finding {
    Severity severity = Severity::Warning;
    std::string check;    // stable identifier: "overfull-line", "low-ppi", "font-not-embedded", …
    Place place;
    std::string message;  // one sentence, naming what and how much

    std::string to_string() const;  // "p. 2, col. 1, l. 14: warning [loose-line]: …"
};

struct ReportStats {
    int pages = 0;
    int words = 0;
    double reading_minutes = 0;  // words / 238 (Brysbaert 2019: average silent reading, non-fiction)
    std::string trim_size;       // "170 × 240 mm", empty when there is no TrimBox
};

struct Report {
    std::string title;    // what was checked: "Proof of armenia-pawn-kazakhstan", "Preflight of ad.pdf"
    std::string subject;  // file checked
    ReportStats stats;
    std::vector<Finding> findings;

    void add(Severity severity, std::string check, Place place, std::string message);
    std::size_t count(Severity severity) const;
    // Sorts by page, column, line, then severity (errors first) and check: a stable order.
    void sort();

    nlohmann::json to_json() const;
    std::string to_text() const;
};

// Reading time from a word count, at 238 words a minute (Brysbaert 2019).
double reading_minutes(int words);

// Whether the findings fail a run: errors always; warnings too when strict.
enum class Strictness { Normal, Strict };
bool report_fails(const Report& report, Strictness strictness);

}  // namespace quire::proof
