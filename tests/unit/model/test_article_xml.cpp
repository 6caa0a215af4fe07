// The article XML: reading, writing, and read → write → read giving the same model.
#include "model/article_xml.hpp"
#include "model/validate.hpp"
#include "model/xml_source.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace quire;
using namespace quire::model;

namespace {

const char* full_article = R"(<?xml version="1.0" encoding="UTF-8"?>
<article id="sample" xml:lang="en" kind="interview" publication="publication.xml">
  <meta>
    <title>A sample — with “quotes” &amp; ampersands</title>
    <subtitle>And a subtitle</subtitle>
    <standfirst>The <em>deck</em>, in  two
      lines.</standfirst>
    <section>Interviews</section>
    <date>2024-02-29</date>
    <author id="a1"><name>Anna Kowalska</name><bio>Anna <strong>Kowalska</strong> is an editor.</bio></author>
    <author id="t1" role="translator"><name>Олена Петренко</name></author>
    <keyword>Poland</keyword>
    <keyword>media</keyword>
    <source>https://example.org/sample</source>
  </meta>
  <figure role="lead" src="images/lead.jpg">
    <alt>A river at dusk</alt>
    <caption>The Vistula in <span xml:lang="pl">Kraków</span>.</caption>
    <credit>Jan Nowak</credit>
    <licence>CC BY 4.0</licence>
  </figure>
  <body>
    <p><speaker>NEE:</speaker> How did it start?</p>
    <p>It started <a href="https://example.org">here</a>.<br/>Then there.</p>
    <h2>A heading</h2>
    <blockquote attribution="Taras Shevchenko"><p xml:lang="uk">Борітеся — поборете!</p></blockquote>
    <pullquote>Words repeated for display</pullquote>
    <ul><li>one</li><li>two</li></ul>
    <ol><li>first</li></ol>
    <h3>Smaller</h3>
    <figure src="images/map.png"><alt>A map</alt></figure>
    <p>Armenian: <span xml:lang="hy">Հայաստան</span>; Georgian: <span xml:lang="ka">საქართველო</span>.</p>
  </body>
  <backmatter>
    <bio author="a1"/>
    <notice kind="donation"/>
    <notice kind="correction"><p>An earlier version misspelt a name.</p></notice>
  </backmatter>
</article>
)";

}  // namespace

TEST_CASE("an article reads into the model with every field") {
    Diagnostics d;
    Article a = parse_article_xml(full_article, "sample.xml", d);
    CHECK_MESSAGE(d.empty(), d.to_string());
    CHECK(a.id == "sample");
    CHECK(a.kind == "interview");
    CHECK(a.publication == "publication.xml");
    CHECK(a.meta.title == "A sample — with “quotes” & ampersands");
    CHECK(plain_text(a.meta.standfirst) == "The deck, in two lines.");
    CHECK(a.meta.date == "2024-02-29");
    REQUIRE(a.meta.authors.size() == 2);
    CHECK(a.meta.authors[1].role == "translator");
    CHECK(a.meta.authors[1].name == "Олена Петренко");
    CHECK(plain_text(a.meta.authors[0].bio) == "Anna Kowalska is an editor.");
    CHECK(a.meta.keywords == std::vector<std::string>{"Poland", "media"});
    REQUIRE(a.lead_figure);
    CHECK(a.lead_figure->credit == "Jan Nowak");
    CHECK(plain_text(a.lead_figure->caption) == "The Vistula in Kraków.");
    REQUIRE(a.body.size() == 10);
    CHECK(a.body[0].content[0].kind == InlineKind::Speaker);
    CHECK(plain_text(a.body[0].content) == "NEE: How did it start?");
    CHECK(plain_text(a.body[1].content) == "It started here.\nThen there.");
    CHECK(a.body[1].content[1].href == "https://example.org");
    CHECK(a.body[2].kind == BlockKind::Heading);
    CHECK(a.body[3].kind == BlockKind::BlockQuote);
    CHECK(a.body[3].attribution == "Taras Shevchenko");
    CHECK(a.body[3].children[0].lang == "uk");
    CHECK(a.body[4].kind == BlockKind::PullQuote);
    CHECK(a.body[5].children.size() == 2);
    CHECK(a.body[6].list_style == ListStyle::Ordered);
    CHECK(a.body[7].level == 3);
    CHECK(a.body[8].kind == BlockKind::FigureBlock);
    CHECK(a.body[9].content[1].lang == "hy");
    REQUIRE(a.back_matter.size() == 3);
    CHECK(a.back_matter[0].author_id == "a1");
    CHECK(a.back_matter[1].notice.kind == "donation");
    CHECK(a.back_matter[1].notice.content.empty());
    CHECK(a.back_matter[2].notice.content.size() == 1);
}

TEST_CASE("read → write → read gives the same model, and writing is stable") {
    Diagnostics d;
    Article first = parse_article_xml(full_article, "sample.xml", d);
    const std::string written = write_article_xml(first);
    Diagnostics d2;
    Article second = parse_article_xml(written, "written.xml", d2);
    CHECK_MESSAGE(d2.empty(), d2.to_string());
    CHECK(first == second);
    CHECK(write_article_xml(second) == written);
    // Something changed is noticed (the comparison can fail).
    second.body[1].content[0].text = "It began ";
    CHECK_FALSE(first == second);
}

TEST_CASE("whitespace is collapsed as in HTML, text otherwise kept exactly") {
    Diagnostics d;
    Article a = parse_article_xml(R"(<article id="w"><meta><title>  T  </title></meta><body>
        <p>
           Typos stay:  Copyryight   <em> and </em>  can only damages.
        </p></body></article>)", "w.xml", d);
    CHECK(a.meta.title == "T");
    CHECK(plain_text(a.body[0].content) == "Typos stay: Copyryight and can only damages.");
}

TEST_CASE("malformed XML is reported with file, line and column") {
    Diagnostics d;
    parse_article_xml("<article id=\"x\">\n  <meta><title>T</title></meta>\n  <body><p>unclosed</body>\n</article>\n", "bad.xml", d);
    REQUIRE(d.has_errors());
    const auto& first = d.all().front();
    CHECK(first.where.file == "bad.xml");
    CHECK(first.where.line == 3);
    CHECK(first.where.column >= 1);
    CHECK(first.to_string().rfind("bad.xml:3:", 0) == 0);
    // The element left open, where it opens, and what closed it first.
    CHECK(first.where.column == 9);
    CHECK(first.message.find("<p> is not closed: </body> at 3:20 comes first; expected </p>") != std::string::npos);
}

TEST_CASE("an element never closed is named at its start tag, a stray end tag at its own place") {
    Diagnostics d;
    parse_article_xml("<article id=\"x\">\n  <body>\n    <p>text</p>\n", "open.xml", d);
    REQUIRE(d.has_errors());
    CHECK(d.all().front().to_string().rfind("open.xml:2:3: error: malformed XML: <body> is never closed", 0) == 0);
    Diagnostics stray;
    parse_article_xml("<article id=\"x\"><body><p>a</p></body></article>\n</p>\n", "stray.xml", stray);
    REQUIRE(stray.has_errors());
    CHECK(stray.all().front().where.line == 2);
}

TEST_CASE("unknown elements and attributes are all reported, each at its place") {
    Diagnostics d;
    parse_article_xml(
        "<article id=\"x\">\n<meta><title>T</title><colour>red</colour></meta>\n<body>\n"
        "  <p>a</p> <figcaption>c</figcaption>\n  <p align=\"left\">b <i>i</i></p>\n</body>\n</article>",
        "u.xml", d);
    REQUIRE(d.count(Severity::Error) == 4);
    const auto& all = d.all();
    CHECK(all[0].to_string() == "u.xml:2:23: error: unknown element <colour> in <meta> (expected <title>, <subtitle>, "
                                "<standfirst>, <section>, <date>, <revised>, <author>, <keyword>, <source>)");
    CHECK(all[1].where.line == 4);
    CHECK(all[1].where.column == 12);
    CHECK(all[1].message.find("did you mean <caption>") != std::string::npos);
    CHECK(all[2].message.find("unknown attribute align on <p>") != std::string::npos);
    CHECK(all[3].message.find("did you mean <em>") != std::string::npos);
    CHECK(all[3].where.column == 21);
    CHECK(all[2].where.column == 3);
}

TEST_CASE("start tag positions skip comments, CDATA and declarations and count code points") {
    auto positions = start_tag_positions("<?xml version=\"1.0\"?>\n<!-- <no> -->\n<a>ż<b/><![CDATA[<c>]]></a>");
    REQUIRE(positions.size() == 2);
    CHECK(positions[0] == std::pair{3, 1});
    CHECK(positions[1] == std::pair{3, 5});
}

TEST_CASE("a publication profile round-trips and its ISSN is checked") {
    const char* text = R"(<publication id="nee" xml:lang="en">
  <name>New Eastern Europe</name>
  <publisher>Kolegium</publisher>
  <issn media="print">2083-7372</issn>
  <site>https://neweasterneurope.eu/</site>
  <copyright>© New Eastern Europe</copyright>
  <layout>magazine</layout>
  <notice kind="donation"><p>Dear Readers – please donate.</p></notice>
</publication>)";
    Diagnostics d;
    Publication p = parse_publication_xml(text, "p.xml", d);
    CHECK_MESSAGE(d.empty(), d.to_string());
    CHECK(p.name == "New Eastern Europe");
    CHECK(p.issn_print == "2083-7372");
    REQUIRE(p.find_notice("donation"));
    Diagnostics d2;
    CHECK(parse_publication_xml(write_publication_xml(p), "w.xml", d2) == p);

    Diagnostics bad;
    parse_publication_xml("<publication id=\"x\"><name>X</name><issn>2083-7373</issn></publication>", "b.xml", bad);
    CHECK(bad.count(Severity::Error) == 1);
    CHECK(bad.all()[0].message.find("not a valid ISSN") != std::string::npos);
}

TEST_CASE("ISSN check digits") {
    CHECK(is_valid_issn("0378-5955"));
    CHECK(is_valid_issn("2434-561X"));
    CHECK_FALSE(is_valid_issn("0378-5954"));
    CHECK_FALSE(is_valid_issn("03785955"));
    CHECK_FALSE(is_valid_issn("0378-595a"));
}

TEST_CASE("a revision date and a donation link are read, checked and written back (issue 12)") {
    Diagnostics d;
    const char* xml = "<article id=\"r\" xml:lang=\"en\"><meta><title>T</title><date>2022-01-17</date>"
                      "<revised>2022-02-03</revised></meta><body><p>x</p></body></article>";
    const Article a = parse_article_xml(xml, "r.xml", d);
    CHECK(a.meta.revised == "2022-02-03");
    Diagnostics d2;
    CHECK(parse_article_xml(write_article_xml(a), "r2.xml", d2) == a);
    Diagnostics dp;
    const Publication p = parse_publication_xml(
        "<publication id=\"p\"><name>P</name><donate>https://example.org/donate/</donate></publication>", "p.xml", dp);
    CHECK(dp.count(Severity::Error) == 0);
    CHECK(p.donation_url == "https://example.org/donate/");
    Diagnostics dp2;
    CHECK(parse_publication_xml(write_publication_xml(p), "p2.xml", dp2) == p);
    Article bad = a;
    bad.meta.revised = "2022-13-40";
    Diagnostics dv;
    validate_article(bad, ".", dv);
    CHECK(dv.count(Severity::Error) == 1);
}

TEST_CASE("a paragraph's looseness is read, written back, and checked") {
    Diagnostics d;
    Article a = parse_article_xml(R"(<article id="l"><meta><title>T</title></meta><body>
        <p looseness="-1">Shorter by a line.</p><p>As set.</p></body></article>)", "l.xml", d);
    REQUIRE_FALSE(d.has_errors());
    CHECK(a.body.at(0).looseness == -1);
    CHECK(a.body.at(1).looseness == 0);
    const std::string written = write_article_xml(a);
    CHECK(written.find("<p looseness=\"-1\">") != std::string::npos);
    Diagnostics bad;
    parse_article_xml(R"(<article id="l"><meta><title>T</title></meta><body><p looseness="x2">a</p><p looseness="9">b</p></body></article>)",
                      "l.xml", bad);
    CHECK(bad.count(Severity::Error) == 2);
}

TEST_CASE("a space between two inline elements is kept (tinyxml2 9 drops whitespace-only text)") {
    Diagnostics d;
    Article a = parse_article_xml(R"(<article id="s"><meta><title>T</title></meta><body>
    <p><speaker>AS:</speaker> <span xml:lang="hy">Շնորհակալություն</span>. Come back.</p>
    <p><em>one</em> <strong>two</strong><br/> <em>three</em>
<em>four</em><!-- c --> <a href="https://example.org">five</a></p>
    <p>a <span xml:lang="pl"> <em>sześć</em> </span>seven</p>
    <p>  <em>lead</em> and <em> </em>x</p>
  </body></article>)", "s.xml", d);
    CHECK_FALSE(d.has_errors());
    REQUIRE(a.body.size() == 4);
    CHECK(plain_text(a.body[0].content) == "AS: Շնորհակալություն. Come back.");
    const std::string second = plain_text(a.body[1].content);
    CHECK(second.find("one two") != std::string::npos);
    CHECK(second.find("three four five") != std::string::npos);
    CHECK(plain_text(a.body[2].content) == "a sześć seven");
    CHECK(plain_text(a.body[3].content).rfind("lead and", 0) == 0);
}

TEST_CASE("keeping blank runs adds no line and leaves indentation between blocks and markup as it was") {
    const std::string in = "<?xml version=\"1.0\"?>\n<a>\n  <b>x</b> <c/>\n  <d> <e>y</e></d><f> </f><!-- <g> --> <h/>\n</a>\n";
    const std::string out = keep_blank_text(in);
    CHECK(std::count(out.begin(), out.end(), '\n') == std::count(in.begin(), in.end(), '\n'));
    CHECK(out == "<?xml version=\"1.0\"?>\n<a>\n  <b>x</b>&#32; <c/>&#32;\n  <d>&#32; <e>y</e></d><f> </f><!-- <g> -->&#32; <h/>&#32;\n</a>\n");
    CHECK(keep_blank_text("<a title=\"x > y\"><b/> <c/></a>") == "<a title=\"x > y\"><b/>&#32; <c/></a>");
    // Start tag then newline: a container's indented first child gets no text node.
    CHECK(keep_blank_text("<a>\n  <b/></a>") == "<a>\n  <b/></a>");
}

TEST_CASE("a byline joins the authors' names, each kept on one line when printed") {
    model::Article a;
    for (const char* name : {"Olena Shevchenko", "Nino Beridze", "Anna Maria de la Cruz"}) {
        model::Author au;
        au.name = name;
        a.meta.authors.push_back(au);
    }
    CHECK(model::joined_author_names(a, model::NameSpaces::Plain) == "Olena Shevchenko, Nino Beridze & Anna Maria de la Cruz");
    CHECK(model::joined_author_names(a, model::NameSpaces::NoBreak) ==
          "Olena\u00A0Shevchenko, Nino\u00A0Beridze & Anna\u00A0Maria\u00A0de\u00A0la\u00A0Cruz");
    a.meta.authors.resize(1);
    CHECK(model::joined_author_names(a, model::NameSpaces::NoBreak) == "Olena\u00A0Shevchenko");
    a.meta.authors.clear();
    CHECK(model::joined_author_names(a, model::NameSpaces::Plain).empty());
}
