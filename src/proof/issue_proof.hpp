// `quire proof issue.xml -o proof/`: the proof folder of a whole print issue. The issue is made up as
// `quire issue` makes it (issue::lay_out_issue, the same checks of the supplied ads) and proofed as an
// article is (build_proof's checks, marks, page images, report and contact sheet), with the findings
// grouped by article, cover, contents and ad from the issue's page map.
//
//   proof/proof.pdf       the whole issue with the PROOF mark, the stamp and line numbers
//   proof/pages.json      the page map the report was grouped by (as `quire issue` writes it)
//   proof/pages/, thumbs/, report.json, report.txt, index.html   as in an article's proof
#pragma once

#include "proof/proof_builder.hpp"

namespace quire::proof {

// Throws QuireError (with its place) when the manifest, an article or a supplied page has an error:
// then nothing is written. Warnings become findings.
ProofResult build_issue_proof(const std::filesystem::path& manifest, const std::filesystem::path& out_dir,
                              const ProofOptions& options = {});

}  // namespace quire::proof
