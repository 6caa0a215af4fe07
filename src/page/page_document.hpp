// The display list: pages of positioned glyph runs, images, rules and boxes, in the order they are
// drawn, plus the facts about every body line that the proof report reads. It is what page/ hands to
// render/ (PDF, PNG), and plain structs on purpose: the proof stage appends its overlays (PROOF mark,
// stamp, line numbers) as further items before rendering.
//
// Coordinates are points, origin at the top-left corner of the TRIM, y downwards (Cairo's). Items that
// bleed have negative coordinates or run past the trim; the slug (crop marks) lies further out.
#pragma once

#include "core/length.hpp"
#include "linebreak/paragraph_setter.hpp"
#include "page/image.hpp"
#include "style/layout.hpp"
#include "text/font_collection.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace quire::page {

// A glyph run on a baseline: glyph i is drawn at (x + run.glyphs[i].x_pt, y + run.glyphs[i].y_pt).
struct TextItem {
    linebreak::GlyphRun run;
    double x = 0, y = 0;       // the start of the line (x) and its baseline (y)
    style::Color color;
    std::string role;          // structure: "H1", "H2", "P", "Caption", "Artifact" (running heads, folios)
    int group = -1;            // items of one paragraph share a group: one structure element in the PDF
    double x_scale = 1;        // horizontal scaling of the glyphs' shapes (a loose line's, page/justify.hpp)
};

// An image scaled to `placed` and clipped to `frame` (cropping: `placed` may exceed `frame`).
struct ImageItem {
    std::shared_ptr<const Image> image;
    Rect frame;
    Rect placed;
    std::string alt;
};

struct RuleItem {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double thickness = 0.5;
    style::Color color;
};

struct BoxItem {
    Rect rect;
    style::Color fill;
};

// A clickable area (links in the text are found by the renderer from runs' href; this is for others).
struct LinkItem {
    Rect rect;
    std::string uri;
};

// The cover's ISSN barcode (EAN-13 with a 2-digit add-on), drawn as vectors by render/barcode.hpp.
struct BarcodeItem {
    Rect box;
    std::string issn;          // the print ISSN, "NNNN-NNNC"
    std::string addon;         // 2 digits: the issue number; "" = none
    std::string sequence = "00";  // the EAN's 2-digit price/variant code
};

using Item = std::variant<TextItem, ImageItem, RuleItem, BoxItem, LinkItem, BarcodeItem>;

enum class PageSide { Left, Right };

struct Page {
    int number = 1;              // the folio
    std::string label;           // page label ("1", "2", …)
    PageSide side = PageSide::Right;
    std::vector<Item> items;
    // A supplied PDF page (an ad) placed whole over this page by render/'s qpdf pass, its trim on the
    // page's trim: vector, fonts and colours as supplied. Empty for pages quire sets itself.
    std::filesystem::path placed_pdf;
    // A page of a PDF quire has already made (an article's own press PDF in an issue), taken over as
    // it is by render/'s qpdf pass: its content, resources and links replace this page's. The issue's
    // pages are then the articles' pages byte for byte, and articles are rendered once, in parallel.
    struct MadePage {
        std::shared_ptr<const std::string> pdf;
        int index = 0;  // 0-based page of `pdf`
    };
    std::optional<MadePage> made_page;
};

// One body line, as the proof report and the tests read it.
struct LineRecord {
    int page = 0;                // index into PageDocument::pages (0-based)
    int column = 0;              // 0-based
    int line_in_column = 0;      // 1-based, counted down the column
    int paragraph = 0;           // index of the paragraph in the flow (0-based)
    int line_in_paragraph = 0;   // 1-based
    int paragraph_lines = 0;     // how many lines its paragraph has
    std::string style;
    double x = 0, baseline = 0;  // trim coordinates, points
    double width = 0;            // the measure it was set to
    double natural_width = 0;    // the line's own width, before justification
    double ratio = 0;
    bool hyphenated = false;
    bool overfull = false;
    bool broken_word = false;    // ends inside a word wider than the measure, without a hyphen
    bool widow = false;          // the last line of a paragraph alone at the top of a column
    bool orphan = false;         // the first line of a paragraph alone at the foot of a column
    double letter_spacing = 0;   // points opened between letters of a loose line (page/justify.hpp); 0: none
    std::string text;
    SourceSpan where;            // the source element it was set from (for messages; not in dumps)
};

// An entry of the PDF's outline (bookmarks).
struct OutlineEntry {
    int level = 1;               // 1 = title, 2 = subheading / back matter
    std::string title;
    int page = 0;                // 0-based
    double y = 0;                // trim coordinates
};

struct DocumentInfo {
    std::string title, author, subject, keywords, creator = "quire 0.1.0";
    std::string lang = "en";
    std::string date;            // "YYYY-MM-DD" (the article's), for the PDF's dates when no SOURCE_DATE_EPOCH
};

struct PageDocument {
    style::PageGeometry geometry;
    std::vector<Page> pages;
    std::vector<LineRecord> lines;
    std::vector<OutlineEntry> outline;
    DocumentInfo info;
    // Glyph runs point into this collection: it lives as long as the document.
    std::shared_ptr<text::FontCollection> fonts;
    // An issue's pages come from several collections (one per thread that laid articles out): kept
    // alive here too. Drawing shares one Cairo face per font file, so each font is embedded once.
    std::vector<std::shared_ptr<text::FontCollection>> more_fonts;

    // Stable text: one line per item and per line record, positions rounded to 0.01 pt.
    std::string dump() const;
};

}  // namespace quire::page
