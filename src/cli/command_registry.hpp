// Each subcommand lives in its own file (cmd_<name>.cpp) and registers itself here, so that adding a
// command touches no other file:
//
//   static const quire::cli::Registration reg{"epub", "Build an EPUB 3 from an article", &setup_epub};
//
// `setup` adds the subcommand's options to its CLI::App and returns the function that runs it
// (returning the process exit code). Subcommands are listed in name order.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace quire::cli {

using Runner = std::function<int()>;
using Setup = Runner (*)(CLI::App& subcommand);

struct CommandEntry {
    std::string name;
    std::string description;
    Setup setup;
};

std::vector<CommandEntry>& registry();

// For -o: an empty path is a mistake said in words, not a default (issue 18: `-o ''`).
inline const CLI::Validator kNonEmptyOutput{
    [](std::string& path) { return path.empty() ? std::string("the output path is empty") : std::string(); }, "PATH"};

struct Registration {
    Registration(std::string name, std::string description, Setup setup);
};

}  // namespace quire::cli
