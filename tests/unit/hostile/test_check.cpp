// Issue 18, items 9–11: folders that never lie; `check` means what `pdf` does; spaces are no missing glyphs.
#include "hostile_helpers.hpp"

#include "core/diagnostic.hpp"
#include "core/output_folder.hpp"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

using namespace quire;
using namespace hostile;

TEST_CASE("item 9: a second build into a locked output folder refuses with a clear message") {
    TempDir dir;
    write_jpeg(dir / "src/images/photo.jpg", 80, 60);
    write_text(dir / "src/a.xml", article_xml("images/photo.jpg"));
    fs::create_directories(dir / "out");
    {
        const FolderLock held = lock_output_folder(dir / "out");  // as a running build holds it
        const auto r = run_quire("build " + (dir / "src/a.xml").string() + " -o " + (dir / "out").string());
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find("another quire run is writing into this output folder") != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "out/article.pdf"));
    }
}

TEST_CASE("item 9: a staged folder replaces the previous round whole, or leaves it as it was") {
    TempDir dir;
    const fs::path proof = dir / "proof";
    write_text(proof / "report.json", "{}");
    write_text(proof / "page-9.png", "from the previous round");
    {
        StagedFolder staged(proof, "report.json");
        write_text(staged.path() / "report.json", "{\"round\": 2}");
        // Until commit, the previous round is untouched.
        CHECK(read_text(proof / "page-9.png") == "from the previous round");
        staged.commit();
    }
    CHECK(read_text(proof / "report.json") == "{\"round\": 2}");
    CHECK_FALSE(fs::exists(proof / "page-9.png"));  // no page left over from another round
    {
        StagedFolder staged(proof, "report.json");
        write_text(staged.path() / "report.json", "{\"round\": 3}");
        // not committed: as if the run failed or was killed
    }
    CHECK(read_text(proof / "report.json") == "{\"round\": 2}");
    // Leftovers of a killed run (a PID no process has) are removed by the next run.
    write_text(dir / ".proof.tmp.4194305.1/report.json", "killed");
    { StagedFolder staged(proof, "report.json"); }
    CHECK_FALSE(fs::exists(dir / ".proof.tmp.4194305.1"));
    std::size_t siblings = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) siblings += e.path().filename().string().find(".tmp.") != std::string::npos;
    CHECK(siblings == 0);
    // A folder of the user's own files is never replaced.
    write_text(dir / "mine/notes.txt", "keep");
    CHECK_THROWS_WITH_AS(StagedFolder(dir / "mine", "report.json"), doctest::Contains("holds other files"), QuireError);
    CHECK(read_text(dir / "mine/notes.txt") == "keep");
}

TEST_CASE("item 10: check opens the publication profile, reads the images and sets the text as pdf does") {
    TempDir dir;
    write_jpeg(dir / "images/photo.jpg", 80, 60);
    // A profile that is named but missing.
    std::string xml = article_xml("images/photo.jpg");
    xml.replace(xml.find("xml:lang=\"en\">"), 14, "xml:lang=\"en\" publication=\"missing.xml\">");
    write_text(dir / "a.xml", xml);
    auto r = run_quire("check " + (dir / "a.xml").string());
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("missing.xml") != std::string::npos);

    // An image whose data is not a JPEG (only its name says so).
    write_text(dir / "images/fake.jpg", std::string("\xFF\xD8\xFF\xD9", 4));
    write_text(dir / "b.xml", article_xml("images/fake.jpg"));
    r = run_quire("check " + (dir / "b.xml").string());
    CHECK(r.status == 1);
    CHECK(r.output.find("b.xml:5:") != std::string::npos);

    // A character no bundled font has (a Cuneiform sign): pdf refuses it, so check does.
    write_text(dir / "c.xml", article_xml("images/photo.jpg", "<p>Sign \xF0\x92\x80\x80 here.</p>"));
    r = run_quire("check " + (dir / "c.xml").string());
    CHECK(r.status == 1);
    CHECK(r.output.find("no font has U+12000") != std::string::npos);
    const auto pdf = run_quire("pdf " + (dir / "c.xml").string() + " -o " + (dir / "c.pdf").string());
    CHECK(pdf.status == 1);

    // An empty file: words, not tinyxml2's error name.
    write_text(dir / "empty.xml", "");
    r = run_quire("check " + (dir / "empty.xml").string());
    CHECK(r.status == 1);
    CHECK(r.output.find("XML_ERROR") == std::string::npos);
    CHECK(r.output.find("empty.xml:1:1: error: empty document") != std::string::npos);
}

TEST_CASE("item 10: import writes no article that check rejects") {
    TempDir dir;
    // A page dated February 30: whatever the importer makes of it, the article it writes must check.
    std::string page = read_text(fs::path(QUIRE_TEST_DATA).parent_path().parent_path() / "examples/page.txt");
    REQUIRE_FALSE(page.empty());
    const auto date = page.find("January 17, 2022");
    if (date != std::string::npos) page.replace(date, 16, "February 30, 2022");
    write_text(dir / "page.txt", page);
    const auto r = run_quire("import " + (dir / "page.txt").string() + " -o " + (dir / "a.xml").string());
    INFO(r.output);
    if (fs::exists(dir / "a.xml")) {
        CHECK(r.status == 0);
        const auto c = run_quire("check " + (dir / "a.xml").string());
        INFO(c.output);
        CHECK(c.output.find(": error: ") == std::string::npos);
    } else {
        CHECK(r.status == 1);
    }
}

TEST_CASE("item 11: spaces and format characters are not missing glyphs") {
    TempDir dir;
    write_jpeg(dir / "images/photo.jpg", 80, 60);
    const std::string body = "<p>em\xE2\x80\x83space, ideographic\xE3\x80\x80space, paragraph\xE2\x80\xA9separator, "
                             "BOM\xEF\xBB\xBFinside, zero\xE2\x80\x8Bwidth, bidi \xE2\x80\xAB" "abc\xE2\x80\xAC done.</p>";
    write_text(dir / "a.xml", article_xml("images/photo.jpg", body));
    auto r = run_quire("check " + (dir / "a.xml").string());
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("no font has") == std::string::npos);
    r = run_quire("pdf " + (dir / "a.xml").string() + " -o " + (dir / "a.pdf").string());
    CHECK(r.status == 0);
    // U+000B is a control character XML forbids: an error at its place, not a missing glyph.
    write_text(dir / "b.xml", article_xml("images/photo.jpg", "<p>vertical\x0Btab</p>"));
    r = run_quire("check " + (dir / "b.xml").string());
    CHECK(r.status == 1);
    CHECK(r.output.find("b.xml:6:") != std::string::npos);
    CHECK(r.output.find("U+000B") != std::string::npos);
}
