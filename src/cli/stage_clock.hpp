// `--timings`: how long each stage of a command took, printed to stderr (the speed of the whole job
// is part of the product; benchmarks in tests/bench measure it properly).
#pragma once

#include <chrono>
#include <iostream>
#include <sstream>
#include <string>

namespace quire::cli {

enum class PrintTimings { No, Yes };

class StageClock {
public:
    explicit StageClock(PrintTimings print) : print_(print) {}
    template <typename F>
    void run(const char* stage, F&& f) {
        const auto start = std::chrono::steady_clock::now();
        f();
        const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
        if (print_ == PrintTimings::Yes) {
            // One write per line: stages may run on two threads (quire build).
            std::ostringstream line;
            line << "  " << stage << std::string(stage_width > std::string(stage).size() ? stage_width - std::string(stage).size() : 1, ' ')
                 << took.count() << " ms\n";
            std::cerr << line.str() << std::flush;
        }
    }

private:
    static constexpr std::size_t stage_width = 10;
    PrintTimings print_;
};

}  // namespace quire::cli
