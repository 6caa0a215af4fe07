#include "proof/proof_builder.hpp"

#include "core/huge_pages.hpp"
#include "core/output_file.hpp"
#include "core/output_folder.hpp"
#include "core/source_date.hpp"
#include "model/article_xml.hpp"
#include "page/layout_article.hpp"
#include "proof/proof_overlay.hpp"
#include "render/press_pdf.hpp"
#include "render/render.hpp"
#include "style/layout.hpp"

#include <future>

namespace quire::proof {

namespace fs = std::filesystem;


ProofResult build_proof(const fs::path& article_path, const fs::path& out_dir, const ProofOptions& options) {
    ProofResult result;
    result.folder = out_dir;
    Report& report = result.report;

    Diagnostics load_diagnostics;
    model::LoadedArticle loaded = model::load_article(article_path, load_diagnostics, options.publication);
    load_diagnostics.throw_first_error();
    Diagnostics layout_diagnostics;
    const style::Layout layout = style::load_layout(loaded.layout_name(options.layout), layout_diagnostics);
    layout_diagnostics.throw_first_error();

    auto fonts = std::make_shared<text::FontCollection>();
    Diagnostics set_diagnostics;
    page::PageDocument doc = page::lay_out_article(loaded.article, loaded.publication ? &*loaded.publication : nullptr,
                                                   layout, loaded.folder, fonts, set_diagnostics);

    const model::Article& article = loaded.article;
    report.title = "Proof of " + (article.id.empty() ? article_path.stem().string() : article.id);
    report.subject = article_path.string();
    add_diagnostics(load_diagnostics, "article", report);
    add_diagnostics(layout_diagnostics, "layout-file", report);
    add_diagnostics(set_diagnostics, "layout", report);

    // Checks on the display list, before the marks are added: they see the page as printed.
    check_layout(doc, layout, options.checks, report);
    const int words = laid_out_words(doc);

    ProofStamp stamp;
    stamp.article_id = article.id.empty() ? article_path.stem().string() : article.id;
    const std::string date = iso8601_utc(output_timestamp(article.meta.date)).substr(0, 10);
    stamp.round = options.round.empty() ? date : "round " + options.round;
    stamp.checksum = short_checksum(read_file(article_path));
    Diagnostics overlay_diagnostics;
    add_proof_overlays(doc, stamp, LineNumbers::Every, overlay_diagnostics);
    add_diagnostics(overlay_diagnostics, "proof-marks", report);

    // Built beside OUT and renamed into place (issue 18): a killed run leaves the previous proof whole.
    StagedFolder staged(out_dir, "report.json");
    const fs::path dir = staged.path();
    const fs::path pdf_path = dir / "proof.pdf";
    // The proof PDF is the press PDF (PDF/X-4, CMYK) with the proof's marks: preflight reads what the
    // printer will. Without an output intent the default profile is used; `quire pdf` warns about it.
    render::PdfOptions pdf_options;
    pdf_options.images = render::PdfImages::Proof;  // checked on the display list above, at full size
    Diagnostics intent_diagnostics;
    pdf_options.intent = render::output_intent_for(loaded.publication ? &*loaded.publication : nullptr, intent_diagnostics);
    render::render_pdf(doc, pdf_options, pdf_path);

    // The PDF as the printer will read it: boxes, fonts, placement (images were checked above). The
    // preflight runs on its own thread, with its own Poppler document, while the pages are rasterised
    // (issue 17); it is the only writer of `report` until it is joined. It reads text and boxes only
    // (images are skipped), so it never loads a font into FreeType. The pages themselves are not drawn
    // on two threads: Poppler 22.12's cairo backend keeps one static FT_Library for every document, and
    // FreeType's FT_New_Face/FT_Done_Face must not run on one library from two threads at once
    // (FreeType's FT_Library documentation), which two documents drawing at once would do.
    PdfDocument pdf(pdf_path);
    PreflightOptions preflight_options = options.preflight;
    preflight_options.images = PreflightOptions::Images::Skip;
    preflight_options.words = PreflightOptions::Words::Skip;  // counted from the display list below
    std::future<void> preflighted = std::async(std::launch::async, [&pdf_path, preflight_options, &report] {
        core::back_thread_heap_with_huge_pages();
        const PdfDocument own(pdf_path);
        preflight(own, preflight_options, report);
    });
    std::vector<SheetPage> sheet_pages;
    try {
        sheet_pages = write_page_images(pdf, dir, options.images);
    } catch (...) {
        preflighted.wait();  // it reads pdf_path and writes report: never left running
        throw;
    }
    preflighted.get();
    report.stats.words = words;
    report.stats.reading_minutes = reading_minutes(words);
    report.sort();

    ContactSheet sheet;
    sheet.title = "Proof: " + (article.meta.title.empty() ? stamp.article_id : article.meta.title);
    sheet.subtitle = stamp.article_id + " \u00B7 " + stamp.round + " \u00B7 source " + stamp.checksum + " \u00B7 layout " +
                     layout.name;
    sheet.links = {{"proof.pdf", "proof.pdf"}, {"report.txt", "report.txt"}, {"report.json", "report.json"}};
    sheet.layout = layout.page.facing == style::Facing::Spread ? Layout::Spreads : Layout::Single;
    sheet.pages = std::move(sheet_pages);
    write_report_files(dir, report, sheet);
    result.pages = pdf.page_count();
    staged.commit();
    return result;
}

ProofResult build_pdf_proof(const fs::path& pdf_path, const fs::path& out_dir, const ProofOptions& options) {
    ProofResult result;
    result.folder = out_dir;
    Report& report = result.report;
    PdfDocument pdf(pdf_path);
    report.title = "Proof of " + pdf_path.filename().string();
    report.subject = pdf_path.string();
    preflight(pdf, options.preflight, report);

    StagedFolder staged(out_dir, "report.json");
    ContactSheet sheet;
    sheet.title = "Proof: " + pdf_path.filename().string();
    sheet.subtitle = "preflight of a supplied PDF";
    std::error_code ec;
    const fs::path link = fs::relative(fs::absolute(pdf_path), fs::absolute(out_dir), ec);
    sheet.links = {{pdf_path.filename().string(), ec ? fs::absolute(pdf_path).string() : link.string()},
                   {"report.txt", "report.txt"},
                   {"report.json", "report.json"}};
    sheet.pages = write_page_images(pdf, staged.path(), options.images);
    write_report_files(staged.path(), report, sheet);
    result.pages = pdf.page_count();
    staged.commit();
    return result;
}

}  // namespace quire::proof
