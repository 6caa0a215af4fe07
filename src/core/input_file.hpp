// Reading inputs that may be hostile (issue 18): only regular files are read (a FIFO would block for
// ever, /dev/zero never ends, a directory is no file), each kind of input with a size limit; paths an
// article names are resolved and must stay inside its folder after symlinks are followed; and every
// input read is remembered, so that no output is ever written over one (unless --force).
#pragma once

#include "core/diagnostic.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace quire {

// The most bytes quire reads of each kind of input. A magazine article is a few hundred KB; the
// largest photograph a printer sends is tens of MB. Documented in docs/limits.md.
namespace input_limit {
inline constexpr std::uintmax_t kText = 32u << 20;    // articles, profiles, layouts, scraped pages
inline constexpr std::uintmax_t kImage = 256u << 20;  // JPEG and PNG files
inline constexpr std::uintmax_t kAny = 1024u << 20;   // anything else (fonts, dictionaries)
}  // namespace input_limit

// Reads a regular file of at most `limit` bytes, without blocking on a FIFO or device. Throws a
// QuireError at `where` (the file itself when `where` has no file) saying in words what is wrong:
// no such file, a directory, not a regular file, too large, unreadable. `what` names the input
// ("image", "article") in the message. The file is recorded as an input (see is_input_file).
std::string read_input_file(const std::filesystem::path& path, std::uintmax_t limit, const std::string& what,
                            const SourceSpan& where = {});

// Resolves `relative` (as written in an article at `where`) against `folder`, following symlinks, and
// throws a QuireError at `where` if the result leaves the folder (after resolution: a symlink to
// /etc/passwd or a symlinked directory is refused, never read).
std::filesystem::path resolve_inside(const std::filesystem::path& folder, const std::string& relative,
                                     const SourceSpan& where, const std::string& what = "image");
// The same as a check: the reason it is refused, or nullopt when it stays inside.
std::optional<std::string> leaves_folder(const std::filesystem::path& folder, const std::string& relative);

// Whether `path` is (the same file as) an input read in this run: compares device and inode, so a
// hard link or another spelling of the same path counts.
bool is_input_file(const std::filesystem::path& path);
// Records `path` as an input (read_input_file and read_file do this themselves).
void remember_input(const std::filesystem::path& path);

enum class OverwriteInputs { Refuse, Allow };
// `--force` sets Allow; the default refuses to write any output over an input.
void set_overwrite_inputs(OverwriteInputs policy);
// Throws a QuireError naming `target` when writing it would replace an input and that is refused.
void refuse_overwriting_input(const std::filesystem::path& target);

}  // namespace quire
