// Issue 18, items 6–9: symlinks, text that would corrupt an EPUB, outputs over inputs, outputs that lie.
#include "hostile_helpers.hpp"

#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "model/article_xml.hpp"

#include <doctest/doctest.h>

#include <tinyxml2.h>
#include <zip.h>

using namespace quire;
using namespace hostile;

TEST_CASE("item 6: a symlink that leaves the article's folder is refused by check, pdf and build") {
    TempDir outside, dir;
    write_jpeg(outside / "secret.jpg", 64, 48);
    fs::create_directories(dir / "images");
    fs::create_symlink(outside / "secret.jpg", dir / "images/leak.jpg");
    fs::create_directory_symlink(outside.path, dir / "linked");
    fs::create_symlink("/etc/passwd", dir / "images/passwd.jpg");

    CHECK(leaves_folder(dir.path, "images/leak.jpg").has_value());
    CHECK(leaves_folder(dir.path, "linked/secret.jpg").has_value());
    CHECK(leaves_folder(dir.path, "images/passwd.jpg").has_value());
    CHECK(leaves_folder(dir.path, "images/../images/x.jpg") == std::nullopt);
    CHECK_THROWS_WITH_AS(resolve_inside(dir.path, "linked/secret.jpg", SourceSpan{"a.xml", 5, 3}),
                         doctest::Contains("a.xml:5:3: error: image path \"linked/secret.jpg\" is refused"), QuireError);

    for (const std::string src : {"images/leak.jpg", "linked/secret.jpg", "images/passwd.jpg"}) {
        write_text(dir / "a.xml", article_xml(src));
        auto r = run_quire("check " + (dir / "a.xml").string());
        INFO(src, r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find("a.xml:5:") != std::string::npos);
        r = run_quire("pdf " + (dir / "a.xml").string() + " -o " + (dir / "a.pdf").string());
        CHECK(r.status == 1);
        CHECK_FALSE(fs::exists(dir / "a.pdf"));
        r = run_quire("build " + (dir / "a.xml").string() + " -o " + (dir / "out").string());
        CHECK(r.status == 1);
        CHECK_FALSE(fs::exists(dir / "out/images/leak.jpg"));
        CHECK_FALSE(fs::exists(dir / "out/linked/secret.jpg"));
        CHECK_FALSE(fs::exists(dir / "out/images/passwd.jpg"));
    }
}

namespace {

std::string first_error(const std::string& xml) {
    Diagnostics d;
    model::parse_article_xml(xml, "t.xml", d);
    if (!d.has_errors()) return {};
    return d.all().front().where.to_string() + ": " + d.all().front().message;
}

}  // namespace

TEST_CASE("item 7: invalid UTF-8 and characters XML forbids are errors with line:col at load") {
    const std::string para = "<p>ab";  // the bad character comes at line 5, column 14 of article_xml
    auto xml = [&](const std::string& bad) { return article_xml("", para + bad + "c</p>"); };
    CHECK(first_error(xml("\xE9")).find("t.xml:5:14: invalid UTF-8 (byte 0xE9)") == 0);          // Latin-1 é
    CHECK(first_error(xml("\xED\xA0\x80")).find("t.xml:5:14: character U+D800 (a UTF-16 surrogate)") == 0);  // encoded surrogate
    CHECK(first_error(xml("\xC0\xAF")).find("t.xml:5:14: invalid UTF-8") == 0);                  // overlong
    CHECK(first_error(xml("\xEF\xBF\xBE")).find("t.xml:5:14: character U+FFFE") == 0);
    CHECK(first_error(xml("\xEF\xBF\xBF")).find("t.xml:5:14: character U+FFFF") == 0);
    CHECK(first_error(xml("\x01")).find("t.xml:5:14: character U+0001 (a control character)") == 0);
    CHECK(first_error(xml("&#1;")).find("t.xml:5:14: character reference &#1;") == 0);
    CHECK(first_error(xml("&#xD800;")).find("t.xml:5:14: character reference &#xD800;") == 0);
    CHECK(first_error(xml("&#xFFFE;")).find("t.xml:5:14: character reference") == 0);
    // Allowed: tab, a BOM-like U+FEFF inside text, U+2028, and references to ordinary characters.
    CHECK(first_error(xml("\t\xEF\xBB\xBF\xE2\x80\xA8&#x2014;&#233;")) == "");
}

namespace {

// Every XML document in an EPUB parses (tinyxml2): the check a reading system makes first.
int unparsable_documents(const fs::path& epub, std::string& which) {
    int error = 0;
    zip_t* z = zip_open(epub.c_str(), ZIP_RDONLY, &error);
    if (!z) { which = "cannot open the EPUB"; return 1; }
    int bad = 0;
    const zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const std::string name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
        const auto ext = fs::path(name).extension().string();
        if (ext != ".xhtml" && ext != ".opf" && ext != ".ncx" && ext != ".xml") continue;
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        std::string bytes(st.size, '\0');
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        zip_fread(f, bytes.data(), st.size);
        zip_fclose(f);
        tinyxml2::XMLDocument doc;
        if (doc.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS) { ++bad; which += name + " "; }
    }
    zip_close(z);
    return bad;
}

}  // namespace

TEST_CASE("item 7: the EPUB of an article with awkward but valid text has documents that all parse") {
    TempDir dir;
    write_jpeg(dir / "images/photo.jpg", 80, 60);
    const std::string body =
        "<p>Tab\there, U+FEFF \xEF\xBB\xBF, line separator \xE2\x80\xA8, &lt;tag&gt; &amp; ]]&gt; \"quotes\" 'apos',"
        " em\xE2\x80\x83space, ideographic\xE3\x80\x80space, bidi \xE2\x80\xAE" "abc\xE2\x80\xAC.</p>";
    write_text(dir / "a.xml", article_xml("images/photo.jpg", body));
    const auto r = run_quire("epub " + (dir / "a.xml").string() + " -o " + (dir / "a.epub").string());
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::string which;
    CHECK(unparsable_documents(dir / "a.epub", which) == 0);
    INFO(which);
    // And a file with a forbidden character gives no EPUB at all.
    write_text(dir / "b.xml", article_xml("images/photo.jpg", "<p>bad \x0B here</p>"));
    const auto bad = run_quire("epub " + (dir / "b.xml").string() + " -o " + (dir / "b.epub").string());
    CHECK(bad.status == 1);
    CHECK(bad.output.find("b.xml:6:") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "b.epub"));
}

TEST_CASE("item 8: no output is written over an input unless --force") {
    TempDir dir;
    write_jpeg(dir / "images/photo.jpg", 80, 60);
    std::string article = article_xml("images/photo.jpg");
    article.insert(article.find('\n') + 1, "<!-- the editor's comment -->\n");
    write_text(dir / "article.xml", article);
    auto r = run_quire("pdf " + (dir / "article.xml").string() + " -o " + (dir / "article.xml").string());
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("refusing to write over an input") != std::string::npos);
    CHECK(read_text(dir / "article.xml") == article);

    // build -o . (the article's own folder): article.xml would be rewritten without its comment.
    r = run_quire("build " + (dir / "article.xml").string() + " -o " + dir.path.string());
    CHECK(r.status == 1);
    CHECK(read_text(dir / "article.xml") == article);

    // A hard link is the same file by another name.
    fs::create_hard_link(dir / "article.xml", dir / "same.pdf");
    r = run_quire("pdf " + (dir / "article.xml").string() + " -o " + (dir / "same.pdf").string());
    CHECK(r.status == 1);
    CHECK(read_text(dir / "article.xml") == article);

    r = run_quire("pdf " + (dir / "article.xml").string() + " -o " + (dir / "article.xml").string() + " --force");
    CHECK(r.status == 0);
    CHECK(read_text(dir / "article.xml").rfind("%PDF", 0) == 0);
}

TEST_CASE("item 9: a temporary file left by a killed run is removed by the next one") {
    TempDir dir;
    // PID 2^22 + 1 is above Linux's pid_max limit (4194304): no process has it.
    const fs::path stale = dir / ".out.pdf.tmp.4194305.123";
    write_text(stale, "half a PDF");
    const fs::path live = dir / (".out.pdf.tmp." + std::to_string(::getpid()) + ".7");
    write_text(live, "a concurrent writer's");
    write_file_atomically(dir / "out.pdf", "whole");
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(live));
    CHECK(read_text(dir / "out.pdf") == "whole");
}

TEST_CASE("item 9: leftovers of several targets in one folder, each removed when its target is written") {
    TempDir dir;
    // The folder is read once (the first write into it); each target takes its own leftovers.
    const fs::path a = dir / ".a.epub.tmp.4194305.1";
    const fs::path b = dir / ".b.tmp.x.epub.tmp.4194306.22";  // a name with ".tmp." in it
    const fs::path not_ours = dir / ".c.epub.tmp.4194305.notanumber";
    const fs::path live_b = dir / (".b.tmp.x.epub.tmp." + std::to_string(::getpid()) + ".3");
    for (const fs::path& p : {a, b, not_ours, live_b}) write_text(p, "left");
    write_file_atomically(dir / "a.epub", "A");
    CHECK_FALSE(fs::exists(a));
    CHECK(fs::exists(b));  // not this target's
    write_file_atomically(dir / "b.tmp.x.epub", "B");
    CHECK_FALSE(fs::exists(b));
    CHECK(fs::exists(live_b));    // a live writer's
    CHECK(fs::exists(not_ours));  // not a name quire makes
    write_file_atomically(dir / "d.epub", "D");  // a third target, after the folder was read: nothing to take
    CHECK(read_text(dir / "d.epub") == "D");
    CHECK(read_text(dir / "a.epub") == "A");
    CHECK(read_text(dir / "b.tmp.x.epub") == "B");
}

TEST_CASE("item 10: -o '' and -o FOLDER/ say what is wrong in words") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(write_file_atomically("", "x"), doctest::Contains("the output path is empty"), QuireError);
    CHECK_THROWS_WITH_AS(write_file_atomically(dir.path.string() + "/", "x"), doctest::Contains("the output is a folder"),
                         QuireError);
    write_jpeg(dir / "images/photo.jpg", 80, 60);
    write_text(dir / "a.xml", article_xml("images/photo.jpg"));
    auto r = run_quire("pdf " + (dir / "a.xml").string() + " -o ''");
    CHECK(r.status != 0);
    CHECK_FALSE(fs::exists(dir / "a.pdf"));
    CHECK(r.output.find("the output path is empty") != std::string::npos);
    r = run_quire("pdf " + (dir / "a.xml").string() + " -o " + dir.path.string() + "/");
    CHECK(r.status == 1);
    CHECK(r.output.find("the output is a folder") != std::string::npos);
}
