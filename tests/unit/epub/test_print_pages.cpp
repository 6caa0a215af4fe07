// The print pages' starts in the artefact cache (epub/print_pages.hpp): a hit gives what the layout
// gives, with its diagnostics, and a changed input misses.
#include "epub/print_pages.hpp"

#include "core/artefact_cache.hpp"
#include "core/resources.hpp"
#include "render/article_pdf.hpp"
#include "text/font_table.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace quire;
using namespace quire::epub;

namespace fs = std::filesystem;

namespace {

bool same(const std::vector<PrintPageStart>& a, const std::vector<PrintPageStart>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].folio != b[i].folio || a[i].opening != b[i].opening || a[i].first_words != b[i].first_words ||
            a[i].style != b[i].style)
            return false;
    return true;
}

model::LoadedArticle load(const fs::path& article) {
    Diagnostics d;
    return model::load_article(article, d);
}

}  // namespace

TEST_CASE("print page starts: a hit gives the layout's starts and diagnostics, a changed input misses") {
    // The example article with its publication and images, in a folder of its own (the test edits it).
    const fs::path work = fs::temp_directory_path() / "quire-test-print-pages";
    const fs::path cache_folder = work / "cache";
    fs::remove_all(work);
    fs::create_directories(work);
    const fs::path examples = resource_root() / "examples";
    fs::copy_file(examples / "article.xml", work / "article.xml");
    fs::copy_file(examples / "publication.xml", work / "publication.xml");
    fs::copy(examples / "images", work / "images", fs::copy_options::recursive);
    const ArtefactCache cache(cache_folder);

    int layouts = 0;
    std::vector<PrintPageStart> reference;
    auto run = [&](const model::LoadedArticle& loaded, Diagnostics& d) {
        return print_pages(loaded, "", cache, d, [&](Diagnostics& own) {
            ++layouts;
            own.note(SourceSpan{loaded.article.source_file, 3, 4}, "a note the layout made");
            return render::lay_out_loaded_article(loaded, "", own);
        });
    };

    const model::LoadedArticle loaded = load(work / "article.xml");
    {
        Diagnostics d;
        Diagnostics direct;
        reference = print_page_starts(render::lay_out_loaded_article(loaded, "", direct));
        REQUIRE(reference.size() >= 2);
        CHECK(same(run(loaded, d), reference));
        CHECK(layouts == 1);
        CHECK(d.to_string().find("a note the layout made") != std::string::npos);
    }
    SUBCASE("the same inputs: a hit, with the same diagnostics") {
        Diagnostics again;
        CHECK(same(run(loaded, again), reference));
        CHECK(layouts == 1);
        Diagnostics fresh;
        fresh.note(SourceSpan{loaded.article.source_file, 3, 4}, "a note the layout made");
        CHECK(again.to_string().find(fresh.to_string()) != std::string::npos);
    }
    SUBCASE("an edited article misses") {
        { std::ofstream(work / "article.xml", std::ios::app) << "\n<!-- edited -->\n"; }
        Diagnostics d;
        CHECK(same(run(load(work / "article.xml"), d), reference));
        CHECK(layouts == 2);
    }
    SUBCASE("a replaced image misses") {
        for (const auto& entry : fs::directory_iterator(work / "images"))
            fs::last_write_time(entry.path(), fs::last_write_time(entry.path()) + std::chrono::seconds(5));
        Diagnostics d;
        run(loaded, d);
        CHECK(layouts == 2);
    }
    SUBCASE("an edited publication misses") {
        { std::ofstream(work / "publication.xml", std::ios::app) << "\n"; }
        Diagnostics d;
        run(load(work / "article.xml"), d);
        CHECK(layouts == 2);
    }
    SUBCASE("another layout, other hyphenation patterns, fonts: other keys") {
        const std::string key = print_pages_key(loaded, "");
        CHECK(print_pages_key(loaded, "magazine") != key);  // the name asked for is part of it
        CHECK(print_pages_key(loaded, "") == key);
        for (const auto& family : text::default_font_table().families())
            for (const auto& face : family.faces) CHECK(key.find(file_identity(face.file)) != std::string::npos);
        const char* old = std::getenv("QUIRE_HYPHEN_DIR");
        const std::string saved = old ? old : "";
        setenv("QUIRE_HYPHEN_DIR", (work / "hyphen").c_str(), 1);
        CHECK(print_pages_key(loaded, "") != key);
        if (old) setenv("QUIRE_HYPHEN_DIR", saved.c_str(), 1);
        else unsetenv("QUIRE_HYPHEN_DIR");
        CHECK(print_pages_key(loaded, "") == key);
    }
    SUBCASE("a damaged entry is a miss, never wrong pages") {
        for (const auto& entry : fs::directory_iterator(cache_folder / "print-pages"))
            if (std::ofstream out{entry.path(), std::ios::trunc}) out << "garbage";
        Diagnostics d;
        CHECK(same(run(loaded, d), reference));
        CHECK(layouts == 2);
    }
    fs::remove_all(work);
}

TEST_CASE("print page starts and diagnostics read back as they were written") {
    std::vector<PrintPageStart> pages{{"37", true, "", ""}, {"38", false, "words: with 12:colons\nand", "body"}};
    std::vector<Diagnostic> diagnostics{{Severity::Warning, {"a.xml", 3, 5}, "eine Warnung"}, {Severity::Note, {}, ""}};
    const std::string value = pack_print_pages(pages, diagnostics);
    const auto back = unpack_print_pages(value);
    REQUIRE(back);
    CHECK(same(back->pages, pages));
    REQUIRE(back->diagnostics.size() == 2);
    CHECK(back->diagnostics[0].to_string() == diagnostics[0].to_string());
    CHECK(back->diagnostics[1].to_string() == diagnostics[1].to_string());
    CHECK_FALSE(unpack_print_pages(value.substr(0, value.size() - 1)));
    CHECK_FALSE(unpack_print_pages(value + "x"));
    CHECK_FALSE(unpack_print_pages("print-pages 1\n9999:"));
}
