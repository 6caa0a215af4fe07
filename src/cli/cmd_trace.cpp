// quire trace leaked.epub --subscribers subscribers.csv --secret-file key: whose copy is this?
// (src/distribute/trace.hpp, docs/distribution.md). Prints the subscriber's id and name; exit 0 when
// one subscriber was found, 2 for "no mark", 3 for a mark from another key or not in the list, 4 for
// marks of several subscribers.
#include "cli/command_registry.hpp"
#include "core/diagnostic.hpp"
#include "distribute/trace.hpp"

#include <cstdlib>
#include <iostream>

namespace quire::cli {

namespace {

struct TraceOptions {
    std::string epub, list, secret_file;
};

int run_trace(const TraceOptions& o) {
    std::string secret_file = o.secret_file;
    if (secret_file.empty())
        if (const char* env = std::getenv("QUIRE_SECRET_FILE")) secret_file = env;
    if (secret_file.empty()) throw QuireError(SourceSpan{}, "no secret key: give --secret-file FILE (or set QUIRE_SECRET_FILE)");
    const distribute::Secret secret = distribute::read_secret(secret_file);
    Diagnostics diagnostics;
    const distribute::SubscriberList list = distribute::read_subscribers(o.list, diagnostics);
    std::cerr << diagnostics.to_string();
    const distribute::TraceResult r = distribute::trace_copy(o.epub, list, secret);
    switch (r.outcome) {
        case distribute::TraceOutcome::NoMark:
            std::cout << o.epub << ": no mark\n";
            return 2;
        case distribute::TraceOutcome::OtherKey:
            std::cout << o.epub << ": mark from another key (" << r.marks.front() << ")\n";
            return 3;
        case distribute::TraceOutcome::NotInList:
            std::cout << o.epub << ": mark of this key (" << r.marks.front() << "), but no subscriber in " << o.list << " has it\n";
            return 3;
        case distribute::TraceOutcome::Found:
        case distribute::TraceOutcome::Several:
            if (r.outcome == distribute::TraceOutcome::Several)
                std::cout << o.epub << ": marks of " << r.subscribers.size() << " subscribers (copies combined)\n";
            for (const auto& s : r.subscribers)
                std::cout << "id: " << s.id << "\nname: " << s.name << "\nmark: " << distribute::copy_mark(secret, s.id)
                          << " (in " << r.marked_documents << " documents)\n";
            return r.outcome == distribute::TraceOutcome::Found ? 0 : 4;
    }
    return 1;
}

Runner setup(CLI::App& app) {
    auto o = std::make_shared<TraceOptions>();
    app.add_option("epub", o->epub, "The copy to trace")->required()->check(CLI::ExistingFile);
    app.add_option("--subscribers", o->list, "subscribers.csv the copies were made from")->required()->check(CLI::ExistingFile);
    app.add_option("--secret-file", o->secret_file, "The publisher's secret key (default: $QUIRE_SECRET_FILE)")->check(CLI::ExistingFile);
    return [o] { return run_trace(*o); };
}

const Registration registration{"trace", "Find whose subscriber copy an EPUB is, from its invisible mark", &setup};

}  // namespace
}  // namespace quire::cli
