#include "proof/proof_overlay.hpp"

#include "linebreak/paragraph_setter.hpp"

#include <glib.h>

#include <algorithm>

namespace quire::proof {

namespace {

// Inter for the marks: the house's label face, clearly not part of the page's text.
text::FontSpec mark_font(double size, int weight) {
    text::FontSpec spec;
    spec.family = "Inter";
    spec.weight = weight;
    spec.size_pt = size;
    spec.features = {"tnum"};  // tabular figures: line numbers align on the right
    return spec;
}

linebreak::SetLine set_text(const std::string& text, const text::FontSpec& font, text::FontCollection& fonts,
                            Diagnostics& diagnostics) {
    text::StyledParagraph paragraph;
    paragraph.spans.push_back(text::StyledSpan{text, font, "en", "", SourceSpan{"proof stamp"}});
    paragraph.lang = "en";
    return linebreak::set_single_line(paragraph, fonts, diagnostics);
}

void place_line(page::Page& page, const linebreak::SetLine& line, double x, double baseline, style::Color color) {
    for (const auto& run : line.runs) {
        page::TextItem item;
        item.run = run;
        item.x = x + line.x_offset_pt;
        item.y = baseline;
        item.color = color;
        item.role = "Artifact";
        page.items.emplace_back(std::move(item));
    }
}

}  // namespace

std::string stamp_text(const ProofStamp& stamp, int number, int count) {
    std::string out = stamp.article_id;
    if (!stamp.round.empty()) out += " \u00B7 " + stamp.round;
    if (!stamp.checksum.empty()) out += " \u00B7 source " + stamp.checksum;
    out += " \u00B7 p. " + std::to_string(number) + "/" + std::to_string(count);
    return out;
}

std::string short_checksum(const std::string& bytes) {
    gchar* hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
    std::string out = hex ? std::string(hex).substr(0, 8) : std::string();
    g_free(hex);
    return out;
}

void add_proof_overlays(page::PageDocument& doc, const ProofStamp& stamp, LineNumbers numbers, Diagnostics& diagnostics) {
    if (!doc.fonts) return;
    text::FontCollection& fonts = *doc.fonts;
    const auto& g = doc.geometry;
    const style::Color red{0.80, 0.10, 0.10, std::nullopt};
    const style::Color grey{0.45, 0.45, 0.45, std::nullopt};
    const double bleed = g.bleed.pt(), slug = g.slug.pt();
    // The stamp sits in the slug, outside the bleed, so it is cut off with it. A layout without a
    // slug gets it in the top margin instead, above the running head.
    const double stamp_baseline = slug >= 12 ? -bleed - slug * 0.38 : g.margin_top.pt() * 0.3;
    const int count = static_cast<int>(doc.pages.size());
    const linebreak::SetLine proof_mark = set_text("PROOF", mark_font(8, 700), fonts, diagnostics);
    for (int i = 0; i < count; ++i) {
        page::Page& page = doc.pages[static_cast<std::size_t>(i)];
        place_line(page, proof_mark, 0, stamp_baseline, red);
        const linebreak::SetLine line = set_text(stamp_text(stamp, i + 1, count), mark_font(6.5, 400), fonts, diagnostics);
        place_line(page, line, proof_mark.width_pt + 6, stamp_baseline, grey);
    }
    if (numbers == LineNumbers::None) return;
    // Numbers left of the first column and right of the last (lineno's "switch" layout in a
    // two-column page): the gutter stays clear, and each number sits on its line's baseline.
    int last_column = 0;
    for (const auto& rec : doc.lines) last_column = std::max(last_column, rec.column);
    const double gap = 7.0;  // points between the column and its numbers
    for (const auto& rec : doc.lines) {
        if (rec.page < 0 || rec.page >= count) continue;
        const linebreak::SetLine number = set_text(std::to_string(rec.line_in_column), mark_font(5.5, 400), fonts, diagnostics);
        const bool right = last_column > 0 && rec.column == last_column;
        const double x = right ? rec.x + rec.width + gap : rec.x - gap - number.width_pt;
        place_line(doc.pages[static_cast<std::size_t>(rec.page)], number, x, rec.baseline, grey);
    }
}

}  // namespace quire::proof
