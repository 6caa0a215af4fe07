#include "core/artefact_cache.hpp"

#include "core/output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace quire {

namespace fs = std::filesystem;

namespace {

// Two FNV-1a hashes with different seeds: a file name, not a proof of identity (the entry holds
// its key).
std::string key_hash(std::string_view kind, std::string_view key) {
    const std::string text = std::string(kind) + "\n" + std::string(key);
    char out[33];
    std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(fnv1a_64(text)),
                  static_cast<unsigned long long>(fnv1a_64(text, 0x84222325cbf29ce4ULL)));
    return out;
}

// An entry: "quire-cache 1\n", the key's length and the key, then the value.
constexpr std::string_view kMagic = "quire-cache 1\n";

}  // namespace

std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

std::optional<fs::path> ArtefactCache::folder_from_environment() {
    if (const char* dir = std::getenv("QUIRE_CACHE_DIR")) {
        const std::string_view d(dir);
        if (d.empty() || d == "off") return std::nullopt;
        return fs::path(d);
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "quire";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "quire";
    return std::nullopt;
}

ArtefactCache ArtefactCache::shared() { return ArtefactCache(folder_from_environment()); }

fs::path ArtefactCache::entry_path(std::string_view kind, std::string_view key) const {
    return *folder_ / std::string(kind) / key_hash(kind, key);
}

std::optional<std::string> ArtefactCache::get(std::string_view kind, std::string_view key) const {
    if (!folder_) return std::nullopt;
    const std::optional<std::string> bytes = try_read_file(entry_path(kind, key));
    if (!bytes) return std::nullopt;
    std::string_view rest(*bytes);
    if (rest.substr(0, kMagic.size()) != kMagic) return std::nullopt;
    rest.remove_prefix(kMagic.size());
    const std::size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;
    std::size_t key_size = 0;
    for (char c : rest.substr(0, newline)) {
        if (c < '0' || c > '9') return std::nullopt;
        key_size = key_size * 10 + static_cast<std::size_t>(c - '0');
    }
    rest.remove_prefix(newline + 1);
    if (rest.size() < key_size || rest.substr(0, key_size) != key) return std::nullopt;
    rest.remove_prefix(key_size);
    return std::string(rest);
}

void ArtefactCache::put(std::string_view kind, std::string_view key, std::string_view value) const {
    if (!folder_) return;
    const fs::path path = entry_path(kind, key);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return;
    // A name no other writer uses (process and a counter), renamed into place.
    static std::atomic<unsigned> counter{0};
    const fs::path temp = path.string() + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    {
        std::ofstream out(temp, std::ios::binary);
        if (!out) return;
        out << kMagic << key.size() << '\n' << key << value;
        if (!out.flush()) {
            fs::remove(temp, ec);
            return;
        }
    }
    fs::rename(temp, path, ec);
    if (ec) fs::remove(temp, ec);
}

std::string ArtefactCache::get_or_make(std::string_view kind, std::string_view key,
                                       const std::function<std::string()>& make) const {
    if (auto hit = get(kind, key)) return *hit;
    std::string value = make();
    put(kind, key, value);
    return value;
}

std::string file_identity(const fs::path& file) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(file, ec);
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return absolute.string() + " (unreadable)";
    std::ostringstream out;
    out << absolute.string() << " size=" << st.st_size << " mtime=" << st.st_mtim.tv_sec << "." << st.st_mtim.tv_nsec
        << " inode=" << st.st_ino;
    return out.str();
}

}  // namespace quire
