#include "text/text_case.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace quire::text {

std::string to_upper(const std::string& utf8, const std::string& lang) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    s.toUpper(icu::Locale(lang.empty() ? "en" : lang.c_str()));
    std::string out;
    s.toUTF8String(out);
    return out;
}

}  // namespace quire::text
