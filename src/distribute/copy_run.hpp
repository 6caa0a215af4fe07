// A run of `quire subscribers`: the slice of the list this shard owns, one copy per subscriber on
// every core, each written through a temporary file and renamed, a manifest of what is complete.
// Resumable: a run killed at any moment and started again skips the copies whose file matches the
// manifest (or the journal the run appends to as it goes) by size and SHA-256, and makes the rest.
#pragma once

#include "core/diagnostic.hpp"
#include "distribute/ex_libris.hpp"
#include "distribute/subscriber_list.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace quire::distribute {

struct Shard {
    std::uint32_t index = 0;  // 0-based
    std::uint32_t count = 1;
};
// "I/N" (1-based, as a user counts) → Shard. Throws QuireError when malformed or I is not in 1..N.
Shard parse_shard(const std::string& text);

enum class Progress { Bar, SummaryLine };

struct CopyRunOptions {
    std::filesystem::path epub;
    std::filesystem::path subscribers;
    std::filesystem::path out_dir;
    std::filesystem::path secret_file;
    Shard shard;
    EmailOnPage email = EmailOnPage::Hidden;
    unsigned threads = 0;  // 0: one per core
    Progress progress = Progress::SummaryLine;
};

struct CopyRunResult {
    std::size_t in_shard = 0;  // subscribers of the list in this shard
    std::size_t made = 0;
    std::size_t skipped = 0;   // already complete
    std::size_t failed = 0;
    std::size_t bad_rows = 0;
    double seconds = 0;
    std::filesystem::path manifest;
};

// The copy's file name for a subscriber id: the id itself when it is made of letters, digits, '.',
// '_' and '-' (not starting with '.'), else the id with others replaced by '_' and 8 hex digits of
// its SHA-256 appended, so that two ids never share a name; never a path.
std::string copy_file_name(const std::string& id);

// The manifest's name: manifest.csv, or manifest-I-of-N.csv for a shard (shards never share a file).
std::string manifest_name(const Shard& shard);

inline constexpr const char* kManifestHeader = "id,file,bytes,sha256,copy_id";

CopyRunResult run_copies(const CopyRunOptions& options, Diagnostics& diagnostics);

}  // namespace quire::distribute
