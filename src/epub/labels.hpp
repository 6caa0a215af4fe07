// The few words the EPUB adds to an article or an issue (headings of generated parts, navigation
// labels, bylines' contributor roles, the cover's text alternative, the accessibility summary), in
// the document's language: en, pl, uk, ru, hy, ka. Languages not listed fall back to English (a
// document in such a language then carries English labels: add its column rather than live with it).
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
    CoverAlt,          // "Cover: {title}, by {author}. {magazine}" template
    A11ySummary,       // accessibility summary (what holds for every book quire makes)
    PageListSummary,   // appended to the summary when the book has the print page-list
    IssueCoverAlt,     // "Cover of {title}": the issue's print cover
    TranslatedBy,      // "Translated by {names}" (byline)
    PhotosBy,          // "Photographs by {names}" (byline)
    InterviewBy,       // "Interview by {names}" (byline)
    DonateLink,        // before the publication's donation link: "Donate: "
    PageList,          // hidden heading of the page-list nav
    Impressum,         // the issue's imprint page
    Publisher,         // imprint: "Publisher"
    IssnPrint,         // imprint: "ISSN (print)"
    IssnOnline,        // imprint: "ISSN (online)"
    Website,           // imprint: "Website"
    And,               // " and ", between the last two names of a list
    Count_             // the number of labels (the table's size)
};

// The label in `lang` (BCP 47: "pl", "uk-UA", …), English when the language is not in the table.
// Templates contain {title}, {author}, {magazine}, {names} placeholders (fill()).
std::string label(Label which, const std::string& lang);

// Whether the table has the language's own words (else label() gives English).
bool has_labels_for(const std::string& lang);

// The heading label for a notice of kind `kind` ("donation", "copyright", "correction", other).
std::string notice_label(const std::string& kind, const std::string& lang);

// Replaces every "{key}" in `text` with `value`.
std::string fill(std::string text, const std::string& key, const std::string& value);

}  // namespace quire::epub
