#include "core/input_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace quire {

namespace fs = std::filesystem;

namespace {

struct InputRegistry {
    std::mutex mutex;
    std::set<std::pair<dev_t, ino_t>> files;
    OverwriteInputs policy = OverwriteInputs::Refuse;
};

InputRegistry& registry() {
    static InputRegistry r;
    return r;
}

std::string size_in_words(std::uintmax_t bytes) {
    if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= (1u << 10)) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

// A file descriptor closed on every path out.
struct Fd {
    int fd = -1;
    ~Fd() { if (fd >= 0) ::close(fd); }
};

}  // namespace

void remember_input(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return;
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.files.emplace(st.st_dev, st.st_ino);
}

bool is_input_file(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    return r.files.count({st.st_dev, st.st_ino}) != 0;
}

void set_overwrite_inputs(OverwriteInputs policy) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.policy = policy;
}

void refuse_overwriting_input(const fs::path& target) {
    {
        auto& r = registry();
        std::lock_guard lock(r.mutex);
        if (r.policy == OverwriteInputs::Allow) return;
    }
    if (is_input_file(target))
        throw QuireError(SourceSpan{target.string()},
                         "refusing to write over an input of this run (use --force to replace it)");
}

std::string read_input_file(const fs::path& path, std::uintmax_t limit, const std::string& what, const SourceSpan& where) {
    const SourceSpan place = where.file.empty() ? SourceSpan{path.string()} : where;
    const std::string named = where.file.empty() ? what : what + " '" + path.string() + "'";
    auto fail = [&](const std::string& why) { throw QuireError(place, named + " " + why); };
    // O_NONBLOCK: opening a FIFO with no writer must not wait; the type is checked before any read.
    Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (f.fd < 0) {
        const int e = errno;
        if (e == ENOENT || e == ENOTDIR) fail("does not exist");
        if (e == EISDIR) fail("is a directory, not a file");
        fail(std::string("cannot be opened: ") + std::strerror(e));
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) fail(std::string("cannot be read: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) fail("is a directory, not a file");
    if (!S_ISREG(st.st_mode)) fail("is not a regular file (a FIFO, device or socket); only regular files are read");
    if (static_cast<std::uintmax_t>(st.st_size) > limit)
        fail("is too large (" + size_in_words(static_cast<std::uintmax_t>(st.st_size)) + "; quire reads at most " +
             size_in_words(limit) + ")");
    // Blocking reads from here on (a regular file never blocks, but O_NONBLOCK has no meaning for it).
    std::string out(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t size = 0;
    for (;;) {
        if (size == out.size()) {
            // The file grew since fstat: read on, within the limit.
            if (out.size() >= limit) {
                char probe;
                const ssize_t n = ::read(f.fd, &probe, 1);
                if (n > 0) fail("grew past " + size_in_words(limit) + " while being read");
                break;
            }
            // The size fstat gave is read: probe with a small buffer before growing (doubling a
            // 300 KB image just to meet its end cost a copy and fresh pages, issue 17).
            char probe[4096];
            const ssize_t p = ::read(f.fd, probe, sizeof probe);
            if (p < 0) {
                if (errno == EINTR) continue;
                fail(std::string("cannot be read: ") + std::strerror(errno));
            }
            if (p == 0) break;
            out.resize(std::min<std::uintmax_t>(limit, std::max<std::size_t>(4096, out.size() * 2)));
            const std::size_t take = std::min<std::size_t>(static_cast<std::size_t>(p), out.size() - size);
            std::copy(probe, probe + take, out.data() + size);
            size += take;
            if (take < static_cast<std::size_t>(p)) fail("grew past " + size_in_words(limit) + " while being read");
            continue;
        }
        const ssize_t n = ::read(f.fd, out.data() + size, out.size() - size);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(std::string("cannot be read: ") + std::strerror(errno));
        }
        if (n == 0) break;
        size += static_cast<std::size_t>(n);
    }
    out.resize(size);
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.files.emplace(st.st_dev, st.st_ino);
    return out;
}

std::optional<std::string> leaves_folder(const fs::path& folder, const std::string& relative) {
    if (relative.empty()) return "the path is empty";
    if (relative.front() == '/' || relative.front() == '\\') return "an absolute path leaves the article's folder";
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return "the article's folder cannot be resolved: " + ec.message();
    // weakly_canonical follows every symlink of the part that exists and normalises the rest (.., .).
    const fs::path resolved = fs::weakly_canonical(base / relative, ec);
    if (ec) return "the path cannot be resolved: " + ec.message();
    auto b = base.begin();
    auto r = resolved.begin();
    for (; b != base.end(); ++b, ++r)
        if (r == resolved.end() || *r != *b)
            return "it resolves to " + resolved.string() + " (through a symlink or ..), outside the article's folder " +
                   base.string();
    return std::nullopt;
}

fs::path resolve_inside(const fs::path& folder, const std::string& relative, const SourceSpan& where, const std::string& what) {
    if (auto why = leaves_folder(folder, relative))
        throw QuireError(where, what + " path \"" + relative + "\" is refused: " + *why);
    return folder / relative;
}

}  // namespace quire
