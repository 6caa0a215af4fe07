// Loading an article for an output command: read, find its publication profile, validate.
#include "model/article_xml.hpp"
#include "model/validate.hpp"

namespace quire::model {

namespace fs = std::filesystem;

const std::vector<Block>& LoadedArticle::notice_content(const Notice& notice) const {
    if (!notice.content.empty() || !publication) return notice.content;
    if (const Notice* house = publication->find_notice(notice.kind)) return house->content;
    return notice.content;
}

std::string LoadedArticle::layout_name(const std::string& requested) const {
    if (!requested.empty()) return requested;
    if (publication && !publication->default_layout.empty()) return publication->default_layout;
    return "magazine";
}

fs::path LoadedArticle::resolve(const std::string& relative_path) const { return folder / relative_path; }

namespace {

// An imported page names its photo (caption, credit) without supplying the image. Outputs cannot print
// or package it, so they leave it out, saying so; the article file keeps it for the editor to complete.
void leave_out_figures_without_image(Article& article, Diagnostics& diagnostics) {
    auto note = [&](const Figure& f) {
        diagnostics.warning(f.where, "figure without an image (no src) is left out of the outputs");
    };
    if (article.lead_figure && article.lead_figure->src.empty()) {
        note(*article.lead_figure);
        article.lead_figure.reset();
    }
    std::erase_if(article.body, [&](const Block& b) {
        if (b.kind != BlockKind::FigureBlock || !b.figure.src.empty()) return false;
        note(b.figure);
        return true;
    });
}

}  // namespace

LoadedArticle load_article(const fs::path& path, Diagnostics& diagnostics, const std::optional<fs::path>& publication_path) {
    LoadedArticle loaded;
    loaded.folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::exists(path)) throw QuireError(SourceSpan{path.string()}, "no such file");
    loaded.article = read_article_file(path, diagnostics);
    // A file that could not be read (malformed XML, another root element) yields an empty article:
    // validating it would only add "no title", "empty body"… beside the one real error.
    if (diagnostics.has_errors()) diagnostics.throw_first_error();

    // The profile: named on the command line, else by the article, else publication.xml beside it.
    std::optional<fs::path> profile = publication_path;
    if (!profile && !loaded.article.publication.empty()) {
        // The profile may sit above the article (shared by an issue's articles), so ".." is allowed here.
        profile = loaded.folder / loaded.article.publication;
        if (!fs::exists(*profile))
            diagnostics.error(SourceSpan{path.string()}, "publication profile " + profile->string() + " not found");
    }
    if (!profile && fs::exists(loaded.folder / "publication.xml")) profile = loaded.folder / "publication.xml";
    if (profile && fs::exists(*profile)) {
        loaded.publication = read_publication_file(*profile, diagnostics);
        validate_publication(*loaded.publication, diagnostics);
    }

    validate_article(loaded.article, loaded.folder, diagnostics);
    leave_out_figures_without_image(loaded.article, diagnostics);
    for (const auto& item : loaded.article.back_matter)
        if (item.kind == BackMatterKind::Notice && loaded.notice_content(item.notice).empty())
            diagnostics.warning(item.where, "notice \"" + item.notice.kind +
                                                "\" is empty and the publication profile has no text for it");

    diagnostics.throw_first_error();
    return loaded;
}

}  // namespace quire::model
