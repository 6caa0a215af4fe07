// The commands that read PDFs back with Poppler (proof, diff, preflight, and build, which makes a
// proof). They live in a second executable, quire-proof, beside quire: Poppler brings GLib, GIO, NSS
// and 30 more shared libraries whose loading cost every `quire pdf` and `quire epub` ≈ 15 ms before
// any work (CMakeLists.txt, "Static linking"). `quire proof …` hands its whole command line to
// quire-proof (exec, same arguments), so the user sees one command.
#pragma once

#include <string_view>

namespace quire::cli {

struct ProofCommand {
    std::string_view name;
    std::string_view description;
};

// One list for both executables: quire-proof registers these with their code, quire lists them in
// its help and hands them over.
inline constexpr ProofCommand kProofCommands[] = {
    {"build", "Build everything for an article (PDF, EPUB, proof) into one folder"},
    {"diff", "Show what changed between two PDFs (proof rounds): pages, regions, words"},
    {"issue", "Make the print issue from a manifest: issue PDF, each article's PDF, page map, spreads, EPUB"},
    {"preflight", "Check any PDF for print: fonts, boxes, image resolution, safe area"},
    {"proof", "Proof an article or a whole issue: proof PDF with line numbers, page images, report, contact sheet"},
};

inline std::string proof_command_description(std::string_view name) {
    for (const auto& c : kProofCommands)
        if (c.name == name) return std::string(c.description);
    return {};
}

// The name of the executable that runs them, looked for beside the running `quire`.
inline constexpr std::string_view kProofExecutable = "quire-proof";

}  // namespace quire::cli
