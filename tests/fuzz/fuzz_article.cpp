// libFuzzer target: the article reader and its validation (issue 18). Built with -DQUIRE_FUZZ=ON.
#include "model/article_xml.hpp"
#include "model/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    quire::Diagnostics d;
    quire::model::Article article = quire::model::parse_article_xml(text, "fuzz.xml", d);
    // A folder that does not exist: image paths are judged, never read.
    quire::model::validate_article(article, "/nonexistent-quire-fuzz", d);
    (void)quire::model::write_article_xml(article);
    return 0;
}
