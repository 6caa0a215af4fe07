// quire diff OLD.pdf NEW.pdf -o diff/: what changed between two proof rounds (any two PDFs). For an
// issue (--pages pages.json, or issue.pdf with pages.json beside it, as `quire issue` writes them)
// each changed page names its article and section, and the changes are summed up per article.
#include "cli/command_registry.hpp"
#include "cli/proof_commands.hpp"
#include "proof/pdf_diff.hpp"

#include <iostream>

namespace {

using namespace quire;

cli::Runner setup_diff(CLI::App& app) {
    struct Options {
        std::string old_pdf, new_pdf, out, pages;
        double dpi = 72;
        bool exit_code = false;
        bool whole_page = false;
    };
    auto opt = std::make_shared<Options>();
    app.add_option("old", opt->old_pdf, "the earlier round's PDF")->required();
    app.add_option("new", opt->new_pdf, "the later round's PDF")->required();
    app.add_option("-o,--output", opt->out, "folder for changes.txt, changes.json, page images and diff.pdf")
        ->required();
    app.add_option("--pages", opt->pages,
                   "the new issue's page map (pages.json of `quire issue`; default: pages.json beside NEW when NEW is issue.pdf)")
        ->check(CLI::ExistingFile);
    app.add_option("--dpi", opt->dpi, "resolution of the comparison and of the page images")
        ->capture_default_str()
        ->check(CLI::Range(18.0, 600.0));
    app.add_flag("--whole-page", opt->whole_page,
                 "compare the whole MediaBox, slug included (default: inside the BleedBox or TrimBox)");
    app.add_flag("--exit-code", opt->exit_code, "exit 1 when the files differ (as git diff --exit-code)");
    return [opt]() {
        proof::PdfDocument old_doc(opt->old_pdf);
        proof::PdfDocument new_doc(opt->new_pdf);
        proof::PdfDiffOptions options;
        options.dpi = opt->dpi;
        if (opt->whole_page) options.area = proof::PdfDiffOptions::Area::Media;
        std::filesystem::path pages = opt->pages;
        if (pages.empty()) {
            const std::filesystem::path beside = std::filesystem::path(opt->new_pdf).parent_path() / "pages.json";
            std::error_code ec;
            if (std::filesystem::path(opt->new_pdf).filename() == "issue.pdf" && std::filesystem::is_regular_file(beside, ec))
                pages = beside;
        }
        // Read before the comparison: a file that is not a page map fails at once.
        std::optional<proof::IssuePageMap> page_map;
        if (!pages.empty()) {
            page_map = proof::read_page_map(pages);
            // Another issue's map would name the wrong articles: the page counts must agree.
            if (static_cast<int>(page_map->pages.size()) != new_doc.page_count())
                throw QuireError(SourceSpan{pages.string()}, "the page map has " + std::to_string(page_map->pages.size()) +
                                                                 " pages, " + opt->new_pdf + " has " +
                                                                 std::to_string(new_doc.page_count()) + ": not its page map");
        }
        proof::PdfDiff diff = proof::diff_pdfs(old_doc, new_doc, options);
        diff.page_map = std::move(page_map);
        proof::write_diff(diff, old_doc, new_doc, opt->out);
        std::cout << diff.to_text();
        return opt->exit_code && !diff.identical() ? 1 : 0;
    };
}

const cli::Registration reg{"diff", quire::cli::proof_command_description("diff"), &setup_diff};

}  // namespace
