// Golden text files for the unit tests (tests/golden/): compares a text made now with the stored one
// and says where they first differ; QUIRE_UPDATE_GOLDEN=1 rewrites the stored file instead (then
// review the diff with git). Header-only: each stage's test executable includes it.
#pragma once

#include "core/output_file.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

namespace quire::testing {

inline bool update_golden() { return std::getenv("QUIRE_UPDATE_GOLDEN") != nullptr; }

// "" if equal; else the first differing line's number and both lines (or which text ends first).
inline std::string first_difference(const std::string& expected, const std::string& actual) {
    if (expected == actual) return {};
    std::istringstream e(expected), a(actual);
    std::string le, la;
    for (int line = 1;; ++line) {
        const bool he = static_cast<bool>(std::getline(e, le));
        const bool ha = static_cast<bool>(std::getline(a, la));
        if (!he && !ha) return "the texts differ only in their final newline";
        if (!he) return "line " + std::to_string(line) + ": the golden file ends; now: " + la;
        if (!ha) return "line " + std::to_string(line) + ": the output ends; golden: " + le;
        if (le != la) return "line " + std::to_string(line) + " differs\n  golden: " + le + "\n  now:    " + la;
    }
}

// Compares `actual` with the golden file (or rewrites it under QUIRE_UPDATE_GOLDEN); returns the
// difference ("" = same). A missing golden file is a difference that says how to make it.
inline std::string check_golden(const std::filesystem::path& golden, const std::string& actual) {
    if (update_golden()) {
        write_file_atomically(golden, actual);
        return {};
    }
    if (!std::filesystem::exists(golden))
        return golden.string() + " is missing: run the test with QUIRE_UPDATE_GOLDEN=1 to write it";
    const std::string diff = first_difference(read_file(golden), actual);
    return diff.empty() ? diff : golden.string() + ": " + diff;
}

}  // namespace quire::testing
