// Setting real paragraphs with the bundled fonts: every character back in order, a test per
// script, and golden dumps of items and lines (QUIRE_UPDATE_GOLDEN=1 rewrites them).
#include "linebreak/items.hpp"
#include "linebreak/paragraph_setter.hpp"

#include "core/output_file.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace quire;
using namespace quire::linebreak;

namespace {

const std::filesystem::path kData = std::filesystem::path(QUIRE_TEST_DATA) / "text";

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

text::StyledParagraph paragraph(const std::string& text, const std::string& lang, double size = 9.5) {
    text::StyledParagraph p;
    p.lang = lang;
    text::FontSpec f;
    f.size_pt = size;
    p.spans.push_back(text::StyledSpan{text, f, {}, {}, SourceSpan{"para", 1, 1}});
    return p;
}

// The paragraph's characters from the lines: hyphens added at breaks removed, lines joined by a
// space unless the line ended inside a word or after a hyphen or dash.
std::string rejoin(const SetParagraph& set) {
    std::string out;
    for (std::size_t i = 0; i < set.lines.size(); ++i) {
        const SetLine& l = set.lines[i];
        std::string t = l.text;
        if (l.hyphenated) {
            REQUIRE(t.back() == '-');
            t.pop_back();
            out += t;
            continue;
        }
        out += t;
        const bool after_dash = !t.empty() && (t.back() == '-' || t.ends_with("\xE2\x80\x94") || t.ends_with("\xE2\x80\x93"));
        if (i + 1 < set.lines.size() && !after_dash && !l.broken_word) out += ' ';
    }
    return out;
}

// Every run's clusters cover its text exactly, and glyph positions increase along the line.
void check_runs(const SetParagraph& set) {
    for (const auto& l : set.lines) {
        std::string from_runs;
        for (const auto& r : l.runs) {
            int bytes = 0, glyphs = 0;
            for (const auto& c : r.clusters) { bytes += c.num_bytes; glyphs += c.num_glyphs; CHECK(c.num_glyphs > 0); }
            CHECK(bytes == int(r.text.size()));
            CHECK(glyphs == int(r.glyphs.size()));
            for (std::size_t k = 1; k < r.glyphs.size(); ++k) CHECK(r.glyphs[k].x_pt >= r.glyphs[k - 1].x_pt - 2.0);
            from_runs += r.text;
        }
        CHECK(from_runs.size() >= l.text.size());
    }
}

void check_golden(const std::string& name, const std::string& actual) {
    const auto path = kData / "golden" / name;
    if (const char* regen = std::getenv("QUIRE_UPDATE_GOLDEN"); regen && std::string(regen) == "1") {  // as every other golden
        std::filesystem::create_directories(path.parent_path());
        write_file_atomically(path, actual);
        MESSAGE("regenerated " << path.string());
        return;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(path), "missing golden file " << path.string() << " (QUIRE_UPDATE_GOLDEN=1)");
    CHECK(read_file(path) == actual);
}

}  // namespace

TEST_CASE("every character comes back, in order, in every script and setting") {
    text::FontCollection fonts;
    struct Case { const char* file; const char* lang; };
    for (const Case c : {Case{"en1.txt", "en"}, Case{"en2.txt", "en"}, Case{"pl1.txt", "pl"}, Case{"pl2.txt", "pl"},
                         Case{"ru1.txt", "ru"}, Case{"ru2.txt", "ru"}, Case{"uk1.txt", "uk"}, Case{"uk2.txt", "uk"}}) {
        const std::string source = normalise(read_file(kData / "paragraphs" / c.file));
        for (auto align : {Alignment::Justified, Alignment::RaggedRight, Alignment::Centred}) {
            for (double width : {156.0, 300.0}) {
                CAPTURE(c.file);
                CAPTURE(width);
                LineSpec spec;
                spec.widths_pt = {width};
                spec.alignment = align;
                Diagnostics d;
                const SetParagraph set = set_paragraph(paragraph(source, c.lang), spec, fonts, d);
                CHECK(d.empty());
                CHECK(rejoin(set) == source);
                check_runs(set);
                int run = 0;
                for (const auto& l : set.lines) {
                    run = l.hyphenated ? run + 1 : 0;
                    CHECK(run <= 3);
                    CHECK_FALSE(l.overfull);
                    if (align == Alignment::Justified && &l != &set.lines.back())
                        CHECK(l.width_pt == doctest::Approx(width).epsilon(0.001));
                    else
                        CHECK(l.width_pt <= width + 0.01);
                }
            }
        }
    }
}

TEST_CASE("Armenian and Georgian paragraphs set in their fallback fonts, with nothing missing") {
    text::FontCollection fonts;
    const std::string hy =
        "Հայաստանը Հարավային Կովկասում գտնվող երկիր է, որի մայրաքաղաքը Երևանն է։ Երկրի պատմությունը հազարամյակների "
        "խորքն է գնում, իսկ նրա լեզուն ունի իր յուրահատուկ այբուբենը, որը ստեղծվել է հինգերորդ դարում։";
    const std::string ka =
        "საქართველო სამხრეთ კავკასიაში მდებარე ქვეყანაა, რომლის დედაქალაქია თბილისი. ქართულ ენას საკუთარი "
        "დამწერლობა აქვს, რომელიც მრავალი საუკუნის განმავლობაში ვითარდებოდა.";
    for (const auto& [text, lang, family] : {std::tuple{hy, "hy", "Noto Serif Armenian"}, std::tuple{ka, "ka", "Noto Serif Georgian"}}) {
        Diagnostics d;
        LineSpec spec;
        spec.widths_pt = {156};
        const SetParagraph set = set_paragraph(paragraph(text, lang), spec, fonts, d);
        CHECK(d.empty());
        CHECK(rejoin(set) == text);
        check_runs(set);
        CHECK(set.lines.size() > 3);
        bool fallback = false;
        for (const auto& l : set.lines)
            for (const auto& r : l.runs) fallback |= r.font->family() == family;
        CHECK(fallback);
        for (const auto& l : set.lines) CHECK_FALSE(l.overfull);
    }
}

TEST_CASE("a hyphenated line ends in '-' in its text and in its last run, its clusters include it") {
    text::FontCollection fonts;
    LineSpec spec;
    spec.widths_pt = {120};
    Diagnostics d;
    const SetParagraph set = set_paragraph(
        paragraph(normalise(read_file(kData / "paragraphs" / "en1.txt")), "en"), spec, fonts, d);
    int hyphenated = 0;
    for (const auto& l : set.lines) {
        if (!l.hyphenated) continue;
        ++hyphenated;
        CHECK(l.text.back() == '-');
        CHECK(l.runs.back().text.back() == '-');
    }
    CHECK(hyphenated > 0);
}

TEST_CASE("ragged right keeps word spaces at their natural width, centred lines are centred") {
    text::FontCollection fonts;
    const std::string source = normalise(read_file(kData / "paragraphs" / "en2.txt"));
    LineSpec spec;
    spec.widths_pt = {156};
    spec.alignment = Alignment::RaggedRight;
    Diagnostics d;
    const SetParagraph ragged = set_paragraph(paragraph(source, "en"), spec, fonts, d);
    for (const auto& l : ragged.lines) {
        CHECK(l.width_pt == doctest::Approx(l.natural_width_pt));
        CHECK(l.x_offset_pt == 0);
    }
    spec.alignment = Alignment::Centred;
    const SetParagraph centred = set_paragraph(paragraph(source, "en"), spec, fonts, d);
    for (const auto& l : centred.lines) CHECK(l.x_offset_pt == doctest::Approx((156 - l.width_pt) / 2));
    spec.alignment = Alignment::RaggedLeft;
    const SetParagraph left = set_paragraph(paragraph(source, "en"), spec, fonts, d);
    for (const auto& l : left.lines) CHECK(l.x_offset_pt + l.width_pt == doctest::Approx(156));
}

TEST_CASE("a single line does not break, and links and languages follow their spans") {
    text::FontCollection fonts;
    text::StyledParagraph p = paragraph("New Eastern Europe · ", "en", 7.5);
    p.spans.push_back(text::StyledSpan{"Articles and Commentary", p.spans[0].font, "en", "https://example.org/s", {}});
    p.spans[1].font.features = {"smcp"};
    Diagnostics d;
    const SetLine line = set_single_line(p, fonts, d);
    CHECK(line.text == "New Eastern Europe · Articles and Commentary");
    REQUIRE(line.runs.size() == 2);
    CHECK(line.runs[1].href == "https://example.org/s");
    CHECK(line.width_pt == doctest::Approx(fonts.measure("New Eastern Europe · ", p.spans[0].font) +
                                           fonts.measure("Articles and Commentary", p.spans[1].font)).epsilon(0.01));
}

TEST_CASE("golden dumps: items and lines of a mixed-script paragraph") {
    text::FontCollection fonts;
    text::StyledParagraph p = paragraph(
        "In Yerevan (Երևան) and Tbilisi (თბილისი), the Polish word „źdźbło” and the Ukrainian „зобов’язання” "
        "sit beside office English with ligatures; the well-known hyphenation of Kazakhstan’s strategy follows.",
        "en");
    LineSpec spec;
    spec.widths_pt = {120, 156};
    spec.first_indent_pt = 9.5;
    Diagnostics d;
    const ParagraphItems items = build_items(p, spec, fonts, d);
    check_golden("mixed_items.txt", text::dump(items.itemized, p) + "--\n" + dump(items));
    check_golden("mixed_lines.txt", set_paragraph(p, spec, fonts, d).dump());
    CHECK(d.empty());
}

namespace {

// The penalties of the hyphenation points in a two-word paragraph's first word and in the rest,
// with hyphenpenalty 50 and capitalised_hyphenpenalty 700.
struct WordPenalties {
    std::vector<double> first, rest;
};
WordPenalties word_penalties(const std::string& text, const std::string& lang) {
    text::FontCollection fonts;
    const text::StyledParagraph p = paragraph(text, lang);
    LineSpec spec;
    spec.params.hyphenpenalty = 50;
    spec.params.capitalised_hyphenpenalty = 700;
    Diagnostics d;
    const std::uint32_t space = std::uint32_t(text.find(' '));
    WordPenalties out;
    for (const auto& it : build_items(p, spec, fonts, d).items)
        if (it.kind == ItemKind::Penalty && it.discretionary) (it.ref < space ? out.first : out.rest).push_back(it.penalty);
    return out;
}

void check_penalties(const WordPenalties& w, double first, double rest) {
    REQUIRE_FALSE(w.first.empty());
    REQUIRE_FALSE(w.rest.empty());
    for (double pen : w.first) CHECK(pen == first);
    for (double pen : w.rest) CHECK(pen == rest);
}

}  // namespace

TEST_CASE("a capitalised word's hyphenation points carry capitalised_hyphenpenalty, others hyphenpenalty") {
    check_penalties(word_penalties("independence Kazakhstan’s", "en"), 50, 700);
}

TEST_CASE("a sentence's first word is a name only if the paragraph has it capitalised mid-sentence too") {
    // Capitalised by its place only: hyphenpenalty, as the proof never counts it as a name.
    check_penalties(word_penalties("Nevertheless independence", "en"), 50, 50);
    check_penalties(word_penalties("Independence. Nevertheless", "en"), 50, 50);
    // The same word mid-sentence ("…, Kazakhstan") shows it is a name wherever it stands.
    check_penalties(word_penalties("Kazakhstan, Kazakhstan", "en"), 700, 700);
}

TEST_CASE("a month or a demonym is capitalised but no name: its points carry hyphenpenalty") {
    check_penalties(word_penalties("Ukrainian Petrosian", "en"), 50, 700);
}

TEST_CASE("a Georgian surname (no case: told by its ending) carries capitalised_hyphenpenalty, other words hyphenpenalty") {
    // "ჯავახიშვილმა ისტორია დაწერა": Javakhishvili (ergative) wrote history; ისტორია ends in -ია too, but is no name.
    check_penalties(word_penalties("\u10EF\u10D0\u10D5\u10D0\u10EE\u10D8\u10E8\u10D5\u10D8\u10DA\u10DB\u10D0 \u10D8\u10E1\u10E2\u10DD\u10E0\u10D8\u10D0 \u10D3\u10D0\u10EC\u10D4\u10E0\u10D0", "ka"),
                    700, 50);
}

TEST_CASE("a Georgian word glossed by a Latin transliteration in parentheses carries capitalised_hyphenpenalty") {
    // "გამსახურდია (Gamsakhurdia)": -ია is not in the surname table (ისტორია ends so); the gloss tells.
    auto name_penalties = [](const std::string& text) { return word_penalties(text, "ka").first; };
    const auto glossed = name_penalties("\u10D2\u10D0\u10DB\u10E1\u10D0\u10EE\u10E3\u10E0\u10D3\u10D8\u10D0 (Gamsakhurdia)");
    const auto bare = name_penalties("\u10D2\u10D0\u10DB\u10E1\u10D0\u10EE\u10E3\u10E0\u10D3\u10D8\u10D0 \u10D7\u10E5\u10D5\u10D0");
    REQUIRE_FALSE(glossed.empty());
    for (double pen : glossed) CHECK(pen == 700);
    for (double pen : bare) CHECK(pen == 50);
}

TEST_CASE("the capitalised penalty keeps a name whole where that costs little, and breaks it where it must") {
    text::FontCollection fonts;
    // A column just too narrow for the name beside the words before it.
    const std::string text = "The strategy of Kazakhstan and Azerbaijan in the region changed after the unrest of January.";
    auto names_broken = [&](double capitalised) {
        LineSpec spec;
        spec.widths_pt = {96};
        spec.params.capitalised_hyphenpenalty = capitalised;
        Diagnostics d;
        const SetParagraph set = set_paragraph(paragraph(text, "en"), spec, fonts, d);
        int broken = 0;
        for (const auto& l : set.lines)
            if (l.hyphenated && (l.text.ends_with("Ka-") || l.text.ends_with("Kaz-") || l.text.ends_with("Kazakh-") ||
                                 l.text.ends_with("Azer-") || l.text.ends_with("Azerbai-") || l.text.ends_with("Az-")))
                ++broken;
        CHECK(rejoin(set) == normalise(text));
        return broken;
    };
    // Never more names broken with the penalty than without it.
    CHECK(names_broken(500) <= names_broken(50));
    // An infinite penalty forbids it (TeX's \uchyph=0): the paragraph still sets.
    CHECK(names_broken(10000) == 0);
}

TEST_CASE("font expansion: justified lines scale their glyphs within ±3 % in 0.5 % steps and still fill the measure") {
    text::FontCollection fonts;
    Diagnostics d;
    double mean_with = 0, mean_without = 0;
    int lines = 0;
    for (const char* name : {"en1.txt", "pl1.txt", "ru1.txt", "uk1.txt"}) {
        const std::string lang(name, 2);
        const text::StyledParagraph p = paragraph(normalise(read_file(kData / "paragraphs" / name)), lang);
        LineSpec spec;
        spec.widths_pt = {156};
        const SetParagraph set = set_paragraph(p, spec, fonts, d);
        int scaled = 0;
        for (std::size_t i = 0; i < set.lines.size(); ++i) {
            const SetLine& l = set.lines[i];
            CHECK(l.glyph_scale >= 0.97 - 1e-9);
            CHECK(l.glyph_scale <= 1.03 + 1e-9);
            const double steps = (l.glyph_scale - 1.0) / 0.005;
            CHECK(std::abs(steps - std::round(steps)) < 1e-6);
            if (l.glyph_scale != 1.0) ++scaled;
            CHECK_FALSE(l.overfull);
            if (i + 1 == set.lines.size()) {
                CHECK(l.glyph_scale <= 1.0);  // a last line is never stretched
                continue;
            }
            CHECK(l.width_pt == doctest::Approx(l.target_width_pt).epsilon(1e-6));  // justified, glyphs scaled
            CHECK(l.ratio >= -1.0);
            mean_with += std::abs(l.ratio);
            ++lines;
        }
        CHECK(scaled > 0);
        spec.params.expansion = 0;
        const SetParagraph plain = set_paragraph(p, spec, fonts, d);
        for (std::size_t i = 0; i < plain.lines.size(); ++i) {
            CHECK(plain.lines[i].glyph_scale == 1.0);
            if (i + 1 < plain.lines.size()) mean_without += std::abs(plain.lines[i].ratio) / double(plain.lines.size() - 1);
        }
        // Ragged settings never expand.
        spec.params.expansion = 0.03;
        spec.alignment = Alignment::RaggedRight;
        for (const auto& l : set_paragraph(p, spec, fonts, d).lines) CHECK(l.glyph_scale == 1.0);
    }
    mean_with /= lines;
    mean_without /= 4;
    // The word spaces vary less: on these paragraphs about 0.6 against 1.0 (docs/text-engine.md).
    CHECK(mean_with < 0.8 * mean_without);
}

TEST_CASE("Polish, Czech and Cyrillic one-letter words never end a line: tied to the next word") {
    text::FontCollection fonts;
    Diagnostics d;
    auto ends_in_one_letter = [](const std::string& line) {
        const auto space = line.rfind(' ');
        const std::string last = space == std::string::npos ? line : line.substr(space + 1);
        std::size_t k = 0;
        text::decode_utf8(last, k);
        return !last.empty() && k == last.size();
    };
    const std::vector<std::pair<std::string, std::string>> texts = {
        {"pl", "W Polsce i w Czechach o tym, z kim i w jaki sposób rozmawiać, decydują w praktyce a nie w teorii "
               "ludzie, którzy z uwagą i z wyczuciem piszą o sprawach ważnych u nas i w całej Europie."},
        {"ru", "В городе и в деревне о том, с кем и к кому идти, решали у себя дома, а не в конторе, и я знаю "
               "об этом от тех, кто в то время жил в Поволжье и у Каспия."},
    };
    for (const auto& [lang, source] : texts) {
        for (double width : {120.0, 140.0, 156.0, 180.0, 210.0, 300.0}) {
            LineSpec spec;
            spec.widths_pt = {width};
            const SetParagraph set = set_paragraph(paragraph(source, lang), spec, fonts, d);
            for (std::size_t i = 0; i + 1 < set.lines.size(); ++i) {
                INFO(lang << " at " << width << " pt: " << set.lines[i].text);
                CHECK_FALSE(ends_in_one_letter(set.lines[i].text));
            }
            CHECK(rejoin(set) == source);
        }
    }
    // English has no such rule: the space after "a" stays an ordinary break.
    LineSpec spec;
    const ParagraphItems en = build_items(paragraph("I saw a bird", "en"), spec, fonts, d);
    const ParagraphItems pl = build_items(paragraph("Szedł w las", "pl"), spec, fonts, d);
    CHECK(dump(en).find("penalty 10000 ") == dump(en).rfind("penalty 10000 "));  // only the paragraph's end
    CHECK(dump(pl).find("penalty 10000 ") != dump(pl).rfind("penalty 10000 "));  // and the tie after "w"
}

namespace {

// The byte offsets of the discretionary breaks of `p`'s items, under `names`.
std::vector<std::uint32_t> discretionary_points(const text::StyledParagraph& p, NameHyphenation names) {
    text::FontCollection fonts;
    LineSpec spec;
    spec.params.name_hyphenation = names;
    Diagnostics d;
    std::vector<std::uint32_t> out;
    for (const auto& it : build_items(p, spec, fonts, d).items)
        if (it.kind == ItemKind::Penalty && it.discretionary) out.push_back(it.ref);
    return out;
}

}  // namespace

TEST_CASE("names in the paragraph's language: all points, open-syllable points only, or none") {
    // "Kazakhstan" and "Bydgoszcz" in English text, mid-sentence: English patterns would break them where
    // neither language does (Kaza-khstan, By-dgoszcz).
    const text::StyledParagraph p = paragraph("in Kazakhstan Bydgoszcz Washington", "en");
    const std::string& t = p.spans[0].text;
    const auto all = discretionary_points(p, NameHyphenation::All);
    const auto open = discretionary_points(p, NameHyphenation::OpenSyllables);
    CHECK(discretionary_points(p, NameHyphenation::TaggedOnly).empty());
    CHECK(open.size() < all.size());
    const std::string vowels = "aeiouy";
    for (std::uint32_t at : open) {
        INFO("break at " << at << " in " << t);
        CHECK(vowels.find(t[at - 1]) != std::string::npos);
        CHECK(vowels.find(t[at]) == std::string::npos);
        CHECK(vowels.find(t[at + 1]) != std::string::npos);
    }
    // No break inside the consonant clusters of the two foreign names.
    for (std::uint32_t at : open) CHECK(at >= t.find("Washington"));
}

TEST_CASE("a Georgian name under OpenSyllables keeps its open-syllable points: Georgian vowels count") {
    // "ბერიძესთან" ("with Beridze"): ბერი-ძე is an open-syllable point (vowel, one consonant, vowel).
    const text::StyledParagraph p = paragraph("\u10D1\u10D4\u10E0\u10D8\u10EB\u10D4\u10E1\u10D7\u10D0\u10DC", "ka");
    const auto all = discretionary_points(p, NameHyphenation::All);
    const auto open = discretionary_points(p, NameHyphenation::OpenSyllables);
    CHECK_FALSE(open.empty());
    CHECK(open.size() <= all.size());
}

TEST_CASE("a name in a span of another language takes that language's points, whatever the setting") {
    text::StyledParagraph p = paragraph("Grodzisk ", "en");
    text::StyledSpan pl = p.spans[0];
    pl.text = "Bydgoszcz";
    pl.lang = "pl";
    p.spans.push_back(pl);
    const auto points = discretionary_points(p, NameHyphenation::TaggedOnly);
    REQUIRE(points.size() == 1);
    CHECK(p.spans[0].text.size() + 3 == points[0]);  // Byd-goszcz (Polish patterns)
}

TEST_CASE("a word wider than the measure is broken inside, without a hyphen, and said to be (other words are not)") {
    text::FontCollection fonts;
    Diagnostics d;
    LineSpec spec;
    spec.widths_pt = {120.0};
    const std::string code = "XQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQXQ";  // no break point in it
    for (const auto alignment : {Alignment::Justified, Alignment::RaggedRight}) {
        spec.alignment = alignment;
        const std::string text = "The code " + code + " was printed on the ticket.";
        const SetParagraph set = set_paragraph(paragraph(text, "en"), spec, fonts, d);
        REQUIRE(set.lines.size() >= 3);
        int broken = 0;
        for (const SetLine& l : set.lines) {
            INFO(l.text);
            CHECK_FALSE(l.overfull);
            CHECK(l.natural_width_pt <= 120.0 * (1 + kMaxGlyphScaling) + 3.0);  // within what shrinking takes back
            if (l.broken_word) {
                ++broken;
                CHECK_FALSE(l.hyphenated);
                CHECK(l.text.back() != '-');
            }
        }
        CHECK(broken >= 2);
        CHECK(rejoin(set) == text);
        // An ordinary paragraph at the same measure has no such break.
        const SetParagraph plain = set_paragraph(paragraph("The code was printed on the ticket, and nobody read it again.", "en"),
                                                 spec, fonts, d);
        for (const SetLine& l : plain.lines) CHECK_FALSE(l.broken_word);
    }
}
