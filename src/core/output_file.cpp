#include "core/output_file.hpp"

#include "core/diagnostic.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
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

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw QuireError(SourceSpan{path.string()}, std::string("cannot read file: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace quire
