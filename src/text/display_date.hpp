// The date under a title, as the article's language writes it: "17 January 2022",
// "17 stycznia 2022", "17 января 2022 г.". One function for print, EPUB and cover, so that the
// editions agree.
#pragma once

#include <string>

namespace quire::text {

// ICU's long date format for the BCP 47 tag `lang`; plain "en" is British English (the magazine
// writes it: "organisation", day before month). `iso_date` is YYYY-MM-DD, a calendar day: formatted
// in UTC so that the machine's time zone cannot shift it. Anything else comes back unchanged.
std::string display_date(const std::string& iso_date, const std::string& lang);

}  // namespace quire::text
