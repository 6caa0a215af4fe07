// quire epub ARTICLE.xml -o article.epub: an EPUB 3 for subscribers (src/epub/epub_builder.hpp).
// The publication profile is the one the article names, else publication.xml beside it, else
// --publication. Warnings from reading the article are printed; errors stop before any output.
#include "cli/command_registry.hpp"
#include "cli/printed_diagnostics.hpp"
#include "epub/epub_builder.hpp"
#include "model/article_xml.hpp"
#include "render/article_pdf.hpp"

#include <filesystem>
#include <iostream>

namespace quire::cli {

namespace {

namespace fs = std::filesystem;

struct EpubCommandOptions {
    std::string article;
    std::string output;
    std::string publication;
    std::string layout;
    std::string cover;
    bool dump = false;
    bool no_page_list = false;
};

int run_epub(const EpubCommandOptions& options) {
    std::optional<fs::path> publication;
    if (!options.publication.empty()) publication = options.publication;
    const model::LoadedArticle loaded = with_printed_diagnostics(
        [&](Diagnostics& d) { return model::load_article(options.article, d, publication); });

    epub::EpubOptions epub_options;
    epub_options.layout = options.layout;
    if (!options.cover.empty()) epub_options.cover_image = options.cover;
    // The print edition's page numbers: the article laid out as `quire pdf` lays it out.
    std::optional<page::PageDocument> print;
    if (!options.no_page_list) {
        print = with_printed_diagnostics(
            [&](Diagnostics& d) { return render::lay_out_loaded_article(loaded, options.layout, d); });
        epub_options.print = &*print;
    }
    if (options.dump) {
        std::cout << epub::dump_book(epub::assemble_book(loaded, epub_options));
        return 0;
    }
    std::string output = options.output;
    if (output.empty()) output = fs::path(options.article).replace_extension(".epub").string();
    epub::build_epub(loaded, epub_options, output);
    return 0;
}

Runner setup(CLI::App& app) {
    auto options = std::make_shared<EpubCommandOptions>();
    app.add_option("article", options->article, "The article (.xml)")->required()->check(CLI::ExistingFile);
    app.add_option("-o,--output", options->output, "The .epub to write (default: beside the article)");
    app.add_option("--publication", options->publication, "The publication profile (default: found from the article)")
        ->check(CLI::ExistingFile);
    app.add_option("--layout", options->layout, "Layout whose styles the CSS follows (default: the publication's)");
    app.add_option("--cover", options->cover, "A cover image (JPEG or PNG) instead of the drawn one")
        ->check(CLI::ExistingFile);
    app.add_flag("--no-page-list", options->no_page_list,
                 "Leave out the print edition's page numbers (page-list and markers; saves laying the article out)");
    app.add_flag("--dump", options->dump, "Print the book's contents as text instead of writing it");
    return [options] { return run_epub(*options); };
}

const Registration registration{"epub", "Build an EPUB 3 from an article", &setup};

}  // namespace
}  // namespace quire::cli
