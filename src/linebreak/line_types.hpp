// The print vocabulary shared by the breaker, the paragraph setter, page layout and the renderers:
// how a paragraph is to be broken (BreakParams, LineSpec) and what setting it gives (SetLine,
// GlyphRun, PositionedGlyph). Font-free: a GlyphRun names its text::Font by pointer only, so the
// Knuth–Plass breaker (knuth_plass.hpp) and code that only reads set lines do not include FreeType
// or HarfBuzz; setting text (paragraph_setter.hpp) does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quire::text {
class Font;
}  // namespace quire::text

namespace quire::linebreak {

enum class Alignment { Justified, RaggedRight, Centred, RaggedLeft };
enum class Hyphenation { Off, On };
// BreakParams::name_hyphenation: which capitalised words (mostly names) get hyphenation points.
enum class NameHyphenation { TaggedOnly, OpenSyllables, All };
// BreakParams::house_rules: Hard first (relaxed to demerits only where no breaking keeps them), or
// Demerits only (TeX's own behaviour, with runt_demerits added).
enum class HouseRules { Hard, Demerits };

// Whether a paragraph may end with the tail of a hyphenated word alone on its last line.
enum class TailAlone { Never, Allowed };

// Horizontal glyph scaling, in one place for both of its users: the breaker's font expansion
// (BreakParams::expansion, below) and the rescue of very loose lines in page/justify.cpp
// (LooseLineLimits). The total scale of a line's glyphs stays within 1 ± kMaxGlyphScaling, in steps
// of kGlyphScaleStep. ±3 %: InDesign's user guide gives 97–100–103 % as the subtle setting and warns
// that more than 3 % from 100 % may distort letters (microtype's defaults are ±2 %, stretch=20,
// shrink=20). Issue 16, stop 30: 2 % → 3 % over the 20 example articles (tools/line-stats, quire
// proof) took very loose lines 36 → 20, letter-spaced lines 81 → 44, penultimate hyphens 24 → 8,
// runts 32 → 20, pages with more than one hyphenated name 11 → 3, hyphens on full pages 21.7 →
// 18.7 % (very tight lines 13 → 19); on the LuaTeX comparison mean |r| 156 pt 0.607 → 0.473, 300 pt
// 0.399 → 0.349. That room pays for the hard limit of two hyphens and hyphenpenalty 100 (below).
// The glyphs' shrink less than their stretch (3 % / 2 %, 1.5 %, 1 %) was measured and is worse:
// hyphens 19.5–20.1 %, very loose lines 32–59, and no fewer very tight ones (the spaces shrink instead).
// Every distinct scale is another scaled font in the PDF, hence the step.
inline constexpr double kMaxGlyphScaling = 0.03;
inline constexpr double kGlyphScaleStep = 0.005;

// The marks on a justified line's word spaces (SetLine::ratio) that the proof reports and the page
// stage's house rules (page/house_rules.hpp) avoid. Very loose: beyond badness 1000 (badness =
// 100 r³), where plain TeX reports "Underfull \\hbox" (\\hbadness = 1000): spaces about twice their
// natural width, where rivers start to show. Very tight: −0.9 or less, the art desk's mark (issue
// 16; −1 is all the spaces' shrink used).
inline constexpr double kVeryLooseRatio = 2.154;
inline constexpr double kVeryTightRatio = -0.9;

// A line whose text, spaces around it left out, is one word (no space inside): as a paragraph's last
// line, a runt.
inline bool is_one_word(std::string_view text) {
    const auto b = text.find_first_not_of(' ');
    if (b == std::string_view::npos) return false;
    return text.substr(b, text.find_last_not_of(' ') - b + 1).find(' ') == std::string_view::npos;
}

// Knuth–Plass parameters, with TeX's names (The TeXbook ch. 14; Knuth & Plass 1981). Penalties and
// demerits are in TeX's units. The defaults are ours, for a magazine's narrow justified column;
// plain TeX's are given beside each. Passes as TeX's (pretolerance without hyphenation, then
// tolerance with it), then a final pass of ours when both fail: any looseness allowed, badness
// 100·r³ uncapped (TeX caps it at 10000, so that all very loose lines cost the same), plus
// emergencystretch: the paragraph's looseness goes where it costs least instead of overfull lines.
struct BreakParams {
    double pretolerance = 100;            // plain TeX 100; a first pass without hyphenation; <0 skips it
    double tolerance = 400;               // plain TeX 200; the second pass, with hyphenation
    double linepenalty = 10;              // plain TeX 10
    // plain TeX 50; a break at a discretionary hyphen. 100 (stop 30, with 3 % expansion and at most
    // two hyphens in a row): hyphens on the example articles' full pages 17.5 → 15.6 % of lines (the
    // issue's bound 18 %), very loose lines 20 → 20, letter-spaced 44 → 47; LuaTeX comparison mean
    // |r| 156 pt 0.499 → 0.506, 300 pt 0.349 → 0.372 (150: 14.6 %, 300 pt 0.388).
    double hyphenpenalty = 100;
    double exhyphenpenalty = 50;          // plain TeX 50; a break after an explicit hyphen or dash
    // A discretionary hyphen in a capitalised word (Kazakhstan, Srbinovski: mostly proper names),
    // instead of hyphenpenalty. Not in TeX (\uchyph=1 breaks them at \hyphenpenalty; \uchyph=0
    // never does); a magazine avoids breaking names, so the breaker does it only where it saves a
    // clearly worse line: 1000² demerits are those of a line of badness 1000 (r = 2.15), the
    // proof's "very loose" mark. A sentence's first word counts only if the paragraph also has it
    // capitalised mid-sentence (linebreak/items.cpp): capitalised by its place alone, it is mostly
    // a common word ("However"), and the proof never counts it as a name.
    // ≥ 10000 forbids it (\uchyph=0).
    double capitalised_hyphenpenalty = 1000;
    // Which capitalised words' points are used. A name follows its own language's rules, not the
    // text's: English patterns give "Kaza-khstan" and "By-dgoszcz" (issue 16: never a wrong break
    // point). Inside a span whose language (xml:lang) differs from the paragraph's, a capitalised
    // word takes that language's points (none where quire has no patterns for it), always. In text
    // of the paragraph's own language a name from elsewhere cannot be told from the language's own
    // words, so:
    //  - OpenSyllables: only the points that are also an open-syllable break, a vowel before and a
    //    single consonant then a vowel after (Ka-zakhstan, Toka-yev; not Kaza-khstan): the break almost
    //    every language's rules agree on (maximal onset), never inside a consonant cluster or a
    //    digraph (kh, sh, cz, dg). Latin, Cyrillic and Armenian letters; other scripts none.
    //  - TaggedOnly: none. Measured over the example articles it gave 86 very loose lines
    //    instead of 37: names are too frequent in this magazine's text to lose all their points.
    //  - All: every point (at capitalised_hyphenpenalty), as before. The default, for now: the
    //    other two cost very loose lines (the example articles: 36 with All, 70 with
    //    OpenSyllables, 86 with TaggedOnly; OpenSyllables with unsure_name_hyphenpenalty 3000: 43)
    //    while they cut hyphenated names from 64 to 22 (0 with TaggedOnly). Choosing one needs
    //    the loose lines compensated (wider expansion or letter spacing in the final pass). With 3 %
    //    expansion and the tracking step (stop 30) OpenSyllables still costs them: names 16 → 5 (pages
    //    with two 2 → 0) but very loose lines 13 → 28, letter-spaced 26 → 48, column holes 1 → 3.
    // Georgian has no case: its surnames are told by their endings (text::is_georgian_name).
    NameHyphenation name_hyphenation = NameHyphenation::All;
    // OpenSyllables: the penalty of a name's other points (≥ 10000: none).
    double unsure_name_hyphenpenalty = 10000;
    // A line ending in a one-letter word where the language's typesetting forbids it (Polish "wiszące
    // spójniki" w, z, i, a, o, u; Czech and Slovak v, k, s, z, o, u, a, i — ČSN 01 6910; Russian,
    // Ukrainian and Belarusian в, к, с, у, о, и, а, я): a penalty on the space after it. 10000 ties
    // the letter to the next word as TeX's `z~nim` does; not in TeX otherwise.
    double single_letter_penalty = 10000;
    double adjdemerits = 10000;           // plain TeX 10000; adjacent lines in non-adjacent fitness classes
    double doublehyphendemerits = 10000;  // plain TeX 10000; two hyphenated lines in a row
    double finalhyphendemerits = 300000;  // plain TeX 5000; the penultimate line hyphenated (house_rules)
    int looseness = 0;                    // plain TeX 0; try for this many more (or fewer) lines
    double emergencystretch_em = 0.0;     // plain TeX 0pt; extra stretch a line in the final pass (below)
    // Not in TeX (it has only doublehyphendemerits): a hard limit, in every pass. The magazine's rule
    // is 2 (issue 16; Bringhurst 2.4.4 allows three). With 2 % expansion it cost texture (LuaTeX
    // comparison 300 pt 0.422 → 0.435, past the bound); with 3 % (stop 30) the 300 pt mean
    // |r| stays 0.349 and 156 pt goes 0.473 → 0.499, the example articles' runs of three 12 → 0
    // and very loose lines 20 → 20. The proof still reports any run of three (a layout's own params).
    int max_consecutive_hyphens = 2;
    // House rules, not in TeX: no hyphen in a paragraph's penultimate line (the broken word's tail
    // would start the last line), and no one-word last line (a runt; BreakerInput::runt_from).
    // Hard: they hold in the passes at pretolerance and tolerance; a paragraph that cannot keep
    // them within tolerance is broken again at the same tolerance with them as demerits
    // (finalhyphendemerits, runt_demerits), and only then by the final pass. So they never cost a
    // line looser than tolerance (made hard in every pass, lines' WIP, they more than doubled the
    // very loose lines). Demerits: TeX's behaviour, with runt_demerits beside finalhyphendemerits.
    // Demerits, at 300,000 each (finalhyphendemerits, runt_demerits), not Hard: Hard accepts any
    // breaking within tolerance that keeps the rules, however bad ("pro-Rus-/sia" at 1.1 M demerits,
    // a capitalised word's hyphen and a letter-spaced line, instead of "engage-/ment policies
    // accordingly." at 54 k). Over the 20 example articles (tools/line-stats; proof findings),
    // TeX's 5,000 → 300,000: penultimate hyphens 41 → 24, runts 41 → 29 (proof 45 → 32), very tight
    // lines 17 → 13, very loose 36 → 35, letter-spaced 81 → 81, hyphenated names 38 → 39, hyphen runs
    // of three 13 → 16; LuaTeX comparison mean |r| 156 pt 0.575 → 0.607, 300 pt 0.376 → 0.399
    // (issue 16's bounds 0.658, 0.400). Hard instead: 21 penultimate, 33 runts, but letter-spaced
    // 83 and names 40. (Before the expansion was rounded to nearest, paragraph_setter.cpp, Hard
    // cost 0.617 → 0.650 and 0.422 → 0.446: notes /work/notes/lines2.md.)
    // With 3 % expansion (stop 30) Hard gave runts 19 → 15 and nothing else changed over the example
    // articles; the runts are kept instead by tracking the paragraph (page/house_rules.hpp): 19 → 10.
    HouseRules house_rules = HouseRules::Demerits;
    // A word (an unbreakable run of letters, a code, a long URL part) wider than the narrowest line
    // would run into the gutter or off the page: such a word gets a break at every character,
    // without a hyphen, at this penalty (CSS's overflow-wrap: anywhere; TeX leaves an overfull box
    // instead). High, so that where it breaks is decided by the lines around it only when it must
    // break at all. The layout warns of every line ending at one (SetLine::broken_word).
    double emergency_word_penalty = 5000;
    // A one-word last line where the rules are demerits, as finalhyphendemerits (see house_rules):
    // more than a line at tolerance costs ((10 + 400)² = 168,100), less than a capitalised word's
    // hyphen (capitalised_hyphenpenalty² = 1,000,000).
    double runt_demerits = 300000;
    // A hyphenated last word whose tail would be the whole last line ("heat-/ing.", "pro-/jekt."):
    // a runt and a penultimate hyphen at once, the break an art desk marks first. Never, whatever
    // the house rules: demerits cannot keep it out (as demerits, 20,000 left 16 of the example
    // articles' 17 and 500,000 still 6: one loose line costs more). Over the 20 example articles:
    // 17 → 0 such tails, penultimate hyphens 57 → 41, runts 44 → 41, loose lines 35 → 36. On the
    // LuaTeX comparison one paragraph of twelve changes (pl2, 300 pt: "pro-/jekt." → "projekt."
    // whole, a line at 1.05): mean |r| 300 pt 0.400 → 0.409 (0.376 since paragraph_setter.cpp).
    TailAlone tail_alone = TailAlone::Never;
    // Interword glue as fractions of the space's width, as TeX fonts give it (space, stretch 1/2,
    // shrink 1/3 for Computer Modern; luaotfload uses the same for OpenType fonts).
    double space_stretch = 0.5;
    double space_shrink = 1.0 / 3.0;
    // Ragged settings: TeX's \rightskip 0pt plus `ragged_stretch_em`, with interword glue that
    // neither stretches nor shrinks, so lines look hand-set (ragged2e's RaggedRight uses 2em).
    double ragged_stretch_em = 2.0;
    // Font expansion in justified settings (pdfTeX's \pdfadjustspacing=2 with microtype's default
    // stretch=20, shrink=20, i.e. ±2 %; InDesign's glyph scaling 98–102 %): a line's glyphs may be
    // scaled horizontally by up to this fraction, taking a share of the line's adjustment beside the
    // word spaces, in proportion to their width. The breaker counts it as stretch and shrink of every
    // box, so narrow columns find more good breaks; a line is set with glyph scale 1 + r·expansion
    // (r its adjustment ratio over both), rounded to `expansion_step` (each scale is another scaled
    // font in the PDF), and the word spaces take the rest. 0: none (plain TeX, LuaTeX's default).
    double expansion = kMaxGlyphScaling;
    double expansion_step = kGlyphScaleStep;
};

// Optical margin alignment (linebreak/protrusion.hpp): per character, the share of its advance that
// protrudes into the left and the right margin of a justified line. Empty: no protrusion.
struct ProtrusionClass {
    std::u32string chars;
    double left = 0.0, right = 0.0;
};
struct ProtrusionTable {
    std::vector<ProtrusionClass> classes;
    bool empty() const { return classes.empty(); }
    double left(char32_t cp) const {
        for (const auto& c : classes) if (c.chars.find(cp) != std::u32string::npos) return c.left;
        return 0.0;
    }
    double right(char32_t cp) const {
        for (const auto& c : classes) if (c.chars.find(cp) != std::u32string::npos) return c.right;
        return 0.0;
    }
};

struct LineSpec {
    // Line widths in points, line by line; the last repeats for all further lines.
    std::vector<double> widths_pt = {156.0};
    Alignment alignment = Alignment::Justified;  // the last line of a justified paragraph is ragged
    Hyphenation hyphenation = Hyphenation::On;
    double first_indent_pt = 0.0;  // indent of the first line (inside its width)
    BreakParams params;
    ProtrusionTable protrusion;    // justified lines only; empty: none
    // A caller that wants the paragraph only in fewer lines than this (copyfitting a line tighter)
    // gets no lines at all when fewest_lines shows it cannot be (knuth_plass.hpp). 0: any.
    int only_fewer_lines_than = 0;

    double width_of_line(std::size_t index) const {
        if (widths_pt.empty()) return 0.0;
        return index < widths_pt.size() ? widths_pt[index] : widths_pt.back();
    }
};

// The two 32-bit fields first: 24 bytes a glyph instead of 32 with padding (a 98-page document
// holds about 400,000 of them until its PDF is written; peak memory, issue 17).
struct PositionedGlyph {
    std::uint32_t id = 0;       // glyph index in the run's font
    std::uint32_t cluster = 0;  // byte offset into GlyphRun::text of the glyph's cluster
    double x_pt = 0.0;          // relative to the line's start (before x_offset_pt), justified
    double y_pt = 0.0;          // relative to the baseline, y downwards (Cairo)
};

// Maps glyphs to text for cairo_show_text_glyphs (its cairo_text_cluster_t): consecutive
// clusters, each `num_bytes` of the run's text shown by `num_glyphs` glyphs, in glyph order.
struct TextCluster {
    int num_bytes = 0;
    int num_glyphs = 0;
};

enum class RunDirection { LeftToRight, RightToLeft };

struct GlyphRun {
    const text::Font* font = nullptr;  // owned by the FontCollection; font->cairo_ft_face() for Cairo
    double size_pt = 0.0;
    std::vector<PositionedGlyph> glyphs;  // in visual order, left to right
    std::string text;                     // the run's UTF-8 text, a hyphen added at a hyphenated break
    std::vector<TextCluster> clusters;    // glyph→text map for cairo_show_text_glyphs
    // RightToLeft: `clusters` run backward (CAIRO_TEXT_CLUSTER_FLAG_BACKWARD).
    RunDirection direction = RunDirection::LeftToRight;
    std::string href;                     // link target, empty if none
    std::string lang;                     // BCP 47, for the PDF's /Lang and the EPUB
    double x_start_pt = 0.0;              // left edge of the run within the line (before x_offset_pt)
    double width_pt = 0.0;                // advance width of the run, justified
};

struct SetLine {
    std::string text;           // the line's characters in logical order, ending in "-" if hyphenated
    // The word spaces' adjustment ratio (TeX's glue set): >0 stretched (1 = all their stretch used),
    // <0 shrunk. With font expansion it is what is left to the spaces after the glyphs' share.
    double ratio = 0.0;
    double glyph_scale = 1.0;   // horizontal scale of the line's glyphs (font expansion; 1: none)
    bool hyphenated = false;    // the line ends at a discretionary break (a hyphen was added)
    double natural_width_pt = 0.0;  // the line's width before justification
    double target_width_pt = 0.0;   // the width it was set to (LineSpec's width for this line)
    double width_pt = 0.0;          // the width as set (justified: target; ragged: natural + indent)
    double x_offset_pt = 0.0;       // shift of the line's start for ragged-left and centred settings
    double ascent_pt = 0.0;         // tallest ascender of the line's fonts, positive
    double descent_pt = 0.0;        // deepest descender, positive
    bool overfull = false;          // no feasible break: the line is wider than target_width_pt
    bool broken_word = false;       // ends inside a word wider than the measure (Item::emergency)
    std::vector<GlyphRun> runs;
};

struct SetParagraph {
    std::vector<SetLine> lines;
    double demerits = 0.0;  // total demerits of the chosen breaks (TeX's \tracingparagraphs sum)
    // Stable text dump for golden tests: one line per SetLine (ratio, flags, text, runs).
    std::string dump() const;
};

}  // namespace quire::linebreak
