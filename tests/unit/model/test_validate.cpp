// Validation: what `quire check` reports beyond the XML grammar.
#include "model/article_xml.hpp"
#include "model/validate.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace quire;
using namespace quire::model;
namespace fs = std::filesystem;

namespace {

Diagnostics validate_text(const std::string& xml, const fs::path& folder = ".") {
    Diagnostics d;
    Article a = parse_article_xml(xml, "v.xml", d);
    validate_article(a, folder, d);
    return d;
}

bool has(const Diagnostics& d, Severity s, const std::string& fragment) {
    for (const auto& item : d.all())
        if (item.severity == s && item.message.find(fragment) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("dates") {
    CHECK(is_valid_iso_date("2022-01-17"));
    CHECK(is_valid_iso_date("2024-02-29"));
    CHECK_FALSE(is_valid_iso_date("2023-02-29"));
    CHECK_FALSE(is_valid_iso_date("2022-13-01"));
    CHECK_FALSE(is_valid_iso_date("17/01/2022"));
    CHECK_FALSE(is_valid_iso_date("2022-1-17"));
}

TEST_CASE("paths that leave the folder") {
    CHECK(stays_inside_folder("images/a.jpg"));
    CHECK(stays_inside_folder("images/../a.jpg"));
    CHECK_FALSE(stays_inside_folder("../a.jpg"));
    CHECK_FALSE(stays_inside_folder("images/../../a.jpg"));
    CHECK_FALSE(stays_inside_folder("/etc/passwd"));
    CHECK_FALSE(stays_inside_folder("https://example.org/a.jpg"));
    CHECK_FALSE(stays_inside_folder(""));
}

TEST_CASE("each validation problem is reported with its severity") {
    const fs::path folder = fs::temp_directory_path() / "quire-validate-test";
    fs::create_directories(folder / "images");
    std::ofstream(folder / "images" / "ok.jpg") << "x";

    auto d = validate_text(R"(<article id="v">
<meta><date>2022-02-30</date><author><name>A</name></author><author id="a1"><name>B</name></author></meta>
<figure role="lead" src="../outside.jpg"><alt>x</alt></figure>
<body><h3>Skips h2</h3><p></p><figure src="images/ok.jpg"/><figure src="images/missing.jpg"><alt>m</alt></figure></body>
<backmatter><bio author="zz"/></backmatter>
</article>)", folder);
    CHECK(has(d, Severity::Error, "no title"));
    CHECK(has(d, Severity::Error, "bad date \"2022-02-30\""));
    CHECK(has(d, Severity::Error, "author id \"a1\" is used twice"));
    CHECK(has(d, Severity::Error, "leaves the article's folder"));
    CHECK(has(d, Severity::Error, "\"images/missing.jpg\" not found"));
    CHECK(has(d, Severity::Warning, "has no <alt> text"));
    CHECK(has(d, Severity::Warning, "heading level is skipped"));
    CHECK(has(d, Severity::Warning, "an empty paragraph"));
    CHECK(has(d, Severity::Error, "names no author"));
    // The date error points at the <date> element, not the file.
    for (const auto& item : d.all())
        if (item.message.find("bad date") != std::string::npos) CHECK(item.where.to_string() == "v.xml:2:7");

    auto clean = validate_text(R"(<article id="c"><meta><title>T</title><date>2022-01-17</date>
<author id="a1"><name>A</name><bio>A is.</bio></author></meta>
<figure role="lead" src="images/ok.jpg"><alt>x</alt></figure><body><h2>H</h2><p>t</p></body>
<backmatter><bio author="a1"/></backmatter></article>)", folder);
    CHECK_MESSAGE(clean.empty(), clean.to_string());
    fs::remove_all(folder);
}

TEST_CASE("load_article finds the publication beside the article and fills empty notices from it") {
    const fs::path folder = fs::temp_directory_path() / "quire-load-test";
    fs::create_directories(folder);
    std::ofstream(folder / "publication.xml")
        << R"(<publication id="p"><name>P</name><notice kind="donation"><p>Give.</p></notice></publication>)";
    std::ofstream(folder / "a.xml") << R"(<article id="a"><meta><title>T</title><date>2022-01-17</date>
<author id="a1"><name>A</name></author></meta><body><p>x</p></body>
<backmatter><notice kind="donation"/></backmatter></article>)";
    Diagnostics d;
    LoadedArticle loaded = load_article(folder / "a.xml", d);
    REQUIRE(loaded.publication);
    CHECK(loaded.publication->name == "P");
    const auto& content = loaded.notice_content(loaded.article.back_matter[0].notice);
    REQUIRE(content.size() == 1);
    CHECK(plain_text(content[0].content) == "Give.");

    std::ofstream(folder / "bad.xml") << "<article id=\"b\"><meta></meta><body><p>x</p></body></article>";
    Diagnostics d2;
    CHECK_THROWS_AS(load_article(folder / "bad.xml", d2), QuireError);
    fs::remove_all(folder);
}

TEST_CASE("a figure without an image is a warning when read, and is left out of the loaded article") {
    const fs::path folder = fs::temp_directory_path() / "quire-nosrc-test";
    fs::create_directories(folder);
    std::ofstream(folder / "a.xml") << R"(<article id="a"><meta><title>T</title><date>2022-01-17</date>
<author id="a1"><name>A</name></author></meta>
<figure role="lead"><caption>Soldiers.</caption><credit>X / Y</credit></figure><body><p>x</p></body></article>)";
    Diagnostics d;
    LoadedArticle loaded = load_article(folder / "a.xml", d);
    CHECK_FALSE(loaded.article.lead_figure.has_value());
    CHECK_FALSE(d.has_errors());
    CHECK(d.count(Severity::Warning) == 2);  // no src when read; left out when loaded
    fs::remove_all(folder);
}
