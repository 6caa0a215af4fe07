// `quire proof`: an article's proof folder.
//
//   proof/proof.pdf         the print layout with the PROOF mark, the stamp and line numbers
//   proof/pages/page-NNN.png, proof/thumbs/page-NNN.png   every page, rasterised once from proof.pdf
//   proof/report.json, report.txt   preflight and typography findings with their places
//   proof/index.html        the contact sheet
//
// The lead's `quire build` calls build_proof(); `quire proof` is a thin command around it.
#pragma once

#include "proof/layout_checks.hpp"
#include "proof/preflight.hpp"
#include "proof/proof_folder.hpp"
#include "proof/report.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace quire::proof {

struct ProofOptions {
    std::string round;                                // "2" → "round 2"; empty: the date
    std::string layout;                               // name or path; empty: the publication's, else "magazine"
    std::optional<std::filesystem::path> publication; // default: found from the article
    PageImageOptions images;
    PreflightOptions preflight;
    LayoutCheckOptions checks;
};

struct ProofResult {
    Report report;
    std::filesystem::path folder;
    int pages = 0;
};

// Loads, lays out and renders `article` with the proof marks, then checks and writes the folder.
// Throws QuireError (with its place) when the article cannot be laid out at all; everything else
// becomes a finding. Whether the findings fail the run is the caller's (report_fails).
ProofResult build_proof(const std::filesystem::path& article, const std::filesystem::path& out_dir,
                        const ProofOptions& options = {});

// The proof folder of any PDF (a supplied ad, another tool's output): page images, preflight
// report and contact sheet, without overlays. The PDF is linked, not copied.
ProofResult build_pdf_proof(const std::filesystem::path& pdf, const std::filesystem::path& out_dir,
                            const ProofOptions& options = {});

}  // namespace quire::proof
