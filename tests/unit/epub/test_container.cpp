#include "epub/epub_builder.hpp"
#include "epub/book_parts.hpp"
#include "epub/ocf_container.hpp"
#include "test_helpers.hpp"

#include "core/artefact_cache.hpp"
#include "core/output_file.hpp"

#include <doctest/doctest.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>

using namespace quire;
using namespace quire::epub;
using testing::contains;

namespace fs = std::filesystem;

TEST_CASE("the container starts with a stored mimetype without extra field (OCF §4.3)") {
    Book book;
    book.meta.language = "en";
    book.resources.push_back({"article.xhtml", "a", "application/xhtml+xml", "", SpinePlace::Linear, "<html/>"});
    book.resources.push_back({"images/x.jpg", "x", "image/jpeg", "", SpinePlace::None, "\xFF\xD8\xFF jpeg bytes"});
    const std::string zip = ocf_bytes(book, 1642377600);
    CHECK(zip.compare(0, 4, "PK\x03\x04") == 0);
    CHECK(zip.compare(30, 8, "mimetype") == 0);
    CHECK(zip.compare(38, 20, "application/epub+zip") == 0);
    const auto entries = testing::zip_entries(zip);
    REQUIRE(entries.size() == 6);
    CHECK(entries[0].name == "mimetype");
    CHECK(entries[0].method == 0);
    CHECK(entries[0].local_extra_length == 0);
    CHECK(entries[1].name == "META-INF/container.xml");
    CHECK(entries[2].name == "META-INF/com.apple.ibooks.display-options.xml");
    CHECK(entries[3].name == "EPUB/package.opf");
    CHECK(entries[4].name == "EPUB/article.xhtml");
    CHECK(entries[5].method == 0);  // JPEG stored
    CHECK(ocf_bytes(book, 1642377600) == zip);  // same input, same bytes
    CHECK(contains(container_xml(), "full-path=\"EPUB/package.opf\""));
    CHECK(contains(apple_display_options_xml(), "<option name=\"specified-fonts\">true</option>"));
}

TEST_CASE("the same article gives the same bytes, whatever the time zone") {
    const auto loaded = testing::sample_article();
    const Book book = assemble_book(loaded, {});
    const std::string a = ocf_bytes(book, 1642377600);
    setenv("TZ", "Pacific/Kiritimati", 1);
    const std::string b = ocf_bytes(assemble_book(loaded, {}), 1642377600);
    unsetenv("TZ");
    CHECK(a == b);
}

TEST_CASE("the book holds the article, its back matter, fonts, licences and a drawn cover") {
    const auto loaded = testing::sample_article();
    const Book book = assemble_book(loaded, {});
    const std::string dump = dump_book(book);
    CHECK(contains(dump, "cover.xhtml [cover-xhtml] application/xhtml+xml spine"));
    CHECK(contains(dump, "nav.xhtml [nav-xhtml] application/xhtml+xml {nav} spine(non-linear)"));
    CHECK(contains(dump, "images/cover.png [images-cover-png] image/png {cover-image}"));
    CHECK(contains(dump, "fonts/Vollkorn-Regular.ttf"));
    CHECK(contains(dump, "fonts/Noto"));  // the Armenian span
    CHECK(contains(dump, "fonts/vollkorn-OFL.txt"));
    CHECK(contains(dump, "issn: 2083-7372"));
    // The back matter ends the article's document (no run of near-empty pages).
    const Resource* article = book.find("article.xhtml");
    REQUIRE(article);
    CHECK(contains(article->bytes, "<section class=\"bio\" id=\"bio\" epub:type=\"contributors\""));
    CHECK(contains(article->bytes, "epub:type=\"notice\" role=\"doc-notice\""));
    CHECK_FALSE(book.find("bio.xhtml"));
    const Resource* cover = book.find("images/cover.png");
    REQUIRE(cover);
    CHECK(image_media_type(cover->bytes) == "image/png");
    CHECK(book.meta.identifier == "urn:uuid:" + std::string(book.meta.identifier).substr(9));
    CHECK(book.meta.modified == "2022-01-17T00:00:00Z");
}

TEST_CASE("bad images: a missing file names the article's line, a path leaving the folder is refused") {
    auto loaded = testing::sample_article();
    loaded.article.lead_figure->src = "images/missing.jpg";
    try {
        assemble_book(loaded, {});
        FAIL("no error");
    } catch (const QuireError& e) {
        CHECK(e.diagnostic().where.to_string() == "sample.xml:12:3");
        CHECK(contains(e.diagnostic().message, "image not found"));
    }
    loaded.article.lead_figure->src = "../print/whatever.jpg";
    CHECK_THROWS_WITH_AS(assemble_book(loaded, {}), doctest::Contains("leaves the article's folder"), QuireError);
    loaded.article.lead_figure->src = "publication.xml";  // exists, but not an image
    CHECK_THROWS_WITH_AS(assemble_book(loaded, {}), doctest::Contains("not JPEG, PNG"), QuireError);
}

TEST_CASE("a failed build leaves no file behind, and an existing book untouched") {
    const fs::path out = fs::temp_directory_path() / "quire-epub-test-failure.epub";
    fs::remove(out);
    auto loaded = testing::sample_article();
    loaded.article.lead_figure->src = "images/missing.jpg";
    CHECK_THROWS_AS(build_epub(loaded, {}, out), QuireError);
    CHECK_FALSE(fs::exists(out));
    write_file_atomically(out, "old");
    CHECK_THROWS_AS(build_epub(loaded, {}, out), QuireError);
    CHECK(read_file(out) == "old");
    for (const auto& e : fs::directory_iterator(out.parent_path()))
        CHECK_FALSE(contains(e.path().filename().string(), ".quire-epub-test-failure.epub.tmp"));
    fs::remove(out);
}

TEST_CASE("image types are told by their bytes, and file names are made safe") {
    CHECK(image_media_type("\xFF\xD8\xFF\xE0") == "image/jpeg");
    CHECK(image_media_type("\x89PNG\r\n\x1A\n....") == "image/png");
    CHECK(image_media_type("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>") == "image/svg+xml");
    CHECK(image_media_type("RIFF....WEBP") == "");
    CHECK(safe_file_name("my photo (1).JPG") == "my-photo--1-.JPG");
    CHECK(safe_file_name(".hidden") == "file.hidden");
}

TEST_CASE("the artefact cache gives the same book, cold, warm and off") {
    const auto loaded = testing::sample_article();
    const fs::path folder = fs::temp_directory_path() / "quire-test-epub-cache";
    fs::remove_all(folder);
    const ArtefactCache off(std::nullopt), on(folder);
    EpubOptions without;
    without.cache = &off;
    EpubOptions with;
    with.cache = &on;
    const std::string reference = ocf_bytes(assemble_book(loaded, without), 0);
    const std::string cold = ocf_bytes(assemble_book(loaded, with), 0);
    // The cold build filled the cache: a cover and one subset per embedded face.
    REQUIRE(fs::is_directory(folder / "cover"));
    CHECK(std::distance(fs::directory_iterator(folder / "cover"), fs::directory_iterator()) == 1);
    CHECK(std::distance(fs::directory_iterator(folder / "font-subset"), fs::directory_iterator()) >= 2);
    const std::string warm = ocf_bytes(assemble_book(loaded, with), 0);
    CHECK(cold == reference);
    CHECK(warm == reference);
    // A damaged entry is a miss, never a wrong book.
    for (const auto& entry : fs::directory_iterator(folder / "cover")) write_file_atomically(entry.path(), "garbage");
    CHECK(ocf_bytes(assemble_book(loaded, with), 0) == reference);
    fs::remove_all(folder);
}

TEST_CASE("a resource deflated beforehand is copied as it is and reads back whole") {
    Book book;
    book.meta.language = "en";
    std::string font;
    for (int i = 0; i < 5000; ++i) font += static_cast<char>("glyf table bytes "[i % 17] + i % 3);
    book.resources.push_back({"fonts/a.ttf", "a", "font/ttf", "", SpinePlace::None, font});
    book.deflated["fonts/a.ttf"] = deflate_for_container(font);
    const std::string zip = ocf_bytes(book, 1642377600);
    const auto entries = testing::zip_entries(zip);
    REQUIRE(entries.size() == 5);
    CHECK(entries[4].name == "EPUB/fonts/a.ttf");
    CHECK(entries[4].method == 8);
    // libzip reads it back, checking the CRC as it goes.
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(zip.data(), zip.size(), 0, &error);
    REQUIRE(source);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    REQUIRE(archive);
    zip_file_t* file = zip_fopen(archive, "EPUB/fonts/a.ttf", 0);
    REQUIRE(file);
    std::string back(font.size() + 10, '\0');
    const zip_int64_t n = zip_fread(file, back.data(), back.size());
    CHECK(n == static_cast<zip_int64_t>(font.size()));
    back.resize(static_cast<std::size_t>(std::max<zip_int64_t>(n, 0)));
    CHECK(back == font);
    CHECK(zip_fclose(file) == 0);  // non-zero on a CRC mismatch
    zip_close(archive);
    zip_error_fini(&error);
}

TEST_CASE("the drawn cover sets the magazine's name and the section in capitals by the language's rules") {
    const style::Layout layout = style::load_layout_or_throw("magazine");
    const text::FontTable& fonts = text::default_font_table();
    const ArtefactCache off(std::nullopt);
    // Ukrainian: the cover's capitals are ICU's, as print's section label (not ASCII's only).
    CoverText lower{"Нова Східна Європа", "Коментарі", "Заголовок", "Автор", "26 травня 2022 р.", "uk"};
    CoverText upper = lower;
    upper.magazine = "НОВА СХІДНА ЄВРОПА";
    upper.section = "КОМЕНТАРІ";
    CHECK(cover_png(lower, layout, fonts, off) == cover_png(upper, layout, fonts, off));
    // The title keeps its case.
    CoverText shouted = lower;
    shouted.title = "ЗАГОЛОВОК";
    CHECK(cover_png(lower, layout, fonts, off) != cover_png(shouted, layout, fonts, off));
}
