// The first step of importing a scraped page: its text as numbered, whitespace-normalised lines,
// each with the role the import rules give it. This is the named type between the rules; dumped
// (dump_page) it is what `quire import --explain` prints.
#pragma once

#include "core/diagnostic.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace quire::import {

// What a line of the page turned out to be. Every line ends with exactly one role.
enum class LineRole {
    Unclassified,
    HeaderClutter,  // web furniture above the article (text size, contrast, menus)
    Title,
    Standfirst,
    Dateline,       // "January 17, 2022 - Author - Section"
    Byline,         // "By A and B" on its own line
    Caption,        // lead photo caption and/or credit
    InlineCaption,  // caption and credit of a photo inside the text
    Paragraph,
    Subheading,
    Bio,
    Notice,         // the donation appeal ("Dear Readers …")
    BodyClutter,    // web-only lines inside the article ("Read also: …", share buttons)
    FooterClutter,  // tag separators, site footer, cookie and privacy text
};

const char* role_name(LineRole role);

// One non-blank line of the page.
struct PageLine {
    std::string text;         // whitespace runs collapsed to one space, trimmed; otherwise as published
    int line = 0;             // 1-based line number in the page file
    int column = 1;           // 1-based column (code points) of the first non-blank character
    bool after_blank = false; // a blank line (or the start of the page) precedes it
    LineRole role = LineRole::Unclassified;
    std::string rule;         // the rule that set the role
};

struct PageText {
    std::string file;             // for messages
    std::vector<PageLine> lines;  // non-blank lines only, in page order

    SourceSpan span(std::size_t index) const;  // where lines[index] starts
};

// Collapses every run of white space (ASCII blanks, tabs, NO-BREAK SPACE and the other Unicode
// space separators) to one U+0020 and trims both ends. Nothing else in the text changes: the
// importer keeps the published text exactly, typos included.
std::string normalise_whitespace(std::string_view text);

// Splits the page into lines (LF, CRLF or CR), drops a UTF-8 byte-order mark, normalises each line's
// white space and keeps the non-blank ones. Throws QuireError when the text is not valid UTF-8.
PageText split_page(std::string_view text, std::string file);

// One line a page line: "  12 paragraph     rule_name  text…" (text cut to `width` code points;
// 0 = whole line). Stable: used by --explain and by golden tests.
std::string dump_page(const PageText& page, std::size_t width = 72);

}  // namespace quire::import
