// quire epub ARTICLE.xml -o article.epub: an EPUB 3 for subscribers (src/epub/epub_builder.hpp).
// The publication profile is the one the article names, else publication.xml beside it, else
// --publication. Warnings from reading the article are printed; errors stop before any output.
// --timings (or QUIRE_TIMINGS=1) prints each stage's time to stderr.
#include "cli/command_registry.hpp"
#include "cli/printed_diagnostics.hpp"
#include "cli/stage_clock.hpp"
#include "epub/epub_builder.hpp"
#include "epub/issue_epub.hpp"
#include "epub/print_pages.hpp"
#include "model/article_xml.hpp"
#include "render/article_pdf.hpp"

#include <filesystem>
#include <iostream>

namespace quire::cli {

namespace {

namespace fs = std::filesystem;

struct EpubCommandOptions {
    std::vector<std::string> articles;  // one: the article's EPUB; more, with --issue: the issue's
    std::string issue_title;
    std::string issue_number;
    std::string issue_date;
    int series_position = 0;
    std::string output;
    std::string publication;
    std::string layout;
    std::string cover;
    bool dump = false;
    bool no_page_list = false;
    bool timings = false;
};

// Several articles with --issue: one EPUB for them (epub/issue_epub.hpp), each laid out for print
// with folios continuing from the previous article's last page (`quire issue` lays out the real
// issue, with its cover, contents and ads; this is the EPUB side on its own).
int run_issue_epub(const EpubCommandOptions& options) {
    std::optional<fs::path> publication;
    if (!options.publication.empty()) publication = options.publication;
    std::vector<model::LoadedArticle> loaded;
    for (const auto& a : options.articles)
        loaded.push_back(with_printed_diagnostics([&](Diagnostics& d) { return model::load_article(a, d, publication); }));
    std::vector<page::PageDocument> prints;
    int folio = 1;
    for (const auto& l : loaded) {
        prints.push_back(with_printed_diagnostics(
            [&](Diagnostics& d) { return render::lay_out_loaded_article(l, options.layout, d); }));
        for (auto& p : prints.back().pages) {
            p.number = folio++;
            p.label = std::to_string(p.number);
        }
    }
    epub::IssueEpubInput in;
    in.title = options.issue_title;
    in.issue_number = options.issue_number.empty() ? options.issue_title : options.issue_number;
    in.date = options.issue_date.empty() ? loaded[0].article.meta.date : options.issue_date;
    in.series_position = options.series_position;
    in.publication = loaded[0].publication ? &*loaded[0].publication : nullptr;
    for (std::size_t i = 0; i < loaded.size(); ++i) in.articles.push_back({&loaded[i], "", &prints[i]});
    epub::EpubOptions epub_options;
    epub_options.layout = options.layout;
    if (options.dump) {
        std::cout << epub::dump_book(epub::assemble_issue_book(in, epub_options));
        return 0;
    }
    if (options.output.empty()) throw QuireError(SourceSpan{}, "an issue EPUB needs -o FILE.epub");
    epub::build_issue_epub(in, epub_options, options.output);
    return 0;
}

int run_epub(const EpubCommandOptions& options) {
    if (!options.issue_title.empty()) return run_issue_epub(options);
    if (options.articles.size() != 1)
        throw QuireError(SourceSpan{}, "several articles make one EPUB only with --issue \"TITLE\"");
    StageClock clock(print_timings(options.timings));
    std::optional<fs::path> publication;
    if (!options.publication.empty()) publication = options.publication;
    const model::LoadedArticle loaded = clock.run("load", [&] {
        return with_printed_diagnostics([&](Diagnostics& d) { return model::load_article(options.articles[0], d, publication); });
    });

    epub::EpubOptions epub_options;
    epub_options.layout = options.layout;
    if (!options.cover.empty()) epub_options.cover_image = options.cover;
    // The print edition's page numbers: the article laid out as `quire pdf` lays it out, or the
    // pages' starts from the artefact cache when nothing the layout reads has changed
    // (epub/print_pages.hpp).
    std::vector<epub::PrintPageStart> print_pages;
    if (!options.no_page_list) {
        auto lay_out = [&](Diagnostics& d) { return render::lay_out_loaded_article(loaded, options.layout, d); };
        print_pages = clock.run("layout", [&] {
            return with_printed_diagnostics(
                [&](Diagnostics& d) { return epub::print_pages(loaded, options.layout, ArtefactCache::shared(), d, lay_out); });
        });
        epub_options.print_pages = &print_pages;
    }
    if (options.dump) {
        std::cout << epub::dump_book(epub::assemble_book(loaded, epub_options));
        return 0;
    }
    std::string output = options.output;
    if (output.empty()) output = fs::path(options.articles[0]).replace_extension(".epub").string();
    clock.run("epub", [&] { epub::build_epub(loaded, epub_options, output); });
    return 0;
}

Runner setup(CLI::App& app) {
    auto options = std::make_shared<EpubCommandOptions>();
    app.add_option("article", options->articles, "The article (.xml); several with --issue")->required()->check(CLI::ExistingFile);
    app.add_option("--issue", options->issue_title, "Make one EPUB of the articles, an issue of this title (\"New Eastern Europe 1-2 2023\")");
    app.add_option("--issue-number", options->issue_number, "With --issue: the issue's number (part of its identifier)");
    app.add_option("--issue-date", options->issue_date, "With --issue: its date, YYYY-MM-DD (default: the first article's)");
    app.add_option("--series-position", options->series_position, "With --issue: its running number (group-position)");
    app.add_option("-o,--output", options->output, "The .epub to write (default: beside the article)")->check(kNonEmptyOutput);
    app.add_option("--publication", options->publication, "The publication profile (default: found from the article)")
        ->check(CLI::ExistingFile);
    app.add_option("--layout", options->layout, "Layout whose styles the CSS follows (default: the publication's)");
    app.add_option("--cover", options->cover, "A cover image (JPEG or PNG) instead of the drawn one")
        ->check(CLI::ExistingFile);
    app.add_flag("--no-page-list", options->no_page_list,
                 "Leave out the print edition's page numbers (page-list and markers; saves laying the article out)");
    app.add_flag("--dump", options->dump, "Print the book's contents as text instead of writing it");
    app.add_flag("--timings", options->timings, "Print how long each stage took (also QUIRE_TIMINGS=1)");
    return [options] { return run_epub(*options); };
}

const Registration registration{"epub", "Build an EPUB 3 from an article", &setup};

}  // namespace
}  // namespace quire::cli
