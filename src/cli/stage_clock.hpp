// `--timings`: how long each stage of a command took, printed to stderr (the speed of the whole job
// is part of the product; benchmarks in tests/bench measure it properly). QUIRE_TIMINGS=1 in the
// environment does the same for every command that has the flag (pdf, epub, build, issue), so a
// script or a benchmark can ask without changing its command lines (issue 17).
#pragma once

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

#include <sys/resource.h>

namespace quire::cli {

enum class PrintTimings { No, Yes };

// Yes when the command's --timings flag was given or QUIRE_TIMINGS is set to anything but "" or "0".
inline PrintTimings print_timings(bool flag) {
    const char* env = std::getenv("QUIRE_TIMINGS");
    const bool from_env = env && *env && std::string(env) != "0";
    return flag || from_env ? PrintTimings::Yes : PrintTimings::No;
}

class StageClock {
public:
    explicit StageClock(PrintTimings print) : print_(print) {}
    // Runs f and prints its time; returns what f returns (a stage that makes a value).
    template <typename F>
    decltype(auto) run(const char* stage, F&& f) {
        const auto start = std::chrono::steady_clock::now();
        const long faults = minor_faults();
        // Printed after the stage's value is made; a stage that throws prints nothing.
        struct Report {
            const StageClock& clock;
            const char* stage;
            std::chrono::steady_clock::time_point start;
            long faults;
            int exceptions = std::uncaught_exceptions();
            ~Report() {
                if (std::uncaught_exceptions() == exceptions) clock.report(stage, start, faults);
            }
        } report{*this, stage, start, faults};
        return f();
    }

private:
    // The process's minor page faults so far: in a VM each costs about 10 µs, a tenth of a small
    // job's time (issue 17), and the stage that takes them is where memory is touched first.
    static long minor_faults() {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return usage.ru_minflt;
    }

    void report(const char* stage, std::chrono::steady_clock::time_point start, long faults_before) const {
        const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
        if (print_ == PrintTimings::Yes) {
            // One write per line: stages may run on two threads (quire build).
            std::ostringstream line;
            line << "  " << stage << std::string(stage_width > std::string(stage).size() ? stage_width - std::string(stage).size() : 1, ' ')
                 << std::fixed << std::setprecision(1) << took.count() << " ms, " << minor_faults() - faults_before << " page faults\n";
            std::cerr << line.str() << std::flush;
        }
    }

    static constexpr std::size_t stage_width = 10;
    PrintTimings print_;
};

}  // namespace quire::cli
