// Authors whose names the site ran together ("Florent Marciacq Iwona Reichardt"), split by the names
// the same page spells out elsewhere.
#include "import/analysis.hpp"

#include "import/text_match.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <set>

namespace quire::import {

namespace {

// Unicode case folding, so that the label "ŁUKASZ NOWAK" matches the byline's "Łukasz Nowak".
std::string fold(const std::string& text) {
    std::string out;
    icu::UnicodeString::fromUTF8(text).foldCase().toUTF8String(out);
    return out;
}

std::vector<std::string> words_of(const std::string& text) { return split_on(text, {" "}); }

// Names the page spells out on their own: speaker labels, "Interviewer(s): …", the first words of a
// bio ("Florent Marciacq is a …"). Folded word lists.
std::vector<std::vector<std::string>> names_on_page(const PageAnalysis& a, std::set<std::string>& interviewers) {
    std::vector<std::vector<std::string>> names;
    const auto add = [&](const std::string& name) {
        const auto w = words_of(fold(trim(name)));
        if (w.size() >= 2 && w.size() <= 4) names.push_back(w);
    };
    for (std::size_t i = a.body_begin(); i < a.page.lines.size(); ++i) {
        const auto& l = a.page.lines[i];
        if (l.role != LineRole::Unclassified && l.role != LineRole::Standfirst) continue;
        const std::string label = speaker_label_candidate(l.text);
        if (!label.empty()) add(label);
        for (std::string_view verb : {" is ", " was ", " has ", " holds ", " works "}) {
            const auto at = l.text.find(verb);
            if (at != std::string::npos && word_count(l.text.substr(0, at)) <= 4) { add(l.text.substr(0, at)); break; }
        }
    }
    // "Interviewer: Iwona Reichardt" (often in the standfirst); "Interviewers: A and B".
    for (const auto& l : a.page.lines) {
        for (std::string_view marker : {"Interviewers: ", "Interviewer: ", "Interview by ", "Interviewed by "}) {
            const auto at = l.text.find(marker);
            if (at == std::string::npos) continue;
            std::string rest = l.text.substr(at + marker.size());
            rest = rest.substr(0, rest.find_first_of(".;("));
            for (const auto& name : split_authors(rest)) {
                add(name);
                interviewers.insert(fold(trim(name)));
            }
            break;
        }
    }
    return names;
}

}  // namespace

void rule_split_run_together_authors(PageAnalysis& a) {
    std::set<std::string> interviewer_names;
    const auto known = names_on_page(a, interviewer_names);
    std::vector<std::string> result;
    for (const auto& author : a.authors) {
        const auto printed = words_of(author);
        const auto folded = words_of(fold(author));
        if (printed.size() < 3 || printed.size() != folded.size()) { result.push_back(author); continue; }
        // Known names wherever they occur (longest first at each position); the gaps between them
        // are names the page does not spell out elsewhere.
        std::vector<std::string> parts;
        bool understood = true, guessed = false;
        std::size_t gap_start = 0;
        const auto flush_gap = [&](std::size_t end) {
            const std::size_t n = end - gap_start;
            if (n == 0) return;
            if (n == 2 || n == 3) {
                std::string joined;
                for (std::size_t k = gap_start; k < end; ++k) joined += (joined.empty() ? "" : " ") + printed[k];
                parts.push_back(joined);
            } else if (n % 2 == 0) {  // the site's usual given name + surname, two words a name
                for (std::size_t k = gap_start; k < end; k += 2) parts.push_back(printed[k] + " " + printed[k + 1]);
                guessed = true;
            } else {
                understood = false;
            }
        };
        std::size_t p = 0;
        while (p < folded.size()) {
            std::size_t best = 0;
            for (const auto& name : known) {
                if (name.size() <= best || p + name.size() > folded.size()) continue;
                if (std::equal(name.begin(), name.end(), folded.begin() + static_cast<std::ptrdiff_t>(p))) best = name.size();
            }
            if (best == 0) { ++p; continue; }
            flush_gap(p);
            std::string joined;
            for (std::size_t k = p; k < p + best; ++k) joined += (joined.empty() ? "" : " ") + printed[k];
            parts.push_back(joined);
            p += best;
            gap_start = p;
        }
        flush_gap(folded.size());
        // Three words and nothing known: one person ("Pedro Caldeira Rodrigues"), as printed.
        if (!understood || (parts.size() == 1)) { result.push_back(author); continue; }
        if (guessed)
            a.diagnostics.warning(a.page.span(a.dateline.value_or(0)),
                                  "the byline \"" + author + "\" looks like several names run together; split "
                                  "into pairs of words: check the authors");
        if (parts.size() <= 1) { result.push_back(author); continue; }
        for (const auto& name : parts) {
            result.push_back(name);
            a.decide("author", name, "rule_split_run_together_authors", a.dateline);
        }
    }
    a.authors = result;
    for (const auto& name : a.authors)
        if (interviewer_names.count(fold(name))) {
            a.interviewers.push_back(name);
            a.decide("interviewer", name, "rule_split_run_together_authors", std::nullopt);
        }
}

}  // namespace quire::import
