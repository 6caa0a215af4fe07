// libFuzzer target: the layout reader (issue 18). load_layout reads a file: each input is written to
// one temporary file first.
#include "style/layout.hpp"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/quire-fuzz-layout-" + std::to_string(::getpid()) + ".xml";
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                  static_cast<std::streamsize>(size));
    quire::Diagnostics d;
    (void)quire::style::load_layout(path, d);
    return 0;
}
