// distribute: the subscriber list (RFC 4180), marks and shards, file names, the ex-libris page.
// Whole copies, trace and the catalogue are checked end to end in tests/e2e/subscribers.sh.
#include "distribute/copy_mark.hpp"
#include "distribute/copy_run.hpp"
#include "distribute/epub_package.hpp"
#include "distribute/ex_libris.hpp"
#include "distribute/opds_catalog.hpp"
#include "distribute/personalise.hpp"
#include "distribute/subscriber_list.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace quire;
using namespace quire::distribute;

TEST_CASE("the subscriber list reads quoted fields with commas, doubled quotes and line breaks") {
    Diagnostics d;
    const std::string csv =
        "id,name,email,plan\r\n"
        "s1,\"Kowalska, Anna\",anna@example.pl,print\r\n"
        "s2,\"The \"\"Quoted\"\" One\",q@example.com,\n"
        "s3,\"Two\nlines\",t@example.com,x\n"
        "s4,Нино Гелашвили,nino@example.ge,x";  // no final line break
    const SubscriberList list = parse_subscribers(csv, "subs.csv", d);
    CHECK(d.empty());
    REQUIRE(list.subscribers.size() == 4);
    CHECK(list.subscribers[0].name == "Kowalska, Anna");
    CHECK(list.subscribers[1].name == "The \"Quoted\" One");
    CHECK(list.subscribers[2].name == "Two\nlines");
    CHECK(list.subscribers[3].line == 6);  // the record after a two-line one starts on line 6
    CHECK(list.subscribers[3].email == "nino@example.ge");
}

TEST_CASE("a bad row is reported with its line and skipped, the others are read") {
    Diagnostics d;
    const std::string csv = "email,id,name\n"
                            "a@x,a1,Ann\n"
                            "b@x,b1\n"               // too few fields
                            "c@x,,Nobody\n"          // empty id
                            "d@x,a1,Again\n"         // duplicate id
                            "e@x,e1,\"\xC3\x28\"\n"  // not UTF-8
                            "f@x,f1,Fay\n";
    const SubscriberList list = parse_subscribers(csv, "subs.csv", d);
    REQUIRE(list.subscribers.size() == 2);
    CHECK(list.subscribers[1].id == "f1");
    CHECK(list.bad_rows == 4);
    REQUIRE(d.all().size() == 4);
    CHECK(d.all()[0].to_string().rfind("subs.csv:3: error:", 0) == 0);
    CHECK(d.all()[1].where.line == 4);
    CHECK(d.all()[2].message.find("duplicate") != std::string::npos);
    CHECK(d.all()[3].where.line == 6);
}

TEST_CASE("a header without id, name and email stops reading") {
    Diagnostics d;
    CHECK_THROWS_AS(parse_subscribers("id,name\n1,A\n", "subs.csv", d), QuireError);
}

TEST_CASE("an unclosed quote is reported at the line it opens") {
    Diagnostics d;
    const SubscriberList list = parse_subscribers("id,name,email\n1,A,a@x\n2,\"B,b@x\n3,C,c@x\n", "s.csv", d);
    CHECK(list.subscribers.size() == 1);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].where.line == 3);
}

TEST_CASE("csv_field quotes only when needed") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

TEST_CASE("HMAC-SHA-256 matches RFC 4231 test case 2") {
    const Secret key{"Jefe"};
    CHECK(hmac_sha256_hex(key, "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("the mark is keyed, starts with the key's fingerprint, and holds no part of the id") {
    const Secret k1{"first secret"}, k2{"second secret"};
    const std::string m = copy_mark(k1, "subscriber-42");
    CHECK(m.size() == kMarkLength);
    CHECK(m.rfind(key_fingerprint(k1), 0) == 0);
    CHECK(m == copy_mark(k1, "subscriber-42"));
    CHECK(m != copy_mark(k1, "subscriber-43"));
    CHECK(m != copy_mark(k2, "subscriber-42"));
    CHECK(key_fingerprint(k1) != key_fingerprint(k2));
    CHECK(m.find_first_not_of("0123456789abcdef") == std::string::npos);  // hex digits only: no name, no email
    CHECK(copy_identifier(m).rfind("urn:uuid:", 0) == 0);
}

TEST_CASE("shards split the list into disjoint slices, and adding a subscriber moves no one") {
    std::vector<std::string> ids;
    for (int i = 0; i < 300; ++i) ids.push_back("id" + std::to_string(i));
    std::vector<int> sizes(3, 0);
    for (const auto& id : ids) ++sizes[shard_of(id, 3)];
    CHECK(sizes[0] + sizes[1] + sizes[2] == 300);
    for (int s : sizes) CHECK(s > 60);  // roughly even
    const auto before = shard_of("id7", 3);
    ids.push_back("newcomer");
    CHECK(shard_of("id7", 3) == before);
    CHECK(parse_shard("2/3").index == 1);
    CHECK(parse_shard("2/3").count == 3);
    CHECK_THROWS_AS(parse_shard("0/3"), QuireError);
    CHECK_THROWS_AS(parse_shard("4/3"), QuireError);
    CHECK_THROWS_AS(parse_shard("1-3"), QuireError);
    CHECK(manifest_name(parse_shard("1/1")) == "manifest.csv");
    CHECK(manifest_name(parse_shard("2/3")) == "manifest-2-of-3.csv");
}

TEST_CASE("copy file names are safe and distinct") {
    CHECK(copy_file_name("sub-001") == "sub-001.epub");
    const std::string evil = copy_file_name("../../etc/passwd");
    CHECK(evil.find('/') == std::string::npos);
    CHECK(evil.front() != '.');
    CHECK(copy_file_name(".hidden").front() != '.');
    CHECK(copy_file_name("a/b") != copy_file_name("a_b"));
    CHECK(copy_file_name("Łukasz").find("_") != std::string::npos);
    CHECK(copy_file_name(std::string(300, 'x')).size() < 120);
}

TEST_CASE("the ex-libris page escapes the name and speaks the book's language") {
    Subscriber s{"x", "<script>alert(1)</script> & Co", "a@b.c", 2};
    const std::string en = ex_libris_page(s, EmailOnPage::Hidden, "en", {"style.css"});
    CHECK(en.find("<script>") == std::string::npos);
    CHECK(en.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co") != std::string::npos);
    CHECK(en.find("This copy belongs to") != std::string::npos);
    CHECK(en.find("a@b.c") == std::string::npos);
    CHECK(ex_libris_page(s, EmailOnPage::Shown, "en", {}).find("a@b.c") != std::string::npos);
    CHECK(ex_libris_page(s, EmailOnPage::Hidden, "pl-PL", {}).find("Egzemplarz prenumeratora") != std::string::npos);
    CHECK(ex_libris_text("uk").owner == "Примірник передплатника");
    CHECK(ex_libris_text("ka").owner != ex_libris_text("en").owner);
    CHECK(ex_libris_text("hy").owner != ex_libris_text("en").owner);
    CHECK(ex_libris_text("ru").owner != ex_libris_text("en").owner);
    CHECK(ex_libris_text("xx").owner == ex_libris_text("en").owner);
}

TEST_CASE("hrefs between ZIP folders and for the catalogue") {
    CHECK(relative_href("EPUB/", "EPUB/style.css") == "style.css");
    CHECK(relative_href("EPUB/text/", "EPUB/css/style.css") == "../css/style.css");
    CHECK(relative_href("", "EPUB/a.xhtml") == "EPUB/a.xhtml");
    CHECK(resolve_href("EPUB/", "text/../a.xhtml#x") == "EPUB/a.xhtml");
    CHECK(href_from_path("../issues/No 5 Ł.epub") == "../issues/No%205%20%C5%81.epub");
}
