// The rules for the top of the article: dateline, byline, title, standfirst, lead caption and credit.
#include "import/analysis.hpp"

#include "import/dates.hpp"
#include "import/text_match.hpp"
#include "import/utf8.hpp"

#include <algorithm>

namespace quire::import {

namespace {

const std::vector<std::string_view> kDatelineSeparators{" - ", " – ", " — ", " | ", " · "};

// The site's section names: a two-part dateline "date - X" names a section when X is one of them.
bool is_known_section(std::string_view text) {
    for (std::string_view s : {"Articles and Commentary", "Interviews", "Interview", "Reviews", "Review", "Podcast",
                               "Podcasts", "News", "Opinion", "Analysis", "Hot Topics", "Events", "Reports", "Essays",
                               "Books", "Book reviews", "Editorial", "Blog", "Commentary", "Features", "Multimedia"})
        if (equals_ci(text, s)) return true;
    return false;
}

// The dateline sits near the top: stop looking at the first long paragraph.
constexpr std::size_t kLongParagraphWords = 60;

std::string strip_by(std::string_view text) {
    std::string t = trim(text);
    if (starts_with_ci(t, "by ")) t = trim(std::string_view(t).substr(3));
    return t;
}

}  // namespace

std::vector<std::string> split_authors(std::string_view byline) {
    const std::string text = strip_by(byline);
    std::vector<std::string> names;
    for (const auto& part : split_on(text, {", and ", " and ", ", ", " & ", "; "}))
        if (!part.empty()) names.push_back(part);
    return names;
}

void rule_date_byline_section(PageAnalysis& a) {
    for (std::size_t i = 0; i < a.page.lines.size(); ++i) {
        const std::string& text = a.page.lines[i].text;
        if (word_count(text) > kLongParagraphWords) return;
        if (!a.unclassified(i)) continue;
        const auto parts = split_on(text, kDatelineSeparators);
        if (parts.size() > 4) continue;
        if (std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return utf8::length(p) > 100; }))
            continue;
        std::size_t k = 0;
        std::optional<std::string> iso;
        for (; k < parts.size() && !iso; ++k) iso = parse_date(parts[k]);
        if (!iso) continue;
        --k;  // the date's part

        a.dateline = i;
        a.set_role(i, LineRole::Dateline, "rule_date_byline_section");
        a.date = *iso;
        a.decide("date", *iso, "rule_date_byline_section", i);
        // Date first ("date - authors - section", the site's form), or between ("authors - date - section").
        std::optional<std::string> authors, section;
        if (k == 0) {
            if (parts.size() == 2) (is_known_section(parts[1]) ? section : authors) = parts[1];
            if (parts.size() >= 3) {
                // "date - A - B - Section": every part between the date and the last names an author.
                authors = parts[1];
                for (std::size_t p = 2; p + 1 < parts.size(); ++p) *authors += ", " + parts[p];
                section = parts.back();
            }
        } else {
            authors = parts[k - 1];
            if (k + 1 < parts.size()) section = parts[k + 1];
        }
        if (authors) {
            a.authors = split_authors(*authors);
            for (const auto& name : a.authors) a.decide("author", name, "rule_date_byline_section", i);
        }
        if (section && !section->empty()) {
            a.section = *section;
            a.decide("section", *section, "rule_date_byline_section", i);
        }
        return;
    }
}

void rule_byline_line(PageAnalysis& a) {
    if (!a.authors.empty()) return;
    // Next to the dateline when there is one, else among the first lines of the page.
    std::vector<std::size_t> candidates;
    if (a.dateline) {
        if (*a.dateline > 0) candidates.push_back(*a.dateline - 1);
        if (*a.dateline + 1 < a.page.lines.size()) candidates.push_back(*a.dateline + 1);
    } else {
        for (std::size_t i = 0; i < std::min<std::size_t>(a.page.lines.size(), 15); ++i) candidates.push_back(i);
    }
    for (std::size_t i : candidates) {
        if (!a.unclassified(i)) continue;
        const std::string& t = a.page.lines[i].text;
        if (!starts_with_ci(t, "by ") || word_count(t) > 12 || ends_with_stop(t)) continue;
        a.byline = i;
        a.set_role(i, LineRole::Byline, "rule_byline_line");
        a.authors = split_authors(t);
        for (const auto& name : a.authors) a.decide("author", name, "rule_byline_line", i);
        return;
    }
}

void rule_title_standfirst(PageAnalysis& a) {
    std::optional<std::size_t> anchor = a.dateline;
    if (a.byline && (!anchor || *a.byline < *anchor)) anchor = a.byline;

    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < (anchor ? *anchor : a.page.lines.size()); ++i) {
        if (!a.unclassified(i)) continue;
        // A scraper's URL line (the page's address above its text) is never the title.
        const std::string& t = a.page.lines[i].text;
        if (t.find(' ') == std::string::npos && (t.find("://") != std::string::npos || t.rfind("www.", 0) == 0)) {
            a.set_role(i, LineRole::HeaderClutter, "rule_title_standfirst");
            continue;
        }
        candidates.push_back(i);
    }
    if (candidates.empty()) {
        throw QuireError(a.page.span(anchor.value_or(0)),
                         "no title found: no line above the date line that is not web clutter");
    }

    std::size_t title = candidates.front();
    std::optional<std::size_t> standfirst;
    if (anchor) {
        // Title, then optionally a standfirst that reads as sentences, right above the dateline.
        const std::size_t last = candidates.back();
        const std::string& t = a.page.lines[last].text;
        // A standfirst reads as sentences; a long line with no final stop is one too when the line
        // above it is shorter (titles run to a dozen words at most).
        const std::size_t words = word_count(t);
        const bool sentence_like =
            (ends_sentence(t) && words >= 8) ||
            (words >= 15 && candidates.size() >= 2 && word_count(a.page.lines[candidates[candidates.size() - 2]].text) < words);
        if (candidates.size() >= 2 && sentence_like) {
            standfirst = last;
            title = candidates[candidates.size() - 2];
        } else {
            title = last;
        }
        for (std::size_t i : candidates)
            if (i < title) a.set_role(i, LineRole::HeaderClutter, "rule_title_standfirst");
    } else {
        a.diagnostics.warning(a.page.span(title),
                              "no date line (\"January 17, 2022 - Author - Section\") found: taking the first line "
                              "as the title; the date, authors and section are left empty");
    }
    a.title = title;
    a.set_role(title, LineRole::Title, "rule_title_standfirst");
    a.decide("title", a.page.lines[title].text, "rule_title_standfirst", title);
    if (word_count(a.page.lines[title].text) > 30)
        a.diagnostics.warning(a.page.span(title), "the title is unusually long (" +
                                                      std::to_string(word_count(a.page.lines[title].text)) +
                                                      " words): check that it is the title");
    if (standfirst) {
        a.standfirst = standfirst;
        a.set_role(*standfirst, LineRole::Standfirst, "rule_title_standfirst");
        a.decide("standfirst", utf8::truncate(a.page.lines[*standfirst].text, 60), "rule_title_standfirst", standfirst);
    }
}

bool split_caption_credit(std::string_view line, std::string& caption, std::string& credit) {
    static const std::vector<std::string_view> markers{
        "Photo courtesy of ", "Photo credit: ", "Photo credits: ", "Photograph by ", "Photograph: ", "Photos by ",
        "Photos: ", "Photo by ", "Photo: ", "Image source: ", "Image by ", "Image: ", "Illustration: ",
        "Source: ", "Credits: ", "Credit: ", "Picture: ", "Foto: ", "Fot. "};
    // The last marker that starts the line or follows a space or an opening bracket.
    std::size_t best = std::string_view::npos, best_len = 0;
    for (auto m : markers) {
        for (std::size_t at = line.find(m); at != std::string_view::npos; at = line.find(m, at + 1)) {
            if (at != 0 && line[at - 1] != ' ' && line[at - 1] != '(') continue;
            if (best == std::string_view::npos || at > best || (at == best && m.size() > best_len)) {
                best = at;
                best_len = m.size();
            }
        }
    }
    if (best == std::string_view::npos) return false;
    std::string cap = trim(line.substr(0, best));
    std::string cred = trim(line.substr(best + best_len));
    if (!cap.empty() && cap.back() == '(' && !cred.empty() && cred.back() == ')') {
        cap = trim(std::string_view(cap).substr(0, cap.size() - 1));
        cred.pop_back();
    }
    // "Caption | Photo: X", "Caption – Photo: X": the separator belongs to neither.
    for (std::string_view sep : {"|", " -", " –", " —"})
        if (cap.size() >= sep.size() && std::string_view(cap).substr(cap.size() - sep.size()) == sep)
            cap = trim(std::string_view(cap).substr(0, cap.size() - sep.size()));
    if (cred.empty() || word_count(cred) > 15) return false;
    caption = cap;
    credit = trim(cred);
    return true;
}

void rule_inline_photo_captions(PageAnalysis& a) {
    for (std::size_t i = a.body_begin(); i < a.body_end(); ++i) {
        if (!a.unclassified(i)) continue;
        const std::string& t = a.page.lines[i].text;
        std::string caption, credit;
        if (word_count(t) > 50 || !split_caption_credit(t, caption, credit)) continue;
        // Only photo credits: "(Source: Eurostat)" at the end of a paragraph cites data, it is no caption.
        const std::string_view marker = std::string_view(t).substr(caption.size());
        const bool photo = contains_ci(marker, "Photo") || contains_ci(marker, "Image") || contains_ci(marker, "Fot.");
        if (!photo) continue;
        a.set_role(i, LineRole::InlineCaption, "rule_inline_photo_captions");
        a.decide("inline figure", utf8::truncate(t, 60), "rule_inline_photo_captions", i);
    }
}

void rule_lead_caption_credit(PageAnalysis& a) {
    std::size_t start = 0;
    for (auto idx : {a.title, a.standfirst, a.dateline, a.byline})
        if (idx) start = std::max(start, *idx + 1);
    const std::size_t end = a.footer_begin.value_or(a.page.lines.size());
    std::optional<std::size_t> first, second;
    for (std::size_t i = start; i < end; ++i) {
        if (!a.unclassified(i)) continue;
        if (!first) first = i;
        else { second = i; break; }
    }
    if (!first) return;
    const std::string& t = a.page.lines[*first].text;
    std::string caption, credit;
    if (split_caption_credit(t, caption, credit)) {
        a.caption_line = first;
        a.caption = caption;
        a.credit = credit;
        a.set_role(*first, LineRole::Caption, "rule_lead_caption_credit");
        if (!caption.empty()) a.decide("caption", utf8::truncate(caption, 60), "rule_lead_caption_credit", first);
        a.decide("credit", credit, "rule_lead_caption_credit", first);
        return;
    }
    // No credit marker: a caption still when it is short and the text that follows is much longer
    // (a photo description above the first paragraph), and it is neither a question nor a greeting.
    if (!second) return;
    const std::string& next = a.page.lines[*second].text;
    const bool short_line = word_count(t) <= 25 && word_count(next) >= 30 && word_count(next) >= 2 * word_count(t);
    const bool not_text = !ends_with_ci(t, "?") && speaker_label_candidate(t).empty() &&
                          !starts_with_ci(t, "Dear Reader") && !starts_with_ci(t, "By ");
    if (short_line && not_text) {
        a.caption_line = first;
        a.caption = t;
        a.set_role(*first, LineRole::Caption, "rule_caption_without_credit");
        a.decide("caption", utf8::truncate(t, 60), "rule_caption_without_credit", first);
    }
}

}  // namespace quire::import
