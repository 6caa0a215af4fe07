// render/content_scanner.hpp against qpdf 11.3's own tokenizer (through Pl_QPDFTokenizer, as the
// press colour rewrite used it): the same tokens, type and bytes, for hand-picked edge cases and
// for thousands of random mixes of the tokens content streams are made of. And the colour rewrite
// on either's tokens gives the same bytes.
#include "render/content_scanner.hpp"
#include "render/press_color.hpp"

#include <doctest/doctest.h>

#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <random>
#include <string>
#include <vector>

using namespace quire;
using render::ContentToken;

namespace {

// qpdf's tokens, exactly as a token filter receives them.
class Collect : public QPDFObjectHandle::TokenFilter {
public:
    void handleToken(const QPDFTokenizer::Token& t) override { tokens.push_back(t); }
    std::vector<QPDFTokenizer::Token> tokens;
};

std::vector<QPDFTokenizer::Token> qpdf_tokens(const std::string& content) {
    Collect collect;
    Pl_QPDFTokenizer tokenizer("test", &collect);
    tokenizer.write(reinterpret_cast<const unsigned char*>(content.data()), content.size());
    tokenizer.finish();
    return collect.tokens;
}

// A literal string with an octal escape of one or two digits ("\1", "\12").
bool short_octal_escape(const std::string& raw) {
    for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
        if (raw[i] != '\\') continue;
        std::size_t digits = 0;
        while (digits < 3 && i + 1 + digits < raw.size() && raw[i + 1 + digits] >= '0' && raw[i + 1 + digits] <= '7')
            ++digits;
        if (digits > 0 && digits < 3) return true;
        i += digits > 0 ? digits : 1;
    }
    return false;
}

// Why the scanner may give up on a stream: qpdf finds a bad token, a name with #, an inline image
// or a short octal escape.
bool left_to_qpdf(const std::vector<QPDFTokenizer::Token>& tokens) {
    for (const auto& t : tokens) {
        if (t.getType() == QPDFTokenizer::tt_bad || t.getType() == QPDFTokenizer::tt_inline_image) return true;
        if (t.getType() == QPDFTokenizer::tt_name && t.getRawValue().find('#') != std::string::npos) return true;
        if (t.getType() == QPDFTokenizer::tt_string && short_octal_escape(t.getRawValue())) return true;
        if (t.getType() == QPDFTokenizer::tt_word && (t.getValue() == "BI" || t.getValue() == "ID" || t.getValue() == "EI"))
            return true;
    }
    return false;
}

// Checks the scanner against qpdf on `content`; returns whether the scanner handled it itself.
bool same_as_qpdf(const std::string& content) {
    const auto expected = qpdf_tokens(content);
    std::vector<ContentToken> got;
    if (!render::scan_content(content, got)) {
        INFO("content: [" << content << "]");
        CHECK(left_to_qpdf(expected));  // it gave up only on what it leaves to qpdf
        return false;
    }
    INFO("content: [" << content << "]");
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("token " << i << ": [" << expected[i].getRawValue() << "]");
        CHECK(got[i].type == expected[i].getType());
        CHECK(got[i].raw == expected[i].getRawValue());
        if (got[i].type != QPDFTokenizer::tt_string) CHECK(got[i].value == expected[i].getValue());
    }
    return true;
}

}  // namespace

TEST_CASE("content scanner: Cairo's operators and qpdf's edge cases, token for token") {
    for (const char* content : {
             "", " ", "q\n", "0.2 0.4 0.6 rg 1 0 0 1 12.5 -3 cm\n/a0 gs BT /f-0-0 9 Tf [<0012>-3<00ab> 4]TJ ET Q",
             "1 2 3 4 re W n /DeviceRGB cs 0.1 0.2 0.3 sc /DeviceGray CS .5 SC",
             "+5 -5 +.5 -.5 5. .5 . + - +- 5.5.5 5a 1e5 0x10 007 -0 +0.",
             "true false null truex nulls True",
             "/ /a/b /a(b) /a[ /a% x\n/a<<>>", "[1 2]{3}<<4 5>>", "%comment\r\n%c2\r%c3", "%eof comment",
             "(a(b)c) (\\)) (\\\\) (\\() (x\\\ny) (x\\\r\ny) (a\rb) (a\r\nb) (\\101\\1\\12x) (\\1)) (\\7777) (())",
             "<> < > <0a1B> <0 a\n1\tb> <abc>", "a\x80\xff b\x01 c",
             "\t\v\f \r\n x", "5(s)6<ab>7[8]9/n", "x%y\nz",
             // left to qpdf
             "/a#20b", "(unterminated", "<ab", "<zz>", ") x", "> x", "a >", "BI /W 1 ID x EI", "x ID y", "(a\\",
             "(\\1", "<", "<<", ">>", "("}) {
        same_as_qpdf(content);
    }
    same_as_qpdf(std::string("a\0b c\0", 6));
    same_as_qpdf(std::string("(\0) <\0a\0b>", 11));
}

TEST_CASE("content scanner: random mixes of tokens scan as qpdf's") {
    // Pieces chosen so that neighbours interact: numbers next to dots and signs, strings with
    // escapes and CRs, names ending at every delimiter, a few that qpdf calls bad.
    const std::vector<std::string> pieces = {
        " ", "  ", "\n", "\r", "\r\n", "\t", "\f", "\v", std::string(1, '\0'), "%", "% c\n", "%c\r",
        "0", "12", "-3", "+4", ".", ".5", "5.", "-.25", "+", "-", "1.2.3", "7a", "e", "E5",
        "q", "Q", "rg", "RG", "k", "sc", "scn", "cs", "Tj", "TJ", "'", "\"", "*", "T*", "true", "false", "null",
        "/", "/F1", "/DeviceRGB", "/a.b", "/a#41", "/#", "/#4", "/#00",
        "(", ")", "((", "))", "\\", "\\(", "\\)", "\\\\", "\\n", "\\1", "\\12", "\\123", "\\9", "\\\r", "\\\n",
        "(a)", "(a(b)c)", "<", ">", "<<", ">>", "<0a>", "<a b>", "<ABC>", "<>", "<g>",
        "[", "]", "{", "}", "\x80", "\xff", "\x7f", "ID", "BI", "EI",
    };
    std::mt19937 random(17);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, 24);
    int scanned = 0;
    const int runs = 3000;
    for (int run = 0; run < runs; ++run) {
        std::string content;
        for (std::size_t n = length(random); n > 0; --n) content += pieces[piece(random)];
        if (same_as_qpdf(content)) ++scanned;
    }
    // Most mixes have a bad token somewhere; enough must be scanned for the test to mean something.
    MESSAGE(scanned << " of " << runs << " mixes scanned without qpdf");
    CHECK(scanned > runs / 10);
}

TEST_CASE("content scanner: random Cairo-like streams give the same colour rewrite as qpdf's tokens") {
    auto profile = style::CmykProfile::default_profile();
    if (!profile) {
        MESSAGE("skipped: default_cmyk.icc (libgs-common) is not installed");
        return;
    }
    const style::Color red = *style::parse_color("cmyk(24 98 92 18)");
    const render::SwatchMap swatches({red}, *profile);
    const std::vector<std::string> pieces = {
        " ", "\n", "q", "Q", "0.5", "1", "0", "0.941176", "0.2", "-2", "rg", "RG", "g", "G", "k", "/DeviceRGB",
        "/DeviceGray", "/Pattern", "cs", "CS", "sc", "SC", "scn", "SCN", "re", "f", "BT", "ET", "<00ab>", "(x)",
        "Tj", "[", "]", "TJ", "%c\n", "/a0 gs", "/a#20 gs", ")",
    };
    std::mt19937 random(42);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, 40);
    for (int run = 0; run < 1000; ++run) {
        std::string content;
        for (std::size_t n = length(random); n > 0; --n) content += pieces[piece(random)] + (run % 3 ? " " : "");
        INFO("content: [" << content << "]");
        CHECK(render::cmyk_content(content, swatches, render::ContentTokens::Own) ==
              render::cmyk_content(content, swatches, render::ContentTokens::Qpdf));
    }
}
