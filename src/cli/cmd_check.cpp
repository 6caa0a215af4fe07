// quire check FILE.xml…: validates articles and publication profiles and prints every problem as
// file:line:col: error|warning: message. Exit 0 only when no file has an error.
#include "cli/command_registry.hpp"
#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "model/article_xml.hpp"
#include "model/issue.hpp"
#include "model/validate.hpp"
#include "render/article_pdf.hpp"
#ifndef QUIRE_HAND_OVER_PROOF_COMMANDS
#include "issue/issue_layout.hpp"
#include "proof/supplied_checks.hpp"
#endif

#include <filesystem>
#include <iostream>
#include <set>

namespace quire::cli {

namespace {

namespace fs = std::filesystem;

// Which kind of file this is, from its root element (read cheaply: the first start tag).
std::string root_element_name(const std::string& text) {
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string::npos) {
        if (text.compare(i, 2, "<?") == 0 || text.compare(i, 2, "<!") == 0) { ++i; continue; }
        std::size_t end = i + 1;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '>' && text[end] != '/') ++end;
        return text.substr(i + 1, end - i - 1);
    }
    return {};
}

void check_file(const fs::path& path, Diagnostics& diagnostics) {
    const std::string text = read_input_file(path, input_limit::kText, "file");
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (root_element_name(text) == "issue") {
#ifndef QUIRE_HAND_OVER_PROOF_COMMANDS
        // An issue manifest: everything `quire issue` does before writing (its articles loaded and
        // laid out, its ads checked against trim and bleed), so that "no problems" is a promise.
        model::Issue manifest = model::read_issue_file(path, diagnostics);
        if (diagnostics.has_errors()) return;
        try {
            const issue::IssueLayout laid = issue::lay_out_issue(manifest, {}, diagnostics);
            proof::check_supplied_pages(manifest, laid.layout.page, diagnostics);
        } catch (const QuireError& e) {
            if (!diagnostics.has_errors()) diagnostics.add(e.diagnostic().severity, e.diagnostic().where, e.diagnostic().message);
        }
#endif
        return;
    }
    if (root_element_name(text) == "publication") {
        auto publication = model::parse_publication_xml(text, path.string(), diagnostics);
        if (!diagnostics.has_errors() || !publication.name.empty()) model::validate_publication(publication, diagnostics);
        return;
    }
    Diagnostics parse;
    auto article = model::parse_article_xml(text, path.string(), parse);
    diagnostics.append(parse);
    // A file that could not be read as an article at all (malformed XML, another root) has nothing
    // more to check: its first error says why.
    const bool nothing_read = article.meta.where.line == 0 && article.body.empty();
    if (!(parse.has_errors() && nothing_read)) model::validate_article(article, folder, diagnostics);
    if (diagnostics.has_errors()) return;
    // "No problems" is a promise about `pdf` and `epub` (issue 18): open the publication profile,
    // decode the images' headers, and set the article in its layout with the bundled fonts (glyph
    // coverage, text that cannot fit). What the checks above already said is not said twice.
    Diagnostics output;
    try {
        const model::LoadedArticle loaded = model::load_article(path, output, std::nullopt);
        render::lay_out_loaded_article(loaded, "", output);
    } catch (const QuireError& e) {
        output.add(e.diagnostic().severity, e.diagnostic().where, e.diagnostic().message);
    }
    std::set<std::string> said;
    for (const auto& d : diagnostics.all()) said.insert(d.to_string());
    for (const auto& d : output.all())
        if (said.insert(d.to_string()).second) diagnostics.add(d.severity, d.where, d.message);
}

Runner setup(CLI::App& app) {
    auto files = std::make_shared<std::vector<std::string>>();
    app.add_option("files", *files, "Article, publication or issue (manifest) XML files")->required()->check(CLI::ExistingFile);
    return [files]() {
        Diagnostics all;
        for (const auto& file : *files) {
            try {
                check_file(file, all);
            } catch (const QuireError& e) {
                all.add(e.diagnostic().severity, e.diagnostic().where, e.diagnostic().message);
            }
        }
        std::cerr << all.to_string();
        const auto errors = all.count(Severity::Error);
        const auto warnings = all.count(Severity::Warning);
        if (errors || warnings)
            std::cerr << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                      << (warnings == 1 ? " warning\n" : " warnings\n");
        else
            std::cout << "ok: " << files->size() << (files->size() == 1 ? " file" : " files") << " checked, no problems\n";
        return errors ? 1 : 0;
    };
}

const Registration registration{"check", "Validate article, publication and issue XML files; list every problem", &setup};

}  // namespace
}  // namespace quire::cli
