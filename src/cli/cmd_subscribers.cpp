// quire subscribers BOOK.epub subscribers.csv -o copies/ [--secret-file key] [--shard I/N]: a
// personalised copy of the EPUB for every subscriber (src/distribute/copy_run.hpp,
// docs/distribution.md). Exit 0 when every row gave a copy, 1 when a row was bad or a copy failed.
#include "cli/command_registry.hpp"
#include "core/diagnostic.hpp"
#include "distribute/copy_run.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace quire::cli {

namespace {

struct SubscribersOptions {
    std::string epub, list, output, secret_file, shard;
    std::uint32_t shards = 0;
    unsigned jobs = 0;
    bool show_email = false;
};

int run_subscribers(const SubscribersOptions& o) {
    distribute::CopyRunOptions options;
    options.epub = o.epub;
    options.subscribers = o.list;
    options.out_dir = o.output;
    options.threads = o.jobs;
    options.email = o.show_email ? distribute::EmailOnPage::Shown : distribute::EmailOnPage::Hidden;
    options.progress = ::isatty(STDERR_FILENO) ? distribute::Progress::Bar : distribute::Progress::SummaryLine;

    std::string secret_file = o.secret_file;
    if (secret_file.empty()) {
        const char* env = std::getenv("QUIRE_SECRET_FILE");
        if (env) secret_file = env;
    }
    if (secret_file.empty())
        throw QuireError(SourceSpan{}, "no secret key: give --secret-file FILE (or set QUIRE_SECRET_FILE); the mark is keyed with it");
    options.secret_file = secret_file;

    // --shard I/N; else a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (0-based) with --shards N.
    if (!o.shard.empty()) {
        options.shard = distribute::parse_shard(o.shard);
    } else if (const char* index = std::getenv("JOB_COMPLETION_INDEX"); index && *index) {
        if (o.shards == 0)
            throw QuireError(SourceSpan{"JOB_COMPLETION_INDEX"}, "set, but --shards N is missing: how many shards are there?");
        options.shard = distribute::parse_shard(std::to_string(std::strtoul(index, nullptr, 10) + 1) + "/" + std::to_string(o.shards));
    } else if (o.shards > 1) {
        throw QuireError(SourceSpan{"--shards"}, "needs JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) or use --shard I/N");
    }

    Diagnostics diagnostics;
    distribute::CopyRunResult r;
    try {
        r = distribute::run_copies(options, diagnostics);
    } catch (const QuireError&) {
        std::cerr << diagnostics.to_string();
        throw;
    }
    std::cerr << diagnostics.to_string();
    const std::string shard = options.shard.count > 1
                                  ? " shard " + std::to_string(options.shard.index + 1) + "/" + std::to_string(options.shard.count) + ":"
                                  : "";
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.1f s, %.0f copies/s", r.seconds, r.seconds > 0 ? static_cast<double>(r.made) / r.seconds : 0.0);
    std::cerr << "quire subscribers:" << shard << " " << r.made << " made, " << r.skipped << " already complete, "
              << r.failed << " failed, " << r.bad_rows << " bad rows (" << rate << ") → " << r.manifest.string() << '\n';
    return (r.failed || r.bad_rows) ? 1 : 0;
}

Runner setup(CLI::App& app) {
    auto o = std::make_shared<SubscribersOptions>();
    app.add_option("epub", o->epub, "The EPUB quire built (an issue or an article)")->required()->check(CLI::ExistingFile);
    app.add_option("subscribers", o->list, "subscribers.csv (UTF-8, RFC 4180, header id,name,email)")->required()->check(CLI::ExistingFile);
    app.add_option("-o,--output", o->output, "The folder for the copies and manifest")->required();
    app.add_option("--secret-file", o->secret_file, "The publisher's secret key (default: $QUIRE_SECRET_FILE)")->check(CLI::ExistingFile);
    app.add_option("--shard", o->shard, "Make only the I-th of N slices of the list (\"2/8\")");
    app.add_option("--shards", o->shards, "The slice count when JOB_COMPLETION_INDEX gives the slice (Kubernetes Indexed Job)");
    app.add_option("-j,--jobs", o->jobs, "Threads (default: one per core)");
    app.add_flag("--show-email", o->show_email, "Print the subscriber's email on the ex-libris page too (if the publication's profile says so)");
    return [o] { return run_subscribers(*o); };
}

const Registration registration{"subscribers", "Personalised EPUB copies for a subscriber list", &setup};

}  // namespace
}  // namespace quire::cli
