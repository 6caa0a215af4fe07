#include "core/output_file.hpp"

#include "core/diagnostic.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace quire {

namespace fs = std::filesystem;

PendingOutput::PendingOutput(fs::path target) : target_(std::move(target)) {
    // The temporary name only has to be unique among concurrent writers in this folder;
    // it never reaches the output, so it may be random.
    std::random_device rd;
    const auto dir = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
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
    if (::fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t size = 0;
    for (;;) {
        if (size == out.size()) out.resize(std::max<std::size_t>(4096, out.size() * 2));
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

std::string read_file(const fs::path& path) {
    errno = 0;
    if (auto bytes = try_read_file(path)) return std::move(*bytes);
    throw QuireError(SourceSpan{path.string()}, std::string("cannot read file: ") +
                                                    (errno ? std::strerror(errno) : "read error"));
}

}  // namespace quire
