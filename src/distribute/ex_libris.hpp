// The visible ex-libris page of a subscriber's copy, placed right after the cover: "This copy belongs
// to NAME" in the book's language (the languages the magazine publishes in; others fall back to
// English), the email only when asked. Every subscriber field is XML-escaped: a name is text, never
// markup.
#pragma once

#include "distribute/subscriber_list.hpp"

#include <string>

namespace quire::distribute {

enum class EmailOnPage { Hidden, Shown };

struct ExLibrisText {
    std::string heading;   // "Ex libris"
    std::string owner;     // "This copy belongs to"
    std::string personal;  // "A personal copy: please do not pass it on."
};

// The words for `lang` (BCP 47; "pl-PL" finds "pl"), English when the language is not in the table.
ExLibrisText ex_libris_text(const std::string& lang);

// The XHTML content document. `stylesheets` are hrefs relative to the page.
std::string ex_libris_page(const Subscriber& subscriber, EmailOnPage email, const std::string& lang,
                           const std::vector<std::string>& stylesheets);

}  // namespace quire::distribute
