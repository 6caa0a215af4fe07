// Itemising by span, script (UAX #24 via ICU uscript), bidi level (UAX #9 via ICU ubidi) and font.
#include "text/itemize.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include <array>
#include <cstdio>
#include <memory>

namespace quire::text {

char32_t decode_utf8_multibyte(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto c = static_cast<unsigned char>(s[i + k]);
        return (c & 0xC0) == 0x80 ? (c & 0x3F) : -1;
    };
    if (b < 0x80) { ++i; return b; }
    if ((b & 0xE0) == 0xC0) {
        const int c1 = cont(1);
        if (c1 >= 0) { i += 2; return char32_t(((b & 0x1F) << 6) | c1); }
    } else if ((b & 0xF0) == 0xE0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1;
        if (c2 >= 0) { i += 3; return char32_t(((b & 0x0F) << 12) | (c1 << 6) | c2); }
    } else if ((b & 0xF8) == 0xF0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1, c3 = c2 >= 0 ? cont(3) : -1;
        if (c3 >= 0) { i += 4; return char32_t(((b & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3); }
    }
    ++i;
    return 0xFFFD;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    }
}

namespace {

hb_script_t to_hb(UScriptCode code) {
    static const auto table = [] {
        std::array<hb_script_t, USCRIPT_CODE_LIMIT> t{};
        for (int c = 0; c < USCRIPT_CODE_LIMIT; ++c) {
            const char* name = uscript_getShortName(UScriptCode(c));
            t[std::size_t(c)] = name ? hb_script_from_string(name, -1) : HB_SCRIPT_UNKNOWN;
        }
        return t;
    }();
    return code >= 0 && code < USCRIPT_CODE_LIMIT ? table[std::size_t(code)] : HB_SCRIPT_UNKNOWN;
}

bool is_strong_rtl(char32_t cp) {
    const UCharDirection d = u_charDirection(UChar32(cp));
    return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC || d == U_RIGHT_TO_LEFT_EMBEDDING ||
           d == U_RIGHT_TO_LEFT_OVERRIDE || d == U_RIGHT_TO_LEFT_ISOLATE;
}

// Characters that take the font of what precedes them rather than choosing their own: spaces,
// marks, default-ignorables (soft hyphen, joiners), so that a Georgian phrase with spaces stays one
// run and a mark stays with its base.
inline bool follows_previous_font(char32_t cp) {
    if (cp < 0xA0) return cp == 0x20;  // inline for ASCII, which asks for every character
    if (cp == 0xA0 || cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2028) return true;
    if (cp < 0x300) return false;  // no marks below the combining diacritics block (U+0300)
    const auto cat = u_charType(UChar32(cp));
    return cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_COMBINING_SPACING_MARK;
}

struct CodePoint {
    std::uint32_t offset;
    char32_t cp;
    std::uint32_t span;
};

}  // namespace

ItemizedParagraph itemize(const StyledParagraph& paragraph, FontCollection& fonts, Diagnostics& diagnostics) {
    ItemizedParagraph out;
    std::size_t total = 0;
    for (const auto& s : paragraph.spans) total += s.text.size();
    out.text.reserve(total);
    std::vector<CodePoint> cps;
    cps.reserve(total);
    for (std::uint32_t si = 0; si < paragraph.spans.size(); ++si) {
        out.span_start.push_back(std::uint32_t(out.text.size()));
        const std::string& t = paragraph.spans[si].text;
        for (std::size_t i = 0; i < t.size();) {
            const auto off = std::uint32_t(out.text.size() + i);
            const char32_t cp = decode_utf8(t, i);
            cps.push_back({off, cp, si});
            if (!out.has_rtl && cp >= 0x590 && is_strong_rtl(cp)) out.has_rtl = true;
        }
        out.text += t;
    }
    const std::size_t n = cps.size();
    if (n == 0) return out;

    // Scripts: Common and Inherited characters take the script of the preceding character (or, at
    // the start, of the first that has one): UAX #24's recommended resolution, without brackets.
    std::vector<hb_script_t> script(n, HB_SCRIPT_COMMON);
    std::vector<bool> common(n, false);
    hb_script_t last = HB_SCRIPT_COMMON;
    std::size_t first_real = n;
    for (std::size_t i = 0; i < n; ++i) {
        UErrorCode err = U_ZERO_ERROR;
        const char32_t c = cps[i].cp;
        // ASCII without ICU: its letters are Latin, the rest Common (Unicode Scripts.txt).
        const UScriptCode sc = c < 0x80 ? (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? USCRIPT_LATIN : USCRIPT_COMMON)
                                        : uscript_getScript(UChar32(c), &err);
        if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || U_FAILURE(err)) {
            script[i] = last;
            common[i] = true;
        } else {
            script[i] = last = to_hb(sc);
            if (first_real == n) first_real = i;
        }
    }
    const hb_script_t lead = first_real < n ? script[first_real] : HB_SCRIPT_LATIN;
    for (std::size_t i = 0; i < n && script[i] == HB_SCRIPT_COMMON; ++i) script[i] = lead;

    // Bidi levels, only when there is right-to-left text (ICU works in UTF-16).
    std::vector<std::uint8_t> level(n, 0);
    if (out.has_rtl) {
        std::u16string u16;
        std::vector<std::size_t> cp_of_unit;
        for (std::size_t i = 0; i < n; ++i) {
            const char32_t cp = cps[i].cp;
            if (cp >= 0x10000) {
                u16 += char16_t(0xD800 + ((cp - 0x10000) >> 10));
                u16 += char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
                cp_of_unit.push_back(i);
                cp_of_unit.push_back(i);
            } else {
                u16 += char16_t(cp);
                cp_of_unit.push_back(i);
            }
        }
        UErrorCode err = U_ZERO_ERROR;
        std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
        ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(u16.data()), int32_t(u16.size()), UBIDI_DEFAULT_LTR,
                      nullptr, &err);
        if (U_SUCCESS(err)) {
            const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &err);
            if (U_SUCCESS(err))
                for (std::size_t u = 0; u < u16.size(); ++u) level[cp_of_unit[u]] = levels[u];
        }
    }

    // Fonts: the span's own if it has the character, else its family's fallback for the script.
    std::vector<const Font*> font(n, nullptr);
    const Font* primary = nullptr;
    std::uint32_t primary_span = UINT32_MAX;
    const Font* named = nullptr;  // the span's fallback family for the script `named_code`
    std::uint32_t named_span = UINT32_MAX;
    UScriptCode named_code = USCRIPT_INVALID_CODE;
    for (std::size_t i = 0; i < n; ++i) {
        const StyledSpan& span = paragraph.spans[cps[i].span];
        if (cps[i].span != primary_span) {
            primary = &fonts.get(span.font);
            primary_span = cps[i].span;
        }
        const char32_t cp = cps[i].cp;
        if (cp == '\n' || cp == '\t') { font[i] = i > 0 && cps[i - 1].span == cps[i].span ? font[i - 1] : primary; continue; }
        // Spaces and marks, and punctuation or digits (script Common) after a fallback run, stay in
        // the preceding font when it has them: "თბილისი." is one run, shaped in one font.
        if (i > 0 && cps[i - 1].span == cps[i].span && (follows_previous_font(cp) || common[i]) && font[i - 1]->has_char(cp)) {
            font[i] = font[i - 1];
            continue;
        }
        if (primary->has_char(cp) || (follows_previous_font(cp) && cp != 0x20)) { font[i] = primary; continue; }
        UErrorCode script_err = U_ZERO_ERROR;
        const UScriptCode code = uscript_getScript(UChar32(cp), &script_err);
        const char* short_name = uscript_getShortName(code);
        // font_for() tries the span's face (which lacks cp: checked above), then the family's
        // fallback for the script: that fallback is looked up once per span and script here, and
        // font_for() is asked only when it lacks the character (whole Armenian or Georgian
        // paragraphs asked it for every letter).
        if (named_span != cps[i].span || named_code != code) {
            const std::string family = fonts.table().fallback_family(span.font.family, short_name ? short_name : "Zyyy");
            named = family.empty() ? nullptr : &fonts.get(family, span.font.weight, span.font.slant);
            named_span = cps[i].span;
            named_code = code;
        }
        const Font* f = named && named->has_char(cp) ? named : fonts.font_for(span.font, cp, short_name ? short_name : "Zyyy");
        // Spaces (Zs: U+2003 EM SPACE, U+3000) and format characters (default ignorables: U+FEFF, U+200B,
        // the bidi controls, which ubidi above has honoured) need no glyph: HarfBuzz sets a space glyph
        // of the right width for a space the font lacks (hb-ot-shape-fallback) and hides ignorables.
        if (!f && (u_charType(UChar32(cp)) == U_SPACE_SEPARATOR || u_hasBinaryProperty(UChar32(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)))
            f = primary;
        if (!f) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", unsigned(cp));
            SourceSpan where = span.where;
            if (where.column > 0) {
                std::size_t col = 0;
                for (std::size_t k = out.span_start[cps[i].span]; k < cps[i].offset;) { decode_utf8(out.text, k); ++col; }
                where.column += int(col);
            }
            std::string ch;
            append_utf8(ch, cp);
            diagnostics.error(where, std::string("no font has ") + buf + " '" + ch + "' (family " + span.font.family +
                                         " and its fallbacks); it would print as an empty box");
            f = primary;
        }
        font[i] = f;
    }

    TextRun run;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || cps[i].span != run.span || script[i] != run.script || level[i] != run.bidi_level || font[i] != run.font) {
            if (i > 0) {
                run.end = cps[i].offset;
                out.runs.push_back(run);
            }
            run = TextRun{cps[i].offset, 0, cps[i].span, font[i], script[i], level[i]};
        }
    }
    run.end = std::uint32_t(out.text.size());
    out.runs.push_back(run);
    return out;
}

std::string dump(const ItemizedParagraph& items, const StyledParagraph& paragraph) {
    std::string out;
    char buf[128];
    for (const auto& r : items.runs) {
        char tag[5] = {};
        hb_tag_to_string(hb_script_to_iso15924_tag(r.script), tag);
        std::snprintf(buf, sizeof buf, "%u-%u span=%u script=%s level=%u font=", r.start, r.end, r.span, tag, unsigned(r.bidi_level));
        out += buf;
        out += r.font->family() + "/" + std::to_string(r.font->weight()) + "/" + slant_name(r.font->slant());
        out += " lang=" + span_language(paragraph, paragraph.spans[r.span]);
        out += " \"" + items.text.substr(r.start, r.end - r.start) + "\"\n";
    }
    return out;
}

}  // namespace quire::text
