#include "render/article_pdf.hpp"

#include "page/layout_article.hpp"
#include "render/press_image.hpp"
#include "render/press_pdf.hpp"
#include "style/layout.hpp"

#include <memory>

namespace quire::render {

page::PageDocument lay_out_loaded_article(const model::LoadedArticle& loaded, const std::string& layout_name,
                                          Diagnostics& diagnostics) {
    Diagnostics layout_diagnostics;
    const style::Layout layout = style::load_layout(loaded.layout_name(layout_name), layout_diagnostics);
    diagnostics.append(layout_diagnostics);
    layout_diagnostics.throw_first_error();

    auto fonts = std::make_shared<text::FontCollection>();
    Diagnostics set_diagnostics;
    page::PageDocument doc = page::lay_out_article(loaded.article, loaded.publication ? &*loaded.publication : nullptr,
                                                   layout, loaded.folder, fonts, set_diagnostics);
    diagnostics.append(set_diagnostics);
    set_diagnostics.throw_first_error();
    return doc;
}

std::vector<std::filesystem::path> write_article_pdf(const model::LoadedArticle& loaded, const ArticlePdfOptions& options,
                                                     const std::filesystem::path& pdf, Diagnostics& diagnostics) {
    prepare_press_images(loaded);  // the photos' CMYK on a second thread while the text is typeset
    const page::PageDocument doc = lay_out_loaded_article(loaded, options.layout, diagnostics);
    return write_article_pdf(loaded, doc, options, pdf, diagnostics);
}

std::vector<std::filesystem::path> write_article_pdf(const model::LoadedArticle& loaded, const page::PageDocument& doc,
                                                     const ArticlePdfOptions& options, const std::filesystem::path& pdf,
                                                     Diagnostics& diagnostics) {
    PdfOptions pdf_options;
    pdf_options.crop_marks = options.crop_marks;
    pdf_options.intent = output_intent_for(loaded.publication ? &*loaded.publication : nullptr, diagnostics);
    render_pdf(doc, pdf_options, pdf);
    if (options.png_dir.empty()) return {};
    PngOptions png;
    png.dpi = options.png_dpi;
    return render_png(doc, png, options.png_dir, pdf.stem().string());
}

}  // namespace quire::render
