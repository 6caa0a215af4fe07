// The text engine's input: a paragraph as spans of UTF-8 text, each with its font, language, link
// and source place. The style stage builds these from an Article and a layout.
//
//   quire::text::FontSpec body{.family = "Vollkorn", .weight = 400, .size_pt = 9.5,
//                              .features = {"onum"}};
//   quire::text::FontSpec caps = body;
//   caps.features = {"smcp", "onum"};
//   caps.tracking_em = 0.05;
//   quire::text::StyledParagraph para{.spans = {
//       {.text = "Recent unrest in ", .font = body, .lang = "en"},
//       {.text = "Kazakhstan", .font = caps, .lang = "en", .href = "https://example.org/kz"}},
//       .lang = "en"};
#pragma once

#include "core/diagnostic.hpp"
#include "text/font_table.hpp"

#include <string>
#include <vector>

namespace quire::text {

struct FontSpec {
    std::string family = "Vollkorn";  // a family of the FontTable (fonts/fonts.xml)
    int weight = 400;                 // 100–900
    Slant slant = Slant::Upright;
    double size_pt = 10.0;
    // OpenType features in HarfBuzz's syntax (hb_feature_from_string): "smcp", "onum", "-liga",
    // "c2sc", "ss01=1", "kern[3:5]=0". kern, liga, clig, calt… are on by default (HarfBuzz).
    std::vector<std::string> features;
    double tracking_em = 0.0;  // letter spacing added after each grapheme, in em of size_pt

    bool operator==(const FontSpec&) const = default;
};

struct StyledSpan {
    std::string text;   // UTF-8; U+00AD (soft hyphen) marks a permitted break; U+2028 forces a line break
    FontSpec font;
    std::string lang;   // BCP 47 ("en", "pl", "uk", "hy"); empty: the paragraph's
    std::string href;   // link target; empty when not a link
    SourceSpan where;   // where the span's first character comes from (diagnostics name it)
};

struct StyledParagraph {
    std::vector<StyledSpan> spans;
    std::string lang = "en";  // BCP 47, from xml:lang
};

// The language a span is set in: its own, else the paragraph's.
inline const std::string& span_language(const StyledParagraph& p, const StyledSpan& s) {
    return s.lang.empty() ? p.lang : s.lang;
}

}  // namespace quire::text
