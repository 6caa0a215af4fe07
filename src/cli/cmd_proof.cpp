// quire proof ARTICLE.xml -o proof/: the proof folder (proof.pdf with marks, page images, report,
// index.html). Given an issue manifest, the proof of the whole issue (proof/issue_proof.hpp), its
// findings grouped by article. Given a PDF instead, it proofs that PDF as supplied (page images, preflight, sheet).
#include "cli/command_registry.hpp"
#include "cli/proof_commands.hpp"
#include "model/issue.hpp"
#include "proof/issue_proof.hpp"
#include "proof/proof_builder.hpp"

#include <iostream>

namespace {

using namespace quire;

cli::Runner setup_proof(CLI::App& app) {
    struct Options {
        std::string input, out, round, layout, publication;
        bool strict = false;
        double dpi = 100;
    };
    auto opt = std::make_shared<Options>();
    app.add_option("input", opt->input, "the article (.xml), an issue manifest (issue.xml), or any PDF to proof as supplied")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("-o,--output", opt->out, "the proof folder to write")->required()->check(quire::cli::kNonEmptyOutput);
    app.add_option("--round", opt->round, "proof round, stamped on every page (default: the date)");
    app.add_option("--layout", opt->layout, "layout name or path (default: the publication's)");
    app.add_option("--publication", opt->publication, "the publication profile (default: found from the article)")
        ->check(CLI::ExistingFile);
    app.add_option("--dpi", opt->dpi, "resolution of the full-size page images")
        ->capture_default_str()
        ->check(CLI::Range(30.0, 600.0));
    app.add_flag("--strict", opt->strict, "warnings fail the command too (for a magazine's CI)");
    return [opt]() {
        proof::ProofOptions options;
        options.round = opt->round;
        options.layout = opt->layout;
        if (!opt->publication.empty()) options.publication = opt->publication;
        options.images.screen_dpi = opt->dpi;
        const bool is_pdf = std::filesystem::path(opt->input).extension() == ".pdf";
        const proof::ProofResult result = is_pdf ? proof::build_pdf_proof(opt->input, opt->out, options)
                                          : model::is_issue_manifest(opt->input)
                                              ? proof::build_issue_proof(opt->input, opt->out, options)
                                              : proof::build_proof(opt->input, opt->out, options);
        const proof::Report& r = result.report;
        for (const auto& f : r.findings)
            if (f.severity != Severity::Note) std::cerr << f.to_string() << '\n';
        std::cout << "proof: " << (result.folder / "index.html").string() << ": " << result.pages << " pages, "
                  << r.count(Severity::Error) << " errors, " << r.count(Severity::Warning) << " warnings, "
                  << r.count(Severity::Note) << " notes\n";
        const auto strictness = opt->strict ? proof::Strictness::Strict : proof::Strictness::Normal;
        return proof::report_fails(r, strictness) ? 1 : 0;
    };
}

const cli::Registration reg{"proof", quire::cli::proof_command_description("proof"), &setup_proof};

}  // namespace
