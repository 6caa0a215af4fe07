#include "core/output_file.hpp"

#include "core/diagnostic.hpp"
#include "core/input_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string_view>
#include <vector>
#include <sys/stat.h>
#include <unistd.h>

namespace quire {

namespace fs = std::filesystem;

namespace {

// Temporary files left by a run that was killed (its process no longer exists):
// ".NAME.tmp.PID.N". A live PID's file belongs to a concurrent writer and stays. Each folder is read
// once per process, and each target's leftovers removed when that target is written: reading the
// folder for every file made a run that writes a thousand subscriber copies into one folder
// quadratic (a thousand listings of up to a thousand names).
class StaleTemporaries {
public:
    std::vector<fs::path> take(const fs::path& dir, const std::string& name) {
        const std::lock_guard lock(mutex_);
        auto [folder, first] = found_.try_emplace(dir);
        if (first) folder->second = scan(dir);
        std::vector<fs::path> out;
        if (auto it = folder->second.find(name); it != folder->second.end()) {
            out = std::move(it->second);
            folder->second.erase(it);
        }
        return out;
    }

private:
    using ByTarget = std::map<std::string, std::vector<fs::path>>;

    static bool digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

    static ByTarget scan(const fs::path& dir) {
        ByTarget found;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string file = it->path().filename().string();
            // From the right: ".NAME" ".tmp." PID "." N (NAME may hold dots, even ".tmp.").
            const auto n_dot = file.rfind('.');
            if (file.size() < 2 || file[0] != '.' || n_dot == std::string::npos || n_dot == 0) continue;
            const auto pid_dot = file.rfind('.', n_dot - 1);
            if (pid_dot == std::string::npos || pid_dot < 5) continue;
            const std::string_view view(file);
            if (!digits(view.substr(n_dot + 1)) || !digits(view.substr(pid_dot + 1, n_dot - pid_dot - 1))) continue;
            if (view.substr(pid_dot - 4, 4) != ".tmp" || pid_dot - 4 < 2) continue;
            const long pid = std::strtol(file.c_str() + pid_dot + 1, nullptr, 10);
            if (pid > 0 && !(::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) continue;  // alive
            found[file.substr(1, pid_dot - 4 - 1)].push_back(it->path());
        }
        return found;
    }

    std::mutex mutex_;
    std::map<fs::path, ByTarget> found_;
};

void remove_stale_temporaries(const fs::path& dir, const std::string& name) {
    static StaleTemporaries stale;
    for (const fs::path& file : stale.take(dir, name)) {
        std::error_code ec;
        fs::remove(file, ec);
    }
}

}  // namespace

PendingOutput::PendingOutput(fs::path target) : target_(std::move(target)) {
    // An output named in words: `-o ''` and `-o /tmp/` are mistakes, not files (issue 18).
    if (target_.empty()) throw QuireError(SourceSpan{"-o ''"}, "no output file named (the output path is empty)");
    std::error_code ec;
    if (!target_.has_filename() || fs::is_directory(target_, ec))
        throw QuireError(SourceSpan{target_.string()}, "the output is a folder; name a file to write");
    // The temporary name only has to be unique among concurrent writers in this folder;
    // it never reaches the output, so it may be random.
    std::random_device rd;
    const auto dir = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    remove_stale_temporaries(dir, target_.filename().string());
    temp_ = dir / ("." + target_.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                   std::to_string(rd() % 1000000));
}

PendingOutput::~PendingOutput() {
    if (!committed_) {
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

void PendingOutput::commit() {
    // Never over an input (`quire pdf a.xml -o a.xml`, `quire build a.xml -o .`) unless --force.
    refuse_overwriting_input(target_);
    std::error_code ec;
    fs::rename(temp_, target_, ec);
    if (ec) throw QuireError(SourceSpan{target_.string()}, "cannot write output: " + ec.message());
    committed_ = true;
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
    PendingOutput pending(target);
    {
        std::ofstream out(pending.temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) throw QuireError(SourceSpan{target.string()}, std::string("cannot create output: ") + std::strerror(errno));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) throw QuireError(SourceSpan{target.string()}, "cannot write output (disk full?)");
    }
    pending.commit();
}

std::optional<std::string> try_read_file(const fs::path& path) {
    // One read of the known size (an ostringstream copy of a 300 KB image or font cost more than the
    // read itself); the loop also handles files that grow or shrink meanwhile and non-regular files.
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    std::string out;
    struct stat st {};
    // Only regular files of a sane size (issue 18: a FIFO or /dev/zero put where a cache entry or a
    // dictionary is expected must not hang or exhaust memory).
    if (::fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::uintmax_t>(st.st_size) > input_limit::kAny) {
        std::fclose(f);
        errno = EINVAL;
        return std::nullopt;
    }
    if (st.st_size > 0) out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t size = 0;
    for (;;) {
        if (size == out.size()) {
            // The known size is read: probe for more with a small buffer before growing (doubling a
            // 2 MB cache entry just to meet its end cost a copy and a page fault per 4 KB, issue 17).
            char probe[4096];
            const std::size_t n = std::fread(probe, 1, sizeof probe, f);
            if (n == 0) break;
            out.resize(std::max<std::size_t>(4096, out.size() * 2));
            std::copy(probe, probe + n, out.data() + size);
            size += n;
            continue;
        }
        const std::size_t n = std::fread(out.data() + size, 1, out.size() - size, f);
        size += n;
        if (n == 0) break;
    }
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return std::nullopt;
    out.resize(size);
    return out;
}

std::string read_file(const fs::path& path) { return read_input_file(path, input_limit::kAny, "file"); }

}  // namespace quire
