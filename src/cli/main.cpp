// quire: the command. Subcommands register themselves (command_registry.hpp); this file parses the
// command line, runs the chosen one, and turns a QuireError into "file:line:col: error: …" and exit 1.
// Built twice (CMakeLists.txt): `quire`, without the Poppler commands, which it hands over to
// `quire-proof` (QUIRE_HAND_OVER_PROOF_COMMANDS, cli/proof_commands.hpp); and `quire-proof`, with all.
#include "cli/command_registry.hpp"
#include "cli/proof_commands.hpp"
#include "core/diagnostic.hpp"
#include "core/huge_pages.hpp"
#include "core/input_file.hpp"
#include "model/issue.hpp"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>

namespace quire::cli {

std::vector<CommandEntry>& registry() {
    static std::vector<CommandEntry> entries;
    return entries;
}

Registration::Registration(std::string name, std::string description, Setup setup) {
    registry().push_back(CommandEntry{std::move(name), std::move(description), setup});
}

#ifdef QUIRE_HAND_OVER_PROOF_COMMANDS
namespace {

// Runs quire-proof (beside this executable) with the same arguments, if argv[1] is one of its
// commands; returns only if it is not, or with an error if quire-proof cannot be started.
void hand_over_proof_command(int argc, char** argv) {
    if (argc < 2) return;
    const std::string_view command = argv[1];
    // `quire check issue.xml` checks the issue's ads as `quire issue` does, which needs Poppler.
    const bool checks_issue = command == "check" && std::any_of(argv + 2, argv + argc, [](const char* arg) {
        return model::is_issue_manifest(arg);
    });
    if (!checks_issue && std::none_of(std::begin(kProofCommands), std::end(kProofCommands),
                                      [&](const ProofCommand& c) { return c.name == command; }))
        return;
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::filesystem::path target = (ec ? std::filesystem::path(argv[0]).parent_path() : self.parent_path()) /
                                         std::string(kProofExecutable);
    // glibc's malloc in 2 MiB pages from the start (tunable glibc.malloc.hugetlb, glibc 2.35+, read
    // only when a process starts, hence here): quire-proof's commands allocate hundreds of megabytes
    // (page images, the issue's PDFs), and with Debian's THP mode `madvise` each 4 KiB page of it
    // was a fault, about 11 µs each in a VM (issue 17). `quire issue` on the example: 19,500 → 12,300
    // faults, 1,115 → 1,028 ms (medians of 9 interleaved runs), peak RSS 150–154 → 154–156 MB;
    // `quire build` unchanged. A GLIBC_TUNABLES the user set is left as it is.
    setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", /*overwrite=*/0);
    execv(target.c_str(), argv);
    std::cerr << "quire: error: `quire " << command << "` needs " << target.string()
              << " (built and installed beside quire): " << std::strerror(errno) << '\n';
    std::exit(127);
}

// Lists the handed-over commands in `quire --help`; they never run here.
Runner listed_only(CLI::App& app) {
    app.allow_extras();
    app.prefix_command();
    return [] { return 127; };
}

}  // namespace
#endif

}  // namespace quire::cli

int main(int argc, char** argv) {
    using namespace quire;
    // A command lives for a fraction of a second and passes whole PDFs, images and fonts around as
    // buffers of megabytes: glibc would map and unmap each (page faults on every fresh one, a third of
    // `quire pdf`'s time under perf). Kept in the heap instead, they are reused; the memory goes back
    // when the process ends. Measured: 12 % less CPU for the example article (perf stat, 7 runs).
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#ifdef QUIRE_HAND_OVER_PROOF_COMMANDS
    cli::hand_over_proof_command(argc, argv);
#endif
    // The heap in 2 MiB pages (core/huge_pages.hpp). Measured on the example (medians of 11,
    // interleaved): 3,415 → 1,330 page faults, `quire pdf` 105 → 74 ms; 98 pages 566 → 435 ms.
    core::back_main_heap_with_huge_pages();
    CLI::App app{"quire: articles to print-ready PDF, EPUB 3 and proofs"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "quire 0.1.0");
    // No command writes over one of its inputs (an article, image, profile) unless told to (issue 18);
    // fallthrough: `--force` may follow the subcommand's own arguments.
    bool force = false;
    app.add_flag("--force", force, "Allow an output to replace an input file of the same run");
    app.fallthrough();

    auto entries = cli::registry();
#ifdef QUIRE_HAND_OVER_PROOF_COMMANDS
    for (const auto& c : cli::kProofCommands)
        entries.push_back(cli::CommandEntry{std::string(c.name), std::string(c.description), &cli::listed_only});
#endif
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::map<CLI::App*, cli::Runner> runners;
    for (const auto& entry : entries) {
        CLI::App* sub = app.add_subcommand(entry.name, entry.description);
        runners[sub] = entry.setup(*sub);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    set_overwrite_inputs(force ? OverwriteInputs::Allow : OverwriteInputs::Refuse);
    try {
        for (auto& [sub, run] : runners)
            if (sub->parsed()) return run();
    } catch (const QuireError& e) {
        std::cerr << e.diagnostic().to_string() << '\n';
        return 1;
    } catch (const std::filesystem::filesystem_error& e) {
        // Say which path and what is wrong in words (issue 18: no uncaught std::filesystem errors).
        std::cerr << (e.path1().empty() ? std::string("quire") : e.path1().string()) << ": error: "
                  << e.code().message() << (e.path2().empty() ? "" : " (" + e.path2().string() + ")") << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "quire: error: " << e.what() << '\n';
        return 1;
    }
    return 1;
}
