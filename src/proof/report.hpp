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

// A run of pages the report groups its findings under: an article of an issue (its id, title and
// section, from the page map) or a page that is not one (cover, contents, an ad). An article's proof
// has none: its findings are listed in page order only.
struct ReportPart {
    std::string kind;     // "article", "cover", "contents", "impressum", "ad", "filler"
    std::string id;       // the article's id; the supplied file for an ad or filler
    std::string title;    // the article's title; "Cover", "Ad: ad-back.pdf", …
    std::string section;  // the manifest's section title (articles)
    int first_page = 0, last_page = 0;  // 1-based, inclusive

    std::string heading() const;  // "pp. 5–12 · The title (id) · Section"
};

struct Report {
    std::string title;    // what was checked: "Proof of armenia-pawn-kazakhstan", "Preflight of ad.pdf"
    std::string subject;  // file checked
    ReportStats stats;
    std::vector<Finding> findings;
    std::vector<ReportPart> parts;  // in page order; empty: no grouping

    // The part holding `page`, or -1 (page 0, a page no part covers, or no parts).
    int part_of(int page) const;

    void add(Severity severity, std::string check, Place place, std::string message);
    std::size_t count(Severity severity) const;
    // Sorts by page, column, line, then severity (errors first) and check: a stable order.
    void sort();

    nlohmann::json to_json() const;
    std::string to_text() const;
};

// Problems a reader or the layout reported (with their source places) become findings under `check`.
void add_diagnostics(const Diagnostics& diagnostics, const std::string& check, Report& report);

// Reading time from a word count, at 238 words a minute (Brysbaert 2019).
double reading_minutes(int words);

// Whether the findings fail a run: errors always; warnings too when strict.
enum class Strictness { Normal, Strict };
bool report_fails(const Report& report, Strictness strictness);

}  // namespace quire::proof
