// Itemising: a StyledParagraph becomes one UTF-8 string and runs that each have a single span
// (style, language, link), script (ICU uscript), bidi level (ICU ubidi) and font (fallback by
// coverage). Each run is shaped on its own.
//
//   quire::text::ItemizedParagraph it = quire::text::itemize(para, fonts, diagnostics);
//   for (const auto& run : it.runs) shape(it.text.substr(run.start, run.end - run.start), *run.font);
//   std::cout << quire::text::dump(it);   // stable text, for golden tests
#pragma once

#include "core/diagnostic.hpp"
#include "text/font_collection.hpp"
#include "text/styled_text.hpp"

#include <hb.h>

#include <cstdint>
#include <string>
#include <vector>

namespace quire::text {

struct TextRun {
    std::uint32_t start = 0, end = 0;  // byte offsets into ItemizedParagraph::text
    std::uint32_t span = 0;            // index into the paragraph's spans
    const Font* font = nullptr;
    hb_script_t script = HB_SCRIPT_COMMON;
    std::uint8_t bidi_level = 0;       // even: left to right
    hb_direction_t direction() const { return bidi_level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR; }
};

struct ItemizedParagraph {
    std::string text;                       // all spans' text, concatenated
    std::vector<std::uint32_t> span_start;  // byte offset of each span in `text`
    std::vector<TextRun> runs;              // cover `text` in logical order
    bool has_rtl = false;
};

// Characters no font has are reported into `diagnostics` ("no font has U+0531 …") with the span's
// place and the character's column, and kept in a run of the span's own font (drawn as .notdef).
ItemizedParagraph itemize(const StyledParagraph& paragraph, FontCollection& fonts, Diagnostics& diagnostics);

// One line per run: `start-end span=N script=Latn level=0 font=Vollkorn/400/upright "text"`.
std::string dump(const ItemizedParagraph& items, const StyledParagraph& paragraph);

// UTF-8 decoding (never fails: an invalid byte decodes to U+FFFD and advances by one).
char32_t decode_utf8_multibyte(std::string_view s, std::size_t& i);
inline char32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII inline: spaces, punctuation and Latin letters are most of any text
        ++i;
        return b;
    }
    return decode_utf8_multibyte(s, i);
}
void append_utf8(std::string& out, char32_t cp);

}  // namespace quire::text
