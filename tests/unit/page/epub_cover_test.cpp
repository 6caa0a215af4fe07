// The EPUB's drawn cover as a page (page/epub_cover.hpp), read through its display list.
#include "page/epub_cover.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace quire;

namespace {

struct TitleFacts {
    std::string text;            // the title items' text, in order, without spaces
    std::vector<double> baselines;
    double size = 0;
    double right = 0;            // the rightmost glyph run's end
    double below = 0;            // the highest baseline of anything after the title
};

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

TitleFacts title_facts(const page::PageDocument& doc) {
    TitleFacts f;
    f.below = 1e9;
    bool after = false;
    REQUIRE(doc.pages.size() == 1);
    for (const page::Item& item : doc.pages[0].items) {
        const auto* t = std::get_if<page::TextItem>(&item);
        if (!t) continue;
        if (t->role == "H1") {
            f.text += t->run.text;
            if (f.baselines.empty() || f.baselines.back() != t->y) f.baselines.push_back(t->y);
            f.size = t->run.size_pt;
            f.right = std::max(f.right, t->x + t->run.x_start_pt + t->run.width_pt);
            after = true;
        } else if (after) {
            f.below = std::min(f.below, t->y);
        }
    }
    f.text = without_spaces(f.text);
    return f;
}

page::PageDocument cover(const page::CoverText& text, page::CoverSize size = {}) {
    const style::Layout layout = style::load_layout_or_throw("magazine");
    Diagnostics diagnostics;
    return page::lay_out_epub_cover(text, layout, std::make_shared<text::FontCollection>(), size, diagnostics);
}

page::CoverText english(const std::string& title) {
    return {"New Eastern Europe", "Articles and Commentary", title, "Aleksandar Srbinovski", "17 January 2022", "en"};
}

}  // namespace

TEST_CASE("epub cover: one page of the image's size, with the whole title on it") {
    const auto doc = cover(english("Armenia as a mere pawn in Russia\u2019s Kazakhstan strategy"));
    CHECK(doc.geometry.trim.width.pt() == 1200);
    CHECK(doc.geometry.trim.height.pt() == 1800);
    const TitleFacts f = title_facts(doc);
    CHECK(f.text == without_spaces("Armenia as a mere pawn in Russia\u2019s Kazakhstan strategy"));
    CHECK(f.baselines.size() >= 2);
    CHECK(f.baselines.size() <= 6);
    CHECK(f.right <= 1200 - 108 + 0.01);  // inside the right margin (9 % of the width)
    CHECK(f.baselines.back() < f.below);  // above the byline
}

TEST_CASE("epub cover: a long title is never cut, and shrinks to fit above the byline") {
    const std::string short_title = "Armenia as a mere pawn";
    std::string long_title;
    for (int i = 0; i < 12; ++i) long_title += "Kazakhstan unrest and the Collective Security Treaty Organisation ";
    long_title.pop_back();
    const TitleFacts s = title_facts(cover(english(short_title)));
    const auto doc = cover(english(long_title));
    const TitleFacts l = title_facts(doc);
    CHECK(l.text == without_spaces(long_title));  // every word of it, none cut off
    CHECK(l.size < s.size * 0.5);
    CHECK(l.right <= 1200 - 108 + 0.01);
    CHECK(l.baselines.back() < l.below);
    CHECK(l.below < 1800);
}

TEST_CASE("epub cover: a word wider than the measure shrinks the title instead of overflowing") {
    const std::string word = "Pneumonoultramicroscopicsilicovolcanoconiosis";
    const TitleFacts f = title_facts(cover(english("The " + word)));
    CHECK(f.text == "The" + word);
    CHECK(f.right <= 1200 - 108 + 0.01);
}

TEST_CASE("epub cover: long Georgian and Armenian titles wrap inside the measure in their own faces") {
    const page::CoverText georgian{"", "კომენტარი",
                                   "საქართველო და ევროპული არჩევანი: რას ნიშნავს კანდიდატის სტატუსი ქვეყნის "
                                   "დემოკრატიული განვითარებისთვის და რეგიონის უსაფრთხოებისთვის",
                                   "ნინო ბერიძე", "26 მაისი, 2022", "ka"};
    const page::CoverText armenian{"", "Մեկնաբանություն",
                                   "Հայաստանը և տարածաշրջանի անվտանգությունը՝ Ռուսաստանի, Թուրքիայի և "
                                   "Եվրոպական միության միջև",
                                   "Անի Հակոբյան", "17 հունվարի, 2022 թ.", "hy"};
    for (const auto& text : {georgian, armenian}) {
        CAPTURE(text.lang);
        const auto doc = cover(text);
        const TitleFacts f = title_facts(doc);
        CHECK(f.text == without_spaces(text.title));
        CHECK(f.baselines.size() >= 3);
        CHECK(f.right <= 1200 - 108 + 0.01);
        CHECK(f.baselines.back() < f.below);
        // Set in a face that has the script (the style's fallback), not in .notdef boxes.
        for (const page::Item& item : doc.pages[0].items)
            if (const auto* t = std::get_if<page::TextItem>(&item); t && t->role == "H1")
                for (const auto& g : t->run.glyphs) CHECK(g.id != 0);
    }
}

TEST_CASE("epub cover: without a magazine name, author or date the cover still has its title") {
    const auto doc = cover({"", "", "A title alone", "", "", "en"}, {300, 450});
    CHECK(doc.geometry.trim.width.pt() == 300);
    const TitleFacts f = title_facts(doc);
    CHECK(f.text == "Atitlealone");
    CHECK(f.right <= 300 - 27 + 0.01);
}
