// quire: the command. Subcommands register themselves (command_registry.hpp); this file parses the
// command line, runs the chosen one, and turns a QuireError into "file:line:col: error: …" and exit 1.
#include "cli/command_registry.hpp"
#include "core/diagnostic.hpp"

#include <algorithm>
#include <cstdio>
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

}  // namespace quire::cli

int main(int argc, char** argv) {
    using namespace quire;
    CLI::App app{"quire: articles to print-ready PDF, EPUB 3 and proofs"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "quire 0.1.0");

    auto entries = cli::registry();
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

    try {
        for (auto& [sub, run] : runners)
            if (sub->parsed()) return run();
    } catch (const QuireError& e) {
        std::cerr << e.diagnostic().to_string() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "quire: error: " << e.what() << '\n';
        return 1;
    }
    return 1;
}
