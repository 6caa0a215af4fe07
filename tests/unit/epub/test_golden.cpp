// Golden files: the interview test article's content documents, as the XML reader and this stage
// make them. QUIRE_UPDATE_GOLDEN=1 rewrites them (then review the diff).
#include "epub/epub_builder.hpp"
#include "test_helpers.hpp"

#include "core/output_file.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace quire;

TEST_CASE("golden: the interview's content documents") {
    const std::filesystem::path data = std::string(QUIRE_TEST_DATA) + "/epub";
    Diagnostics diagnostics;
    const auto loaded = model::load_article(data / "interview.xml", diagnostics);
    const epub::Book book = epub::assemble_book(loaded, {});
    const bool update = std::getenv("QUIRE_UPDATE_GOLDEN") != nullptr;
    for (const char* href : {"article.xhtml", "nav.xhtml"}) {
        const epub::Resource* r = book.find(href);
        REQUIRE(r);
        const auto golden = data / "golden" / ("interview-" + std::string(href));
        if (update) write_file_atomically(golden, r->bytes);
        CAPTURE(golden.string());
        CHECK(r->bytes == read_file(golden));
    }
}
