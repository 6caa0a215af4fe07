// Building the box/glue/penalty list (Knuth & Plass 1981 §"The algorithm"; TeX's paragraph).
#include "linebreak/items.hpp"

#include "text/hyphenator.hpp"
#include "text/line_breaks.hpp"
#include "text/name_break.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

namespace quire::linebreak {

namespace {

using text::decode_utf8;

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007); }
bool is_hard_break(char32_t cp) { return cp == '\n' || cp == 0x2028; }
// Explicit hyphens and dashes after which TeX breaks with \exhyphenpenalty (a flagged break).
// U+058A ARMENIAN HYPHEN too (UAX #14 class BA, like the hyphen).
bool is_explicit_hyphen(char32_t cp) {
    return cp == '-' || cp == 0x2010 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x058A;
}

// Whether the text at `at` is a spaced en or em dash (" – ", the magazine's parenthetical dash): a
// dash followed by a space or the text's end. Bringhurst 5.2.2: it belongs to the word before it.
bool starts_spaced_dash(const std::string& t, std::size_t at) {
    if (at >= t.size()) return false;
    std::size_t k = at;
    const char32_t cp = decode_utf8(t, k);
    if (cp != 0x2013 && cp != 0x2014) return false;
    if (k >= t.size()) return true;
    return is_space(decode_utf8(t, k));
}

// The last code point before byte `end` (which must be > 0).
char32_t last_cp(const std::string& s, std::size_t begin, std::size_t end) {
    std::size_t i = end - 1;
    while (i > begin && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return decode_utf8(s, i);
}

// Vowels of the Latin, Cyrillic, Armenian and Georgian alphabets (lower case, accents stripped by the
// caller's folding): the open-syllable test below. 'y' counts as a vowel (Bydgoszcz, Tokayev's
// 'y' before a vowel is then a consonant: it is followed by one).
bool is_vowel(char32_t cp) {
    cp = char32_t(u_tolower(UChar32(cp)));
    static constexpr std::u32string_view kVowels =
        U"aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿąęėįųūōēīăąǎěǐǒǔ"
        U"аеёиоуыэюяіїєў"
        U"աեէըիոօ"
        U"\u10D0\u10D4\u10D8\u10DD\u10E3";  // Georgian ა ე ი ო უ (its names: text::is_georgian_name)
    return kVowels.find(cp) != std::u32string_view::npos;
}

// Whether a break at byte `at` of `t` is an open-syllable break: a vowel before it, a consonant
// (a letter, not a vowel) after it and a vowel after that (BreakParams::name_hyphenation).
bool open_syllable_break(const std::string& t, std::uint32_t at) {
    if (at == 0 || at >= t.size()) return false;
    std::size_t i = at - 1;
    while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
    const char32_t before = decode_utf8(t, i);
    std::size_t k = at;
    const char32_t c1 = decode_utf8(t, k);
    if (k >= t.size()) return false;
    const char32_t c2 = decode_utf8(t, k);
    return is_vowel(before) && u_isalpha(UChar32(c1)) && !is_vowel(c1) && is_vowel(c2);
}

struct Builder {
    const text::StyledParagraph& para;
    const LineSpec& spec;
    text::FontCollection& fonts;
    ParagraphItems& out;
    bool ragged = false;
    std::size_t run_cursor = 0;
    std::vector<std::uint32_t> points_;  // scratch, reused word to word
    std::vector<text::HyphenationPoint> hyphenation_;  // scratch: the hyphenator's points
    std::vector<std::uint32_t> capitalised_;           // scratch: points in capitalised parts, ascending
    std::vector<std::uint32_t> unsure_;                // scratch: name points not at an open syllable, ascending
    std::uint32_t hyphenator_span = UINT32_MAX;
    text::Hyphenator* hyphenator = nullptr;

    // The span's hyphenator, looked up once per span rather than per word.
    text::Hyphenator* hyphenator_for(const text::TextRun& r) {
        if (r.span != hyphenator_span) {
            hyphenator = text::Hyphenator::for_language(lang_of(r));
            hyphenator_span = r.span;
        }
        return hyphenator;
    }

    // Which points of the run's capitalised words (names) are used: BreakParams::name_hyphenation,
    // and all of them inside a span in another language than the paragraph's (its own patterns).
    NameHyphenation name_points(const text::TextRun& r) const {
        const std::string& own = span_of(r).lang;
        auto primary = [](std::string_view l) { return l.substr(0, l.find_first_of("-_")); };
        if (!own.empty() && primary(own) != primary(para.lang)) return NameHyphenation::All;
        return spec.params.name_hyphenation;
    }

    std::size_t run_at(std::uint32_t offset) {
        const auto& runs = out.itemized.runs;
        while (run_cursor + 1 < runs.size() && runs[run_cursor].end <= offset) ++run_cursor;
        while (run_cursor > 0 && runs[run_cursor].start > offset) --run_cursor;
        return run_cursor;
    }
    const text::StyledSpan& span_of(const text::TextRun& r) const { return para.spans[r.span]; }
    // The span's feature set, looked up once per span (the lookup builds a key from the list).
    std::uint32_t features_span = UINT32_MAX;
    const text::FeatureSet* features = nullptr;
    const text::FeatureSet& features_of(const text::TextRun& r) {
        if (r.span != features_span) {
            features = &fonts.shape_cache().features(span_of(r).font.features);  // node-based map: stays valid
            features_span = r.span;
        }
        return *features;
    }
    std::string_view lang_of(const text::TextRun& r) const { return text::span_language(para, span_of(r)); }

    // Whether [s, ws) is a whole one-letter word in a language whose typesetting keeps such words
    // off the end of a line (BreakParams::single_letter_penalty).
    bool ends_single_letter_word(std::uint32_t s, std::uint32_t ws) {
        const std::string& t = out.itemized.text;
        std::size_t k = s;
        const char32_t cp = decode_utf8(t, k);
        if (k != ws || !u_isalpha(UChar32(cp))) return false;
        if (s > 0 && !is_space(last_cp(t, 0, s))) return false;  // the end of a longer word ("-z")
        const std::string_view lang = lang_of(out.itemized.runs[run_at(s)]);
        const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
        for (std::string_view l : {"pl", "cs", "sk", "ru", "uk", "be"})
            if (primary == l) return true;
        return false;
    }
    double scale_of(const text::TextRun& r) const { return span_of(r).font.size_pt / r.font->units_per_em(); }
    double tracking_of(const text::TextRun& r) const { return span_of(r).font.tracking_em * span_of(r).font.size_pt; }

    std::vector<double> hyphen_widths;  // per run, < 0 until shaped

    double hyphen_width(std::size_t ri) {
        if (hyphen_widths.size() != out.itemized.runs.size()) hyphen_widths.assign(out.itemized.runs.size(), -1.0);
        double& w = hyphen_widths[ri];
        if (w < 0) {
            const text::TextRun& r = out.itemized.runs[ri];
            const text::Shaped& h = fonts.shape_cache().shape(*r.font, features_of(r), lang_of(r), r.script, r.direction(), "-");
            w = double(h.advance) * scale_of(r) + tracking_of(r) * double(h.glyphs.size());
        }
        return w;
    }

    // Whether a word wider than the narrowest line gets breaks at every character (paragraphs only).
    bool emergency_breaks = false;
    std::vector<std::uint32_t> emergency_;  // scratch: such breaks, ascending

    double narrowest_line() const {
        double w = spec.width_of_line(0) - spec.first_indent_pt;
        for (double x : spec.widths_pt) w = std::min(w, x);
        return w;
    }

    // A word (no spaces) [a, b): boxes cut at hyphenation points, penalties between them; a word
    // wider than every line is set again with a break at each character (BreakParams::
    // emergency_word_penalty), as it would otherwise run out of its column.
    void word(std::uint32_t a, std::uint32_t b, Hyphenation hyphenation) {
        const std::size_t items_before = out.items.size(), pieces_before = out.pieces.size();
        word_pieces(a, b, hyphenation, false);
        if (!emergency_breaks || spec.widths_pt.empty()) return;
        double width = 0;
        for (std::size_t i = items_before; i < out.items.size(); ++i)
            if (out.items[i].kind == ItemKind::Box) width += out.items[i].width;
        if (width <= narrowest_line()) return;
        out.items.resize(items_before);
        out.pieces.resize(pieces_before);
        word_pieces(a, b, hyphenation, true);
    }

    void word_pieces(std::uint32_t a, std::uint32_t b, Hyphenation hyphenation, bool anywhere) {
        const std::string& t = out.itemized.text;
        std::vector<std::uint32_t>& points = points_;
        points.clear();
        capitalised_.clear();
        unsure_.clear();
        {
            const auto& r0 = out.itemized.runs[run_at(a)];
            if (hyphenation == Hyphenation::On && r0.bidi_level % 2 == 0) {
                hyphenation_.clear();
                text::hyphenation_points(std::string_view(t).substr(a, b - a), hyphenator_for(r0), hyphenation_);
                const NameHyphenation names = name_points(r0);
                // Georgian has no case: a Georgian surname (by its ending, or glossed by a Latin
                // transliteration in parentheses after it) is treated as a capitalised word is, so it
                // breaks only when nothing else works (issue 16).
                const bool georgian_name = !hyphenation_.empty() &&
                                           text::is_georgian_name(std::string_view(t).substr(a, b - a), std::string_view(t).substr(b));
                // Months and the region's demonyms are capitalised but no names (text/name_break.hpp).
                const std::string_view word_text = std::string_view(t).substr(a, b - a);
                // A sentence's first word is capitalised by its place ("However", "Nevertheless"): it
                // counts as a name only if the paragraph also has it capitalised mid-sentence. The
                // proof never counts it (text::is_name_break), so penalising it cost texture for no
                // fewer reported names (tools/compare-luatex mean |r|: 156 pt 0.617 → 0.609, 300 pt 0.416 → 0.400).
                const bool common = !hyphenation_.empty() &&
                                    (text::is_common_capitalised(word_text) ||
                                     (text::starts_sentence(t, a) && !text::capitalised_mid_sentence(t, word_text)));
                for (const auto& h : hyphenation_) {
                    const bool name = (h.word_case == text::WordCase::Capitalised && !common) || georgian_name;
                    const bool unsure = name && names != NameHyphenation::All && !open_syllable_break(t, a + h.offset);
                    if (unsure && (names == NameHyphenation::TaggedOnly || spec.params.unsure_name_hyphenpenalty >= kInfinitePenalty))
                        continue;
                    points.push_back(h.offset + a);
                    if (unsure) unsure_.push_back(h.offset + a);
                    else if (name) capitalised_.push_back(h.offset + a);
                }
            }
            // Soft hyphens are the author's own break points, honoured even without hyphenation.
            for (std::uint32_t i = a; i + 1 < b; ++i)
                if (static_cast<unsigned char>(t[i]) == 0xC2 && static_cast<unsigned char>(t[i + 1]) == 0xAD) points.push_back(i + 2);
            std::sort(points.begin(), points.end());
            points.erase(std::unique(points.begin(), points.end()), points.end());
        }
        emergency_.clear();
        if (anywhere) {
            // Every glyph cluster's start inside the word that is no break point already.
            for (std::uint32_t s = a; s < b;) {
                const text::TextRun& r = out.itemized.runs[run_at(s)];
                const std::uint32_t e = std::min(b, r.end);
                if (r.bidi_level % 2 == 0) {
                    const text::Shaped& shaped = fonts.shape_cache().shape(*r.font, features_of(r), lang_of(r), r.script,
                                                                           r.direction(), std::string_view(t).substr(s, e - s));
                    for (const auto& g : shaped.glyphs) {
                        const std::uint32_t p = s + g.cluster;
                        if (p > a && !std::binary_search(points.begin(), points.end(), p)) emergency_.push_back(p);
                    }
                    if (e < b && !std::binary_search(points.begin(), points.end(), e)) emergency_.push_back(e);
                }
                s = e;
            }
            std::sort(emergency_.begin(), emergency_.end());
            emergency_.erase(std::unique(emergency_.begin(), emergency_.end()), emergency_.end());
            const std::size_t own = points.size();
            points.insert(points.end(), emergency_.begin(), emergency_.end());
            std::inplace_merge(points.begin(), points.begin() + std::ptrdiff_t(own), points.end());
        }
        std::size_t next_point = 0;
        for (std::uint32_t s = a; s < b;) {
            const std::size_t ri = run_at(s);
            const text::TextRun& r = out.itemized.runs[ri];
            const std::uint32_t e = std::min(b, r.end);
            const text::Shaped& shaped =
                fonts.shape_cache().shape(*r.font, features_of(r), lang_of(r), r.script, r.direction(), std::string_view(t).substr(s, e - s));
            const double scale = scale_of(r), tracking = tracking_of(r);
            // Cut the glyphs at points inside [s, e); a glyph belongs to the piece holding its cluster.
            std::uint32_t g = 0, piece_start = s;
            const auto n = std::uint32_t(shaped.glyphs.size());
            auto emit = [&](std::uint32_t g_end, std::uint32_t text_end) {
                Piece pc{std::uint32_t(ri), piece_start, text_end, &shaped, s, g, g_end, scale, tracking};
                double w = 0;
                for (std::uint32_t k = g; k < g_end; ++k) w += shaped.glyphs[k].x_advance * scale + tracking;
                Item box = Item::box(w, std::uint32_t(out.pieces.size()));
                if (!ragged) box.stretch = box.shrink = w * spec.params.expansion;  // font expansion
                out.items.push_back(box);
                out.pieces.push_back(pc);
                g = g_end;
                piece_start = text_end;
            };
            while (next_point < points.size() && points[next_point] <= s) ++next_point;
            while (next_point < points.size() && points[next_point] < e && r.bidi_level % 2 == 0) {
                const std::uint32_t p = points[next_point++];
                std::uint32_t g_end = g;
                while (g_end < n && s + shaped.glyphs[g_end].cluster < p) ++g_end;
                emit(g_end, p);
                if (std::binary_search(emergency_.begin(), emergency_.end(), p)) {
                    Item pen = Item::penalty_item(0, spec.params.emergency_word_penalty, false, p);
                    pen.emergency = true;
                    out.items.push_back(pen);
                    continue;
                }
                // A capitalised word's points have their own penalty (soft hyphens, the author's
                // own, keep hyphenpenalty).
                const bool capitalised = std::binary_search(capitalised_.begin(), capitalised_.end(), p);
                const bool unsure = std::binary_search(unsure_.begin(), unsure_.end(), p);
                const double penalty = unsure ? spec.params.unsure_name_hyphenpenalty
                                     : capitalised ? spec.params.capitalised_hyphenpenalty : spec.params.hyphenpenalty;
                Item pen = Item::penalty_item(hyphen_width(ri), penalty, true, p);
                pen.discretionary = true;
                out.items.push_back(pen);
            }
            emit(n, e);
            s = e;
        }
    }

    void glue(std::uint32_t at, std::uint32_t end) {
        const text::TextRun& r = out.itemized.runs[run_at(at)];
        const double w = r.font->space_em() * span_of(r).font.size_pt + tracking_of(r);
        if (ragged) out.items.push_back(Item::glue(w, 0, 0, at));
        else out.items.push_back(Item::glue(w, w * spec.params.space_stretch, w * spec.params.space_shrink, at));
        (void)end;
    }

    void finish(std::uint32_t at, bool end_of_paragraph) {
        // TeX's \par: \unskip \penalty10000 \hskip\parfillskip \penalty-10000.
        while (!out.items.empty() && out.items.back().kind == ItemKind::Glue) out.items.pop_back();
        out.items.push_back(Item::penalty_item(0, kInfinitePenalty, false, at));
        Item fill = Item::glue(0, 1, 0, at);
        fill.fil = true;
        out.items.push_back(fill);
        out.items.push_back(Item::penalty_item(0, -kInfinitePenalty, false, at));
        (void)end_of_paragraph;
    }
};

// The index of the paragraph's last interword glue, or SIZE_MAX when a forced break (U+2028)
// comes after it or there is none: every break from there on leaves a runt.
std::size_t last_word_start(const std::vector<Item>& items) {
    if (items.size() < 4) return SIZE_MAX;
    // Before \penalty10000 \hskip\parfillskip \penalty-10000.
    for (std::size_t i = items.size() - 3; i-- > 0;) {
        const Item& it = items[i];
        if (it.kind == ItemKind::Penalty && it.penalty <= -kInfinitePenalty) return SIZE_MAX;
        if (it.kind == ItemKind::Glue) return i;
    }
    return SIZE_MAX;
}

}  // namespace

ParagraphItems build_items(const text::StyledParagraph& paragraph, const LineSpec& spec, text::FontCollection& fonts,
                           Diagnostics& diagnostics, ItemsFor purpose) {
    ParagraphItems out;
    out.itemized = text::itemize(paragraph, fonts, diagnostics);
    if (!paragraph.spans.empty()) out.em_pt = paragraph.spans.front().font.size_pt;
    const std::string& t = out.itemized.text;
    Builder b{paragraph, spec, fonts, out, spec.alignment != Alignment::Justified, 0, {}, {}, {}, {}, UINT32_MAX, nullptr, UINT32_MAX, nullptr, {}, false, {}};
    b.emergency_breaks = purpose == ItemsFor::Paragraph;
    out.items.reserve(t.size() / 2 + 8);
    out.pieces.reserve(t.size() / 3 + 4);
    if (spec.first_indent_pt > 0 && purpose == ItemsFor::Paragraph) out.items.push_back(Item::box(spec.first_indent_pt, kNoPiece));
    if (t.empty()) {
        b.finish(0, true);
        return out;
    }
    const Hyphenation hyphenation = purpose == ItemsFor::SingleLine ? Hyphenation::Off : spec.hyphenation;
    const auto breaks = text::line_break_opportunities(t, paragraph.lang);
    std::uint32_t s = 0;
    // Leading spaces are dropped, as TeX drops them in horizontal mode's start.
    while (s < t.size()) {
        std::size_t k = s;
        if (!is_space(decode_utf8(t, k)) ) break;
        s = std::uint32_t(k);
    }
    for (const auto& br : breaks) {
        const std::uint32_t e = br.offset;
        if (e <= s) continue;
        // Trailing whitespace of the segment [s, e).
        std::uint32_t ws = e;
        bool hard = false;
        while (ws > s) {
            const char32_t cp = last_cp(t, s, ws);
            if (!is_space(cp)) break;
            if (is_hard_break(cp)) hard = true;
            std::uint32_t k = ws - 1;
            while (k > s && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
            ws = k;
        }
        if (ws > s) b.word(s, ws, hyphenation);
        const bool at_end = e >= t.size();
        if (at_end) {
            b.finish(ws, true);
        } else if (hard && purpose == ItemsFor::Paragraph) {
            b.finish(ws, false);
        } else if (ws < e) {
            if (purpose == ItemsFor::Paragraph && b.ends_single_letter_word(s, ws))
                out.items.push_back(Item::penalty_item(0, spec.params.single_letter_penalty, false, ws));
            // A spaced dash never starts a line: the space before it is TeX's tie (`word~-- word`).
            if (purpose == ItemsFor::Paragraph && starts_spaced_dash(t, e))
                out.items.push_back(Item::penalty_item(0, kInfinitePenalty, false, ws));
            b.glue(ws, e);
        } else if (purpose == ItemsFor::Paragraph && ws > s) {
            // A break inside a word: after an explicit hyphen or dash (TeX's \exhyphenpenalty,
            // flagged), else (after a slash, before an opening bracket …) at \hyphenpenalty.
            if (is_explicit_hyphen(last_cp(t, s, ws)))
                out.items.push_back(Item::penalty_item(0, spec.params.exhyphenpenalty, true, e));
            else
                out.items.push_back(Item::penalty_item(0, spec.params.hyphenpenalty, false, e));
        }
        s = e;
    }
    if (out.items.empty() || out.items.back().kind != ItemKind::Penalty || out.items.back().penalty > -kInfinitePenalty)
        b.finish(std::uint32_t(t.size()), true);
    if (purpose == ItemsFor::Paragraph) out.runt_from = last_word_start(out.items);
    return out;
}

std::optional<ParagraphItems> with_extra_tracking(const ParagraphItems& p, const text::StyledParagraph& paragraph,
                                                  const LineSpec& spec, text::FontCollection& fonts, double extra_em) {
    const auto& runs = p.itemized.runs;
    auto run_of = [&](std::uint32_t offset) -> const text::TextRun& {  // the run holding a byte
        auto it = std::upper_bound(runs.begin(), runs.end(), offset,
                                   [](std::uint32_t o, const text::TextRun& r) { return o < r.start; });
        return it == runs.begin() ? *it : *(it - 1);
    };
    auto extra_pt = [&](const text::TextRun& r) { return extra_em * paragraph.spans[r.span].font.size_pt; };
    const bool ragged = spec.alignment != Alignment::Justified;
    double narrowest = spec.width_of_line(0) - spec.first_indent_pt;
    for (double x : spec.widths_pt) narrowest = std::min(narrowest, x);

    ParagraphItems out = p;
    for (Piece& pc : out.pieces) pc.tracking_pt += extra_pt(runs[pc.run]);
    double word = 0;  // the width of the word being read: boxes since the last glue
    for (Item& it : out.items) {
        switch (it.kind) {
        case ItemKind::Box:
            if (it.ref != kNoPiece) {
                const Piece& pc = out.pieces[it.ref];
                it.width += extra_pt(runs[pc.run]) * double(pc.g1 - pc.g0);
                if (!ragged) it.stretch = it.shrink = it.width * spec.params.expansion;
                word += it.width;
                if (!spec.widths_pt.empty() && word > narrowest) return std::nullopt;
            }
            break;
        case ItemKind::Glue:
            word = 0;
            if (it.fil) break;  // \parfillskip
            it.width += extra_pt(run_of(it.ref));
            if (!ragged) {
                it.stretch = it.width * spec.params.space_stretch;
                it.shrink = it.width * spec.params.space_shrink;
            }
            break;
        case ItemKind::Penalty:
            if (it.emergency) return std::nullopt;
            if (it.discretionary && it.width > 0) {
                // The hyphen's glyphs, as build_items shaped them for this run.
                const text::TextRun& r = run_of(it.ref);
                const text::StyledSpan& span = paragraph.spans[r.span];
                const text::Shaped& h = fonts.shape_cache().shape(*r.font, fonts.shape_cache().features(span.font.features),
                                                                  text::span_language(paragraph, span), r.script,
                                                                  r.direction(), "-");
                it.width += extra_pt(r) * double(h.glyphs.size());
            }
            break;
        }
    }
    return out;
}

std::string dump(const ParagraphItems& p) {
    std::string out;
    char buf[160];
    for (const auto& it : p.items) {
        switch (it.kind) {
        case ItemKind::Box:
            if (it.stretch > 0) std::snprintf(buf, sizeof buf, "box %.2f~%.2f", it.width, it.stretch);
            else std::snprintf(buf, sizeof buf, "box %.2f", it.width);
            out += buf;
            if (it.ref != kNoPiece) {
                const Piece& pc = p.pieces[it.ref];
                out += " \"" + p.itemized.text.substr(pc.start, pc.end - pc.start) + "\"";
            }
            break;
        case ItemKind::Glue:
            std::snprintf(buf, sizeof buf, "glue %.2f+%.2f%s-%.2f", it.width, it.stretch, it.fil ? "fil" : "", it.shrink);
            out += buf;
            break;
        case ItemKind::Penalty:
            std::snprintf(buf, sizeof buf, "penalty %g%s%s w=%.2f", it.penalty, it.flagged ? " flagged" : "",
                          it.discretionary ? " discretionary" : "", it.width);
            out += buf;
            break;
        }
        out += '\n';
    }
    return out;
}

}  // namespace quire::linebreak
