#include "core/output_folder.hpp"

#include "core/diagnostic.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace quire {

namespace fs = std::filesystem;

namespace {

fs::path parent_of(const fs::path& p) {
    const fs::path clean = p.has_filename() ? p : p.parent_path();
    return clean.has_parent_path() ? clean.parent_path() : fs::path(".");
}

std::string name_of(const fs::path& p) { return (p.has_filename() ? p : p.parent_path()).filename().string(); }

// Siblings ".NAME.tmp.PID.N" and ".NAME.old.PID.N" whose process no longer runs: left by a killed run.
void remove_stale_siblings(const fs::path& dir, const std::string& name) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        for (const char* kind : {".tmp.", ".old."}) {
            const std::string prefix = "." + name + kind;
            if (file.rfind(prefix, 0) != 0) continue;
            const long pid = std::strtol(file.c_str() + prefix.size(), nullptr, 10);
            if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
                std::error_code remove_ec;
                fs::remove_all(it->path(), remove_ec);
            }
        }
    }
}

std::string unique_suffix() {
    std::random_device rd;
    return std::to_string(::getpid()) + "." + std::to_string(rd() % 1000000);
}

}  // namespace

FolderLock::FolderLock(const fs::path& lock_file, const fs::path& folder) {
    std::error_code ec;
    fs::create_directories(lock_file.parent_path().empty() ? fs::path(".") : lock_file.parent_path(), ec);
    if (ec) throw QuireError(SourceSpan{folder.string()}, "cannot create the output folder: " + ec.message());
    fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw QuireError(SourceSpan{folder.string()}, std::string("cannot lock the output folder: ") + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        ::close(fd_);
        fd_ = -1;
        if (e == EWOULDBLOCK)
            throw QuireError(SourceSpan{folder.string()},
                             "another quire run is writing into this output folder (it holds " + lock_file.filename().string() +
                                 "); wait for it to finish or choose another folder");
        throw QuireError(SourceSpan{folder.string()}, std::string("cannot lock the output folder: ") + std::strerror(e));
    }
}

FolderLock::~FolderLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

FolderLock lock_output_folder(const fs::path& folder) { return FolderLock(folder / ".quire.lock", folder); }

namespace {

// The folder's absolute, normalised path (so that "." and "proof/" have a parent and a name).
fs::path absolute_folder(const fs::path& p) {
    std::error_code ec;
    fs::path a = fs::weakly_canonical(fs::absolute(p, ec), ec);
    if (ec) a = fs::absolute(p).lexically_normal();
    return a.has_filename() ? a : a.parent_path();
}

}  // namespace

StagedFolder::StagedFolder(const fs::path& target, const std::string& marker)
    : target_(absolute_folder(target)), lock_(parent_of(target_) / ("." + name_of(target_) + ".lock"), target) {
    const fs::path dir = parent_of(target_);
    const std::string name = name_of(target_);
    std::error_code ec;
    if (fs::exists(target_, ec)) {
        if (!fs::is_directory(target_, ec))
            throw QuireError(SourceSpan{target.string()}, "the output folder's name is taken by a file");
        if (!fs::is_empty(target_, ec) && !fs::exists(target_ / marker, ec))
            throw QuireError(SourceSpan{target.string()}, "the folder exists and holds other files (no " + marker +
                                                              "); name a new or an earlier output folder");
    }
    remove_stale_siblings(dir, name);
    temp_ = dir / ("." + name + ".tmp." + unique_suffix());
    fs::create_directories(temp_, ec);
    if (ec) throw QuireError(SourceSpan{target_.string()}, "cannot create the output folder: " + ec.message());
}

StagedFolder::~StagedFolder() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(temp_, ec);
    }
}

void StagedFolder::commit() {
    const fs::path dir = parent_of(target_);
    const fs::path final_path = dir / name_of(target_);
    std::error_code ec;
    fs::path old;
    if (fs::exists(final_path, ec)) {
        if (!fs::is_directory(final_path, ec))
            throw QuireError(SourceSpan{target_.string()}, "the output folder's name is taken by a file");
        // The previous round moves aside first, then the new one takes its name: two renames, and the
        // folder is at no moment a mix of both.
        old = dir / ("." + name_of(target_) + ".old." + unique_suffix());
        fs::rename(final_path, old, ec);
        if (ec) throw QuireError(SourceSpan{target_.string()}, "cannot replace the output folder: " + ec.message());
    }
    fs::rename(temp_, final_path, ec);
    if (ec) {
        std::error_code back;
        if (!old.empty()) fs::rename(old, final_path, back);
        throw QuireError(SourceSpan{target_.string()}, "cannot write the output folder: " + ec.message());
    }
    committed_ = true;
    if (!old.empty()) fs::remove_all(old, ec);
}

}  // namespace quire
