// A tokenizer for the press colour rewrite (render/press_color.cpp) of Cairo's content streams,
// cutting them into exactly the tokens qpdf 11.3's QPDFTokenizer gives through Pl_QPDFTokenizer
// (ignorable tokens included, EOF allowed) — for the content Cairo writes, and no further.
//
// Why not qpdf's own: its tokenizer builds two std::string per token, one character at a time
// through a virtual InputSource, and Pl_QPDFTokenizer copies every token into the filter. That was
// 75 M of the 125 M instructions of the press post-pass on the example article (callgrind, issue 17);
// this scanner hands out views into the content instead.
//
// Anything it does not model byte for byte is left to qpdf: inline images (BI … ID … EI, where qpdf
// searches the image data for its end), names with # escapes, octal escapes of one or two digits in
// a literal string (where qpdf's releases differ), and every token qpdf calls bad
// (unbalanced ")", ">" alone, a hex string with a stray character, EOF inside a string). Then
// scan_content returns false and the caller tokenizes the whole stream with qpdf, as before.
//
//   std::vector<ContentToken> tokens;
//   if (!scan_content(content, tokens)) tokens = … qpdf's tokens …;
#pragma once

#include <qpdf/QPDFTokenizer.hh>

#include <string_view>
#include <vector>

namespace quire::render {

// One token: its type as qpdf names it, its bytes in the content (`raw`, what a token filter writes
// back) and its value (qpdf's getValue()). Views into the scanned content, or into the qpdf tokens
// they were made from.
struct ContentToken {
    QPDFTokenizer::token_type_e type = QPDFTokenizer::tt_bad;
    std::string_view raw;
    // Equal to `raw` for every token scan_content makes (it gives up on names with # escapes),
    // except a literal or hex string, whose decoded value it does not compute: the colour rewrite
    // never reads a string's value.
    std::string_view value;
};

// Cuts `content` into tokens (the last one tt_eof with empty bytes), as qpdf 11.3 would. False
// when the content holds something left to qpdf (see above); `out` is then unspecified.
bool scan_content(std::string_view content, std::vector<ContentToken>& out);

}  // namespace quire::render
