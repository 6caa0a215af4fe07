// quire import PAGE.txt -o article.xml [--explain] [--publication-out publication.xml]
// Turns an article page scraped from the magazine's website into an article file (and, with
// --publication-out, the magazine's profile with its donation notice). Warnings (a page cut short,
// no photo credit …) go to stderr as file:line:col; a page that is not one article writes nothing.
#include "cli/command_registry.hpp"
#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "import/import_page.hpp"
#include "model/article_xml.hpp"
#include "model/validate.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace quire::cli {

namespace {

namespace fs = std::filesystem;

struct ImportArgs {
    std::string page;
    std::string out;
    std::string publication_out;
    std::string lead_image, lead_alt, lead_caption, lead_credit, lead_licence;
    bool explain = false;
};

int run_import(const ImportArgs& args) {
    import::ImportOptions options;
    // The article names its profile and images relative to its own folder.
    const fs::path article_dir = fs::absolute(args.out).parent_path();
    const auto relative_to_article = [&](const std::string& path) {
        return fs::absolute(path).lexically_normal().lexically_relative(article_dir.lexically_normal()).generic_string();
    };
    if (!args.publication_out.empty()) {
        options.notice = import::NoticePlacement::Publication;
        options.publication_path = relative_to_article(args.publication_out);
    }
    if (!args.lead_image.empty()) {
        options.lead_image = relative_to_article(args.lead_image);
        options.lead_alt = args.lead_alt;
        options.lead_caption = args.lead_caption;
        options.lead_credit = args.lead_credit;
        options.lead_licence = args.lead_licence;
    }
    auto result = import::import_page(read_input_file(args.page, input_limit::kText, "page"), args.page, options);
    if (args.explain) std::cout << import::explain(result.analysis);
    std::cerr << result.analysis.diagnostics.to_string();

    if (!args.publication_out.empty()) {
        if (result.publication.name.empty())
            std::cerr << SourceSpan{args.page}.to_string()
                      << ": warning: the page does not name the publication (no \"… is a … publication\" in a "
                         "notice): fill in <name> in "
                      << args.publication_out << '\n';
        write_file_atomically(args.publication_out, model::write_publication_xml(result.publication));
    }
    // Never an article that `check` rejects (issue 18): read back what would be written, as check does.
    const std::string xml = model::write_article_xml(result.article);
    Diagnostics readback;
    model::validate_article(model::parse_article_xml(xml, args.out, readback), article_dir, readback);
    if (readback.has_errors()) {
        std::cerr << readback.to_string() << SourceSpan{args.page}.to_string()
                  << ": error: the imported article would not pass `quire check`; nothing written\n";
        return 1;
    }
    write_file_atomically(args.out, xml);
    return 0;
}

Runner setup(CLI::App& app) {
    auto args = std::make_shared<ImportArgs>();
    app.add_option("page", args->page, "The article page's text, as scraped from the website (UTF-8)")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("-o,--out", args->out, "The article file to write (XML)")->required();
    app.add_option("--publication-out", args->publication_out,
                   "Also write the publication profile (name, publisher, site, donation notice) here; the "
                   "article's notice then refers to it");
    app.add_flag("--explain", args->explain, "Print which rule decided each field, and every line's role");
    auto* image = app.add_option("--lead-image", args->lead_image,
                                 "Use this photo as the lead figure instead of the page's (its caption and credit "
                                 "then describe another picture and are dropped)")
                      ->check(CLI::ExistingFile);
    app.add_option("--lead-alt", args->lead_alt, "Alt text of the supplied lead image")->needs(image);
    app.add_option("--lead-caption", args->lead_caption, "Caption of the supplied lead image")->needs(image);
    app.add_option("--lead-credit", args->lead_credit, "Credit of the supplied lead image")->needs(image);
    app.add_option("--lead-licence", args->lead_licence, "Licence of the supplied lead image")->needs(image);
    return [args] { return run_import(*args); };
}

const Registration registration{"import", "Import an article page scraped from the magazine's website", &setup};

}  // namespace
}  // namespace quire::cli
