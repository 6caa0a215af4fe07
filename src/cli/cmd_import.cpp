// quire import PAGE.txt|ARTICLE.docx|ARTICLE.md -o article.xml [--explain] [--publication-out publication.xml]
// Turns an article page scraped from the magazine's website, a Word document or a Markdown file into
// an article file (and, for a page with --publication-out, the magazine's profile with its donation
// notice). Warnings (a page cut short, a comment in the Word file …) go to stderr as file:line:col;
// an input that is not one article writes nothing.
#include "cli/command_registry.hpp"
#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "import/document_import.hpp"
#include "import/import_page.hpp"
#include "model/article_xml.hpp"
#include "model/validate.hpp"

#include <cctype>
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
    std::string lang;
    bool accept_changes = false, reject_changes = false;
};

bool has_extension(const std::string& path, std::initializer_list<const char*> extensions) {
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* e : extensions)
        if (ext == e) return true;
    return false;
}

// Never an article that `check` rejects (issue 18): read back what would be written, as check does.
// Images the article names are not written yet, so a missing-image error is left to `check` itself.
bool passes_check(const std::string& xml, const ImportArgs& args, const fs::path& article_dir) {
    Diagnostics readback;
    model::validate_article(model::parse_article_xml(xml, args.out, readback), article_dir, readback);
    if (!readback.has_errors()) return true;
    std::cerr << readback.to_string() << SourceSpan{args.page}.to_string()
              << ": error: the imported article would not pass `quire check`; nothing written\n";
    return false;
}

// A Word or Markdown file: the article and the images taken out of it; nothing is written unless
// the whole import succeeded.
int run_document_import(const ImportArgs& args, const std::string& bytes, bool docx) {
    import::DocumentOptions options;
    options.lang = args.lang;
    if (args.accept_changes) options.changes = import::TrackedChanges::Accept;
    if (args.reject_changes) options.changes = import::TrackedChanges::Reject;
    auto result = docx ? import::import_docx(bytes, args.page, options) : import::import_markdown(bytes, args.page, options);
    const fs::path article_dir = fs::absolute(args.out).parent_path();
    if (!docx && result.article.lead_figure && !result.article.lead_figure->src.empty()) {
        // The front matter's photo is relative to the Markdown file; the article's to itself.
        const fs::path photo = fs::absolute(fs::path(args.page).parent_path() / result.article.lead_figure->src);
        result.article.lead_figure->src =
            photo.lexically_normal().lexically_relative(article_dir.lexically_normal()).generic_string();
    }
    if (args.explain) std::cout << import::explain(result);
    std::cerr << result.diagnostics.to_string();
    for (const auto& image : result.images) {
        const fs::path target = article_dir / image.path;
        fs::create_directories(target.parent_path());
        if (fs::exists(target) && fs::equivalent(target, fs::absolute(args.page)))
            throw QuireError(SourceSpan{args.page}, "refusing to overwrite the input with an image");
        write_file_atomically(target, image.bytes);
    }
    write_file_atomically(args.out, model::write_article_xml(result.article));
    return 0;
}

int run_import(const ImportArgs& args) {
    if (fs::absolute(args.out).lexically_normal() == fs::absolute(args.page).lexically_normal())
        throw QuireError(SourceSpan{args.out}, "the output would overwrite the input");
    // A Word file carries its photographs, so it may be as large as an image; a page is text (see below).
    const std::string bytes = read_input_file(args.page, input_limit::kImage, "input");
    const bool zip = bytes.rfind("PK\x03\x04", 0) == 0;
    if (has_extension(args.page, {".docx", ".docm", ".dotx"}) || (zip && !has_extension(args.page, {".txt"})))
        return run_document_import(args, bytes, true);
    if (has_extension(args.page, {".md", ".markdown", ".mdown"})) return run_document_import(args, bytes, false);
    if (args.accept_changes || args.reject_changes)
        throw QuireError(SourceSpan{args.page}, "--accept-changes and --reject-changes are for Word documents");
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
    options.lang = args.lang;
    if (bytes.size() > input_limit::kText)
        throw QuireError(SourceSpan{args.page}, "the page is larger than " + std::to_string(input_limit::kText >> 20) +
                                                    " MB (docs/limits.md)");
    auto result = import::import_page(bytes, args.page, options);
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
    const std::string xml = model::write_article_xml(result.article);
    if (!passes_check(xml, args, article_dir)) return 1;
    write_file_atomically(args.out, xml);
    return 0;
}

Runner setup(CLI::App& app) {
    auto args = std::make_shared<ImportArgs>();
    app.add_option("page", args->page,
                   "The article: a page's text as scraped from the website (UTF-8), a Word document (.docx) or "
                   "a Markdown file (.md)")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("-o,--out", args->out, "The article file to write (XML)")->required();
    app.add_option("--publication-out", args->publication_out,
                   "Also write the publication profile (name, publisher, site, donation notice) here; the "
                   "article's notice then refers to it");
    app.add_flag("--explain", args->explain, "Print which rule decided each field, and every line's role");
    app.add_option("--lang", args->lang, "The article's language (BCP 47: en, pl, uk …) instead of detecting it");
    auto* accept = app.add_flag("--accept-changes", args->accept_changes,
                                "Word: accept the document's tracked changes (otherwise they are an error)");
    app.add_flag("--reject-changes", args->reject_changes, "Word: reject the document's tracked changes")->excludes(accept);
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

const Registration registration{"import", "Import an article: a scraped web page, a Word document or Markdown", &setup};

}  // namespace
}  // namespace quire::cli
