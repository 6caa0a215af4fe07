// Drop caps (issue 16) through the layout and the proof's initial checks: every opening draws its
// initial, no glyph of the initial overlaps another, the initial is sized by its outline in any
// script, and the text layer reads the initial's word whole.
#include "page/layout_article.hpp"
#include "proof/checks_initial.hpp"

#include <doctest/doctest.h>

#include <hb.h>

#include <algorithm>
#include <map>
#include <string>

using namespace quire;

namespace {

const std::string kFill =
    "The ministry did not answer our questions about the new border posts, and the local council said only "
    "that it would consider the matter at its next session. In the villages along the river people spoke of "
    "the checkpoints as if they had always been there, though most of them were built in the last two years.";

model::Article article(const std::string& lang, model::InlineText first, const std::string& fill = kFill) {
    model::Article a;
    a.id = "dropcap";
    a.lang = lang;
    a.meta.title = "Drop caps";
    a.meta.date = "2022-01-17";
    model::Author au;
    au.id = "a1";
    au.name = "Ann Author";
    a.meta.authors.push_back(au);
    a.body.push_back(model::Block::paragraph(std::move(first)));
    for (int i = 0; i < 3; ++i) a.body.push_back(model::Block::paragraph(model::plain_inlines(fill)));
    return a;
}

page::PageDocument lay_out(const model::Article& a, const style::Layout& layout) {
    static auto fonts = std::make_shared<text::FontCollection>();
    Diagnostics d;
    model::Publication pub;
    pub.name = "The Magazine";
    return page::lay_out_article(a, &pub, layout, QUIRE_TEST_DATA "/print", fonts, d);
}

const style::Layout& magazine() {
    static const style::Layout l = style::load_layout_or_throw("magazine");
    return l;
}

std::vector<proof::Finding> initial_findings(const page::PageDocument& doc) {
    proof::Report report;
    proof::check_initials(doc, magazine(), report);
    return report.findings;
}

// The initial's text item on the first page (the largest body run), or null.
const page::TextItem* initial_item(const page::PageDocument& doc) {
    const page::TextItem* best = nullptr;
    for (const auto& item : doc.pages[0].items)
        if (const auto* t = std::get_if<page::TextItem>(&item))
            if (t->role == "P" && t->run.size_pt > 25 && (!best || t->run.size_pt > best->run.size_pt)) best = t;
    return best;
}

// The ink bottom of a text item (trim coordinates, y down).
double ink_bottom(const page::TextItem& t) {
    double bottom = -1e9;
    const double sc = t.run.size_pt / t.run.font->units_per_em();
    for (const auto& g : t.run.glyphs) {
        hb_glyph_extents_t e{};
        hb_font_get_glyph_extents(t.run.font->hb_font(), g.id, &e);
        bottom = std::max(bottom, t.y + g.y_pt - (e.y_bearing + e.height) * sc);
    }
    return bottom;
}

// The ink top of a text item (trim coordinates, y down).
double ink_top(const page::TextItem& t) {
    double top = 1e9;
    const double sc = t.run.size_pt / t.run.font->units_per_em();
    for (const auto& g : t.run.glyphs) {
        hb_glyph_extents_t e{};
        hb_font_get_glyph_extents(t.run.font->hb_font(), g.id, &e);
        top = std::min(top, t.y + g.y_pt - e.y_bearing * sc);
    }
    return top;
}

const page::LineRecord* first_body_line(const page::PageDocument& doc, const std::string& style) {
    for (const auto& l : doc.lines)
        if (l.style == style) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("a one-line first paragraph draws its initial and the next paragraph clears it") {
    const auto doc = lay_out(article("en", model::plain_inlines("\u201CRussia will never leave.\u201D")), magazine());
    const page::TextItem* cap = initial_item(doc);
    REQUIRE(cap != nullptr);
    const page::LineRecord* next = nullptr;
    for (const auto& l : doc.lines)
        if (l.style == "body") {
            next = &l;
            break;
        }
    REQUIRE(next != nullptr);
    // The next paragraph's first line (its cap height, about) starts below the initial's ink.
    CHECK(ink_bottom(*cap) <= next->baseline - 0.7 * 9.5);
    CHECK(initial_findings(doc).empty());
    const page::LineRecord* first = first_body_line(doc, "body-first");
    REQUIRE(first != nullptr);
    CHECK(first->text.rfind("\u201CRussia", 0) == 0);
}

TEST_CASE("a Georgian initial with a descender stays above the line below the initial") {
    for (const std::string letter : {"\u10D5", "\u10E7", "\u10D0"}) {  // ვ, ყ (descenders), ა (x-height)
        const std::string ka = "\u10E1\u10D0\u10E5\u10D0\u10E0\u10D7\u10D5\u10D4\u10DA\u10DD";  // საქართველო
        std::string text = letter + "\u10D8\u10DC \u10D8\u10EA\u10D8\u10E1.";
        for (int i = 0; i < 30; ++i) text += " " + ka;
        const auto doc = lay_out(article("ka", model::plain_inlines(text), ka + " " + ka + " " + ka + "."), magazine());
        const page::TextItem* cap = initial_item(doc);
        REQUIRE(cap != nullptr);
        const page::LineRecord* first = first_body_line(doc, "body-first");
        REQUIRE(first != nullptr);
        // Three lines: the initial's ink ends on the third line's baseline (and the fourth's glyphs
        // start further down), with nothing of it over another glyph.
        CHECK(ink_bottom(*cap) <= first->baseline + 2 * 12.0 + 1.0);  // a round letter's overshoot
        // and it is an initial's size: its ink spans most of the three lines.
        CHECK(ink_top(*cap) <= first->baseline - 0.5 * 9.5);
        CHECK(initial_findings(doc).empty());
    }
}

TEST_CASE("an opening quotation mark hangs at text size and the initial's own word keeps its space") {
    const auto doc = lay_out(article("en", model::plain_inlines("\u201CI met the mayor,\u201D she said. " + kFill)), magazine());
    const page::TextItem* cap = initial_item(doc);
    REQUIRE(cap != nullptr);
    CHECK(cap->run.glyphs.size() == 1);  // the initial alone, the quotation mark is not at its size
    const page::LineRecord* first = first_body_line(doc, "body-first");
    REQUIRE(first != nullptr);
    CHECK(first->text.rfind("\u201CI met ", 0) == 0);
    CHECK(initial_findings(doc).empty());
}

TEST_CASE("a one-letter first word gets its lead-in and reads I met") {
    const auto doc = lay_out(article("en", model::plain_inlines("I met the mayor in her office. " + kFill)), magazine());
    const page::LineRecord* first = first_body_line(doc, "body-first");
    REQUIRE(first != nullptr);
    CHECK(first->text.rfind("I met ", 0) == 0);
    // The lead-in: the first line's "m" (its first glyph, which carries the initial's text) is a
    // small capital, another glyph than the lower-case "m" of the body's later lines.
    std::uint32_t lead_m = 0, body_m = 0;
    for (const auto& item : doc.pages[0].items)
        if (const auto* t = std::get_if<page::TextItem>(&item)) {
            if (t->role != "P" || t->run.size_pt > 12 || t->run.glyphs.empty()) continue;
            if (t->run.text.rfind("I met", 0) == 0) lead_m = t->run.glyphs.front().id;
            else if (body_m == 0)
                for (const auto& g : t->run.glyphs)
                    if (g.cluster > 0 && g.cluster < t->run.text.size() && t->run.text[g.cluster] == 'm' &&
                        t->run.text[g.cluster - 1] == ' ') {
                        body_m = g.id;
                        break;
                    }
        }
    REQUIRE(lead_m != 0);
    REQUIRE(body_m != 0);
    CHECK(lead_m != body_m);
}

TEST_CASE("a speaker label and a heading-like first line get no initial") {
    model::InlineText label;
    label.push_back(model::Inline::wrap(model::InlineKind::Speaker, {model::Inline::plain("NEE:")}));
    label.push_back(model::Inline::plain(" You have spent thirty years in archives. " + kFill));
    CHECK(initial_item(lay_out(article("en", label), magazine())) == nullptr);
    // The heading-like line gets none; the paragraph after it does.
    const auto doc = lay_out(article("en", model::plain_inlines("RUSSIA WILL NEVER LEAVE")), magazine());
    const page::TextItem* cap = initial_item(doc);
    REQUIRE(cap != nullptr);
    const page::LineRecord* first = first_body_line(doc, "body-first");
    REQUIRE(first != nullptr);
    CHECK(first->text == "RUSSIA WILL NEVER LEAVE");
    CHECK(initial_findings(doc).empty());
}

TEST_CASE("a review's book details in italics get no initial and hand it on") {
    model::InlineText details;
    details.push_back(model::Inline::wrap(model::InlineKind::Emphasis,
                                          {model::Inline::plain("Ann Author, A Book of Roads, Sample Books, 2022. 336 pages.")}));
    const auto doc = lay_out(article("en", details), magazine());
    const page::LineRecord* first = first_body_line(doc, "body-first");
    REQUIRE(first != nullptr);
    CHECK(first->text.rfind("Ann Author", 0) == 0);  // no letter taken for an initial
    const page::TextItem* cap = initial_item(doc);
    REQUIRE(cap != nullptr);  // the next paragraph's
    bool next_has_it = false;
    for (const auto& l : doc.lines)
        if (l.style == "body-first" && l.line_in_paragraph == 1 && l.paragraph != first->paragraph)
            next_has_it = l.text.rfind("The ministry", 0) == 0 && l.x > first->x + 10;  // beside the initial
    CHECK(next_has_it);
    CHECK(initial_findings(doc).empty());
}

TEST_CASE("the proof reports an initial printed over text and a missing initial") {
    auto doc = lay_out(article("en", model::plain_inlines(kFill)), magazine());
    CHECK(initial_findings(doc).empty());
    // Move the initial down two lines: it prints over the text below it.
    for (auto& item : doc.pages[0].items)
        if (auto* t = std::get_if<page::TextItem>(&item))
            if (t->role == "P" && t->run.size_pt > 25) t->y += 24;
    auto findings = initial_findings(doc);
    REQUIRE_FALSE(findings.empty());
    CHECK(findings.front().check == "initial-overlap");
    CHECK(findings.front().place.page == 1);
    CHECK(findings.front().place.line > 0);
    // Take it away: the first line's room is left empty.
    for (auto& item : doc.pages[0].items)
        if (auto* t = std::get_if<page::TextItem>(&item))
            if (t->role == "P" && t->run.size_pt > 25) t->run.glyphs.clear();
    findings = initial_findings(doc);
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().check == "initial-missing");
    CHECK(findings.front().place.line == 1);
}
