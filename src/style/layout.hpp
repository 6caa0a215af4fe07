// Layouts: the page geometry and the named paragraph styles of one printed form of the magazine
// (layouts/*.xml, documented in docs/layouts.md). The print engine (page/, render/) sets pages from
// them and the EPUB derives its CSS from the same styles, so that both editions share one hierarchy.
#pragma once

#include "core/diagnostic.hpp"
#include "core/length.hpp"
#include "style/color_profile.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quire::style {

enum class Slant { Normal, Italic };
enum class Align { Left, Right, Center, Justify };
enum class Hyphenate { No, Yes };
enum class KeepWithNext { No, Yes };
enum class GridSnap { No, Yes };          // do the style's baselines sit on the baseline grid?
enum class TextCase { AsIs, Upper };      // Upper: spaced capitals (section label); small caps are a feature
enum class Facing { Single, Spread };     // Spread: left/right pages mirror the inside/outside margins

// A colour: sRGB for screens and for Cairo, and the CMYK swatch the press PDF prints it with
// (docs/press.md). A layout's "cmyk(…)" sets `cmyk` and derives the RGB through the default CMYK
// profile; a "#rrggbb" leaves `cmyk` unset, and the press pass derives it (greys: K only).
struct Color {
    double r = 0, g = 0, b = 0;
    std::optional<Cmyk> cmyk;
    std::string to_hex() const;  // "#rrggbb"
    bool operator==(const Color&) const = default;
};

// A rule drawn above or below a paragraph (the bio's short rule, the notice between rules).
struct Rule {
    Length thickness;          // 0 = no rule
    Length length;             // 0 = the paragraph's full measure
    Length offset;             // distance between the rule and the text (outside the text block)
    Color color;
    bool present() const { return thickness.pt() > 0; }
};

struct ParagraphStyle {
    std::string name;
    std::string based_on;                   // the style it inherits from ("" = none)
    std::string font_family = "Vollkorn";   // family name as in fonts/fonts.xml
    std::vector<std::string> fallback_families;  // tried in order for characters the family lacks
    int weight = 400;                       // CSS/OpenType weight class, 100..900
    Slant slant = Slant::Normal;
    Length size = Length::pt(10);
    Length leading = Length::pt(12);        // baseline to baseline
    double tracking = 0;                    // letter spacing in 1/1000 em (InDesign's unit)
    std::vector<std::string> features;      // OpenType features: "onum", "smcp", "-liga", "kern"
    Align align = Align::Left;
    Length first_indent, left_indent, right_indent;
    Length space_before, space_after;
    Hyphenate hyphenate = Hyphenate::No;
    int drop_cap_lines = 0;                 // 0 = none; else the initial spans this many lines
    std::string drop_cap_family;            // "" = the paragraph's family
    int drop_cap_weight = 0;                // 0 = the paragraph's weight
    KeepWithNext keep_with_next = KeepWithNext::No;
    GridSnap grid = GridSnap::No;
    TextCase text_case = TextCase::AsIs;
    Color color;
    Rule rule_above, rule_below;
    std::optional<Color> background;        // a tinted box behind the paragraph(s)
    Length padding;                         // inside the tinted box
    int min_lines_before_break = 2;         // orphans: lines kept at the foot of a column
    int min_lines_after_break = 2;          // widows: lines carried to the head of the next column
    SourceSpan where;                       // where the style is defined (for messages)
};

// Character styles: how inline markup changes the paragraph's font (emphasis, strong, link, speaker).
// Every field optional: unset = keep the paragraph's.
struct CharacterStyle {
    std::string name;
    std::optional<std::string> font_family;
    std::optional<int> weight;
    std::optional<Slant> slant;
    std::vector<std::string> features;      // added to the paragraph's
    std::optional<Color> color;
    std::optional<TextCase> text_case;
    SourceSpan where;
};

enum class PhotoFrame {
    None,     // no lead photo on the opening, even if the article has one
    Columns,  // inside the margins, across all columns
    Bleed,    // off the top and the sides of the trim, into the bleed
};

struct PageGeometry {
    Size trim{Length::mm(170), Length::mm(240)};
    Length bleed = Length::mm(3);
    Length slug = Length::mm(10);          // beyond the bleed: crop marks and the proof stamp
    Length margin_top = Length::mm(17), margin_bottom = Length::mm(20);
    Length margin_inside = Length::mm(18), margin_outside = Length::mm(15);
    Facing facing = Facing::Spread;
    int columns = 2;
    Length gutter = Length::mm(5);
    Length baseline = Length::pt(12);      // the body's grid
    Length first_baseline;                 // grid origin below the top margin (0 = one grid step)

    Size media() const;                    // trim + 2 × (bleed + slug)
    Length trim_offset() const;            // bleed + slug: the trim box's origin on the media
    Length text_width() const;             // trim minus inside and outside margins
    Length text_height() const;
    Length column_width() const;
};

struct Opening {
    PhotoFrame photo = PhotoFrame::Columns;
    Length photo_height = Length::mm(90);  // frame height; the image is cropped to fill it (centre)
    Length title_top;                      // extra space above the section label on the opening
    Length photo_gap = Length::pt(6);      // from the photo's frame to the caption and the section label
    Length caption_gap = Length::pt(10);   // from the caption (and credit) to the title
    double standfirst_width = 0.82;        // the standfirst's measure, a share of the text width (unset: 1 in one column)
    Length rule = Length::pt(0.4);         // the hairline under the head (0 = a hairline of 0 pt)
    Length rule_offset = Length::pt(4);    // from the last head line box to the hairline
    Length rule_after = Length::pt(2);     // from the hairline to where the body may start
};

// Details of the body's setting (layouts/*.xml <body>): proportions of the paragraph's size.
// Whether a pull quote may be left out of print when that saves a near-empty last page (two lines
// and a bio alone on a page): an art desk's first cut, since a pull quote repeats the article's own
// words. The EPUB keeps it; the diagnostics note each one left out.
enum class PullQuoteFit { Keep, SavePage };

struct BodyMakeUp {
    double drop_cap_gap_em = 0.3;          // between the drop cap and the lines beside it
    double list_marker_gap_em = 1.0 / 3;   // a list marker ends this far before the item's text
    double lead_in_tracking_em = 0.05;     // letter spacing of a small-caps lead-in (Bringhurst 3.2.2)
    double notice_paragraph_gap = 0.5;     // between a notice's paragraphs, in its leading
    int bio_keep_lines = 6;                // a bio of at most so many lines is never broken
    int notice_keep_lines = 12;            // nor a notice
    PullQuoteFit pullquote_fit = PullQuoteFit::Keep;
    // Optical margin alignment of justified text (<protrude chars="…" left="…" right="…"/>): the share
    // of a character's advance that hangs into the margin. Empty: none.
    struct Protrude {
        std::u32string chars;
        double left = 0.0, right = 0.0;
    };
    std::vector<Protrude> protrusion;
};

// Figures in the body's flow (layouts/*.xml <figure>).
// Whether a figure or pull quote marked span="all" in the article may cross all the columns.
enum class SpanRule { Allow, Never };

struct FigureMakeUp {
    double max_height = 0.5;               // no taller than this share of the text area's height
    Length caption_gap = Length::pt(5);    // from the image to the caption's first line box
    double space = 0.5;                    // above and below the figure, in grid steps
    // span="all" figures and pull quotes: across the columns at a page's head (Allow), or in one
    // column as the others (Never: a layout whose columns are too narrow to read a wide quote).
    SpanRule span = SpanRule::Allow;
};

struct Furniture {
    std::string running_head = "{publication} · {section}";  // {publication} {section} {title} {author}
    std::string running_head_style = "running-head";
    std::string folio_style = "folio";
    Length head_offset = Length::mm(8);    // baseline of the running head above the text area's top
    Length folio_offset = Length::mm(10);  // baseline of the folio below the text area's bottom
};

// How a print issue is made up in this layout (layouts/*.xml <issue>, docs/issue-format.md).
enum class SectionStart { AnyPage, RightPage };  // RightPage: a section's first article opens on a recto

struct IssueMakeUp {
    SectionStart section_start = SectionStart::AnyPage;
    Length masthead_height = Length::mm(46);   // the cover's top band (name, issue, date)
    Length cover_lines_height = Length::mm(52); // the cover's bottom band (cover lines, price, barcode)
    Length barcode_width = Length::mm(38);      // EAN-13 + add-on at ~ 90 % magnification (GS1: 37.3 mm at 100 %)
    Length barcode_height = Length::mm(24);
    Length contents_entry_gap = Length::pt(6);  // between two articles in the contents
    // The cover (shares of the page's top and bottom margins, then lengths).
    double masthead_top = 0.6;                  // the masthead's top, × the top margin
    double masthead_bottom = 0.4;               // the band reaches this far below the issue line, × the top margin
    double masthead_min_scale = 0.5;            // a long name shrinks to no less than this of its style's size
    double barcode_bottom = 0.6;                // the barcode's foot above the trim, × the bottom margin
    double cover_lines_bottom = 0.4;            // cover lines past this, × the bottom margin, above the trim: a warning
    Length barcode_padding = Length::pt(4);     // the white box around barcode and price
    Length price_gap = Length::pt(4);           // between the price and the barcode
    Length price_inset = Length::pt(2);         // from the box's top to the price's line box
    Length cover_lines_top = Length::pt(12);    // from the bottom band's top to the first cover line
    Length cover_lines_gap = Length::pt(12);    // between the cover lines and the barcode box
    // The contents.
    double contents_title_width = 0.78;         // the titles' measure, a share of the text width
    Length contents_number_gap = Length::pt(6); // between the leaders and the page number's widest "000"
    Length contents_leader_gap = Length::pt(8); // between a title's end and its leaders
    int contents_leader_min = 3;                // fewer dots than this: no leaders
    Length contents_section_room = Length::pt(20); // kept free below a section heading when fitting an entry
    Length contents_author_rise = Length::pt(2);   // the authors' line moved up towards the title
    // The impressum.
    Length impressum_copyright_gap = Length::pt(10);  // above the copyright line
};

struct Layout {
    std::string name;            // "magazine"
    std::string source_file;     // the XML it was read from
    std::string description;
    PageGeometry page;
    Opening opening;
    Furniture furniture;
    BodyMakeUp body;
    FigureMakeUp figure;
    IssueMakeUp issue;
    std::map<std::string, ParagraphStyle> styles;
    std::map<std::string, CharacterStyle> character_styles;

    // The named style; throws QuireError naming the layout file if there is none.
    const ParagraphStyle& style(const std::string& style_name) const;
    bool has_style(const std::string& style_name) const { return styles.count(style_name) != 0; }
    // The named character style, or nullptr.
    const CharacterStyle* character_style(const std::string& style_name) const;

    // Stable text dump (golden tests, debugging).
    std::string dump() const;
};

// The styles every layout must define: the elements an article can contain.
const std::vector<std::string>& required_styles();

// Reads `layouts/NAME.xml` (a bare name) or a path to a layout file. Problems (unknown element,
// attribute or style, bad value, missing required style) go to `diagnostics` with file:line:col;
// the layout returned is then incomplete. An unknown layout name is an error naming the choices.
// The file load_layout reads for a name ("magazine": layouts/magazine.xml) or a path (itself).
std::filesystem::path layout_file(const std::string& name_or_path);
Layout load_layout(const std::string& name_or_path, Diagnostics& diagnostics);

// As load_layout, but throws QuireError with the first error.
Layout load_layout_or_throw(const std::string& name_or_path);

// Parsing of values as they appear in a layout (exposed for tests and the EPUB's CSS):
// "9.5pt", "3mm", "1em" (em = `em_size`), "0"; nullopt if malformed.
std::optional<Length> parse_length(const std::string& text, Length em_size = Length::pt(10));
// "#rrggbb", "#rgb", or a CMYK swatch in percent: "cmyk(0 0 0 100)" (commas allowed between).
std::optional<Color> parse_color(const std::string& text);
// The swatch's screen colour: through the default CMYK profile (style/color_profile.hpp), else, if
// that is not installed, the naive (1 − c)(1 − k) … (a note in docs/press.md).
Color color_from_cmyk(const Cmyk& cmyk);

const char* align_name(Align align);  // "left", "right", "center", "justify"

}  // namespace quire::style
