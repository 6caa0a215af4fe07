#include "page/epub_cover.hpp"

#include "page/blocks.hpp"
#include "page/styled.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace quire::page {

namespace {

// The drawn cover's design (the one quire's EPUB cover has had since issue 3), as fractions of the
// image's width (w) and height (h), so that any size keeps it. The layouts' styles give the faces,
// features, tracking and colours; these give the sizes and places, which a 2:3 screen image needs
// and a print layout does not have. Candidates for a <cover> element in layouts/*.xml.
struct CoverDesign {
    double margin = 0.09;          // w: left and right margins, and the date's baseline above the foot
    double band = 0.018;           // h: the accent band at the head (the section label's colour)
    double name_size = 0.052;      // w: the magazine's name, spaced capitals …
    double name_baseline = 0.11;   // h: … on this baseline
    double rule_top = 0.135;       // h: the rule under the name …
    double rule_thickness = 0.003; // w: … this thick (at least 2 px)
    double section_size = 0.026;   // w: the section label …
    double section_baseline = 0.19;  // h: … on this baseline
    double title_top = 0.30;       // h: the title's first line box starts here
    double title_size = 0.10;      // w: the title's largest size …
    double title_shrink = 0.93;    // … tried smaller by this factor until it fits
    double title_small = 0.035;    // w: below this size the title may take more than `title_lines`
    int title_lines = 6;
    double title_gap = 0.6;        // title sizes between the title's last line box and the byline
    double byline_top = 0.62;      // h: the byline's baseline at the highest
    double byline_size = 0.045;    // w
    double byline_leading = 1.3;   // byline sizes
    int byline_lines = 3;          // more: the byline shrinks
    double date_size = 0.03;       // w: in the byline face, the accent colour, at the foot
};
constexpr CoverDesign kDesign;

// Paper: a warm off-white, so that the cover reads as a printed page in a reading app's library
// (a white cover vanishes on a white shelf).
constexpr double kPaper[3] = {0.965, 0.949, 0.918};

// `s` at `size_pt` with its leading in the same proportion, set flush left without indents.
style::ParagraphStyle at_size(const style::ParagraphStyle& s, double size_pt, double leading_pt) {
    style::ParagraphStyle out = s;
    out.size = Length::pt(size_pt);
    out.leading = Length::pt(leading_pt);
    out.align = style::Align::Left;
    out.first_indent = out.left_indent = out.right_indent = Length::pt(0);
    return out;
}

// Widths closer than this (px) to the measure fit it: shaping's rounding, not design.
constexpr double kFitTolerance = 0.01;
// A line scaled down to fit is aimed this much under the measure, so that rounding at the new size
// does not leave it a hair too wide; at most this many tries.
constexpr double kShrinkSafety = 0.999;
constexpr int kShrinkTries = 3;

bool fits_measure(const linebreak::SetParagraph& set, double measure) {
    return std::none_of(set.lines.begin(), set.lines.end(), [&](const linebreak::SetLine& l) {
        return l.overfull || l.natural_width_pt > measure + kFitTolerance;
    });
}

class CoverLayout {
public:
    CoverLayout(const CoverText& text, const style::Layout& layout, std::shared_ptr<text::FontCollection> fonts,
                CoverSize size, Diagnostics& diagnostics)
        : t_(text), l_(layout), fonts_(std::move(fonts)), d_(diagnostics), w_(size.width), h_(size.height),
          lang_(text.lang.empty() ? "en" : text.lang) {}

    PageDocument run() {
        const style::ParagraphStyle& label = l_.style("section-label");
        const double margin = w_ * kDesign.margin;
        const double measure = w_ - 2 * margin;

        page_.items.push_back(BoxItem{Rect{Length::pt(0), Length::pt(0), Length::pt(w_), Length::pt(h_)},
                                      style::Color{kPaper[0], kPaper[1], kPaper[2], std::nullopt}});
        page_.items.push_back(
            BoxItem{Rect{Length::pt(0), Length::pt(0), Length::pt(w_), Length::pt(h_ * kDesign.band)}, label.color});

        // The magazine's name: spaced capitals in the label face, as wide as the measure at most.
        style::ParagraphStyle name = label;
        name.text_case = style::TextCase::Upper;
        single_line(t_.magazine, name, w_ * kDesign.name_size, margin, h_ * kDesign.name_baseline, measure, "P");
        page_.items.push_back(BoxItem{Rect{Length::pt(margin), Length::pt(h_ * kDesign.rule_top), Length::pt(measure),
                                           Length::pt(std::max(2.0, w_ * kDesign.rule_thickness))},
                                      label.color});
        single_line(t_.section, label, w_ * kDesign.section_size, margin, h_ * kDesign.section_baseline, measure, "P");

        // The byline first: the title takes the room above it.
        const style::ParagraphStyle& byline_style = l_.style("byline");
        const double date_px = w_ * kDesign.date_size;
        const double foot = h_ - margin - 2 * date_px;  // the byline's last baseline at the lowest
        double byline_px = w_ * kDesign.byline_size;
        linebreak::SetParagraph byline;
        for (;; byline_px *= kDesign.title_shrink) {
            byline = set(t_.author, at_size(byline_style, byline_px, byline_px * kDesign.byline_leading), measure);
            if ((static_cast<int>(byline.lines.size()) <= kDesign.byline_lines && fits_measure(byline, measure)) ||
                byline_px < 2)
                break;
        }
        const double byline_lead = byline_px * kDesign.byline_leading;
        const double byline_depth = byline.lines.empty() ? 0 : (static_cast<double>(byline.lines.size()) - 1) * byline_lead;

        // The title: the largest size whose lines fit the measure, at most `title_lines` of them
        // (any number once small), ending above the byline.
        const style::ParagraphStyle& title_style = l_.style("title");
        const double leading_ratio = title_style.leading.pt() / title_style.size.pt();
        const double top = h_ * kDesign.title_top;
        double title_px = w_ * kDesign.title_size;
        linebreak::SetParagraph title;
        double byline_y = h_ * kDesign.byline_top;
        for (;; title_px *= kDesign.title_shrink) {
            title = set(t_.title, at_size(title_style, title_px, title_px * leading_ratio), measure);
            const double lead = title_px * leading_ratio;
            const double last = top + title_px + (static_cast<double>(title.lines.size()) - 1) * lead;
            byline_y = std::max(last + lead + title_px * kDesign.title_gap, h_ * kDesign.byline_top);
            const bool few = static_cast<int>(title.lines.size()) <= kDesign.title_lines || title_px < w_ * kDesign.title_small;
            if ((few && fits_measure(title, measure) && byline_y + byline_depth <= foot) || title_px < 2) break;
        }
        emit(title, margin, top + title_px, title_px * leading_ratio, title_style.color, "H1");
        emit(byline, margin, byline_y, byline_lead, byline_style.color, "P");
        if (!t_.date.empty()) single_line(t_.date, byline_style, date_px, margin, h_ - margin, measure, "P", label.color);

        PageDocument doc;
        doc.geometry.trim = Size{Length::pt(w_), Length::pt(h_)};
        doc.geometry.bleed = doc.geometry.slug = Length::pt(0);
        doc.geometry.facing = style::Facing::Single;
        doc.geometry.columns = 1;
        doc.geometry.margin_top = doc.geometry.margin_bottom = Length::pt(margin);
        doc.geometry.margin_inside = doc.geometry.margin_outside = Length::pt(margin);
        doc.info.title = t_.title;
        doc.info.author = t_.author;
        doc.info.lang = lang_;
        doc.fonts = fonts_;
        page_.label = "cover";
        doc.pages.push_back(std::move(page_));
        return doc;
    }

private:
    linebreak::SetParagraph set(const std::string& text, const style::ParagraphStyle& s, double measure) {
        if (text.empty()) return {};
        return set_in_style(styled_text(text, s, lang_), s, measure, *fonts_, d_, 0, 0, true);
    }

    void emit(linebreak::SetParagraph& set, double x, double first_baseline, double lead, const style::Color& color,
              const std::string& role) {
        const int group = ++groups_;
        double baseline = first_baseline;
        for (auto& line : set.lines) {
            for (auto& run : line.runs)
                if (!run.glyphs.empty())
                    page_.items.push_back(TextItem{std::move(run), x + line.x_offset_pt, baseline, color, role, group, 1});
            baseline += lead;
        }
    }

    // One line that does not break, at `size_px` or smaller so as to fit `measure`.
    void single_line(const std::string& text, const style::ParagraphStyle& s, double size_px, double x, double baseline,
                     double measure, const std::string& role, std::optional<style::Color> color = std::nullopt) {
        if (text.empty()) return;
        style::ParagraphStyle sized = at_size(s, size_px, size_px);
        linebreak::SetLine line = linebreak::set_single_line(styled_text(text, sized, lang_), *fonts_, d_);
        // Width grows with the size (tracking is in em too): scale down, at most thrice for rounding.
        for (int i = 0; i < kShrinkTries && line.width_pt > measure; ++i) {
            sized = at_size(s, sized.size.pt() * measure / line.width_pt * kShrinkSafety, size_px);
            line = linebreak::set_single_line(styled_text(text, sized, lang_), *fonts_, d_);
        }
        linebreak::SetParagraph one;
        one.lines.push_back(std::move(line));
        emit(one, x, baseline, 0, color ? *color : s.color, role);
    }

    const CoverText& t_;
    const style::Layout& l_;
    std::shared_ptr<text::FontCollection> fonts_;
    Diagnostics& d_;
    double w_, h_;
    std::string lang_;
    Page page_;
    int groups_ = 0;
};

}  // namespace

PageDocument lay_out_epub_cover(const CoverText& text, const style::Layout& layout,
                                std::shared_ptr<text::FontCollection> fonts, CoverSize size, Diagnostics& diagnostics) {
    return CoverLayout(text, layout, std::move(fonts), size, diagnostics).run();
}

}  // namespace quire::page
