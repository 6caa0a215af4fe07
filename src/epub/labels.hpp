// The few words the EPUB adds to an article (headings of generated parts, navigation labels, the
// cover's text alternative, the accessibility summary), in the article's language. Languages not
// listed fall back to English; the table is small on purpose and grows with the magazine's needs.
#pragma once

#include <string>

namespace quire::epub {

enum class Label {
    Cover,             // nav landmark and TOC
    Contents,          // nav heading
    Landmarks,         // hidden nav heading
    AboutTheAuthor,    // bio heading, one author
    AboutTheAuthors,   // bio heading, several
    Donation,          // heading of the donation notice
    Copyright,         // heading of a copyright notice
    Correction,        // heading of a correction
    Notice,            // any other notice
    Photo,             // prefix of a photo credit: "Photo: "
    CoverAlt,          // "Cover of “{title}” by {author}, {magazine}" template
    A11ySummary,       // accessibility summary
};

// The label in `lang` (BCP 47: "pl", "uk-UA", …), English when the language is not in the table.
// CoverAlt and A11ySummary contain {title}, {author}, {magazine} placeholders.
std::string label(Label which, const std::string& lang);

// The heading label for a notice of kind `kind` ("donation", "copyright", "correction", other).
std::string notice_label(const std::string& kind, const std::string& lang);

// Replaces every "{key}" in `text` with `value`.
std::string fill(std::string text, const std::string& key, const std::string& value);

}  // namespace quire::epub
