// Copyfitting a near-empty last page (page/copyfit.hpp): a pull quote is left out of print where
// that saves the page (layout: pullquote-fit="save-page"), and noted; kept otherwise. Fake blocks
// without a Resetting, so no paragraph can be set tighter and no fonts are needed.
#include "page/copyfit.hpp"

#include "flow_fixtures.hpp"
#include "model/article.hpp"

#include <doctest/doctest.h>

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
