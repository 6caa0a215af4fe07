// Which PDF font subset a glyph goes to (render/draw.hpp, GlyphForm): the small-caps lead-in of an
// article's first paragraph, drawn before the body text, must not push the body's ordinary letters
// out of their font's one-byte subset. Before the variants had a face of their own, page 1 of the
// test article selected a font (Tf) before almost every other glyph.
#include "model/article_xml.hpp"
#include "render/article_pdf.hpp"
#include "render/draw.hpp"
#include "text/font_collection.hpp"

#include <doctest/doctest.h>

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cstdint>
#include <string>
#include <vector>

using namespace quire;

namespace {

// Occurrences of an operator (a whole word followed by a newline, as cairo writes them).
int count_operator(const std::string& content, const std::string& op) {
    int n = 0;
    for (std::size_t at = content.find(op + "\n"); at != std::string::npos; at = content.find(op + "\n", at + 1))
        if (at > 0 && (content[at - 1] == ' ' || content[at - 1] == ']' || content[at - 1] == ')' ||
                       content[at - 1] == '>' || content[at - 1] == '\n'))
            ++n;
    return n;
}

}  // namespace

TEST_CASE("a small-caps lead-in drawn first leaves the body's letters in one subset") {
    Diagnostics d;
    const auto loaded = model::load_article(QUIRE_TEST_DATA "/print/article.xml", d);
    page::PageDocument doc = render::lay_out_loaded_article(loaded, "", d);
    REQUIRE_FALSE(d.has_errors());
    const std::string pdf = render::render_pdf_bytes(doc, {});
    QPDF q;
    q.processMemoryFile("article.pdf", pdf.data(), pdf.size());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    REQUIRE(pages.size() >= 2);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::string content;
        Pl_String sink("content", nullptr, content);
        pages[p].pipeContents(&sink);
        const int font_selections = count_operator(content, "Tf");
        const int text_shown = count_operator(content, "Tj") + count_operator(content, "TJ");
        const int lines_placed = count_operator(content, "Tm") + count_operator(content, "Td");
        INFO("page ", p + 1, ": Tf ", font_selections, ", Tj/TJ ", text_shown, ", Tm/Td ", lines_placed);
        REQUIRE(lines_placed > 20);
        // A few strings of glyphs a line (a style, a variant, a character of no one-byte subset), not
        // one per letter or two: with the lead-in's small capitals in the body's subset these were
        // 13–22 strings and 12–21 font selections a line.
        CHECK(text_shown <= 3 * lines_placed);
        CHECK(font_selections <= 2 * lines_placed);
    }
}

namespace {

// One text item: `text` (one character a glyph) drawn with `glyphs`.
page::TextItem item(const text::Font& font, const std::string& text, const std::vector<std::uint32_t>& glyphs) {
    page::TextItem t;
    t.run.font = &font;
    t.run.text = text;
    t.run.size_pt = 10;
    for (std::uint32_t g : glyphs) {
        t.run.glyphs.push_back(linebreak::PositionedGlyph{g, 0, 0, 0});
        t.run.clusters.push_back(linebreak::TextCluster{1, 1});
    }
    return t;
}

page::PageDocument pages(std::vector<page::TextItem> items) {
    page::PageDocument doc;
    doc.pages.emplace_back();
    for (auto& t : items) doc.pages.back().items.push_back(std::move(t));
    return doc;
}

}  // namespace

TEST_CASE("a variant takes the other face only when it is drawn before its character's nominal glyph") {
    text::FontCollection fonts;
    const text::Font& font = fonts.get("Vollkorn", 400, text::Slant::Upright);
    const std::uint32_t e = font.glyph_for(U'e'), E = font.glyph_for(U'E'), x = font.glyph_for(U'x');
    REQUIRE(e != 0);
    REQUIRE(E != 0);
    REQUIRE(x != 0);
    SUBCASE("variant first, nominal later: the variant's own face") {
        render::DrawResources resources;
        resources.plan_glyph_forms(pages({item(font, "ex", {E, x}), item(font, "e", {e})}));
        CHECK(resources.glyph_form(font, U'e', E) == render::GlyphForm::Variant);
        CHECK(resources.glyph_form(font, U'e', e) == render::GlyphForm::Nominal);
        CHECK(resources.glyph_form(font, U'x', x) == render::GlyphForm::Nominal);
        CHECK(resources.font_face(font, render::GlyphForm::Variant) != resources.font_face(font));
        CHECK(resources.font_face(font, render::GlyphForm::Variant) ==
              resources.font_face(font, render::GlyphForm::Variant));
    }
    SUBCASE("nominal first: one face, cairo puts the variant in the two-byte subset") {
        render::DrawResources resources;
        resources.plan_glyph_forms(pages({item(font, "e", {e}), item(font, "e", {E})}));
        CHECK(resources.glyph_form(font, U'e', E) == render::GlyphForm::Nominal);
    }
    SUBCASE("a variant whose character is never drawn otherwise: one face") {
        render::DrawResources resources;
        resources.plan_glyph_forms(pages({item(font, "e", {E}), item(font, "x", {x})}));
        CHECK(resources.glyph_form(font, U'e', E) == render::GlyphForm::Nominal);
    }
    SUBCASE("no plan (page images): one face") {
        render::DrawResources resources;
        CHECK(resources.glyph_form(font, U'e', E) == render::GlyphForm::Nominal);
    }
}
