// One whole process timed for the benchmarks (tests/bench/*.cpp): wall time, the child's CPU time
// (user + system: less sensitive to a busy machine than wall time) and its peak memory (ru_maxrss).
//   const bench::Run r = bench::run({quire, "pdf", "a.xml", "-o", "a.pdf"});
//   bench::ProcessOptions o;  o.cwd = dir;  o.lookup = bench::Lookup::Search;
//   const bench::Run w = bench::run({"weasyprint", "a.xhtml", "a.pdf"}, o);
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bench {

struct Run {
    double seconds = 0;
    double cpu_seconds = 0;
    long max_rss_kb = 0;
    int status = 0;
    std::string err;  // what it wrote to stderr, with Stderr::ToFile
};

enum class Stderr { Discard, Shown, ToFile };  // ToFile: into ProcessOptions::stderr_file, read into Run::err
enum class Lookup { Path, Search };             // args[0] is a path, or a program looked up in PATH

struct ProcessOptions {
    std::filesystem::path cwd;  // empty: this process's
    Stderr err = Stderr::Discard;
    std::filesystem::path stderr_file;
    Lookup lookup = Lookup::Path;
};

inline Run run(const std::vector<std::string>& args, const ProcessOptions& options = {}) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(126);
        std::FILE* devnull = std::fopen("/dev/null", "w");
        if (devnull) dup2(fileno(devnull), 1);
        std::FILE* err = options.err == Stderr::Discard  ? devnull
                         : options.err == Stderr::ToFile ? std::fopen(options.stderr_file.c_str(), "w")
                                                         : nullptr;
        if (err) dup2(fileno(err), 2);
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        if (options.lookup == Lookup::Search) execvp(argv[0], argv.data());
        else execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Run r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.max_rss_kb = usage.ru_maxrss;
    r.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    r.status = status;
    if (options.err == Stderr::ToFile) {
        std::ifstream in(options.stderr_file);
        std::stringstream s;
        s << in.rdbuf();
        r.err = s.str();
    }
    return r;
}

}  // namespace bench
