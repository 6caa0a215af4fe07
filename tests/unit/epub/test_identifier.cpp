#include "epub/identifier.hpp"
#include "epub/labels.hpp"
#include "epub/xml_text.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace quire::epub;

TEST_CASE("sha1 matches FIPS 180 test vectors") {
    auto hex = [](const std::array<std::uint8_t, 20>& d) {
        std::string s;
        char b[3];
        for (auto x : d) { std::snprintf(b, sizeof b, "%02x", x); s += b; }
        return s;
    };
    CHECK(hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex(sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

TEST_CASE("the book identifier is a stable RFC 4122 version 5 UUID") {
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, "http://example.com/")
    CHECK(uuid_v5_urn("http://example.com/") == "urn:uuid:0a300ee9-f9e4-5697-a51a-efc7fafaba67");
    CHECK(book_identifier("test-quarterly", "interview-baltic-ports") == "urn:uuid:c1cb3e43-d402-5928-b1a1-4690b292f798");
    CHECK(book_identifier("a", "b") != book_identifier("a", "c"));
}

TEST_CASE("XML escaping keeps text exact and drops characters XML forbids") {
    CHECK(escape_xml_text("a < b & c > d \"q\"") == "a &lt; b &amp; c &gt; d \"q\"");
    CHECK(escape_xml_attribute("say \"hi\" & <go>") == "say &quot;hi&quot; &amp; &lt;go&gt;");
    CHECK(escape_xml_text(std::string("bell\x07tab\t", 9)) == "belltab\t");
    CHECK(escape_xml_text("Zażółć – Հայաստան") == "Zażółć – Հայաստան");
}

TEST_CASE("labels follow the article's language, with English for the rest") {
    CHECK(label(Label::AboutTheAuthor, "pl") == "O autorze");
    CHECK(label(Label::AboutTheAuthor, "uk-UA") == "Про автора");
    CHECK(label(Label::AboutTheAuthor, "de") == "About the author");
    CHECK(notice_label("donation", "en") == "Support us");
    CHECK(notice_label("something-else", "pl") == "Informacja");
    CHECK(fill("{a} and {a}", "a", "x") == "x and x");
}
