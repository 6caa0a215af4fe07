// libFuzzer target: the publication profile reader (issue 18).
#include "model/article_xml.hpp"
#include "model/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    quire::Diagnostics d;
    quire::model::Publication p = quire::model::parse_publication_xml(text, "fuzz.xml", d);
    quire::model::validate_publication(p, d);
    (void)quire::model::write_publication_xml(p);
    return 0;
}
