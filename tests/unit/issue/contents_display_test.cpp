// The contents page's titles are display lines: broken by balance and sense (page/display_lines.hpp),
// as the articles' own titles are, not by the body's breaker (issue 16, helper makeup2).
#include "issue/front_matter.hpp"
#include "model/issue.hpp"
#include "model/publication.hpp"
#include "page/blocks.hpp"
#include "page/display_lines.hpp"
#include "page/styled.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace quire;

namespace {

// The texts of the contents-title lines in a page dump ("… Inter Display 600 11.00pt … "text"").
std::vector<std::string> title_lines(const page::Page& p, const style::PageGeometry& g) {
    page::PageDocument doc;
    doc.geometry = g;
    doc.pages = {p};
    std::istringstream in(doc.dump());
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (line.find("Inter Display 600 11.00pt") != std::string::npos) {
            const auto q = line.find('"');
            out.push_back(line.substr(q + 1, line.rfind('"') - q - 1));
        }
    return out;
}

std::string last_word(const std::string& s) { return s.substr(s.rfind(' ') + 1); }

}  // namespace

TEST_CASE("contents titles are balanced: no line ends in a function word, no one-word last line") {
    Diagnostics d;
    const style::Layout layout = style::load_layout_or_throw("magazine");
    text::FontCollection fonts;
    model::Issue issue;
    issue.number = "1 2027";
    model::Publication publication;
    publication.name = "Fixture Review";
    const issue::FrontMatterContext c{issue, publication, layout, fonts, d};
    const std::string title = "The grain corridor, the ports of Odesa and the war over what the world eats next";
    const double width = layout.page.text_width().pt() * layout.issue.contents_title_width;
    // The body's breaker (what the contents used before) fills the first line and leaves a poor break.
    const style::ParagraphStyle& s = layout.style("contents-title");
    const auto plain = page::set_in_style(page::styled_text(title, s, "en"), s, width, fonts, d);
    REQUIRE(plain.lines.size() == 2);
    const bool plain_poor = page::is_function_word(last_word(plain.lines[0].text), "en") ||
                            plain.lines[1].text.find(' ') == std::string::npos ||
                            plain.lines[1].width_pt < 0.5 * plain.lines[0].width_pt;
    CHECK(plain_poor);
    const std::vector<page::Page> pages = issue::lay_out_contents(c, {issue::ContentsEntry{"Section", title, "A. Author", 7}});
    REQUIRE(pages.size() == 1);
    const std::vector<std::string> lines = title_lines(pages[0], layout.page);
    REQUIRE(lines.size() == 2);
    CHECK_FALSE(page::is_function_word(last_word(lines[0]), "en"));
    CHECK(lines[1].find(' ') != std::string::npos);
}
