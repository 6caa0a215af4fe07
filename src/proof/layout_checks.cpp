#include "proof/layout_checks.hpp"

#include "proof/checks_initial.hpp"
#include "proof/checks_display.hpp"
#include "proof/checks_lines.hpp"
#include "proof/checks_makeup.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace quire::proof {

namespace {

// Line records place lines in trim coordinates; the sheet wants the page as drawn.
Rect line_box(const page::LineRecord& line, const style::PageGeometry& g, double size_pt = 9.5) {
    const double off = g.trim_offset().pt();
    return Rect{Length::pt(line.x + off), Length::pt(line.baseline + off - size_pt * 0.75),
                Length::pt(std::max(line.width, 12.0)), Length::pt(size_pt)};
}

void check_lines(const page::PageDocument& doc, const style::Layout& layout, const LayoutCheckOptions& options,
                 Report& report) {
    const auto& g = doc.geometry;
    std::vector<const page::LineRecord*> lines;
    for (const auto& l : doc.lines) lines.push_back(&l);
    // Reading order down each column, so that ladders are counted as the reader sees them.
    std::stable_sort(lines.begin(), lines.end(), [](const auto* a, const auto* b) {
        return std::tie(a->page, a->column, a->line_in_column) < std::tie(b->page, b->column, b->line_in_column);
    });
    auto justified = [&](const std::string& style) {
        auto it = layout.styles.find(style);
        return it == layout.styles.end() || it->second.align == style::Align::Justify;
    };

    std::size_t ladder_start = 0;
    int ladder = 0;
    auto end_ladder = [&](std::size_t end) {
        if (ladder > options.max_hyphen_ladder) {
            report.add(Severity::Warning, "hyphen-ladder", line_place(*lines[ladder_start], g),
                       std::to_string(ladder) + " hyphenated lines in a row (limit " +
                           std::to_string(options.max_hyphen_ladder) + "), ending at l. " +
                           std::to_string(lines[end - 1]->line_in_column));
        }
        ladder = 0;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const page::LineRecord& line = *lines[i];
        const Place place = line_place(line, g);
        if (line.overfull)
            report.add(Severity::Warning, "overfull-line", place,
                       "overfull line (wider than the column): \u201C" + excerpt(line.text) + "\u201D");
        if (line.broken_word && !line.overfull)
            report.add(Severity::Warning, "broken-word", place,
                       "a word wider than the column broken where it has no break point, without a hyphen: \u201C" +
                           excerpt(line.text) + "\u201D");
        const bool last_of_paragraph = line.line_in_paragraph == line.paragraph_lines;
        if (!line.overfull && !last_of_paragraph && justified(line.style) && line.ratio > options.loose_ratio)
            report.add(Severity::Warning, "loose-line", place,
                       "very loose line (ratio " + format_number("%.2f", line.ratio) + "): \u201C" + excerpt(line.text) + "\u201D");
        if (line.widow)
            report.add(Severity::Warning, "widow", place,
                       "widow: the last line of a paragraph alone at the top of the column: \u201C" +
                           excerpt(line.text) + "\u201D");
        if (line.orphan)
            report.add(Severity::Warning, "orphan", place,
                       "orphan: the first line of a paragraph alone at the foot of the column: \u201C" +
                           excerpt(line.text) + "\u201D");
        // A ladder runs down one column.
        const bool continues = i > 0 && lines[i - 1]->page == line.page && lines[i - 1]->column == line.column;
        if (!continues || !line.hyphenated) end_ladder(i);
        if (line.hyphenated) {
            if (ladder == 0) ladder_start = i;
            ++ladder;
        }
    }
    end_ladder(lines.size());
}

void check_items(const page::PageDocument& doc, const LayoutCheckOptions& options, Report& report) {
    const double off = doc.geometry.trim_offset().pt();
    // Families some family names as a fallback: text in them is a fallback font at work.
    std::set<std::string> fallbacks;
    if (doc.fonts)
        for (const auto& family : doc.fonts->table().families())
            for (const auto& f : family.fallbacks) fallbacks.insert(f.family);

    // Which body line a text item sets (same page, same baseline, within its measure): the place
    // given to a missing glyph, as the proof's line numbers show it.
    auto line_of = [&](int page, const page::TextItem& t, Place& place) {
        for (const auto& rec : doc.lines) {
            if (rec.page != page || std::abs(rec.baseline - t.y) > 0.5) continue;
            if (t.x + t.run.x_start_pt < rec.x - 1 || t.x + t.run.x_start_pt > rec.x + rec.width + 1) continue;
            place.column = rec.column + 1;
            place.line = rec.line_in_column;
            return;
        }
    };
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        std::map<std::string, std::vector<std::string>> fallback_samples;
        std::map<std::string, Rect> fallback_box;
        for (const page::Item& item : doc.pages[p].items) {
            if (const auto* text = std::get_if<page::TextItem>(&item)) {
                const auto& run = text->run;
                for (const auto& glyph : run.glyphs) {
                    if (glyph.id != 0) continue;
                    Place place;
                    place.page = static_cast<int>(p) + 1;
                    place.box = Rect{Length::pt(text->x + glyph.x_pt + off), Length::pt(text->y + off - run.size_pt * 0.8),
                                     Length::pt(run.size_pt * 0.6), Length::pt(run.size_pt)};
                    line_of(static_cast<int>(p), *text, place);
                    std::string what = "a character";
                    if (glyph.cluster < run.text.size()) {
                        const char* c = run.text.c_str() + glyph.cluster;
                        const gunichar u = g_utf8_get_char_validated(c, -1);
                        char code[16];
                        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(u));
                        const char* next = g_utf8_next_char(c);
                        what = std::string(code) + " \u201C" + std::string(c, static_cast<std::size_t>(next - c)) + "\u201D";
                    }
                    report.add(Severity::Error, "missing-glyph", place,
                               "no font has " + what + " (in \u201C" + excerpt(run.text, 30) + "\u201D): it prints as a box");
                }
                if (run.font && fallbacks.count(run.font->family())) {
                    auto& samples = fallback_samples[run.font->family()];
                    if (samples.empty())
                        fallback_box[run.font->family()] =
                            Rect{Length::pt(text->x + run.x_start_pt + off), Length::pt(text->y + off - run.size_pt * 0.8),
                                 Length::pt(std::max(run.width_pt, 6.0)), Length::pt(run.size_pt)};
                    if (samples.size() < 3) samples.push_back(excerpt(run.text, 24));
                }
            } else if (const auto* image = std::get_if<page::ImageItem>(&item)) {
                Place place;
                place.page = static_cast<int>(p) + 1;
                place.box = Rect{image->frame.x + Length::pt(off), image->frame.y + Length::pt(off), image->frame.width,
                                 image->frame.height};
                if (image->alt.empty())
                    report.add(Severity::Warning, "missing-alt", place,
                               "image without alt text (" +
                                   (image->image ? image->image->path.filename().string() : std::string("?")) +
                                   "): screen readers and the EPUB need one");
                if (image->image && image->placed.width.pt() > 0 && image->placed.height.pt() > 0) {
                    const double ppi = std::min(image->image->width / (image->placed.width.pt() / 72.0),
                                                image->image->height / (image->placed.height.pt() / 72.0));
                    if (ppi < options.warn_ppi)
                        report.add(ppi < options.error_ppi ? Severity::Error : Severity::Warning, "low-ppi", place,
                                   image->image->path.filename().string() + ": " + std::to_string(image->image->width) +
                                       " × " + std::to_string(image->image->height) + " px placed at " +
                                       format_number("%.0f", image->placed.width.mm()) + " × " +
                                       format_number("%.0f", image->placed.height.mm()) + " mm is " + format_number("%.0f", ppi) +
                                       " ppi (print needs " + format_number("%.0f", options.warn_ppi) + ")");
                }
            }
        }
        for (const auto& [family, samples] : fallback_samples) {
            Place place;
            place.page = static_cast<int>(p) + 1;
            place.box = fallback_box[family];
            std::string list;
            for (const auto& s : samples) list += (list.empty() ? "" : ", ") + ("\u201C" + s + "\u201D");
            report.add(Severity::Note, "fallback-font", place, "set in the fallback font " + family + ": " + list);
        }
    }
}

}  // namespace

Place line_place(const page::LineRecord& line, const style::PageGeometry& g) {
    Place p;
    p.page = line.page + 1;
    p.column = line.column + 1;
    p.line = line.line_in_column;
    p.box = line_box(line, g);
    return p;
}

std::string format_number(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string excerpt(const std::string& text, long max_chars) {
    if (g_utf8_strlen(text.c_str(), -1) <= max_chars) return text;
    std::string out(text.c_str(), static_cast<std::size_t>(g_utf8_offset_to_pointer(text.c_str(), max_chars - 1) - text.c_str()));
    return out + "…";
}

void check_layout(const page::PageDocument& doc, const style::Layout& layout, const LayoutCheckOptions& options,
                  Report& report) {
    check_lines(doc, layout, options, report);
    check_items(doc, options, report);
    check_initials(doc, layout, report);
    check_display(doc, report);
    check_line_defects(doc, layout, LineCheckOptions{}, report);
    check_makeup(doc, MakeUpCheckOptions{}, report);
}

int laid_out_words(const page::PageDocument& doc) {
    int words = 0;
    for (const auto& line : doc.lines) {
        bool in_word = false;
        for (char c : line.text) {
            const bool space = c == ' ' || c == '\t' || c == '\n';
            if (!space && !in_word) ++words;
            in_word = !space;
        }
        // A hyphenated line's last word goes on in the next line: count it once.
        if (line.hyphenated && in_word) --words;
    }
    return words;
}

}  // namespace quire::proof
