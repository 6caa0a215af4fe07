// Golden dumps: the display list (PageDocument::dump) of the bundled example article, laid out in
// each shipped layout, against tests/golden/page/. A change of layout numbers, line breaking or
// flow shows here line by line. QUIRE_UPDATE_GOLDEN=1 rewrites the files (then review the diff).
#include "page/layout_article.hpp"

#include "../../golden_text.hpp"
#include "model/article_xml.hpp"
#include "style/layout.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

namespace fs = std::filesystem;
using namespace quire;

namespace {

const fs::path kSource = fs::path(QUIRE_TEST_DATA).parent_path().parent_path();

std::string example_dump(const std::string& layout_name) {
    Diagnostics d;
    const model::LoadedArticle loaded = model::load_article(kSource / "examples" / "article.xml", d);
    const style::Layout layout = style::load_layout_or_throw(layout_name);
    auto fonts = std::make_shared<text::FontCollection>();
    const page::PageDocument doc = page::lay_out_article(loaded.article, loaded.publication ? &*loaded.publication : nullptr,
                                                         layout, loaded.folder, fonts, d);
    INFO(d.to_string());
    REQUIRE_FALSE(d.has_errors());
    return doc.dump();
}

}  // namespace

TEST_CASE("golden: the example article's pages in the magazine layout") {
    const std::string diff = testing::check_golden(kSource / "tests" / "golden" / "page" / "article-magazine.dump",
                                                   example_dump("magazine"));
    INFO(diff);
    CHECK(diff.empty());
}

TEST_CASE("golden: the example article's pages in the a4 layout") {
    const std::string diff =
        testing::check_golden(kSource / "tests" / "golden" / "page" / "article-a4.dump", example_dump("a4"));
    INFO(diff);
    CHECK(diff.empty());
}
