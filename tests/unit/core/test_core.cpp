// core: diagnostics, atomic output, reproducible dates, lengths.
#include "core/artefact_cache.hpp"
#include "core/diagnostic.hpp"
#include "core/length.hpp"
#include "core/output_file.hpp"
#include "core/source_date.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace quire;
namespace fs = std::filesystem;

TEST_CASE("diagnostics print as file:line:col: severity: message, in the order found") {
    Diagnostics d;
    d.warning(SourceSpan{"a.xml", 3, 7}, "no alt text");
    d.error(SourceSpan{"a.xml", 14, 2}, "unknown element <x>");
    d.note(SourceSpan{"b.xml"}, "see here");
    CHECK(d.has_errors());
    CHECK(d.count(Severity::Warning) == 1);
    CHECK(d.to_string() == "a.xml:3:7: warning: no alt text\na.xml:14:2: error: unknown element <x>\nb.xml: note: see here\n");
    CHECK(SourceSpan{"f", 2, 0}.to_string() == "f:2");
    Diagnostics none;
    CHECK_FALSE(none.has_errors());
    QuireError e(SourceSpan{"p.txt", 1, 1}, "refused");
    CHECK(std::string(e.what()) == "p.txt:1:1: error: refused");
}

TEST_CASE("atomic output: written whole, or not at all") {
    const fs::path dir = fs::temp_directory_path() / "quire-core-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path target = dir / "out.txt";
    write_file_atomically(target, "first");
    CHECK(read_file(target) == "first");
    {
        PendingOutput pending(target);
        CHECK(pending.temp_path().parent_path() == dir);
        write_file_atomically(pending.temp_path(), "half");
        // destroyed without commit: the target keeps its old content, the temporary file goes
    }
    CHECK(read_file(target) == "first");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
    CHECK(files == 1);
    CHECK_THROWS_AS(write_file_atomically(dir / "no-such-folder" / "x.txt", "x"), QuireError);
    CHECK_THROWS_AS(read_file(dir / "missing.txt"), QuireError);
    fs::remove_all(dir);
}

TEST_CASE("output time stamps come from SOURCE_DATE_EPOCH, else the article date, never the clock") {
    ::setenv("SOURCE_DATE_EPOCH", "1642377600", 1);
    CHECK(output_timestamp("1999-01-01") == 1642377600);
    CHECK(iso8601_utc(output_timestamp()) == "2022-01-17T00:00:00Z");
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(iso8601_utc(output_timestamp("2022-01-17")) == "2022-01-17T00:00:00Z");
    CHECK(iso8601_utc(output_timestamp("not a date")) == "2000-01-01T00:00:00Z");
    ::setenv("SOURCE_DATE_EPOCH", "garbage", 1);
    CHECK_FALSE(source_date_epoch().has_value());
    ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("lengths convert between millimetres and points") {
    CHECK(Length::mm(25.4).pt() == doctest::Approx(72.0));
    CHECK(Length::mm(170).pt() == doctest::Approx(481.889).epsilon(1e-4));
    CHECK((Length::pt(10) + Length::pt(2)).pt() == doctest::Approx(12.0));
    CHECK(Length::pt(12) / Length::pt(4) == doctest::Approx(3.0));
    CHECK(Length::pt(1) < Length::pt(2));
}

TEST_CASE("artefact cache: a hit needs the whole key, off stores nothing, damage is a miss") {
    namespace fs = std::filesystem;
    const fs::path folder = fs::temp_directory_path() / "quire-test-artefact-cache";
    fs::remove_all(folder);
    const quire::ArtefactCache cache(folder);
    CHECK(cache.enabled());
    CHECK_FALSE(cache.get("kind", "key one").has_value());
    cache.put("kind", "key one", std::string("value\0with nul", 14));
    REQUIRE(cache.get("kind", "key one").has_value());
    CHECK(*cache.get("kind", "key one") == std::string("value\0with nul", 14));
    CHECK_FALSE(cache.get("kind", "key two").has_value());
    CHECK_FALSE(cache.get("other", "key one").has_value());
    int made = 0;
    auto make = [&] { ++made; return std::string("made"); };
    CHECK(cache.get_or_make("kind", "key three", make) == "made");
    CHECK(cache.get_or_make("kind", "key three", make) == "made");
    CHECK(made == 1);
    // Truncate every entry: each becomes a miss.
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.is_regular_file()) fs::resize_file(e.path(), 5);
    CHECK_FALSE(cache.get("kind", "key one").has_value());
    CHECK(cache.get_or_make("kind", "key three", make) == "made");
    CHECK(made == 2);
    fs::remove_all(folder);

    const quire::ArtefactCache off(std::nullopt);
    CHECK_FALSE(off.enabled());
    off.put("kind", "k", "v");
    CHECK_FALSE(off.get("kind", "k").has_value());

    setenv("QUIRE_CACHE_DIR", "off", 1);
    CHECK_FALSE(quire::ArtefactCache::folder_from_environment().has_value());
    setenv("QUIRE_CACHE_DIR", "/tmp/somewhere", 1);
    CHECK(*quire::ArtefactCache::folder_from_environment() == fs::path("/tmp/somewhere"));
    unsetenv("QUIRE_CACHE_DIR");
    setenv("XDG_CACHE_HOME", "/tmp/xdg", 1);
    CHECK(*quire::ArtefactCache::folder_from_environment() == fs::path("/tmp/xdg/quire"));
    unsetenv("XDG_CACHE_HOME");
}

TEST_CASE("file identity changes when the file does") {
    namespace fs = std::filesystem;
    const fs::path file = fs::temp_directory_path() / "quire-test-identity.txt";
    quire::write_file_atomically(file, "one");
    const std::string first = quire::file_identity(file);
    quire::write_file_atomically(file, "three");
    CHECK(quire::file_identity(file) != first);
    fs::remove(file);
    CHECK(quire::file_identity(file).find("unreadable") != std::string::npos);
}

TEST_CASE("diagnostics: the same message at the same place is kept once, others all, in order") {
    Diagnostics d;
    for (int i = 0; i < 500; ++i) d.error(SourceSpan{"a.xml", 10, 0}, "no font has U+05DC");  // every word of a passage
    d.error(SourceSpan{"a.xml", 10, 0}, "no font has U+05D5");
    d.warning(SourceSpan{"a.xml", 10, 0}, "no font has U+05DC");  // another severity: another diagnostic
    d.error(SourceSpan{"a.xml", 11, 0}, "no font has U+05DC");    // another place
    Diagnostics other;
    other.error(SourceSpan{"a.xml", 10, 0}, "no font has U+05DC");
    other.note(SourceSpan{"b.xml", 1, 1}, "a note");
    d.append(other);
    REQUIRE(d.all().size() == 5);
    CHECK(d.all()[0].message == "no font has U+05DC");
    CHECK(d.all()[1].message == "no font has U+05D5");
    CHECK(d.all()[2].severity == Severity::Warning);
    CHECK(d.all()[3].where.line == 11);
    CHECK(d.all()[4].where.file == "b.xml");
    CHECK(d.count(Severity::Error) == 3);
}
