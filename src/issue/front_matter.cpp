#include "issue/front_matter.hpp"

#include "issue/labels.hpp"
#include "page/blocks.hpp"
#include "page/display_lines.hpp"
#include "page/image.hpp"
#include "page/styled.hpp"
#include "text/display_date.hpp"

#include <algorithm>
#include <cmath>

namespace quire::issue {

namespace {

// A line scaled to fit is set this much narrower than the exact fit, so that rounding in shaping
// at the new size cannot push it over the measure (a tolerance, not design).
constexpr double kFitSafety = 0.995;

// Sets text on one page of the issue's own matter, in the layout's named styles.
class PageSetter {
public:
    PageSetter(const FrontMatterContext& c, page::Page& page) : c_(c), page_(page), lang_(c.issue.lang) {}

    // Sets `text` in `style_name` across `width` from the top `y` (the style's space before first);
    // returns the bottom of the last line (after the style's space after). `align` overrides the style's.
    double paragraph(const std::string& text, const std::string& style_name, double x, double y, double width,
                     const std::string& role, std::optional<style::Align> align = std::nullopt) {
        if (text.empty()) return y;
        style::ParagraphStyle s = c_.layout.style(style_name);
        if (align) s.align = *align;
        return set(page::styled_text(text, s, lang_), s, style_name, x, y, width, role);
    }

    // As paragraph, for display lines (contents titles, cover lines): broken by balance and sense,
    // as the articles' titles are (page/display_lines.hpp), unless the style is justified.
    double display(const std::string& text, const std::string& style_name, double x, double y, double width,
                   const std::string& role, std::optional<style::Align> align = std::nullopt) {
        if (text.empty()) return y;
        style::ParagraphStyle s = c_.layout.style(style_name);
        if (align) s.align = *align;
        return set(balanced(text, s, width), s, style_name, x, y, width, role);
    }

    // The display paragraph as display() sets it, for measuring before setting.
    linebreak::SetParagraph set_display(const std::string& text, const std::string& style_name, double width,
                                        std::optional<style::Align> align = std::nullopt) {
        style::ParagraphStyle s = c_.layout.style(style_name);
        if (align) s.align = *align;
        return page::set_in_style(balanced(text, s, width), s, width, c_.fonts, c_.diagnostics);
    }

    // As paragraph, on one line: the style's size and leading scaled down (to no less than `smallest`
    // of them) until the text fits `width`. A masthead is one line, whatever the name's length.
    double one_line(const std::string& text, const std::string& style_name, double x, double y, double width,
                    const std::string& role, double smallest) {
        if (text.empty()) return y;
        style::ParagraphStyle s = c_.layout.style(style_name);
        const double natural = line_width(text, style_name);
        if (natural > width) {
            const double k = std::max(smallest, width / natural * kFitSafety);
            s.size = Length::pt(s.size.pt() * k);
            s.leading = Length::pt(s.leading.pt() * k);
        }
        return set(page::styled_text(text, s, lang_), s, style_name, x, y, width, role);
    }

    double blocks(const std::vector<model::Block>& content, const std::string& style_name, double x, double y,
                  double width) {
        const style::ParagraphStyle& s = c_.layout.style(style_name);
        for (const model::Block& b : content)
            y = set(page::styled_paragraph(b.content, s, c_.layout, b.lang.empty() ? lang_ : b.lang), s, style_name, x, y,
                    width, "P");
        return y;
    }

    // One line, right-aligned so that it ends at `right`; returns its width.
    double line_right(const std::string& text, const std::string& style_name, double right, double baseline,
                      const std::string& role) {
        const style::ParagraphStyle& s = c_.layout.style(style_name);
        linebreak::SetLine line = linebreak::set_single_line(page::styled_text(text, s, lang_), c_.fonts, c_.diagnostics);
        const double w = line.width_pt;
        emit(line, right - w, baseline, s.color, role);
        return w;
    }

    double line_width(const std::string& text, const std::string& style_name) {
        const style::ParagraphStyle& s = c_.layout.style(style_name);
        return linebreak::set_single_line(page::styled_text(text, s, lang_), c_.fonts, c_.diagnostics).width_pt;
    }

    void emit(linebreak::SetLine& line, double x, double baseline, const style::Color& color, const std::string& role) {
        for (auto& run : line.runs)
            if (!run.glyphs.empty())
                page_.items.push_back(page::TextItem{std::move(run), x + line.x_offset_pt, baseline, color, role, group_});
        line.runs.clear();
    }

private:
    text::StyledParagraph balanced(const std::string& text, const style::ParagraphStyle& s, double width) {
        text::StyledParagraph p = page::styled_text(text, s, lang_);
        if (s.align == style::Align::Justify) return p;
        page::no_negative_tracking_on_capitals(p);
        return page::balance_display_lines(p, width, c_.fonts);
    }

    double set(const text::StyledParagraph& p, const style::ParagraphStyle& s, const std::string& style_name, double x,
               double y, double width, const std::string& role) {
        (void)style_name;
        linebreak::SetParagraph set = page::set_in_style(p, s, width, c_.fonts, c_.diagnostics);
        const double lead = s.leading.pt();
        double baseline = y + s.space_before.pt() + page::kLineAscent * lead;
        double last = baseline;
        ++group_;
        for (auto& line : set.lines) {
            emit(line, x, baseline, s.color, role);
            last = baseline;
            baseline += lead;
        }
        return last + page::kLineDepth * lead + s.space_after.pt();
    }

    const FrontMatterContext& c_;
    page::Page& page_;
    std::string lang_;
    int group_ = 0;
};

Rect rect_pt(double x, double y, double w, double h) {
    return Rect{Length::pt(x), Length::pt(y), Length::pt(w), Length::pt(h)};
}

// The image scaled to fill `frame`, cropped about its centre.
page::ImageItem fill_frame(std::shared_ptr<const page::Image> image, const Rect& frame, std::string alt) {
    const double scale = std::max(frame.width.pt() / image->width, frame.height.pt() / image->height);
    const double w = image->width * scale, h = image->height * scale;
    const Rect placed = rect_pt(frame.x.pt() + (frame.width.pt() - w) / 2, frame.y.pt() + (frame.height.pt() - h) / 2, w, h);
    return page::ImageItem{std::move(image), frame, placed, std::move(alt)};
}

}  // namespace

std::string barcode_addon(const std::string& sequence) {
    // The EAN-2 add-on carries the issue within its cycle (GS1: "the issue number"); a running number
    // past 99 wraps, as news trade does. No sequence, no add-on.
    if (sequence.empty()) return {};
    const std::string last = sequence.size() >= 2 ? sequence.substr(sequence.size() - 2) : "0" + sequence;
    return last;
}

page::Page lay_out_cover(const FrontMatterContext& c) {
    const style::PageGeometry& g = c.layout.page;
    const style::IssueMakeUp& m = c.layout.issue;
    page::Page cover;
    cover.number = 1;
    cover.label = "1";
    cover.side = page::PageSide::Right;
    PageSetter set(c, cover);
    const double bleed = g.bleed.pt(), w = g.trim.width.pt(), h = g.trim.height.pt();
    const double inside = g.margin_outside.pt();  // the cover has no spine side worth a wider margin
    const double band_top = m.masthead_height.pt(), band_bottom = m.cover_lines_height.pt();
    const style::Color accent = c.layout.style("section-label").color;
    const style::Color dark = c.layout.style("text").color;

    // The photo fills the page to the bleed; the bands sit over it.
    if (!c.issue.cover.image_path.empty()) {
        auto image = page::load_image(c.issue.cover.image_path, c.issue.cover.where);
        const std::string alt = c.issue.cover.lines.empty() ? c.publication.name : c.issue.cover.lines.front();
        cover.items.push_back(fill_frame(image, rect_pt(-bleed, -bleed, w + 2 * bleed, h + 2 * bleed), alt));
    } else {
        cover.items.push_back(page::BoxItem{rect_pt(-bleed, -bleed, w + 2 * bleed, h + 2 * bleed), dark});
    }
    cover.items.push_back(page::BoxItem{rect_pt(-bleed, h - band_bottom, w + 2 * bleed, band_bottom + bleed), dark});

    // Masthead: the name on one line (smaller for a long name), the issue and date under it, on a
    // band at least the layout's height and as deep as its text needs.
    const std::size_t band_at = cover.items.size();
    const double text_w = w - 2 * inside;
    double y = g.margin_top.pt() * m.masthead_top;
    y = set.one_line(c.publication.name, "cover-masthead", inside, y, text_w, "H1", m.masthead_min_scale);
    std::string issue_line = c.issue.number;
    if (!c.issue.date.empty()) issue_line += "  ·  " + text::display_date(c.issue.date, c.issue.lang);
    y = set.paragraph(issue_line, "cover-issue", inside, y, text_w, "P");
    const double band_depth = std::max(band_top, y + g.margin_top.pt() * m.masthead_bottom);
    cover.items.insert(cover.items.begin() + static_cast<std::ptrdiff_t>(band_at),
                       page::BoxItem{rect_pt(-bleed, -bleed, w + 2 * bleed, band_depth + bleed), accent});

    // The barcode's white box at the bottom right, the price above it; the cover lines beside it.
    const double code_w = m.barcode_width.pt(), code_h = m.barcode_height.pt();
    const double code_x = w - inside - code_w, code_y = h - g.margin_bottom.pt() * m.barcode_bottom - code_h;
    const bool has_code = !c.publication.issn_print.empty();
    double lines_right = w - inside;
    if (has_code || !c.issue.cover.price.empty()) {
        const double pad = m.barcode_padding.pt();
        const double price_h = c.issue.cover.price.empty() ? 0 : c.layout.style("cover-price").leading.pt() + m.price_gap.pt();
        const double box_top = code_y - price_h - pad;
        cover.items.push_back(page::BoxItem{rect_pt(code_x - pad, box_top, code_w + 2 * pad,
                                                    h - box_top - g.margin_bottom.pt() * m.barcode_bottom + pad),
                                            style::color_from_cmyk(style::Cmyk{})});  // paper: no ink
        if (!c.issue.cover.price.empty())
            set.paragraph(c.issue.cover.price, "cover-price", code_x, box_top + m.price_inset.pt(), code_w, "P",
                          style::Align::Right);
        if (has_code)
            cover.items.push_back(page::BarcodeItem{rect_pt(code_x, code_y, code_w, code_h), c.publication.issn_print,
                                                    barcode_addon(c.issue.sequence), "00"});
        lines_right = code_x - m.cover_lines_gap.pt();
    }
    double line_y = h - band_bottom + m.cover_lines_top.pt();
    for (const std::string& line : c.issue.cover.lines)
        line_y = set.display(line, "cover-line", inside, line_y, lines_right - inside, "P");
    if (line_y > h - g.margin_bottom.pt() * m.cover_lines_bottom)
        c.diagnostics.warning(c.issue.cover.where, "the cover lines run past the bottom band; shorten them or make "
                                                   "the layout's cover-lines-height larger");
    return cover;
}

std::vector<page::Page> lay_out_contents(const FrontMatterContext& c, const std::vector<ContentsEntry>& entries) {
    const style::PageGeometry& g = c.layout.page;
    const style::IssueMakeUp& m = c.layout.issue;
    std::vector<page::Page> pages(1);
    const double x = g.margin_inside.pt();  // a right-hand page
    const double text_w = g.text_width().pt();
    const double bottom = (g.margin_top + g.text_height()).pt();
    auto setter = std::make_unique<PageSetter>(c, pages.back());
    double y = g.margin_top.pt();
    y = setter->paragraph(label(Label::Contents, c.issue.lang), "contents-heading", x, y, text_w, "H1");
    std::string issue_line = c.publication.name + "  ·  " + c.issue.number;
    y = setter->paragraph(issue_line, "contents-issue", x, y, text_w, "P");

    const double number_w = setter->line_width("000", "contents-page") + m.contents_number_gap.pt();
    const double title_w = text_w * m.contents_title_width;
    const double title_lead = c.layout.style("contents-title").leading.pt();
    const double author_lead = c.layout.style("contents-author").leading.pt();
    std::string section;
    for (const ContentsEntry& e : entries) {
        const int title_lines =
            static_cast<int>(setter->set_display(e.title, "contents-title", title_w, style::Align::Left).lines.size());
        double need = title_lines * title_lead + (e.authors.empty() ? 0 : author_lead) + m.contents_entry_gap.pt();
        if (e.section != section) need += c.layout.style("contents-section").leading.pt() + m.contents_section_room.pt();
        if (y + need > bottom) {  // onto a further contents page
            pages.emplace_back();
            setter = std::make_unique<PageSetter>(c, pages.back());
            y = g.margin_top.pt();
            section.clear();
        }
        if (e.section != section) {
            y = setter->paragraph(e.section, "contents-section", x, y, text_w, "H2");
            section = e.section;
        }
        const double title_top = y;
        y = setter->display(e.title, "contents-title", x, y, title_w, "P", style::Align::Left);
        // The page number on the title's last line, right-aligned; dot leaders between.
        const double last_baseline = title_top + page::kLineAscent * title_lead + (title_lines - 1) * title_lead;
        const std::string number = std::to_string(e.page);
        const double nw = setter->line_right(number, "contents-page", x + text_w, last_baseline, "P");
        (void)nw;
        const linebreak::SetParagraph set = setter->set_display(e.title, "contents-title", title_w, style::Align::Left);
        const double title_end = x + (set.lines.empty() ? 0 : set.lines.back().width_pt) + m.contents_leader_gap.pt();
        const double leader_end = x + text_w - number_w;
        const double dot_w = setter->line_width(".", "contents-leader");
        if (dot_w > 0 && leader_end - title_end > m.contents_leader_min * dot_w) {
            // Dots on a fixed pitch from the right, so that leaders line up from entry to entry.
            const int dots = static_cast<int>((leader_end - title_end) / dot_w);
            setter->line_right(std::string(static_cast<std::size_t>(dots), '.'), "contents-leader", leader_end,
                               last_baseline, "Artifact");
        }
        if (!e.authors.empty())
            y = setter->paragraph(e.authors, "contents-author", x, y - m.contents_author_rise.pt(), title_w, "P");
        y += m.contents_entry_gap.pt();
    }
    return pages;
}

page::Page lay_out_impressum(const FrontMatterContext& c, const std::vector<model::Block>* donation) {
    const style::PageGeometry& g = c.layout.page;
    page::Page page;
    PageSetter set(c, page);
    // A left-hand page: the text area starts at the outside margin. One column, the first.
    const double x = g.margin_outside.pt();
    const double w = g.column_width().pt();
    double y = g.margin_top.pt();
    const model::Publication& p = c.publication;
    const std::string& lang = c.issue.lang;
    y = set.paragraph(p.name + " " + c.issue.number, "impressum-heading", x, y, w, "H1");
    auto row = [&](Label l, const std::string& value) {
        if (value.empty()) return;
        y = set.paragraph(label(l, lang), "impressum-label", x, y, w, "P");
        y = set.paragraph(value, "impressum", x, y, w, "P");
    };
    row(Label::Publisher, p.publisher);
    if (!p.editors.empty()) {
        y = set.paragraph(label(Label::Editors, lang), "impressum-label", x, y, w, "P");
        for (const auto& e : p.editors)
            y = set.paragraph(e.role.empty() ? e.name : e.role + ": " + e.name, "impressum", x, y, w, "P");
    }
    row(Label::Address, p.address);
    row(Label::IssnPrint, p.issn_print);
    row(Label::IssnOnline, p.issn_online);
    row(Label::Printer, p.printer);
    row(Label::Website, p.site_url);
    if (!p.copyright.empty())
        y = set.paragraph(p.copyright, "impressum", x, y + c.layout.issue.impressum_copyright_gap.pt(), w, "P");
    if (donation && !donation->empty()) {
        // The magazine's voice in the second column, in the notice's tinted box.
        const style::ParagraphStyle& ns = c.layout.style("notice");
        const double nx = x + w + g.gutter.pt();
        const double pad = ns.padding.pt();
        const std::size_t before = page.items.size();
        double ny = set.paragraph(label(Label::Support, lang), "impressum-label", nx + pad, g.margin_top.pt() + pad, w - 2 * pad, "P");
        ny = set.blocks(*donation, "notice", nx + pad, ny, w - 2 * pad);
        if (ns.background)
            page.items.insert(page.items.begin() + static_cast<std::ptrdiff_t>(before),
                              page::BoxItem{rect_pt(nx, g.margin_top.pt(), w, ny - g.margin_top.pt() + pad), *ns.background});
    }
    if (y > (g.margin_top + g.text_height()).pt())
        c.diagnostics.warning(SourceSpan{p.source_file}, "the impressum runs past the foot of its page");
    return page;
}

}  // namespace quire::issue
