// quire issue ISSUE.xml -o OUT/: the print issue from its manifest (docs/issue-format.md).
//   OUT/ receives: issue.pdf (cover, contents, impressum, articles, ads, fillers, page for page as it
//   goes to press), articles/ID.pdf (each article alone with its issue folios), pages.json (the page
//   map), spreads/ (facing pages as PNGs and spreads.html; unless --no-spreads) and issue.epub (unless
//   --no-epub).
// Every problem of the manifest, its articles and its ads is reported with its place before anything
// is written; OUT/ is built beside itself and renamed into place, so a failed run leaves no half issue.
#include "cli/command_registry.hpp"
#include "cli/printed_diagnostics.hpp"
#include "cli/proof_commands.hpp"
#include "cli/stage_clock.hpp"
#include "core/huge_pages.hpp"
#include "core/output_file.hpp"
#include "core/output_folder.hpp"
#include "core/tasks.hpp"
#include "epub/epub_builder.hpp"
#include "epub/issue_epub.hpp"
#include "issue/issue_layout.hpp"
#include "issue/page_map.hpp"
#include "model/issue.hpp"
#include "proof/spreads.hpp"
#include "proof/supplied_checks.hpp"
#include "render/draw.hpp"
#include "render/press_pdf.hpp"
#include "render/render.hpp"
#include "render/render_png.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <future>
#include <iostream>
#include <thread>

namespace quire::cli {

namespace {

namespace fs = std::filesystem;

struct IssueCommandOptions {
    std::string manifest;
    std::string out;
    std::string layout;
    double spread_dpi = 40;
    unsigned threads = 0;
    bool no_epub = false;
    bool no_spreads = false;
    bool timings = false;
};

// The EPUB's cover is the print cover, drawn from the same page (no second cover design): 1600 px
// high, the size reading systems and stores ask for; JPEG, as it is a photograph.
constexpr double kCoverPixelsHigh = 1600;

std::string cover_jpeg(const issue::IssueLayout& issue) {
    const page::PageDocument doc = issue.first_pages(1);
    return render::render_page_jpeg(doc, 0, kCoverPixelsHigh / issue.layout.page.trim.height.pt());
}

// What each page is, for the spreads' captions: the article that opens there, the ad's file, "added".
std::vector<std::string> page_notes(const issue::IssueLayout& issue) {
    std::vector<std::string> notes;
    for (std::size_t i = 0; i < issue.pages.size(); ++i) {
        const issue::IssuePage& p = issue.pages[i];
        const int position = static_cast<int>(i) + 1;
        switch (p.kind) {
            case issue::PageKind::Article: {
                const auto& a = issue.articles[static_cast<std::size_t>(p.article)];
                notes.push_back(p.article_page == 0 ? a.typeset.loaded.article.meta.title : "");
                break;
            }
            case issue::PageKind::Ad: notes.push_back("ad: " + p.pdf.filename().string()); break;
            case issue::PageKind::Filler: {
                const bool added = std::find(issue.added_pages.begin(), issue.added_pages.end(), position) != issue.added_pages.end();
                notes.push_back(std::string(added ? "added: " : "") + (p.pdf.empty() ? "blank" : p.pdf.filename().string()));
                break;
            }
            default: notes.push_back(issue::page_kind_name(p.kind)); break;
        }
    }
    return notes;
}

int series_position(const std::string& sequence) {
    return sequence.empty() ? 0 : std::stoi(sequence.substr(0, 9));
}

std::string describe_positions(const std::vector<int>& positions) {
    std::string out;
    for (std::size_t i = 0; i < positions.size(); ++i) out += (i ? ", " : "") + std::to_string(positions[i]);
    return out;
}

int run_issue(const IssueCommandOptions& options) {
    StageClock clock(print_timings(options.timings));
    const fs::path out = options.out.empty() ? fs::path(options.manifest).parent_path() / "out" : fs::path(options.out);

    model::Issue manifest;
    issue::IssueLayout issue;
    clock.run("layout", [&] {
        issue = with_printed_diagnostics([&](Diagnostics& d) {
            manifest = model::read_issue_file(options.manifest, d);
            d.throw_first_error();
            issue::IssueOptions layout_options;
            layout_options.layout = options.layout;
            layout_options.threads = options.threads;
            issue::IssueLayout laid = issue::lay_out_issue(manifest, layout_options, d);
            // The ads as the printer will see them, before anything is written.
            proof::check_supplied_pages(manifest, laid.layout.page, d);
            d.throw_first_error();
            return laid;
        });
    });

    StagedFolder staged(out, "pages.json");
    const fs::path dir = staged.path();
    render::PdfOptions pdf_options;
    pdf_options.press_threads = 1;  // the article PDFs run side by side, issue.pdf beside the spreads
    pdf_options.intent = with_printed_diagnostics([&](Diagnostics& d) { return render::output_intent_for(&issue.publication, d); });

    // Each article's press PDF, at once (by the font collection it was set with: a collection is one
    // thread's); issue.pdf then takes its article pages from them, page for page.
    std::vector<std::shared_ptr<const std::string>> article_pdfs(issue.articles.size());
    clock.run("articles", [&] {
        fs::create_directories(dir / "articles");
        std::vector<std::future<void>> tasks;
        for (const auto& fonts : issue.fonts) {
            tasks.push_back(std::async(std::launch::async, [&, collection = fonts.get()] {
                core::back_thread_heap_with_huge_pages();
                for (std::size_t i = 0; i < issue.articles.size(); ++i) {
                    const auto& a = issue.articles[i];
                    if (a.typeset.pages.fonts.get() != collection) continue;
                    auto bytes = std::make_shared<const std::string>(render::render_pdf_bytes(a.typeset.pages, pdf_options));
                    write_file_atomically(dir / "articles" / issue::article_pdf_name(a.typeset.loaded.article.id), *bytes);
                    article_pdfs[i] = std::move(bytes);
                }
            }));
        }
        wait_all(tasks);  // no task is left running when the staged folder is removed
    });
    // The EPUB (from the typeset articles, with the print cover drawn as JPEG) is made on a second
    // thread while this one writes issue.pdf (and the spreads are drawn, below); it reads the typeset
    // pages and font files, and draws the cover. issue.pdf had waited for nothing the EPUB needs (issue 17).
    std::future<void> epub_task;
    if (!options.no_epub)
        epub_task = std::async(std::launch::async, [&] {
            core::back_thread_heap_with_huge_pages();
            // The cover drawn here too, not before issue.pdf and the spreads start (it was 36 ms of
            // the main thread's path); cairo draws from several threads with the shared faces.
            std::string cover;
            clock.run("cover (beside)", [&] { cover = cover_jpeg(issue); });
            clock.run("epub (beside)", [&] {
                epub::IssueEpubInput input;
                input.title = issue.publication.name + " " + issue.issue.number;
                input.issue_number = issue.issue.number;
                input.date = issue.issue.date;
                input.series_position = series_position(issue.issue.sequence);
                input.publication = &issue.publication;
                input.lang = issue.issue.lang;
                input.cover_png = cover;
                for (const auto& a : issue.articles) input.articles.push_back({&a.typeset.loaded, a.section, &a.typeset.pages});
                epub::EpubOptions epub_options;
                epub_options.layout = options.layout;
                epub::build_issue_epub(input, epub_options, dir / "issue.epub");
            });
        });
    // The spreads, from the typeset pages (the ads by Poppler from their own PDFs), on their
    // own thread from now: issue.pdf is one thread's and the EPUB ends well before it, so the spreads'
    // two workers take up the core it leaves (issue 17). cairo draws with the shared font faces on
    // every thread (cairo-ft locks each face); each drawing thread has its own DrawResources.
    std::size_t spreads = 0;
    std::future<void> spreads_task;
    if (!options.no_spreads)
        spreads_task = std::async(std::launch::async, [&] {
            core::back_thread_heap_with_huge_pages();
            clock.run("spreads (beside)", [&] {
                proof::SuppliedPagePainter supplied;
                proof::SpreadsOptions spread_options;
                spread_options.dpi = options.spread_dpi;
                spread_options.title = issue.publication.name + " " + issue.issue.number;
                spread_options.page_notes = page_notes(issue);
                spread_options.workers = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));
                std::vector<render::DrawResources> resources(static_cast<std::size_t>(spread_options.workers));
                // Each page from where it was typeset, not from a copy of the issue's display list.
                const auto paint = [&](cairo_t* cr, int index, double scale, int worker) {
                    const issue::IssueLayout::PageSource source = issue.page_source(static_cast<std::size_t>(index));
                    if (!source.placed_pdf.empty()) supplied.paint(cr, source.placed_pdf);
                    if (source.page)
                        render::draw_items(cr, *source.page, render::Target::Raster, scale, resources[static_cast<std::size_t>(worker)]);
                };
                spreads = proof::write_spreads(static_cast<int>(issue.pages.size()), paint, issue.layout.page, dir / "spreads",
                                               spread_options).size();
            });
        });
    std::exception_ptr failure;
    try {
        clock.run("pdf", [&] { render::render_pdf(issue.document(article_pdfs), pdf_options, dir / "issue.pdf"); });
        clock.run("page map", [&] { write_file_atomically(dir / "pages.json", issue::page_map_json(issue)); });
    } catch (...) {
        failure = std::current_exception();
    }
    // Every thread is joined before an error leaves (they read `issue` and write into `dir`); the
    // first error, this thread's first, is the command's.
    std::vector<std::future<void>> beside;
    if (spreads_task.valid()) beside.push_back(std::move(spreads_task));
    if (epub_task.valid()) beside.push_back(std::move(epub_task));
    wait_all(beside, failure);
    staged.commit();

    int ads = 0, fillers = 0;
    for (const auto& p : issue.pages) {
        ads += p.kind == issue::PageKind::Ad;
        fillers += p.kind == issue::PageKind::Filler;
    }
    std::string folder = out.string();
    if (folder.back() != '/') folder += '/';
    std::cout << "built " << folder << ": issue.pdf (" << issue.pages.size() << " pages: " << issue.articles.size()
              << " articles, " << ads << (ads == 1 ? " ad" : " ads") << ", " << fillers
              << (fillers == 1 ? " filler" : " fillers") << "), articles/ (" << issue.articles.size() << " PDFs), pages.json"
              << (options.no_spreads ? "" : ", spreads/ (" + std::to_string(spreads) + " spreads)")
              << (options.no_epub ? "" : ", issue.epub") << '\n';
    const int multiple = std::max(4, issue.publication.signature_pages);
    if (issue.added_pages.empty())
        std::cout << "no pages added: " << issue.pages.size() << " is a multiple of " << multiple << '\n';
    else
        std::cout << issue.added_pages.size() << (issue.added_pages.size() == 1 ? " page" : " pages")
                  << " added (a section opening on a right-hand page, or to reach a multiple of " << multiple
                  << "): " << describe_positions(issue.added_pages) << '\n';
    return 0;
}

Runner setup(CLI::App& app) {
    auto options = std::make_shared<IssueCommandOptions>();
    app.add_option("manifest", options->manifest, "The issue's manifest (issue.xml, docs/issue-format.md)")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("-o,--out", options->out, "The output folder (default: out/ beside the manifest); replaced as a whole")
        ->check(kNonEmptyOutput);
    app.add_option("--layout", options->layout, "Print layout name or file (default: the publication's)");
    app.add_option("--spread-dpi", options->spread_dpi, "Resolution of the spread images")->check(CLI::Range(10.0, 300.0));
    app.add_option("--threads", options->threads, "Articles laid out at once (default: one per core, at most 4)");
    app.add_flag("--no-epub", options->no_epub, "Make the print outputs only");
    app.add_flag("--no-spreads", options->no_spreads, "Leave out the spread images (a quicker rebuild of the PDFs and the EPUB)");
    app.add_flag("--timings", options->timings, "Print how long each stage took");
    return [options] { return run_issue(*options); };
}

const Registration registration{"issue", proof_command_description("issue"), &setup};

}  // namespace
}  // namespace quire::cli
