// The rules for the article's text and what follows it: notice, bio, speakers, subheadings,
// paragraphs, kind, publication facts and the cut-short warnings.
#include "import/analysis.hpp"

#include "import/text_match.hpp"
#include "import/utf8.hpp"

#include <algorithm>
#include <map>
#include <unicode/uchar.h>

namespace quire::import {

namespace {

bool is_donation_line(std::string_view t) {
    if (starts_with_ci(t, "Dear Reader") || starts_with_ci(t, "Dear readers")) return true;
    for (std::string_view phrase : {"making a donation", "make a donation", "please donate", "consider donating",
                                    "support our work", "support us on patreon", "become a patron"})
        if (contains_ci(t, phrase)) return true;
    return false;
}

// Lines of the body, in order, that no earlier rule claimed.
std::vector<std::size_t> open_body_lines(const PageAnalysis& a) {
    std::vector<std::size_t> out;
    for (std::size_t i = a.body_begin(); i < a.body_end(); ++i)
        if (a.unclassified(i)) out.push_back(i);
    return out;
}

bool all_caps_label(std::string_view label) {
    bool letter = false;
    std::size_t pos = 0;
    while (pos < label.size()) {
        const auto cp = static_cast<UChar32>(utf8::next(label, pos));
        if (u_isalpha(cp)) {
            letter = true;
            if (u_islower(cp)) return false;
        }
    }
    return letter;
}

}  // namespace

void rule_donation_notice(PageAnalysis& a) {
    const std::size_t end = a.footer_begin.value_or(a.page.lines.size());
    std::optional<std::size_t> begin;
    for (std::size_t i = a.body_begin(); i < end && !begin; ++i)
        if (a.unclassified(i) && starts_with_ci(a.page.lines[i].text, "Dear Reader")) begin = i;
    if (!begin) {
        // Without the greeting: a donation appeal among the last three lines before the footer.
        std::size_t seen = 0;
        for (std::size_t i = end; i-- > a.body_begin() && seen < 3;) {
            if (!a.unclassified(i)) continue;
            ++seen;
            if (is_donation_line(a.page.lines[i].text)) begin = i;
        }
    }
    if (!begin) return;
    a.notice_begin = begin;
    for (std::size_t i = *begin; i < end; ++i)
        if (a.unclassified(i)) a.set_role(i, LineRole::Notice, "rule_donation_notice");
    a.decide("notice", utf8::truncate(a.page.lines[*begin].text, 60), "rule_donation_notice", begin);
}

void rule_author_from_bio(PageAnalysis& a) {
    if (!a.authors.empty()) return;
    auto lines = open_body_lines(a);
    // "Name Surname is a …" among the last two lines: a bio names its author first.
    for (std::size_t n = 0; n < 2 && n < lines.size(); ++n) {
        const std::size_t i = lines[lines.size() - 1 - n];
        const std::string& t = a.page.lines[i].text;
        for (std::string_view verb : {" is ", " was ", " has ", " holds ", " works ", " teaches ", " writes "}) {
            const auto at = t.find(verb);
            if (at == std::string::npos) continue;
            const std::string name = t.substr(0, at);
            const auto words = split_on(name, {" "});
            const bool looks_like_name =
                words.size() >= 2 && words.size() <= 4 &&
                std::all_of(words.begin(), words.end(), [](const std::string& w) { return starts_like_heading(w); });
            if (!looks_like_name) break;
            a.authors.push_back(name);
            a.decide("author", name, "rule_author_from_bio", i);
            return;
        }
    }
}

void rule_author_bio(PageAnalysis& a) {
    if (a.authors.empty()) return;
    auto lines = open_body_lines(a);
    // From the end of the text backwards: each bio line starts with one of the authors' names.
    std::vector<bool> taken(a.authors.size(), false);
    // An "author" the text keeps naming is the subject or the house ("New Eastern Europe is …"), not a
    // person whose bio closes the article: no bio for it.
    for (std::size_t k = 0; k < a.authors.size(); ++k) {
        std::size_t mentions = 0;
        for (std::size_t i : lines) mentions += a.page.lines[i].text.find(a.authors[k]) != std::string::npos;
        if (mentions >= 3) taken[k] = true;
    }
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        const std::string& t = a.page.lines[*it].text;
        std::optional<std::size_t> who;
        for (std::size_t k = 0; k < a.authors.size() && !who; ++k) {
            const std::string& name = a.authors[k];
            if (!taken[k] && t.size() > name.size() && t.starts_with(name) &&
                (t[name.size()] == ' ' || t[name.size()] == ','))
                who = k;
        }
        if (!who) break;
        taken[*who] = true;
        a.bios.push_back({*it, *who});
        a.set_role(*it, LineRole::Bio, "rule_author_bio");
    }
    std::reverse(a.bios.begin(), a.bios.end());
    for (const auto& bio : a.bios) a.decide("bio", a.authors[bio.author], "rule_author_bio", bio.line);
}

std::string speaker_label_candidate(std::string_view text) {
    const auto colon = text.find(": ");
    if (colon == std::string_view::npos || colon == 0 || colon > 45) return {};
    const std::string label(text.substr(0, colon));
    for (std::string_view not_a_speaker : {"Photo", "Source", "Note", "Update", "Editor's note", "Editor’s note",
                                           "Read also", "Read more", "Tags", "Credit", "Image", "Correction",
                                           "Disclaimer", "Warning", "See also", "Translation", "Translated by"})
        if (equals_ci(label, not_a_speaker)) return {};
    const auto words = split_on(label, {" "});
    if (words.empty() || words.size() > 5) return {};
    for (const auto& w : words) {
        if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
        const bool particle = w == "de" || w == "von" || w == "van" || w == "der" || w == "al" || w == "bin";
        if (!particle && !starts_like_heading(w)) return {};
    }
    return label;
}

void rule_speaker_labels(PageAnalysis& a) {
    auto lines = open_body_lines(a);
    std::map<std::string, int> counts;
    for (std::size_t i : lines) {
        const auto label = speaker_label_candidate(a.page.lines[i].text);
        if (!label.empty()) ++counts[label];
    }
    // A label is a speaker when it recurs; an all-capitals label ("NEE") once is enough when
    // another speaker recurs (the exchange is then clearly an interview).
    bool recurring = false;
    for (const auto& [label, n] : counts) recurring = recurring || n >= 2;
    if (!recurring) return;
    std::vector<std::string> speakers;
    for (const auto& [label, n] : counts)
        if (n >= 2 || all_caps_label(label)) speakers.push_back(label);
    int labelled = 0;
    for (std::size_t i : lines) {
        const auto label = speaker_label_candidate(a.page.lines[i].text);
        if (label.empty() || std::find(speakers.begin(), speakers.end(), label) == speakers.end()) continue;
        ++labelled;
        a.set_role(i, LineRole::Paragraph, "rule_speaker_labels");
    }
    if (labelled < 2) return;
    // Speakers in order of first appearance (the map above sorted them by name).
    for (std::size_t i = a.body_begin(); i < a.body_end(); ++i) {
        if (a.page.lines[i].rule != "rule_speaker_labels") continue;
        const auto label = speaker_label_candidate(a.page.lines[i].text);
        if (std::find(a.speakers.begin(), a.speakers.end(), label) == a.speakers.end()) {
            a.speakers.push_back(label);
            a.decide("speaker", label, "rule_speaker_labels", i);
        }
    }
}

void rule_subheadings(PageAnalysis& a) {
    auto lines = open_body_lines(a);
    const bool interview = !a.speakers.empty();
    const auto short_unpunctuated = [&](const std::string& t) {
        return word_count(t) <= 12 && utf8::length(t) <= 100 && !ends_with_stop(t) && starts_like_heading(t);
    };
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::size_t i = lines[n];
        const std::string& t = a.page.lines[i].text;
        if (!short_unpunctuated(t)) continue;
        if (interview && ends_with_ci(t, "?")) continue;  // a question put without a label
        if (!speaker_label_candidate(t).empty()) continue;
        // A subheading introduces text: the next line of the body is a paragraph, not another short line.
        std::optional<std::size_t> next;
        for (std::size_t j = i + 1; j < a.body_end() && !next; ++j)
            if (a.unclassified(j) || a.page.lines[j].role == LineRole::Paragraph) next = j;
        if (!next || a.page.lines[*next].role == LineRole::Bio) continue;
        if (a.unclassified(*next) && short_unpunctuated(a.page.lines[*next].text)) continue;
        // … and a paragraph is text: sentences, or more than a heading's length ("Dear Mr Minister," is not).
        const std::string& next_text = a.page.lines[*next].text;
        if (word_count(next_text) <= 12 && !ends_sentence(next_text)) continue;
        // A next line starting in lower case continues this one (a wrapped line), so this is no heading.
        if (starts_lower(a.page.lines[*next].text)) continue;
        a.set_role(i, LineRole::Subheading, "rule_subheadings");
        a.decide("subheading", t, "rule_subheadings", i);
    }
}

void rule_paragraphs(PageAnalysis& a) {
    for (std::size_t i : open_body_lines(a)) a.set_role(i, LineRole::Paragraph, "rule_paragraphs");
    // Anything still unclassified sits outside the article's parts (between the bio and the notice,
    // say): keep it as text rather than lose it, and say so.
    for (std::size_t i = 0; i < a.page.lines.size(); ++i) {
        if (!a.unclassified(i)) continue;
        a.set_role(i, LineRole::Paragraph, "rule_paragraphs");
        a.diagnostics.warning(a.page.span(i), "kept as a paragraph, though it sits outside the article's text");
    }
}

void rule_article_kind(PageAnalysis& a) {
    if (!a.speakers.empty()) {
        a.kind = "interview";
        a.decide("kind", a.kind, "rule_article_kind", std::nullopt);
        return;
    }
    static const std::vector<std::pair<std::string_view, std::string_view>> by_section{
        {"Articles and Commentary", "commentary"}, {"Commentary", "commentary"}, {"Opinion", "commentary"},
        {"Interviews", "interview"}, {"Interview", "interview"}, {"Reviews", "review"}, {"Book reviews", "review"},
        {"Review", "review"}, {"Analysis", "analysis"}, {"Reports", "report"}, {"News", "report"},
        {"Essays", "essay"}};
    for (const auto& [section, kind] : by_section) {
        if (equals_ci(a.section, section)) {
            a.kind = kind;
            a.decide("kind", a.kind, "rule_article_kind", a.dateline);
            return;
        }
    }
}

void rule_publication_facts(PageAnalysis& a) {
    // The name: "Dear Readers – New Eastern Europe is a not-for-profit publication …".
    if (a.notice_begin) {
        const std::string& t = a.page.lines[*a.notice_begin].text;
        const auto at = t.find(" is a");
        if (at != std::string::npos) {
            std::string head = t.substr(0, at);
            for (std::string_view sep : {" - ", " – ", " — ", ", ", ": "}) {
                const auto s = head.rfind(sep);
                if (s != std::string::npos) head = head.substr(s + sep.size());
            }
            head = trim(head);
            const auto words = word_count(head);
            if (words >= 1 && words <= 6 && starts_like_heading(head) && !starts_with_ci(head, "Dear ")) {
                a.publication_name = head;
                a.decide("publication name", head, "rule_publication_facts", a.notice_begin);
            }
        }
    }
    if (!a.footer_begin) return;
    for (std::size_t i = *a.footer_begin; i < a.page.lines.size(); ++i) {
        const std::string& t = a.page.lines[i].text;
        // The publisher: "… | Copyright 2024 Kolegium Europy Wschodniej … 31-153 Kraków": what follows
        // the year, up to a postcode.
        if (a.publisher.empty()) {
            for (const auto& part : split_on(t, {" | "})) {
                const auto words = split_on(part, {" "});
                for (std::size_t w = 0; w + 1 < words.size(); ++w) {
                    const bool copy = starts_with_ci(words[w], "copy") || words[w] == "©";
                    const std::string& year = words[w + 1];
                    const bool is_year = year.size() == 4 && std::all_of(year.begin(), year.end(), [](char c) {
                                             return c >= '0' && c <= '9';
                                         });
                    if (!copy || !is_year) continue;
                    std::string who;
                    for (std::size_t k = w + 2; k < words.size(); ++k) {
                        const std::string& x = words[k];
                        const bool postcode = x.size() == 6 && x[2] == '-' &&
                                              std::all_of(x.begin(), x.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
                        if (postcode) break;
                        who += (who.empty() ? "" : " ") + x;
                    }
                    if (!who.empty() && word_count(who) <= 10) {
                        a.publisher = who;
                        a.decide("publisher", who, "rule_publication_facts", i);
                    }
                    break;
                }
            }
        }
        // The site: the first web address in the footer, reduced to its root.
        if (a.site_url.empty()) {
            auto at = t.find("https://");
            if (at == std::string::npos) at = t.find("http://");
            if (at != std::string::npos) {
                const auto host_start = t.find("//", at) + 2;
                auto host_end = t.find_first_of("/ ", host_start);
                if (host_end == std::string::npos) host_end = t.size();
                a.site_url = t.substr(at, host_end - at) + "/";
                a.decide("site", a.site_url, "rule_publication_facts", i);
            }
        }
    }
}

void rule_cut_short(PageAnalysis& a) {
    const SourceSpan last = a.page.span(a.page.lines.empty() ? 0 : a.page.lines.size() - 1);
    std::optional<std::size_t> last_text;
    for (std::size_t i = a.body_begin(); i < a.body_end(); ++i)
        if (a.page.lines[i].role == LineRole::Paragraph) last_text = i;
    if (!a.date.empty() && !a.authors.empty() && a.bios.empty())
        a.diagnostics.warning(last, "no author bio found (a line starting with the author's name after the text): "
                                    "the page may be cut short; the article has no bio");
    if (!a.notice_begin)
        a.diagnostics.warning(last, "no donation notice (\"Dear Readers …\") found: the page may be cut short; "
                                    "the publication's notice will be used");
    if (last_text && !ends_sentence(a.page.lines[*last_text].text))
        a.diagnostics.warning(a.page.span(*last_text), "the last paragraph ends mid-sentence: the page may be cut short");
    if (a.authors.empty()) a.diagnostics.warning(a.page.span(a.title.value_or(0)), "no author found");
    if (!a.body_end() || !last_text) a.diagnostics.warning(last, "no body text found");
}

}  // namespace quire::import
