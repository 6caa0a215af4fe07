#include "proof/issue_proof.hpp"

#include "core/output_file.hpp"
#include "core/output_folder.hpp"
#include "core/source_date.hpp"
#include "issue/issue_layout.hpp"
#include "issue/page_map.hpp"
#include "model/issue.hpp"
#include "proof/issue_page_map.hpp"
#include "proof/proof_overlay.hpp"
#include "proof/supplied_checks.hpp"
#include "render/press_pdf.hpp"
#include "render/render.hpp"

namespace quire::proof {

namespace fs = std::filesystem;

ProofResult build_issue_proof(const fs::path& manifest_path, const fs::path& out_dir, const ProofOptions& options) {
    ProofResult result;
    result.folder = out_dir;
    Report& report = result.report;

    // Laid out and checked as `quire issue` does (src/cli/cmd_issue.cpp): an error stops the proof
    // before anything is written.
    Diagnostics diagnostics;
    const model::Issue manifest = model::read_issue_file(manifest_path, diagnostics);
    diagnostics.throw_first_error();
    issue::IssueOptions layout_options;
    layout_options.layout = options.layout;
    const issue::IssueLayout issue = issue::lay_out_issue(manifest, layout_options, diagnostics);
    check_supplied_pages(manifest, issue.layout.page, diagnostics);
    diagnostics.throw_first_error();

    const std::string name = issue.publication.name + " " + issue.issue.number;
    report.title = "Proof of " + name;
    report.subject = manifest_path.string();
    add_diagnostics(diagnostics, "issue", report);

    // The whole issue's display list: article pages keep their line records (at issue page
    // numbers), so the checks and the line numbers are those of the article proof.
    page::PageDocument doc = issue.document();
    check_layout(doc, issue.layout, options.checks, report);
    const int words = laid_out_words(doc);

    ProofStamp stamp;
    stamp.article_id = "issue " + issue.issue.number;
    const std::string date = iso8601_utc(output_timestamp(issue.issue.date)).substr(0, 10);
    stamp.round = options.round.empty() ? date : "round " + options.round;
    stamp.checksum = short_checksum(read_file(manifest_path));
    Diagnostics overlay_diagnostics;
    add_proof_overlays(doc, stamp, LineNumbers::Every, overlay_diagnostics);
    add_diagnostics(overlay_diagnostics, "proof-marks", report);

    const std::string page_map = issue::page_map_json(issue);
    report.parts = parse_page_map(page_map, "pages.json").parts();

    StagedFolder staged(out_dir, "report.json");
    const fs::path dir = staged.path();
    const fs::path pdf_path = dir / "proof.pdf";
    render::PdfOptions pdf_options;
    pdf_options.images = render::PdfImages::Proof;  // checked on the display list above, at full size
    Diagnostics intent_diagnostics;
    pdf_options.intent = render::output_intent_for(&issue.publication, intent_diagnostics);
    render::render_pdf(doc, pdf_options, pdf_path);
    write_file_atomically(dir / "pages.json", page_map);

    PdfDocument pdf(pdf_path);
    PreflightOptions preflight_options = options.preflight;
    preflight_options.images = PreflightOptions::Images::Skip;
    preflight(pdf, preflight_options, report);
    report.stats.words = words;
    report.stats.reading_minutes = reading_minutes(words);
    report.sort();

    ContactSheet sheet;
    sheet.title = "Proof: " + name;
    sheet.subtitle = std::to_string(issue.pages.size()) + " pages \u00B7 " + std::to_string(issue.articles.size()) +
                     " articles \u00B7 " + stamp.round + " \u00B7 manifest " + stamp.checksum + " \u00B7 layout " +
                     issue.layout.name;
    sheet.links = {{"proof.pdf", "proof.pdf"}, {"report.txt", "report.txt"}, {"report.json", "report.json"},
                   {"pages.json", "pages.json"}};
    sheet.layout = issue.layout.page.facing == style::Facing::Spread ? Layout::Spreads : Layout::Single;
    sheet.pages = write_page_images(pdf, dir, options.images);
    write_report_files(dir, report, sheet);
    result.pages = pdf.page_count();
    staged.commit();
    return result;
}

}  // namespace quire::proof
