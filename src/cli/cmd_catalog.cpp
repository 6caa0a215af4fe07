// quire catalog DIR -o catalog/: an OPDS 1.2 catalogue of the EPUBs in DIR (src/distribute/
// opds_catalog.hpp, docs/distribution.md).
#include "cli/command_registry.hpp"
#include "distribute/opds_catalog.hpp"

#include <iostream>

namespace quire::cli {

namespace {

struct CatalogCommandOptions {
    std::string input, output, title;
};

int run_catalog(const CatalogCommandOptions& o) {
    Diagnostics diagnostics;
    const distribute::CatalogResult r = distribute::write_catalog({o.input, o.output, o.title}, diagnostics);
    std::cerr << diagnostics.to_string();
    std::cerr << "quire catalog: " << r.entries.size() << " EPUBs, " << r.feeds.size() << " feeds → " << o.output << "/index.xml\n";
    return 0;
}

Runner setup(CLI::App& app) {
    auto o = std::make_shared<CatalogCommandOptions>();
    app.add_option("dir", o->input, "The folder of EPUBs")->required()->check(CLI::ExistingDirectory);
    app.add_option("-o,--output", o->output, "The catalogue folder")->required();
    app.add_option("--title", o->title, "The catalogue's title (default: the publisher)");
    return [o] { return run_catalog(*o); };
}

const Registration registration{"catalog", "An OPDS 1.2 catalogue (Atom) of a folder of EPUBs", &setup};

}  // namespace
}  // namespace quire::cli
