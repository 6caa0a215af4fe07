// Folder outputs that never lie (issue 18, item 9). A folder quire owns entirely (proof/) is built in a
// temporary sibling and renamed into place, so a killed run leaves the previous folder whole, never a
// mix of two rounds; a folder shared with other files (build's OUT/) is locked (flock) for the run, so
// that a second quire writing into it refuses with a clear message instead of mixing their files.
// Temporaries of killed runs (their process gone) are removed by the next run.
#pragma once

#include <filesystem>
#include <string>

namespace quire {

// An exclusive flock(2) on `lock_file` (created if needed) for the object's life. Throws a QuireError
// naming `folder` when another process holds it.
class FolderLock {
public:
    FolderLock(const std::filesystem::path& lock_file, const std::filesystem::path& folder);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int fd_ = -1;
};

// Locks OUT/ for a command that writes several files into it (OUT/.quire.lock).
FolderLock lock_output_folder(const std::filesystem::path& folder);

// A folder built at a temporary sibling (.NAME.tmp.PID.N) and renamed onto `target` by commit();
// removed unless committed. Holds a lock (.NAME.lock beside it) for its life. An existing `target` is
// replaced only if it is empty or holds `marker` (a file only this kind of output writes): a folder of
// the user's other files is refused, never deleted.
class StagedFolder {
public:
    StagedFolder(const std::filesystem::path& target, const std::string& marker);
    ~StagedFolder();
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    const std::filesystem::path& path() const { return temp_; }  // write here
    const std::filesystem::path& target() const { return target_; }
    // Replaces `target` (if any) with the staged folder. Throws QuireError on failure.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    FolderLock lock_;
    bool committed_ = false;
};

}  // namespace quire
