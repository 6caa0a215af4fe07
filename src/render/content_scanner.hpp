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
// the scanner stops and the caller tokenizes the whole stream with qpdf, as before.
#pragma once

#include <qpdf/QPDFTokenizer.hh>

#include <cstddef>
#include <string_view>
#include <vector>

namespace quire::render {

// One token: its type as qpdf names it, its bytes in the content (`raw`, what a token filter writes
// back) and its value (qpdf's getValue()). Views into the scanned content, or into the qpdf tokens
// they were made from.
struct ContentToken {
    QPDFTokenizer::token_type_e type = QPDFTokenizer::tt_bad;
    std::string_view raw;
    // Equal to `raw` for every token ContentScanner makes (it gives up on names with # escapes),
    // except a literal or hex string, whose decoded value it does not compute: the colour rewrite
    // never reads a string's value.
    std::string_view value;
};

// Hands out the tokens of `content` one at a time (the last one tt_eof with empty bytes), as qpdf
// 11.3 would, without storing them: the rewrite keeps only the operands of the current operator.
// Stops early, with left_to_qpdf(), at anything left to qpdf (see above): the caller then starts
// the stream again with qpdf's tokenizer.
//
//   ContentScanner scanner(content);
//   for (ContentToken t; scanner.next(t);) use(t);
//   if (scanner.left_to_qpdf()) … qpdf's tokens for the whole stream …
class ContentScanner {
public:
    explicit ContentScanner(std::string_view content) : content_(content) {}

    // The next token into `t`: false after tt_eof, or when the rest is left to qpdf.
    bool next(ContentToken& t);
    bool left_to_qpdf() const { return state_ == State::LeftToQpdf; }

private:
    enum class State { Scanning, Done, LeftToQpdf };
    std::string_view content_;  // not owned: must outlive the scanner and its tokens
    std::size_t at_ = 0;
    State state_ = State::Scanning;
};

// All the tokens of `content` into `out` (for tests); false when the content is left to qpdf.
bool scan_content(std::string_view content, std::vector<ContentToken>& out);

}  // namespace quire::render
