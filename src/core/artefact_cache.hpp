// A cache, between runs, of bytes that are a pure function of their inputs and slow to make: the
// EPUB's font subsets (hb-subset) and its drawn cover. A production desk rebuilds the same article
// many times a day; these change only when the characters, the fonts or the title do. A hit returns
// exactly the bytes the work would make, so outputs are the same with or without the cache (tested).
//
// Where: $QUIRE_CACHE_DIR if set ("off" or empty: no cache), else $XDG_CACHE_HOME/quire, else
// $HOME/.cache/quire. Each entry is one file named by a hash of its key; the file holds the whole key
// and is used only if that key matches byte for byte, so a hash collision is a miss, never a wrong
// hit. Entries are written to a temporary file and renamed (concurrent runs are safe). Any failure
// to read or write the cache is a miss, silently: the cache never stops a build. Deleting the folder
// is always safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace quire {

class ArtefactCache {
public:
    // The folder from the environment (see above); nullopt: caching off.
    static std::optional<std::filesystem::path> folder_from_environment();

    explicit ArtefactCache(std::optional<std::filesystem::path> folder) : folder_(std::move(folder)) {}

    // The cache the environment names now (read at each call: cheap, and tests may change it).
    static ArtefactCache shared();

    bool enabled() const { return folder_.has_value(); }
    std::optional<std::string> get(std::string_view kind, std::string_view key) const;
    void put(std::string_view kind, std::string_view key, std::string_view value) const;

    // get(kind, key), else make(), stored under key.
    std::string get_or_make(std::string_view kind, std::string_view key, const std::function<std::string()>& make) const;

private:
    std::filesystem::path entry_path(std::string_view kind, std::string_view key) const;
    std::optional<std::filesystem::path> folder_;
};

// FNV-1a, 64 bits, from `seed` (FNV's offset basis by default): a cheap content hash for cache keys
// and entry names, not a defence against forged input (the cache is the user's own).
std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ULL);

// A file's identity for a cache key: its absolute path, size, modification time (ns) and inode.
// Reading a font's bytes to hash them would cost more than the cache saves; a font file replaced in
// place changes its modification time.
std::string file_identity(const std::filesystem::path& file);

}  // namespace quire
