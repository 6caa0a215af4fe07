// The issue's page map read back (proof/issue_page_map.hpp) and the report grouped by it.
#include "core/diagnostic.hpp"
#include "proof/contact_sheet.hpp"
#include "proof/issue_page_map.hpp"

#include <doctest/doctest.h>

using namespace quire;
using namespace quire::proof;

namespace {

// Cover, two contents pages, a two-page article, an ad, a one-page article.
const char* kMap = R"({"pages": [
  {"page": 1, "kind": "cover"}, {"page": 2, "kind": "contents"}, {"page": 3, "kind": "contents"},
  {"page": 4, "kind": "article", "article": "alpha", "section": "Essays"},
  {"page": 5, "kind": "article", "article": "alpha", "section": "Essays"},
  {"page": 6, "kind": "ad", "source": "ads/back.pdf"},
  {"page": 7, "kind": "article", "article": "beta", "section": "Reviews"}],
 "articles": [{"id": "alpha", "title": "Alpha & Co", "section": "Essays", "first_page": 4, "last_page": 5},
              {"id": "beta", "title": "Beta", "section": "Reviews", "first_page": 7, "last_page": 7}]})";

}  // namespace

TEST_CASE("page map: articles, contents and ads become the report's parts in page order") {
    const IssuePageMap map = parse_page_map(kMap, "pages.json");
    REQUIRE(map.pages.size() == 7);
    CHECK(map.article_at(5)->id == "alpha");
    CHECK(map.article_at(6) == nullptr);
    CHECK(map.describe(7) == "\u2018Beta\u2019 (beta), section Reviews");
    CHECK(map.describe(6) == "ad: ads/back.pdf");
    const auto parts = map.parts();
    REQUIRE(parts.size() == 5);
    CHECK(parts[1].title == "Contents");
    CHECK(parts[1].first_page == 2);
    CHECK(parts[1].last_page == 3);
    CHECK(parts[2].heading() == "pp. 4\u20135 \u00B7 Alpha & Co (alpha) \u00B7 Essays");
    CHECK(parts[3].title == "Ad: ads/back.pdf");
    CHECK(parts[4].heading() == "p. 7 \u00B7 Beta (beta) \u00B7 Reviews");
}

TEST_CASE("page map: a file that is not one is an error naming it") {
    CHECK_THROWS_WITH_AS(parse_page_map("{\"page_count\": 3}", "x/pages.json"), doctest::Contains("x/pages.json"), QuireError);
    CHECK_THROWS_AS(parse_page_map("not json", "y.json"), QuireError);
}

TEST_CASE("report grouped by the page map: findings under their article in text, JSON and HTML") {
    Report report;
    report.title = "Proof of an issue";
    report.parts = parse_page_map(kMap, "pages.json").parts();
    Place on_alpha;
    on_alpha.page = 5;
    on_alpha.column = 1;
    on_alpha.line = 3;
    report.add(Severity::Warning, "loose-line", on_alpha, "very loose line");
    Place on_ad;
    on_ad.page = 6;
    report.add(Severity::Error, "device-rgb", on_ad, "device RGB");
    report.add(Severity::Note, "issue", Place{}, "whole-issue note");
    report.sort();

    const std::string text = report.to_text();
    const auto alpha = text.find("pp. 4\u20135 \u00B7 Alpha & Co (alpha)");
    REQUIRE(alpha != std::string::npos);
    CHECK(text.find("p. 5, col. 1, l. 3: warning [loose-line]", alpha) != std::string::npos);
    CHECK(text.find("p. 7 \u00B7 Beta (beta) \u00B7 Reviews\n  No findings.") != std::string::npos);
    CHECK(text.find("Whole issue") < alpha);

    const nlohmann::json j = report.to_json();
    REQUIRE(j["parts"].size() == 5);
    CHECK(j["parts"][2]["id"] == "alpha");
    CHECK(j["parts"][2]["counts"]["warning"] == 1);
    const std::size_t k = j["parts"][2]["findings"][0];
    CHECK(j["findings"][k]["check"] == "loose-line");
    CHECK(j["findings"][k]["article"]["title"] == "Alpha & Co");
    CHECK(j["parts"][3]["counts"]["error"] == 1);

    ContactSheet sheet;
    const std::string html = contact_sheet_html(sheet, report);
    CHECK(html.find("Alpha &amp; Co (alpha)") != std::string::npos);
    CHECK(html.find("<span class=\"n\">no findings</span>") != std::string::npos);
    // The articles' index at the top links to each article's findings.
    CHECK(html.find("<a href=\"#part-3\">Alpha &amp; Co</a>") != std::string::npos);
    CHECK(html.find("id=\"part-3\"") != std::string::npos);
    CHECK(html.find("<h2>Articles</h2>") < html.find("<h2>Pages</h2>"));
}
