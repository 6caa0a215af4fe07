// quire build INPUT -o OUT/: everything that applies to one input, into one folder.
//   INPUT is an article (.xml) or an article page scraped from the website (.txt, imported first).
//   OUT/ receives: article.xml (the article as quire reads it, its images beside it), summary.txt,
//   article.pdf with page PNGs, article.epub, and proof/.
// --timings prints how long each stage took (the speed of the whole job is part of the product).
#include "cli/command_registry.hpp"
#include "cli/proof_commands.hpp"
#include "cli/printed_diagnostics.hpp"
#include "cli/stage_clock.hpp"
#include "core/huge_pages.hpp"
#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "core/output_folder.hpp"
#include "import/import_page.hpp"
#include "model/article_summary.hpp"
#include "model/article_xml.hpp"
#include "epub/epub_builder.hpp"
#include "proof/proof_builder.hpp"
#include "render/article_pdf.hpp"
#include "render/press_image.hpp"

#include <chrono>
#include <filesystem>
#include <future>
#include <iostream>

namespace quire::cli {

namespace {

namespace fs = std::filesystem;

struct BuildOptions {
    std::string input;
    std::string out = "out";
    std::string layout;
    std::string publication;
    bool timings = false;
};

// Copies the article's images into OUT/ under the same relative paths, so that OUT/article.xml is
// complete on its own.
void copy_images(const model::LoadedArticle& loaded, const fs::path& out) {
    std::vector<const model::Figure*> figures;
    if (loaded.article.lead_figure) figures.push_back(&*loaded.article.lead_figure);
    for (const auto& block : loaded.article.body)
        if (block.kind == model::BlockKind::FigureBlock) figures.push_back(&block.figure);
    for (const auto* figure : figures) {
        // Never a file outside the article's folder (a symlink to /etc/passwd), never a FIFO (issue 18).
        const fs::path from = resolve_inside(loaded.folder, figure->src, figure->where);
        const fs::path to = out / figure->src;
        std::error_code ec;
        if (fs::exists(to, ec) && fs::equivalent(from, to, ec)) continue;
        const std::string bytes = read_input_file(from, input_limit::kImage, "image", figure->where);
        fs::create_directories(to.parent_path());
        write_file_atomically(to, bytes);
    }
}

int run_build(const BuildOptions& options) {
    const fs::path input = options.input;
    const fs::path out = options.out;
    if (out.empty()) throw QuireError(SourceSpan{"-o ''"}, "no output folder named (the path is empty)");
    // One run at a time writes into OUT/ (issue 18): a second build waits for nothing and says why.
    const FolderLock lock = lock_output_folder(out);
    StageClock clock(print_timings(options.timings));

    fs::path article_path = input;
    std::optional<fs::path> publication_path;
    if (!options.publication.empty()) publication_path = options.publication;

    if (input.extension() != ".xml") {
        // A scraped page: import it into OUT/article.xml (and the profile facts into OUT/publication.xml).
        clock.run("import", [&] {
            import::ImportOptions import_options;
            import_options.notice = import::NoticePlacement::Publication;
            import_options.publication_path = "publication.xml";
            auto result = import::import_page(read_input_file(input, input_limit::kText, "page"), input.string(), import_options);
            std::cerr << result.analysis.diagnostics.to_string();
            if (!publication_path) write_file_atomically(out / "publication.xml", model::write_publication_xml(result.publication));
            write_file_atomically(out / "article.xml", model::write_article_xml(result.article));
        });
        article_path = out / "article.xml";
    }

    // The proof reads the article itself and shares nothing with the PDF and the EPUB but read-only
    // inputs and thread-safe caches (the issue already lays out articles in parallel): it is the
    // longest stage, so it runs on the second core while this thread makes the rest (issue 17).
    // Its outputs are the same bytes as when it ran last; an error from it is reported as before.
    std::future<proof::ProofResult> proof_future;
    auto start_proof = [&] {
        proof_future = std::async(std::launch::async, [&clock, article_path, out, &options, publication_path] {
            core::back_thread_heap_with_huge_pages();
            proof::ProofResult result;
            clock.run("proof", [&] {
                proof::ProofOptions proof_options;
                proof_options.layout = options.layout;
                proof_options.publication = publication_path;
                result = proof::build_proof(article_path, out / "proof", proof_options);
            });
            return result;
        });
    };

    model::LoadedArticle loaded;
    clock.run("load", [&] {
        loaded = with_printed_diagnostics(
            [&](Diagnostics& d) { return model::load_article(article_path, d, publication_path); });
    });
    // The photos' press conversion starts now, on its own thread: the PDF's post-pass and the proof's
    // both take it (the same bytes, made once) instead of each converting while the other waits.
    render::prepare_press_images(loaded);
    start_proof();  // after the article loaded without error: a bad article is reported once

    clock.run("article", [&] {
        if (input.extension() == ".xml") {
            copy_images(loaded, out);
            model::Article copy = loaded.article;
            if (loaded.publication) {
                copy.publication = "publication.xml";
                write_file_atomically(out / "publication.xml", model::write_publication_xml(*loaded.publication));
            }
            write_file_atomically(out / "article.xml", model::write_article_xml(copy));
        }
        write_file_atomically(out / "summary.txt", model::summarise_article(loaded));
    });

    // Laid out once: the PDF and the EPUB's print page-list read the same pages.
    std::vector<fs::path> page_images;
    page::PageDocument pages;
    clock.run("pdf", [&] {
        render::ArticlePdfOptions pdf_options;
        pdf_options.layout = options.layout;
        pdf_options.png_dir = out;
        page_images = with_printed_diagnostics([&](Diagnostics& d) {
            pages = render::lay_out_loaded_article(loaded, options.layout, d);
            return render::write_article_pdf(loaded, pages, pdf_options, out / "article.pdf", d);
        });
    });
    clock.run("epub", [&] {
        epub::EpubOptions epub_options;
        epub_options.layout = options.layout;
        epub_options.print = &pages;
        epub::build_epub(loaded, epub_options, out / "article.epub");
    });
    const proof::ProofResult proof_result = proof_future.get();

    std::string folder = out.string();
    if (folder.back() != '/') folder += '/';
    std::cout << "built " << folder << ": article.xml, summary.txt, article.pdf (" << page_images.size()
              << (page_images.size() == 1 ? " page" : " pages") << ", PNG each), article.epub, proof/ ("
              << proof_result.report.findings.size() << " findings)\n";
    return 0;
}

Runner setup(CLI::App& app) {
    auto options = std::make_shared<BuildOptions>();
    app.add_option("input", options->input, "An article (.xml) or a scraped article page (.txt)")->required()->check(CLI::ExistingFile);
    app.add_option("-o,--out", options->out, "The output folder (created if needed)")->required()->check(kNonEmptyOutput);
    app.add_option("--layout", options->layout, "Print layout name or file (default: the publication's)");
    app.add_option("--publication", options->publication, "The publication profile (default: found beside the article)");
    app.add_flag("--timings", options->timings, "Print how long each stage took");
    return [options] { return run_build(*options); };
}

const Registration registration{"build", proof_command_description("build"), &setup};

}  // namespace
}  // namespace quire::cli
