// `quire lines`: line-break one paragraph and print the lines as JSON, to compare the engine with
// TeX (tools/compare-luatex) and to try parameters.
//
//   quire lines --font /usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf --size 9.5
//               --leading 12 --width 156 --lang pl para.txt
//   {"lines":[{"text":"…","ratio":0.31,"hyphenated":false}, …],"demerits":12345}
#include "cli/command_registry.hpp"
#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "linebreak/paragraph_setter.hpp"
#include "text/font_collection.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace {

using namespace quire;

struct LinesOptions {
    std::string font = "Vollkorn";
    double size = 9.5;
    double leading = 12.0;
    std::vector<double> widths = {156.0};
    std::string lang = "en";
    std::string align = "justified";
    bool no_hyphenate = false;
    double indent = 0.0;
    std::vector<std::string> features;
    double tracking = 0.0;
    bool dump = false;
    std::string input;
    linebreak::BreakParams params;
};

// Whitespace runs (line ends included) become one space: the file holds one paragraph.
std::string normalise(const std::string& in) {
    std::string out;
    bool space = false;
    for (char c : in) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

linebreak::Alignment parse_alignment(const std::string& s) {
    if (s == "justified") return linebreak::Alignment::Justified;
    if (s == "ragged-right") return linebreak::Alignment::RaggedRight;
    if (s == "ragged-left") return linebreak::Alignment::RaggedLeft;
    if (s == "centred" || s == "centered") return linebreak::Alignment::Centred;
    throw QuireError(SourceSpan{}, "unknown --align '" + s + "'; expected justified, ragged-right, ragged-left or centred");
}

int run_lines(const LinesOptions& o) {
    // --font: a font file (its own family, with Vollkorn's fallbacks for Armenian and Georgian),
    // or a family of fonts/fonts.xml.
    std::unique_ptr<text::FontCollection> fonts;
    std::string family = o.font;
    if (std::filesystem::exists(o.font) && !std::filesystem::is_directory(o.font)) {
        family = std::filesystem::path(o.font).stem().string();
        fonts = std::make_unique<text::FontCollection>(
            text::single_file_font_table(o.font, family, &text::default_font_table(), "Vollkorn"));
    } else {
        fonts = std::make_unique<text::FontCollection>();
        if (!fonts->table().find(o.font))
            throw QuireError(SourceSpan{o.font}, "neither a font file nor a family of fonts/fonts.xml");
    }
    text::StyledParagraph para;
    para.lang = o.lang;
    text::StyledSpan span;
    span.text = normalise(read_file(o.input));
    span.font.family = family;
    span.font.size_pt = o.size;
    span.font.features = o.features;
    span.font.tracking_em = o.tracking;
    span.where = SourceSpan{o.input, 1, 1};
    para.spans.push_back(span);

    linebreak::LineSpec spec;
    spec.widths_pt = o.widths;
    spec.alignment = parse_alignment(o.align);
    spec.hyphenation = o.no_hyphenate ? linebreak::Hyphenation::Off : linebreak::Hyphenation::On;
    spec.first_indent_pt = o.indent;
    spec.params = o.params;

    Diagnostics diags;
    const linebreak::SetParagraph set = linebreak::set_paragraph(para, spec, *fonts, diags);
    for (const auto& d : diags.all()) std::cerr << d.to_string() << '\n';
    if (o.dump) {
        std::cout << set.dump();
        return diags.has_errors() ? 1 : 0;
    }
    nlohmann::ordered_json out;
    out["lines"] = nlohmann::json::array();
    for (const auto& l : set.lines) {
        nlohmann::ordered_json j;
        j["text"] = l.text;
        j["ratio"] = std::round(l.ratio * 10000) / 10000;
        j["hyphenated"] = l.hyphenated;
        if (l.overfull) j["overfull"] = true;
        if (l.glyph_scale != 1.0) j["glyph_scale"] = std::round(l.glyph_scale * 10000) / 10000;
        j["width"] = std::round(l.natural_width_pt * 1000) / 1000;
        out["lines"].push_back(j);
    }
    out["demerits"] = set.demerits;
    out["leading"] = o.leading;
    std::cout << out.dump() << '\n';
    return diags.has_errors() ? 1 : 0;
}

quire::cli::Runner setup_lines(CLI::App& app) {
    auto o = std::make_shared<LinesOptions>();
    app.add_option("paragraph", o->input, "UTF-8 text file holding one paragraph")->required()->check(CLI::ExistingFile);
    app.add_option("--font", o->font, "font file, or a family of fonts/fonts.xml")->capture_default_str();
    app.add_option("--size", o->size, "font size, pt")->capture_default_str();
    app.add_option("--leading", o->leading, "leading, pt (reported; lines are not positioned vertically)")->capture_default_str();
    app.add_option("--width", o->widths, "line width, pt; several: line by line, the last repeats")->capture_default_str();
    app.add_option("--lang", o->lang, "BCP 47 language (hyphenation, shaping, line breaking)")->capture_default_str();
    app.add_option("--align", o->align, "justified, ragged-right, ragged-left or centred")->capture_default_str();
    app.add_flag("--no-hyphenate", o->no_hyphenate, "do not hyphenate");
    app.add_option("--indent", o->indent, "first-line indent, pt");
    app.add_option("--features", o->features, "OpenType features (smcp, onum, -liga …)");
    app.add_option("--tracking", o->tracking, "letter spacing, em");
    app.add_flag("--dump", o->dump, "print the engine's text dump instead of JSON");
    auto& p = o->params;
    app.add_option("--pretolerance", p.pretolerance, "TeX \\pretolerance (<0: no first pass)")->capture_default_str();
    app.add_option("--tolerance", p.tolerance, "TeX \\tolerance")->capture_default_str();
    app.add_option("--linepenalty", p.linepenalty, "TeX \\linepenalty")->capture_default_str();
    app.add_option("--hyphenpenalty", p.hyphenpenalty, "TeX \\hyphenpenalty")->capture_default_str();
    app.add_option("--capitalised-hyphenpenalty", p.capitalised_hyphenpenalty,
                   "penalty for breaking a capitalised word (a name) at a hyphenation point")
        ->capture_default_str();
    app.add_option("--exhyphenpenalty", p.exhyphenpenalty, "TeX \\exhyphenpenalty")->capture_default_str();
    app.add_option("--single-letter-penalty", p.single_letter_penalty,
                   "penalty for ending a line with a one-letter word in Polish, Czech, Slovak, Russian, Ukrainian, "
                   "Belarusian (10000: never)")
        ->capture_default_str();
    app.add_option("--adjdemerits", p.adjdemerits, "TeX \\adjdemerits")->capture_default_str();
    app.add_option("--doublehyphendemerits", p.doublehyphendemerits, "TeX \\doublehyphendemerits")->capture_default_str();
    app.add_option("--finalhyphendemerits", p.finalhyphendemerits, "TeX \\finalhyphendemerits")->capture_default_str();
    app.add_option("--looseness", p.looseness, "TeX \\looseness")->capture_default_str();
    app.add_option("--emergencystretch", p.emergencystretch_em, "TeX \\emergencystretch, em")->capture_default_str();
    app.add_option("--max-hyphens", p.max_consecutive_hyphens, "most hyphenated lines in a row (0: no limit)")->capture_default_str();
    app.add_option("--ragged-stretch", p.ragged_stretch_em, "ragged settings' line-end stretch, em")->capture_default_str();
    app.add_option("--expansion", p.expansion,
                   "font expansion of justified lines: glyphs scaled by up to this fraction (pdfTeX's "
                   "\\pdfadjustspacing; 0: none, as plain TeX)")
        ->capture_default_str();
    app.add_option("--expansion-step", p.expansion_step, "font expansion's step")->capture_default_str();
    return [o] { return run_lines(*o); };
}

const quire::cli::Registration reg{"lines", "Line-break a paragraph and print the lines as JSON", &setup_lines};

}  // namespace
