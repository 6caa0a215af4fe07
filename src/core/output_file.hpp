// Writing outputs without leaving half-written files: write to a temporary file in the same folder,
// then rename over the target (rename is atomic within one file system, POSIX). A failure at any
// point leaves the target as it was.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace quire {

// A temporary path beside `target`; removed on destruction unless commit() renamed it to `target`.
class PendingOutput {
public:
    explicit PendingOutput(std::filesystem::path target);
    ~PendingOutput();
    PendingOutput(const PendingOutput&) = delete;
    PendingOutput& operator=(const PendingOutput&) = delete;

    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }
    // Renames the temporary file onto the target. Throws QuireError on failure.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

// Writes `bytes` to `target` through a PendingOutput. Throws QuireError on failure.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// Reads a whole file. Throws QuireError naming the file when it cannot be read.
std::string read_file(const std::filesystem::path& path);
// The same, or nullopt when it cannot be read (errno says why).
std::optional<std::string> try_read_file(const std::filesystem::path& path);

}  // namespace quire
