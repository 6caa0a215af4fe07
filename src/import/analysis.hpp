// The import rules. Each rule is one small function that looks at the page's lines, gives some of
// them a role and records which field it decided (a Decision), so that `quire import --explain`
// can say, for every field, which rule set it and from which line. The rules run in the order of
// run_rules(); later rules only look at lines the earlier ones left unclassified.
#pragma once

#include "core/diagnostic.hpp"
#include "import/page_text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quire::import {

// "rule_date_byline_section decided date = 2022-01-17 from line 8".
struct Decision {
    std::string field;   // "title", "date", "author", "section", "caption", "credit", …
    std::string value;   // what it was set to (cut for long text)
    std::string rule;    // the rule's function name
    int line = 0;        // the page line it came from (0: none, e.g. a default)
};

struct PageAnalysis {
    PageText page;
    std::vector<Decision> decisions;
    Diagnostics diagnostics;

    // What the rules found (indices into page.lines).
    std::optional<std::size_t> title, standfirst, dateline, byline, caption_line, notice_begin, footer_begin;
    std::string date;                   // ISO 8601
    std::vector<std::string> authors;   // as printed, in byline order
    std::vector<std::string> interviewers;  // authors named after "Interviewer:" (role "interviewer")
    std::string section;
    std::string caption;                // the caption text, without its credit
    std::string credit;                 // "Kosmogenez / Shutterstock"
    std::vector<std::string> speakers;  // interview labels as printed, without the colon
    std::string kind;                   // "commentary", "interview", …
    std::vector<std::string> keywords;  // from a "Tags: …" line
    struct BioLine { std::size_t line; std::size_t author; };
    std::vector<BioLine> bios;          // bio lines and the author (index into authors) each belongs to
    // Publication facts seen on the page (for --publication-out).
    std::string publication_name, publisher, site_url;

    void decide(std::string field, std::string value, std::string rule, std::optional<std::size_t> index);
    void set_role(std::size_t index, LineRole role, const char* rule);
    bool unclassified(std::size_t index) const { return page.lines[index].role == LineRole::Unclassified; }
    // Where the article proper starts: the line after the dateline/byline/caption (0 if none found).
    std::size_t body_begin() const;
    // One past the last line that can be body text: the notice, else the footer, else the end.
    std::size_t body_end() const;
};

// ---- The rules, in the order they run (rules_clutter.cpp, rules_head.cpp, rules_body.cpp) -------

// A tag, category or author page (several dated entries, "Read more" links, pagination) is not an
// article: throws QuireError naming the place, before anything is written.
void rule_refuse_listing(PageAnalysis& a);
// Text-size and contrast controls, share buttons, "Skip to content": short web-interface lines.
void rule_drop_page_controls(PageAnalysis& a);
// Cookie banners and privacy text, in English and Polish ("We use cookies …", "Poniższa Polityka …").
void rule_drop_cookie_privacy(PageAnalysis& a);
// "January 17, 2022 - A and B - Section": the date, the authors and the section from one line.
void rule_date_byline_section(PageAnalysis& a);
// "By A and B" on a line of its own, next to a date-only line.
void rule_byline_line(PageAnalysis& a);
// The title and standfirst: the last one or two lines above the dateline; what is above is clutter.
void rule_title_standfirst(PageAnalysis& a);
// The site footer: from the first footer marker (tag separators ", , ,", "Terms of Use",
// copyright line, "Related articles") to the end of the page.
void rule_footer_zone(PageAnalysis& a);
// "Tags: Armenia, Russia" lines inside the page: keywords, not body text.
void rule_tags_line(PageAnalysis& a);
// "Read also: …", "Advertisement": web-only lines inside the article.
void rule_drop_body_clutter(PageAnalysis& a);
// The photo caption and credit under the dateline ("… November 2021. Photo: X / Shutterstock").
void rule_lead_caption_credit(PageAnalysis& a);
// "A protest in Yerevan. Photo: X / Shutterstock" between paragraphs: a photo inside the text.
void rule_inline_photo_captions(PageAnalysis& a);
// "Dear Readers – …": the donation appeal, to the footer.
void rule_donation_notice(PageAnalysis& a);
// The site runs several authors' names together with spaces ("May 24, 2019 - Florent Marciacq Iwona
// Reichardt - Interviews"): split them by the names the page spells out elsewhere (speaker labels
// "IWONA REICHARDT:", "Interviewer: …", bios "Florent Marciacq is …"), else into pairs of words.
void rule_split_run_together_authors(PageAnalysis& a);
// The author bio: the last lines of the article that start with an author's name.
void rule_author_bio(PageAnalysis& a);
// No byline: a closing line "Name Surname is a …" names the author.
void rule_author_from_bio(PageAnalysis& a);
// Interview speaker labels ("NEE:", "ADAM REICHARDT:", a name repeated before a colon).
void rule_speaker_labels(PageAnalysis& a);
// Short lines without final punctuation between paragraphs.
void rule_subheadings(PageAnalysis& a);
// Everything left in the body is a paragraph.
void rule_paragraphs(PageAnalysis& a);
// The article kind: an interview when speakers were found, else from the section's name.
void rule_article_kind(PageAnalysis& a);
// The magazine's name, publisher and site from the notice and the footer (for the profile).
void rule_publication_facts(PageAnalysis& a);
// A page cut short (no bio, no notice, a last paragraph ending mid-sentence): warnings.
void rule_cut_short(PageAnalysis& a);
// Keyboard punctuation made typographic in the article's text (import/punctuation.hpp): " - " → " – ",
// straight quotes → curly, "..." → "…". Last, so that every other rule saw the page as published.
void rule_typographic_punctuation(PageAnalysis& a);

// Splits a byline into names: "A and B", "A, B", "A, B and C", "A & B"; drops a leading "By ".
std::vector<std::string> split_authors(std::string_view byline);

// Lead-photo caption and credit from one line. Returns false when the line has no credit marker.
// A line that is only "Photo: X" gives an empty caption.
bool split_caption_credit(std::string_view line, std::string& caption, std::string& credit);

// A speaker label at the start of a paragraph: "NEE: …" → "NEE" (empty when there is none).
std::string speaker_label_candidate(std::string_view text);

// Runs every rule in order on a split page.
PageAnalysis run_rules(PageText page);

// The decisions, one a line ("title        rule_title_standfirst        line 4   Armenia as …"),
// then the page's lines with their roles (dump_page). What --explain prints.
std::string explain(const PageAnalysis& a);

}  // namespace quire::import
