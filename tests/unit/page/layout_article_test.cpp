// The page layout on articles built in memory, read through the display list (no PDF needed).
#include "page/layout_article.hpp"
#include "page/blocks.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <variant>
#include <map>
#include <set>

using namespace quire;

namespace {

const char* kWords[] = {"Armenia", "involvement", "in", "Kazakhstan’s", "affairs", "quickly", "generated",
                        "backlash", "back", "home.", "As", "the", "current", "government", "came", "to", "power",
                        "through", "popular", "street", "demonstrations", "in", "2018,", "support", "for", "the",
                        "intervention", "was", "viewed", "as", "an", "attack", "on", "democratic", "values."};

std::string sentence_text(int seed, int words) {
    std::string s;
    const int n = static_cast<int>(sizeof kWords / sizeof *kWords);
    for (int i = 0; i < words; ++i) {
        if (i) s += ' ';
        s += kWords[(seed * 7 + i * 3) % n];
    }
    return s + ".";
}

model::Article article(int paragraphs, bool with_photo = false) {
    model::Article a;
    a.id = "test";
    a.lang = "en";
    a.meta.title = "A test of the page layout";
    a.meta.standfirst = model::plain_inlines("A standfirst that says what the article is about.");
    a.meta.section = "Articles and Commentary";
    a.meta.date = "2022-01-17";
    model::Author au;
    au.id = "a1";
    au.name = "Ann Author";
    au.bio = model::plain_inlines("Ann Author writes about the region for the magazine and others.");
    a.meta.authors.push_back(au);
    if (with_photo) {
        model::Figure f;
        f.role = model::FigureRole::Lead;
        f.src = "photo.jpg";
        f.caption = model::plain_inlines("A caption.");
        f.credit = "Someone";
        f.where = SourceSpan{"test.xml", 12, 3};
        a.lead_figure = f;
    }
    for (int i = 0; i < paragraphs; ++i) {
        if (i % 7 == 3) a.body.push_back(model::Block::heading(2, model::plain_inlines("A subheading " + std::to_string(i))));
        a.body.push_back(model::Block::paragraph(model::plain_inlines(sentence_text(i, 40 + (i * 13) % 70))));
    }
    model::BackMatterItem bio;
    bio.kind = model::BackMatterKind::Bio;
    bio.author_id = "a1";
    a.back_matter.push_back(bio);
    model::BackMatterItem notice;
    notice.kind = model::BackMatterKind::Notice;
    notice.notice.kind = "donation";
    notice.notice.content.push_back(model::Block::paragraph(model::plain_inlines("Dear Readers, please donate.")));
    a.back_matter.push_back(notice);
    return a;
}

std::shared_ptr<text::FontCollection> fonts() {
    static auto collection = std::make_shared<text::FontCollection>();
    return collection;
}

page::PageDocument lay_out(const model::Article& a, const std::string& layout_name = "magazine") {
    static std::map<std::string, style::Layout> layouts;
    if (!layouts.count(layout_name)) layouts[layout_name] = style::load_layout_or_throw(layout_name);
    Diagnostics d;
    model::Publication pub;
    pub.name = "The Magazine";
    auto doc = page::lay_out_article(a, &pub, layouts[layout_name], QUIRE_TEST_DATA "/print", fonts(), d);
    INFO(d.to_string());
    CHECK_FALSE(d.has_errors());
    return doc;
}

}  // namespace

TEST_CASE("body lines sit on the baseline grid, and facing columns align") {
    const page::PageDocument doc = lay_out(article(30));
    const double g0 = (doc.geometry.margin_top + doc.geometry.first_baseline).pt();
    int body_lines = 0;
    for (const auto& l : doc.lines) {
        if (l.style != "body" && l.style != "body-first") continue;
        ++body_lines;
        const double k = (l.baseline - g0) / doc.geometry.baseline.pt();
        CHECK(std::abs(k - std::round(k)) < 1e-6);
    }
    CHECK(body_lines > 100);
}

TEST_CASE("no overfull line, no widow, no orphan") {
    const page::PageDocument doc = lay_out(article(60));
    for (const auto& l : doc.lines) {
        INFO(l.text);
        CHECK_FALSE(l.overfull);
        CHECK_FALSE(l.widow);
        CHECK_FALSE(l.orphan);
    }
}

TEST_CASE("running head and folio on every page but the opening") {
    const page::PageDocument doc = lay_out(article(60));
    REQUIRE(doc.pages.size() >= 3);
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        int artifacts = 0;
        for (const auto& item : doc.pages[p].items)
            if (const auto* t = std::get_if<page::TextItem>(&item); t && t->role == "Artifact") ++artifacts;
        if (p == 0) CHECK(artifacts == 0);
        else CHECK(artifacts >= 2);
        CHECK(doc.pages[p].side == (p % 2 == 0 ? page::PageSide::Right : page::PageSide::Left));
    }
}

TEST_CASE("a subheading is followed by at least two lines in its column") {
    const page::PageDocument doc = lay_out(article(60));
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        if (doc.lines[i].style != "subheading") continue;
        REQUIRE(i + 2 < doc.lines.size());
        CHECK(doc.lines[i + 1].page == doc.lines[i].page);
        CHECK(doc.lines[i + 1].column == doc.lines[i].column);
        CHECK(doc.lines[i + 2].column == doc.lines[i].column);
    }
}

TEST_CASE("the last page's columns end on the same line or within one") {
    for (int n : {9, 23, 41}) {
        const page::PageDocument doc = lay_out(article(n));
        const int last = static_cast<int>(doc.pages.size()) - 1;
        std::map<int, double> bottom;
        for (const auto& l : doc.lines)
            if (l.page == last && l.column >= 0 && l.style.rfind("body", 0) == 0)
                bottom[l.column] = std::max(bottom[l.column], l.baseline);
        if (bottom.size() < 2) continue;
        // Back matter sits at the end of the last column: compare text bottoms allowing its height.
        CHECK(bottom[0] >= bottom[1] - doc.geometry.baseline.pt() * 12);
    }
}

TEST_CASE("the opening has the title, the drop cap and the outline") {
    const page::PageDocument doc = lay_out(article(10));
    bool title = false;
    double cap_size = 0;
    for (const auto& item : doc.pages[0].items)
        if (const auto* t = std::get_if<page::TextItem>(&item)) {
            if (t->role == "H1") title = true;
            if (t->run.size_pt > cap_size && t->role == "P") cap_size = t->run.size_pt;
        }
    CHECK(title);
    CHECK(cap_size > 30);  // a three-line initial of 9.5/12 text
    REQUIRE_FALSE(doc.outline.empty());
    CHECK(doc.outline.front().title == "A test of the page layout");
    CHECK(doc.outline.front().level == 1);
    // The first line's text carries the initial (text extraction reads the whole word).
    for (const auto& l : doc.lines)
        if (l.style == "body-first") {
            CHECK(l.text.rfind(kWords[0], 0) == 0);
            break;
        }
}

TEST_CASE("the lead photo bleeds off the top and the sides, cropped to its frame") {
    const page::PageDocument doc = lay_out(article(10, true));
    const page::ImageItem* image = nullptr;
    for (const auto& item : doc.pages[0].items)
        if (const auto* i = std::get_if<page::ImageItem>(&item)) image = i;
    REQUIRE(image);
    CHECK(image->frame.x.pt() == doctest::Approx(-doc.geometry.bleed.pt()));
    CHECK(image->frame.y.pt() == doctest::Approx(-doc.geometry.bleed.pt()));
    CHECK(image->frame.width.pt() == doctest::Approx((doc.geometry.trim.width + doc.geometry.bleed * 2).pt()));
    CHECK(image->placed.width.pt() >= image->frame.width.pt() - 0.01);
    CHECK(image->placed.height.pt() >= image->frame.height.pt() - 0.01);
}

TEST_CASE("a missing image is an error at the figure's place") {
    model::Article a = article(5, true);
    a.lead_figure->src = "no-such.jpg";
    style::Layout layout = style::load_layout_or_throw("magazine");
    Diagnostics d;
    CHECK_THROWS_WITH_AS(page::lay_out_article(a, nullptr, layout, QUIRE_TEST_DATA "/print", fonts(), d),
                         doctest::Contains("test.xml:12:3"), QuireError);
}

TEST_CASE("the same input gives the same display list") {
    CHECK(lay_out(article(25)).dump() == lay_out(article(25)).dump());
}

TEST_CASE("the a4 layout sets one column") {
    const page::PageDocument doc = lay_out(article(20), "a4");
    std::set<int> columns;
    for (const auto& l : doc.lines)
        if (l.column >= 0) columns.insert(l.column);
    CHECK(columns == std::set<int>{0});
}

TEST_CASE("the hairline under the head sits midway between the head's last line box and the body's first") {
    // Standfirsts of one to six lines move the body's first baseline through a whole grid step: the
    // rule follows, the space above and below it stays equal (or the layout's minimum on one side).
    for (int words : {8, 20, 32, 44, 56, 68}) {
        model::Article a = article(6);
        a.meta.standfirst = model::plain_inlines(sentence_text(3, words));
        const page::PageDocument doc = lay_out(a);
        const page::LineRecord* date = nullptr;
        const page::LineRecord* first = nullptr;
        for (const auto& l : doc.lines) {
            if (l.page == 0 && l.style == "date") date = &l;
            if (l.page == 0 && l.style == "body-first" && !first) first = &l;
        }
        REQUIRE(date);
        REQUIRE(first);
        const double head_bottom = date->baseline + page::kLineDepth * 12;
        const double body_top = first->baseline - page::kLineAscent * 12;
        double rule = -1;
        for (const auto& item : doc.pages.at(0).items)
            if (const auto* r = std::get_if<page::RuleItem>(&item); r && r->y0 > head_bottom && r->y0 < body_top) rule = r->y0;
        REQUIRE(rule > 0);
        INFO("standfirst of " << words << " words: " << rule - head_bottom << " pt above, " << body_top - rule << " below");
        CHECK(rule - head_bottom >= 4 - 1e-6);   // rule-offset
        CHECK(body_top - rule >= 2 - 1e-6);      // rule-after
        if (rule - head_bottom > 4 + 1e-6 && body_top - rule > 2 + 1e-6)
            CHECK(std::abs((rule - head_bottom) - (body_top - rule)) < 0.01);
    }
}

namespace {

// An article of the title and one body paragraph (at `where`), nothing after it: it ends on its
// opening page, whose columns are balanced.
model::Article one_paragraph(const std::string& text, SourceSpan where = {}) {
    model::Article a;
    a.id = "short";
    a.lang = "en";
    a.meta.title = "A short note";
    a.meta.section = "Articles and Commentary";
    a.meta.date = "2022-01-17";
    model::Block b = model::Block::paragraph(model::plain_inlines(text));
    b.where = where;
    a.body.push_back(b);
    return a;
}

}  // namespace

TEST_CASE("a first paragraph alone on a balanced page keeps the drop cap's lines in one column") {
    // 3 to 8 lines: balancing once split a four-line paragraph two and two, and the initial was drawn
    // beside its third line, at the head of the second column.
    for (int words = 16; words <= 56; words += 4) {
        const page::PageDocument doc = lay_out(one_paragraph(sentence_text(words, words)));
        std::set<std::pair<int, int>> columns;
        int lines = 0;
        for (const auto& l : doc.lines)
            if (l.style == "body-first") {
                ++lines;
                if (l.line_in_paragraph <= 3) columns.insert({l.page, l.column});
            }
        INFO(words << " words, " << lines << " lines");
        CHECK(lines >= 3);
        CHECK(columns.size() == 1);
    }
}

TEST_CASE("a word wider than its column is broken inside it, and the layout says where") {
    const std::string code(90, 'X');
    static const style::Layout layout = style::load_layout_or_throw("magazine");
    Diagnostics d;
    model::Publication pub;
    const page::PageDocument doc = page::lay_out_article(
        one_paragraph("The ticket carried the code " + code + " and nothing else.", SourceSpan{"note.xml", 14, 5}), &pub,
        layout, QUIRE_TEST_DATA "/print", fonts(), d);
    int broken = 0;
    for (const auto& l : doc.lines) {
        INFO(l.text);
        CHECK_FALSE(l.overfull);
        if (l.broken_word) ++broken;
    }
    CHECK(broken >= 1);
    const auto& all = d.all();
    const auto said = std::find_if(all.begin(), all.end(), [](const auto& x) {
        return x.severity == Severity::Warning && x.message.find("broken where it has no break point") != std::string::npos;
    });
    REQUIRE(said != all.end());
    CHECK(said->where.file == "note.xml");
    CHECK(said->where.line == 14);
    // Once a paragraph, however many lines the word takes.
    CHECK(std::count_if(all.begin(), all.end(), [](const auto& x) { return x.severity == Severity::Warning; }) == 1);
}

TEST_CASE("balancing a short last page leaves no heading alone at the foot of a column") {
    // A heading, then a paragraph of 2 to 6 lines, alone on the opening page: the shortest balanced
    // columns once put the heading in the first and its paragraph in the second.
    for (int words = 6; words <= 46; words += 8) {
        model::Article a = one_paragraph(sentence_text(words, words));
        a.body.insert(a.body.begin(), model::Block::heading(2, model::plain_inlines("A heading first")));
        const page::PageDocument doc = lay_out(a);
        std::set<std::pair<int, int>> columns;
        for (const auto& l : doc.lines)
            if (l.style == "subheading" || (l.style.rfind("body", 0) == 0 && l.line_in_paragraph == 1)) columns.insert({l.page, l.column});
        INFO(words << " words");
        CHECK(columns.size() == 1);
    }
}

TEST_CASE("a list or a block quotation before the first paragraph: no drop cap after it") {
    for (const auto kind : {model::BlockKind::List, model::BlockKind::BlockQuote}) {
        model::Article a = one_paragraph(sentence_text(3, 30));
        model::Block opener;
        opener.kind = kind;
        model::Block child = model::Block::paragraph(model::plain_inlines(sentence_text(5, 20)));
        if (kind == model::BlockKind::List) child.kind = model::BlockKind::ListItem;
        opener.children.push_back(child);
        a.body.insert(a.body.begin(), opener);
        const page::PageDocument doc = lay_out(a);
        for (const auto& l : doc.lines) CHECK(l.style != "body-first");
        // The control: without it, the paragraph opens with the initial.
        const page::PageDocument plain = lay_out(one_paragraph(sentence_text(3, 30)));
        CHECK(std::any_of(plain.lines.begin(), plain.lines.end(), [](const auto& l) { return l.style == "body-first"; }));
    }
}

TEST_CASE("a pull quote floated to the head of an opening column draws no rule just under the head's hairline") {
    // A paragraph, then a pull quote that goes to the head of column 2 on the opening page: its rule
    // above once sat 3 pt under the hairline that spans both columns (a double rule).
    model::Article a = one_paragraph(sentence_text(2, 24));
    model::Block quote;
    quote.kind = model::BlockKind::PullQuote;
    quote.content = model::plain_inlines("The end is a pull quote.");
    a.body.push_back(quote);
    const page::PageDocument doc = lay_out(a);
    REQUIRE_FALSE(doc.pages.empty());
    std::vector<page::RuleItem> rules;
    for (const auto& item : doc.pages[0].items)
        if (const auto* r = std::get_if<page::RuleItem>(&item); r && r->y0 == r->y1) rules.push_back(*r);
    REQUIRE(rules.size() >= 2);  // the hairline and the pull quote's rule below
    for (std::size_t i = 0; i < rules.size(); ++i)
        for (std::size_t k = i + 1; k < rules.size(); ++k) {
            const bool overlap = std::min(rules[i].x1, rules[k].x1) > std::max(rules[i].x0, rules[k].x0);
            INFO("rules at y " << rules[i].y0 << " and " << rules[k].y0);
            if (overlap) CHECK(std::abs(rules[i].y0 - rules[k].y0) >= 6.0);
        }
}
