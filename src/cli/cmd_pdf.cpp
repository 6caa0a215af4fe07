// quire pdf ARTICLE.xml -o article.pdf [--layout NAME] [--png-dir DIR]: the print PDF (issue 5).
// Layout: --layout, else the publication's default, else "magazine". Warnings are printed; an error
// (bad article, unknown layout or style, missing image, text that cannot fit) stops with its place
// and leaves no PDF behind. --timings (or QUIRE_TIMINGS=1) prints each stage's time to stderr.
// --epub FILE also writes the article's EPUB from the same typeset pages (its print page-list), on a
// second thread while the PDF is drawn: what `quire pdf` and `quire epub` make, in one process
// (issue 17: article → PDF + EPUB, the comparison with WeasyPrint + pandoc).
#include "cli/command_registry.hpp"
#include "cli/printed_diagnostics.hpp"
#include "cli/stage_clock.hpp"
#include "core/huge_pages.hpp"
#include "core/tasks.hpp"
#include "epub/epub_builder.hpp"
#include "model/article_xml.hpp"
#include "render/article_pdf.hpp"
#include "render/press_image.hpp"
#include "render/press_pdf.hpp"
#include "render/render.hpp"

#include <exception>
#include <filesystem>
#include <future>
#include <iostream>
#include <vector>

namespace quire::cli {

namespace {

namespace fs = std::filesystem;

struct PdfCommandOptions {
    std::string article;
    std::string output;
    std::string publication;
    std::string layout;
    std::string png_dir;
    std::string epub;
    double png_dpi = 70;
    bool no_crop_marks = false;
    bool dump = false;
    bool timings = false;
};

int run_pdf(const PdfCommandOptions& options) {
    StageClock clock(print_timings(options.timings));
    std::optional<fs::path> publication;
    if (!options.publication.empty()) publication = options.publication;
    const model::LoadedArticle loaded = clock.run("load", [&] {
        return with_printed_diagnostics([&](Diagnostics& d) { return model::load_article(options.article, d, publication); });
    });
    // The photos' press conversion runs on a second thread while the text is typeset.
    if (!options.dump) render::prepare_press_images(loaded);
    page::PageDocument doc = clock.run("layout", [&] {
        return with_printed_diagnostics([&](Diagnostics& d) { return render::lay_out_loaded_article(loaded, options.layout, d); });
    });

    if (options.dump) {
        std::cout << doc.dump();
        return 0;
    }
    std::string output = options.output;
    if (output.empty()) output = fs::path(options.article).replace_extension(".pdf").string();
    render::PdfOptions pdf_options;
    pdf_options.crop_marks = options.no_crop_marks ? render::CropMarks::No : render::CropMarks::Yes;
    pdf_options.intent = with_printed_diagnostics([&](Diagnostics& d) {
        return render::output_intent_for(loaded.publication ? &*loaded.publication : nullptr, d);
    });
    if (options.png_dir.empty() && options.epub.empty()) {  // the pages are freed as they are drawn
        clock.run("pdf", [&] { render::render_pdf(std::move(doc), pdf_options, output); });
        return 0;
    }
    if (!options.epub.empty()) {
        std::error_code epub_error, pdf_error;
        const fs::path epub_path = fs::weakly_canonical(options.epub, epub_error);
        const fs::path pdf_path = fs::weakly_canonical(output, pdf_error);
        if (!epub_error && !pdf_error ? epub_path == pdf_path : fs::path(options.epub).lexically_normal() == fs::path(output).lexically_normal())
            throw QuireError(SourceSpan{"--epub " + options.epub}, "the EPUB would be written over the PDF (-o " + output + ")");
    }
    std::vector<std::future<void>> beside;
    if (!options.epub.empty())
        beside.push_back(std::async(std::launch::async, [&] {
            core::back_thread_heap_with_huge_pages();
            clock.run("epub (beside)", [&] {
                epub::EpubOptions epub_options;
                epub_options.layout = options.layout;
                epub_options.print = &doc;  // read only, as the PDF is drawn from it
                epub::build_epub(loaded, epub_options, options.epub);
            });
        }));
    std::exception_ptr failure;
    try {
        clock.run("pdf", [&] { render::render_pdf(doc, pdf_options, output); });
    } catch (...) {
        failure = std::current_exception();
    }
    wait_all(beside, failure);  // the EPUB's thread reads `doc`: never left running
    if (options.png_dir.empty()) return 0;
    clock.run("png", [&] {
        render::PngOptions png;
        png.dpi = options.png_dpi;
        render::render_png(doc, png, options.png_dir, fs::path(output).stem().string());
    });
    return 0;
}

Runner setup(CLI::App& app) {
    auto options = std::make_shared<PdfCommandOptions>();
    app.add_option("article", options->article, "The article (.xml)")->required()->check(CLI::ExistingFile);
    app.add_option("-o,--output", options->output, "The PDF to write (default: beside the article)")->check(kNonEmptyOutput);
    app.add_option("--layout", options->layout, "Layout name (layouts/NAME.xml) or path (default: the publication's)");
    app.add_option("--publication", options->publication, "The publication profile (default: found from the article)")
        ->check(CLI::ExistingFile);
    app.add_option("--png-dir", options->png_dir, "Also write a PNG of each page (trim area) into this folder");
    CLI::Option* epub = app.add_option("--epub", options->epub, "Also write the EPUB, from the same typeset pages, on a second thread")
                            ->check(kNonEmptyOutput);
    app.add_option("--png-dpi", options->png_dpi, "Resolution of the page images (default 70)")->check(CLI::Range(10, 1200));
    app.add_flag("--no-crop-marks", options->no_crop_marks, "Leave the slug empty");
    app.add_flag("--dump", options->dump, "Print the display list as text instead of writing the PDF")->excludes(epub);
    app.add_flag("--timings", options->timings, "Print how long each stage took (also QUIRE_TIMINGS=1)");
    return [options] { return run_pdf(*options); };
}

const Registration reg{"pdf", "Typeset an article as a print-ready PDF", &setup};

}  // namespace

}  // namespace quire::cli
