// libFuzzer target: the scraped-page importer (issue 18).
#include "import/import_page.hpp"
#include "model/article_xml.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    quire::import::ImportOptions options;
    try {
        auto result = quire::import::import_page(text, "fuzz.txt", options);
        // What the importer writes must read back (the article it would save).
        const std::string xml = quire::model::write_article_xml(result.article);
        quire::Diagnostics d;
        (void)quire::model::parse_article_xml(xml, "readback.xml", d);
    } catch (const quire::QuireError&) {
        // a page the importer refuses with a place ("the page is empty"): expected
    }
    return 0;
}
