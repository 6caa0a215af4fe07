// Display type (page/display_lines.hpp): balanced titles broken by sense, capitals without negative
// tracking, a hanging opening quote; and lining figures in codes (page/styled.hpp).
#include "linebreak/paragraph_setter.hpp"
#include "page/display_lines.hpp"
#include "page/styled.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace quire;

namespace {

text::StyledParagraph title(const std::string& s) {
    text::FontSpec f{.family = "Inter Display", .weight = 700, .slant = text::Slant::Upright, .size_pt = 27,
                     .features = {"kern"}, .tracking_em = -0.012};
    text::StyledParagraph p;
    p.spans.push_back(text::StyledSpan{s, f, "", "", {}});
    p.lang = "en";
    return p;
}

std::vector<std::string> lines_of(const text::StyledParagraph& p, double width, text::FontCollection& fonts) {
    linebreak::LineSpec spec;
    spec.widths_pt = {width};
    spec.alignment = linebreak::Alignment::RaggedRight;
    spec.hyphenation = linebreak::Hyphenation::Off;
    Diagnostics d;
    std::vector<std::string> out;
    for (const auto& l : linebreak::set_paragraph(p, spec, fonts, d).lines) out.push_back(l.text);
    return out;
}

text::StyledParagraph standfirst(const std::string& s) {
    text::FontSpec f{.family = "Vollkorn", .weight = 400, .slant = text::Slant::Italic, .size_pt = 12.5,
                     .features = {"kern"}, .tracking_em = 0};
    text::StyledParagraph p;
    p.spans.push_back(text::StyledSpan{s, f, "", "", {}});
    p.lang = "en";
    return p;
}

std::string last_word(const std::string& line) { return line.substr(line.find_last_of(' ') + 1); }

}  // namespace

TEST_CASE("display lines: a standfirst takes a line more rather than end one in a function word") {
    // Set in the fewest lines (four at this measure) every break leaves "In the" or "the" at a
    // line's end, as the magazine layout's standfirst did before (report-kakheti, long-road).
    text::FontCollection fonts;
    const auto p = standfirst("For two centuries Georgia\u2019s wine went north, to Russia. In the vineyards of Kakheti, a "
                              "new generation of winemakers is betting on buyers in Warsaw, Berlin and Tokyo instead. "
                              "[Sample report written for quire\u2019s example issue; the people quoted are fictional.]");
    const auto ragged = lines_of(p, 318.44, fonts);
    const auto after = lines_of(page::balance_display_lines(p, 318.44, fonts), 318.44, fonts);
    REQUIRE(after.size() >= ragged.size());
    CHECK(after.size() <= ragged.size() + 1);
    for (std::size_t i = 0; i + 1 < after.size(); ++i) CHECK_FALSE(page::is_function_word(last_word(after[i]), "en"));
    CHECK(after.front() == "For two centuries Georgia\u2019s wine went north, to Russia.");  // at the sentence's end
}

TEST_CASE("display lines: a name of two capitalised words stays on one line") {
    text::FontCollection fonts;
    const auto p = standfirst("A traveller\u2019s history of the mountain roads between the Black Sea and the Caspian is at "
                              "its best when it listens to the drivers. [Sample review written for quire\u2019s example "
                              "issue; the book and its author are fictional.]");
    const auto after = lines_of(page::balance_display_lines(p, 318.44, fonts), 318.44, fonts);
    REQUIRE(after.size() >= 2);
    for (const auto& l : after) CHECK(last_word(l) != "Black");
}

TEST_CASE("display lines: a long word alone on the last line is no runt, a short one is") {
    CHECK(page::is_display_runt(40, 388));
    CHECK_FALSE(page::is_display_runt(263, 388));  // "անվտանգությունը" at 27 pt: a line of its own
}

TEST_CASE("display lines: function words stay with the next line and the last line is no runt") {
    text::FontCollection fonts;
    const auto p = title("Armenia as a mere pawn in Russia\u2019s Kazakhstan strategy");
    const auto before = lines_of(p, 388.3, fonts);
    const auto after = lines_of(page::balance_display_lines(p, 388.3, fonts), 388.3, fonts);
    REQUIRE(after.size() == before.size());
    REQUIRE(after.size() == 2);
    CHECK(after[0] == "Armenia as a mere pawn");
    for (const auto& l : after) CHECK_FALSE(page::is_function_word(l.substr(l.find_last_of(' ') + 1), "en"));
    const auto q = title("What will the Baton Rouge council decide to do in 2022?");
    const auto balanced = lines_of(page::balance_display_lines(q, 300, fonts), 300, fonts);
    REQUIRE(balanced.size() >= 2);
    CHECK(balanced.back().find(' ') != std::string::npos);  // not "2022?" alone
    for (const auto& l : balanced) CHECK_FALSE(page::is_function_word(l.substr(l.find_last_of(' ') + 1), "en"));
}

TEST_CASE("display lines: a title of one line and one with the author's breaks come back unchanged") {
    text::FontCollection fonts;
    const auto p = title("Short title");
    CHECK(page::balance_display_lines(p, 300, fonts).spans.front().text == "Short title");
    const auto q = title("A title\u2028broken by hand and long enough to need two lines anyway");
    CHECK(page::balance_display_lines(q, 200, fonts).spans.front().text == q.spans.front().text);
}

TEST_CASE("display lines: function words by language") {
    CHECK(page::is_function_word("The", "en"));
    CHECK(page::is_function_word("in", "en-GB"));
    CHECK_FALSE(page::is_function_word("Baton", "en"));
    CHECK(page::is_function_word("w", "pl"));
    CHECK(page::is_function_word("\u0432", "ru"));
    CHECK_FALSE(page::is_function_word("the", "xx"));
    CHECK(page::is_function_word("\u0587", "hy"));              // և "and"
    CHECK(page::is_function_word("\u10D3\u10D0", "ka"));        // და "and"
    CHECK_FALSE(page::is_function_word("\u10E1\u10D0\u10E5\u10D0\u10E0\u10D7\u10D5\u10D4\u10DA\u10DD", "ka"));
    CHECK(page::is_function_word("\u0219i", "ro"));              // și
}

TEST_CASE("display lines: capitals lose negative tracking, mixed case keeps it") {
    auto caps = title("THE BATON PASSES");
    page::no_negative_tracking_on_capitals(caps);
    CHECK(caps.spans.front().font.tracking_em == 0.0);
    auto mixed = title("The Baton passes");
    page::no_negative_tracking_on_capitals(mixed);
    CHECK(mixed.spans.front().font.tracking_em < 0.0);
}

TEST_CASE("display lines: an opening quote hangs into the margin by its width") {
    text::FontCollection fonts;
    Diagnostics d;
    linebreak::LineSpec spec;
    spec.widths_pt = {400};
    spec.alignment = linebreak::Alignment::RaggedRight;
    auto set = linebreak::set_paragraph(title("\u201CNever again\u201D"), spec, fonts, d);
    REQUIRE(set.lines.size() == 1);
    CHECK(set.lines[0].x_offset_pt == 0.0);
    page::hang_opening_quote(set);
    CHECK(set.lines[0].x_offset_pt < -3.0);
    CHECK(set.lines[0].x_offset_pt > -20.0);
    auto plain = linebreak::set_paragraph(title("Never again"), spec, fonts, d);
    page::hang_opening_quote(plain);
    CHECK(plain.lines[0].x_offset_pt == 0.0);
}

TEST_CASE("lining figures: codes and ordinals get lnum where the text has onum, years stay old-style") {
    style::ParagraphStyle s;
    s.features = {"kern", "onum"};
    const text::StyledParagraph p = page::styled_text("the A1 road on the 1st of May 2022 and COVID-19", s, "en");
    std::string lining;
    for (const auto& span : p.spans) {
        const bool lnum = std::find(span.font.features.begin(), span.font.features.end(), "lnum") != span.font.features.end();
        if (lnum) lining += "[" + span.text + "]";
    }
    CHECK(lining == "[1][1][19]");

    // Numbers of only 0 and 1 read as letters in old-style figures ("Ioo"): lining. Any other digit
    // makes a number read as one: it stays old-style.
    auto lining_runs = [&](const std::string& text) {
        std::string out;
        for (const auto& span : page::styled_text(text, s, "en").spans)
            if (std::find(span.font.features.begin(), span.font.features.end(), "lnum") != span.font.features.end())
                out += "[" + span.text + "]";
        return out;
    };
    CHECK(lining_runs("100 soldiers, 10 tanks and 1,000 mines") == "[100][10][1,000]");
    CHECK(lining_runs("150 soldiers in 2019, 101.5 km") == "");   // 5, 9, 2: read as numbers
    CHECK(lining_runs("the 100th day") == "[100]");               // an ordinal: lining by its own rule
    style::ParagraphStyle sans;
    sans.features = {"kern"};
    CHECK(page::styled_text("A1", sans, "en").spans.size() == 1);
}
