// Copyfitting a near-empty last page (page/copyfit.hpp): a pull quote is left out of print where
// that saves the page (layout: pullquote-fit="save-page"), and noted; kept otherwise. Fake blocks
// without a Resetting, so no paragraph can be set tighter and no fonts are needed.
#include "page/copyfit.hpp"

#include "flow_fixtures.hpp"
#include "model/article.hpp"
#include "style/layout.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace quire;
using namespace quire::page;

namespace {

using testing::body;

constexpr int kColumn = 47;  // lines in a full column of the magazine page

FlowBlock pull_quote(int lines, int line_in_source) {
    FlowBlock b = body(lines, "pullquote");
    b.role = BlockRole::PullQuote;
    b.keep_together = true;
    b.on_grid = false;
    b.space_before = b.space_after = 12;
    b.where = SourceSpan{"article.xml", line_in_source, 5};
    return b;
}

struct Setting {
    model::Article article;
    style::Layout layout;
    text::FontCollection fonts;
    Diagnostics diagnostics;
    BlockContext context() { return BlockContext{article, nullptr, layout, ".", fonts, diagnostics}; }
};

}  // namespace

TEST_CASE("copyfit: a pull quote is left out of print when that saves a near-empty last page") {
    const FlowFrames frames = testing::magazine_frames();
    // Two full columns but for the quote: the text's last three lines go over to a page of their own.
    std::vector<FlowBlock> blocks{body(kColumn - 2), pull_quote(4, 23), body(kColumn - 1)};
    REQUIRE(flow_blocks(blocks, frames).pages == 2);
    Setting s;
    s.layout.body.pullquote_fit = style::PullQuoteFit::SavePage;
    BlockContext ctx = s.context();
    CHECK(copyfit_last_page(blocks, frames, ctx) == 1);
    CHECK(blocks.size() == 2);
    CHECK(flow_blocks(blocks, frames).pages == 1);
    REQUIRE(s.diagnostics.count(Severity::Note) == 1);
    CHECK(s.diagnostics.all().front().where.line == 23);
    CHECK(s.diagnostics.all().front().message.find("pull quote left out of print") != std::string::npos);
}

TEST_CASE("copyfit: pull quotes are kept where the layout says so, or where leaving them out saves nothing") {
    const FlowFrames frames = testing::magazine_frames();
    {
        std::vector<FlowBlock> blocks{body(kColumn - 2), pull_quote(4, 23), body(kColumn - 1)};
        Setting s;  // pullquote-fit="keep", the default
        BlockContext ctx = s.context();
        CHECK(copyfit_last_page(blocks, frames, ctx) == 2);
        CHECK(blocks.size() == 3);
        CHECK(s.diagnostics.all().empty());
    }
    {
        // The last page is near-empty but the quote is too small to pull it back: nothing changes.
        std::vector<FlowBlock> blocks{body(kColumn), pull_quote(1, 30), body(kColumn + 8)};
        Setting s;
        s.layout.body.pullquote_fit = style::PullQuoteFit::SavePage;
        BlockContext ctx = s.context();
        CHECK(copyfit_last_page(blocks, frames, ctx) == 2);
        CHECK(blocks.size() == 3);
        CHECK(s.diagnostics.all().empty());
    }
    {
        // A last page half set is no near-empty page: the quote stays.
        std::vector<FlowBlock> blocks{body(kColumn), pull_quote(4, 23), body(kColumn + kColumn)};
        Setting s;
        s.layout.body.pullquote_fit = style::PullQuoteFit::SavePage;
        BlockContext ctx = s.context();
        CHECK(copyfit_last_page(blocks, frames, ctx) == 2);
        CHECK(blocks.size() == 3);
    }
}

TEST_CASE("copyfit: a paragraph that cannot lose a line by its spacing loses it tracked 5/1000 em tighter") {
    // Ten lines in the magazine's 35-character column, the last one short: no nine-line setting
    // exists within the breaker's tolerance, but one 5/1000 em tighter does (from belarus-exile; with
    // 3 % font expansion since stop 30, the paragraph of the sentences after it loses its line by
    // spacing alone, so the fixture ends earlier).
    model::Article a;
    a.id = "copyfit";
    a.lang = "en";
    // The first paragraph takes the drop cap and is not set again; the second is.
    a.body.push_back(model::Block::paragraph(model::plain_inlines("An opening paragraph with the initial.")));
    a.body.push_back(model::Block::paragraph(model::plain_inlines(
        "Critics, including some within the movement, warn of the dangers of such structures: disputes about "
        "legitimacy, the temptation to act like a government without the accountability that elections would "
        "bring, the growing distance between the exiles and the people who remained at home. \u201CThe danger "
        "is that we start talking to ourselves,\u201D says a former opposition campaigner now working as a "
        "researcher in Vilnius.")));
    Setting s;
    s.article = a;
    s.layout = style::load_layout_or_throw("magazine");
    BlockContext ctx = s.context();
    std::vector<FlowBlock> blocks = build_blocks(ctx);
    auto it = std::find_if(blocks.begin(), blocks.end(), [](const FlowBlock& b) { return b.resetting != nullptr; });
    REQUIRE(it != blocks.end());
    FlowBlock block = *it;
    const std::size_t lines = block.lines.size();
    REQUIRE(lines > 3);
    CHECK(lines == 10);
    CHECK_FALSE(reset_block(block, -1, ctx));
    CHECK(block.lines.size() == lines);  // unchanged
    REQUIRE(reset_block(block, -1, ctx, -0.005));
    CHECK(block.lines.size() == lines - 1);
    CHECK(block.resetting->looseness == -1);
    CHECK(block.resetting->tracking_em == doctest::Approx(-0.005));
}

