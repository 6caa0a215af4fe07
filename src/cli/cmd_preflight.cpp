// quire preflight FILE.pdf: the PDF-level print checks on any PDF (our pages, supplied ads).
#include "cli/command_registry.hpp"
#include "cli/proof_commands.hpp"
#include "core/output_file.hpp"
#include "proof/preflight.hpp"

#include <iostream>

namespace {

using namespace quire;

cli::Runner setup_preflight(CLI::App& app) {
    struct Options {
        std::string input;
        std::string json;
        bool strict = false;
        bool screen = false;
        double safe_margin_mm = 5;
        double min_ppi = 250;
        double max_ink = 300;
    };
    auto opt = std::make_shared<Options>();
    app.add_option("file", opt->input, "PDF to check")->required();
    app.add_option("--json", opt->json, "also write the report as JSON to this file");
    app.add_flag("--strict", opt->strict, "warnings fail the command too (exit 1)");
    app.add_flag("--screen", opt->screen, "a PDF for the screen: no box, output-intent or other press checks");
    app.add_option("--max-ink", opt->max_ink, "total ink limit of fills and CMYK images (%)")->capture_default_str();
    app.add_option("--safe-margin", opt->safe_margin_mm, "text closer than this to the trim is reported (mm)")
        ->capture_default_str();
    app.add_option("--min-ppi", opt->min_ppi, "images below this effective resolution are reported")
        ->capture_default_str();
    return [opt]() {
        proof::PdfDocument doc(opt->input);
        proof::PreflightOptions options;
        options.safe_margin = Length::mm(opt->safe_margin_mm);
        options.warn_ppi = opt->min_ppi;
        options.error_ppi = std::min(options.error_ppi, opt->min_ppi);
        options.max_ink = opt->max_ink / 100;
        if (opt->screen) {
            options.boxes = proof::PreflightOptions::Boxes::Optional;
            options.press = proof::PreflightOptions::Press::Skip;
        }
        proof::Report report;
        report.title = "Preflight of " + std::filesystem::path(opt->input).filename().string();
        report.subject = opt->input;
        proof::preflight(doc, options, report);
        std::cout << report.to_text();
        if (!opt->json.empty()) write_file_atomically(opt->json, report.to_json().dump(2) + "\n");
        const auto strictness = opt->strict ? proof::Strictness::Strict : proof::Strictness::Normal;
        return proof::report_fails(report, strictness) ? 1 : 0;
    };
}

const cli::Registration reg{"preflight", quire::cli::proof_command_description("preflight"), &setup_preflight};

}  // namespace
