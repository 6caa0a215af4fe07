#include "issue/typeset_article.hpp"

#include "page/layout_article.hpp"

namespace quire::issue {

TypesetArticle typeset_article(model::LoadedArticle loaded, const style::Layout& layout,
                               const page::ArticlePlacement& placement, std::shared_ptr<text::FontCollection> fonts) {
    TypesetArticle t;
    t.loaded = std::move(loaded);
    t.placement = placement;
    const model::Publication* publication = t.loaded.publication ? &*t.loaded.publication : nullptr;
    t.pages = page::lay_out_article(t.loaded.article, publication, layout, t.loaded.folder, std::move(fonts),
                                    t.diagnostics, placement);
    t.diagnostics.throw_first_error();
    return t;
}

void renumber(TypesetArticle& article, const style::Layout& layout, const page::ArticlePlacement& placement) {
    if (placement.furniture != page::Furniture::Draw || article.placement.furniture != page::Furniture::Skip)
        throw QuireError(SourceSpan{article.loaded.article.source_file},
                         "internal: renumber() wants an article laid out without furniture");
    if ((article.placement.first_folio - placement.first_folio) % 2 != 0)
        throw QuireError(SourceSpan{article.loaded.article.source_file},
                         "internal: renumber() cannot move an article to the other side of the spread");
    const model::Publication* publication = article.loaded.publication ? &*article.loaded.publication : nullptr;
    page::add_furniture(article.pages, article.loaded.article, publication, layout, placement, *article.pages.fonts,
                        article.diagnostics);
    article.placement = placement;
}

}  // namespace quire::issue
