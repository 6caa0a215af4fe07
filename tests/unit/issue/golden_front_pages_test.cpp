// Golden dump: the example issue's own pages (cover, contents, impressum) as laid out, against
// tests/golden/issue/front-pages.dump (the page map's golden is tests/golden/issue/pages.json, checked
// by tests/e2e/issue_example.sh). QUIRE_UPDATE_GOLDEN=1 rewrites the file (then review the diff).
#include "issue/issue_layout.hpp"

#include "../../golden_text.hpp"
#include "model/issue.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace quire;

TEST_CASE("golden: the example issue's cover, contents and impressum") {
    const fs::path source = fs::path(QUIRE_TEST_DATA).parent_path().parent_path();
    Diagnostics d;
    const model::Issue manifest = model::read_issue_file(source / "examples" / "issue" / "issue.xml", d);
    const issue::IssueLayout laid = issue::lay_out_issue(manifest, {}, d);
    page::PageDocument front;
    front.geometry = laid.layout.page;
    front.pages = laid.front_pages;
    const std::string diff =
        testing::check_golden(source / "tests" / "golden" / "issue" / "front-pages.dump", front.dump());
    INFO(diff);
    CHECK(diff.empty());
}
