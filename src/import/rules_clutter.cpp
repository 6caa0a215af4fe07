// The rules that find what is not the article: listing pages, page controls, cookie and privacy
// text, the site footer, tag lines and web-only lines inside the text.
#include "import/analysis.hpp"

#include "import/dates.hpp"
#include "import/text_match.hpp"
#include "import/utf8.hpp"

#include <algorithm>
#include <array>

namespace quire::import {

namespace {

bool in_list(std::string_view text, std::initializer_list<std::string_view> list) {
    return std::any_of(list.begin(), list.end(), [&](std::string_view s) { return equals_ci(text, s); });
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> list) {
    return std::any_of(list.begin(), list.end(), [&](std::string_view s) { return starts_with_ci(text, s); });
}

// A line starting with a date and then nothing, or a separator: an entry's dateline.
bool is_dated_line(std::string_view text) {
    auto d = parse_date_prefix(text);
    if (!d) return false;
    const std::string_view rest = text.substr(d->length);
    return rest.empty() || rest.starts_with(" - ") || rest.starts_with(" – ") || rest.starts_with(" — ") ||
           rest.starts_with(" | ") || rest.starts_with(" · ") || rest.starts_with(" by ") || rest.starts_with(" By ");
}

bool is_read_more(std::string_view text) {
    for (std::string_view marker : {"read more", "continue reading", "read the full article", "read full article"}) {
        std::string t = ascii_lower(text);
        // "Read more", "Read more »", "… Read more", "Continue reading →"
        const auto at = t.find(marker);
        if (at == std::string::npos) continue;
        const std::string tail = trim(t.substr(at + marker.size()));
        if (tail.empty() || utf8::length(tail) <= 2) return true;
    }
    return false;
}

bool is_pagination(std::string_view text) {
    if (in_list(text, {"next", "next »", "next ›", "« previous", "‹ previous", "previous", "older posts",
                       "newer posts", "« older entries", "older entries", "newer entries »", "load more",
                       "next page", "previous page", "more articles"}))
        return true;
    if (starts_with_ci(text, "page ") && contains_ci(text, " of ")) {  // "Page 2 of 14"
        auto rest = text.substr(5);
        return !rest.empty() && rest.front() >= '0' && rest.front() <= '9';
    }
    // "1 2 3 … 12 Next »": digits, ellipses, arrows and the words next/previous only.
    std::size_t digits = 0;
    for (const auto& word : split_on(text, {" "})) {
        if (!word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) ++digits;
        else if (!in_list(word, {"…", "...", "»", "«", "›", "‹", "→", "←", "next", "previous", "prev"})) return false;
    }
    return digits >= 2;
}

// ", , , , , ," — the tag list whose link texts the scraper lost; also "| | |".
bool is_tag_separator(std::string_view text) {
    std::size_t separators = 0;
    for (char c : text) {
        if (c == ',' || c == '|') ++separators;
        else if (c != ' ') return false;
    }
    return separators >= 2;
}

bool is_copyright_line(std::string_view text) {
    if (utf8::length(text) > 250) return false;
    if (text.starts_with("©") || contains_ci(text, "all rights reserved")) return true;
    // "Copyright 2024 …", and the site's own "Copyryight 2024 …": a word starting "Copy" and a year.
    const auto words = split_on(text, {" "});
    for (std::size_t i = 0; i + 1 < words.size() && i < 6; ++i) {
        if (starts_with_ci(words[i], "copy") && words[i].size() >= 8) {
            const std::string& next = words[i + 1] == "©" && i + 2 < words.size() ? words[i + 2] : words[i + 1];
            if (next.size() == 4 && std::all_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return true;
        }
    }
    return false;
}

bool is_footer_marker(std::string_view text) {
    if (is_tag_separator(text) || is_copyright_line(text)) return true;
    if (starts_with_any(text, {"Terms of Use", "Terms and Conditions", "Terms & Conditions", "Agencja digital",
                               "Agencja interaktywna", "Site by ", "Website by ", "Designed by ", "Powered by "}))
        return utf8::length(text) <= 250;
    return in_list(text, {"Related articles", "Related posts", "Related", "You may also like", "You might also like",
                          "More from this author", "More articles", "Leave a Reply", "Leave a comment",
                          "Subscribe to our newsletter", "Newsletter", "Follow us", "Contact us", "About us"});
}

}  // namespace

void rule_refuse_listing(PageAnalysis& a) {
    std::vector<std::size_t> dated, read_more, pages;
    for (std::size_t i = 0; i < a.page.lines.size(); ++i) {
        const auto& t = a.page.lines[i].text;
        if (is_dated_line(t)) dated.push_back(i);
        if (is_read_more(t)) read_more.push_back(i);
        if (is_pagination(t)) pages.push_back(i);
    }
    // The site heads its listings "Tag: interview", "Category: Interviews", "Author: …".
    bool listing_heading = false;
    for (std::size_t i = 0; i < std::min<std::size_t>(a.page.lines.size(), 6); ++i) {
        const auto& t = a.page.lines[i].text;
        listing_heading = listing_heading ||
                          (word_count(t) <= 8 && starts_with_any(t, {"Tag: ", "Category: ", "Author: ", "Archives: ",
                                                                     "Archive: ", "Search results", "Posts by "}));
    }
    const bool listing = read_more.size() >= 2 || dated.size() >= 3 ||
                         (dated.size() >= 2 && (!pages.empty() || !read_more.empty() || listing_heading));
    if (!listing) return;
    // Point at the second entry: that is where the page stops being one article.
    std::size_t where = !dated.empty() ? dated[std::min<std::size_t>(1, dated.size() - 1)] : read_more[1];
    if (dated.size() < 2 && read_more.size() >= 2) where = read_more[1];
    std::string what = std::to_string(dated.size()) + " dated entries, " + std::to_string(read_more.size()) +
                       " \"Read more\" links" + (pages.empty() ? "" : ", pagination") +
                       (listing_heading ? ", a listing heading" : "");
    throw QuireError(a.page.span(where),
                     "this page lists several articles (" + what +
                         "): it is a tag, category or author page, not an article; import the article's own page "
                         "(nothing was written)");
}

void rule_drop_page_controls(PageAnalysis& a) {
    for (std::size_t i = 0; i < a.page.lines.size(); ++i) {
        if (!a.unclassified(i)) continue;
        std::string t = a.page.lines[i].text;
        if (!t.empty() && t.back() == ':') t.pop_back();
        const bool control =
            starts_with_any(t, {"Text resize", "Text size", "Change contrast", "Font size", "Skip to content",
                                "Skip to main content", "Share this", "Share on "}) ||
            in_list(t, {"A A", "A A A", "A- A A+", "A+ A-", "Menu", "Search", "Close", "Share", "Facebook", "Twitter",
                        "Tweet", "LinkedIn", "Email", "E-mail", "Print", "WhatsApp", "Telegram", "Back to top",
                        "Previous article", "Next article", "Toggle navigation", "High contrast", "Contrast",
                        "Advertisement", "ADVERTISEMENT", "Sponsored"});
        if (!control) continue;
        const bool header = !a.dateline || i < *a.dateline;
        a.set_role(i, header ? LineRole::HeaderClutter : LineRole::BodyClutter, "rule_drop_page_controls");
    }
}

void rule_drop_cookie_privacy(PageAnalysis& a) {
    for (std::size_t i = 0; i < a.page.lines.size(); ++i) {
        if (!a.unclassified(i)) continue;
        const std::string& t = a.page.lines[i].text;
        const std::size_t len = utf8::length(t);
        const bool banner =
            starts_with_any(t, {"We use cookies", "This website uses cookies", "This site uses cookies",
                                "Our website uses cookies", "By continuing to use this", "Używamy plików cookie",
                                "Ta strona używa", "Ta strona korzysta", "Ten serwis używa", "Poniższa Polityka",
                                "Polityka Prywatności", "Polityka prywatności", "Privacy Overview"}) ||
            contains_ci(t, "Polityka Prywatności") || contains_ci(t, "polityka prywatności") ||
            (len <= 40 && contains_ci(t, "cookie")) ||
            in_list(t, {"Privacy policy", "Privacy & Cookie policy", "Privacy & Cookies policy", "Privacy settings",
                        "Save settings", "Accept", "Accept all", "Accept cookies", "Reject", "Reject all", "Decline",
                        "Got it", "OK, I agree", "I agree", "Zapisz ustawienia", "Akceptuję", "Zgadzam się",
                        "Odrzuć", "Ustawienia", "Ustawienia prywatności"});
        if (!banner) continue;
        const bool header = a.title ? i < *a.title : (!a.dateline || i < *a.dateline);
        a.set_role(i, header ? LineRole::HeaderClutter : LineRole::FooterClutter, "rule_drop_cookie_privacy");
    }
}

void rule_footer_zone(PageAnalysis& a) {
    std::size_t from = a.dateline ? *a.dateline + 1 : (a.title ? *a.title + 1 : 0);
    // The donation notice belongs to the page even when a footer-like line (a tag separator) sits
    // above it; start looking for the footer after it.
    for (std::size_t i = from; i < a.page.lines.size(); ++i)
        if (a.unclassified(i) && starts_with_ci(a.page.lines[i].text, "Dear Reader")) { from = i + 1; break; }
    for (std::size_t i = from; i < a.page.lines.size(); ++i) {
        const auto& l = a.page.lines[i];
        const bool marker = (a.unclassified(i) && is_footer_marker(l.text)) || l.role == LineRole::FooterClutter;
        if (!marker) continue;
        a.footer_begin = i;
        for (std::size_t j = i; j < a.page.lines.size(); ++j)
            if (a.unclassified(j)) a.set_role(j, LineRole::FooterClutter, "rule_footer_zone");
        a.decide("footer", utf8::truncate(l.text, 40), "rule_footer_zone", i);
        return;
    }
}

void rule_tags_line(PageAnalysis& a) {
    for (std::size_t i = 0; i < a.page.lines.size(); ++i) {
        if (!a.unclassified(i)) continue;
        const std::string& t = a.page.lines[i].text;
        std::string_view rest;
        for (std::string_view prefix : {"Tags:", "Tagged:", "Topics:", "Keywords:"}) {
            if (starts_with_ci(t, prefix)) { rest = std::string_view(t).substr(prefix.size()); break; }
        }
        if (rest.empty() || utf8::length(t) > 300) continue;
        for (const auto& tag : split_on(rest, {",", "|", " · "}))
            if (!tag.empty()) {
                a.keywords.push_back(tag);
                a.decide("keyword", tag, "rule_tags_line", i);
            }
        a.set_role(i, LineRole::BodyClutter, "rule_tags_line");
    }
}

void rule_drop_body_clutter(PageAnalysis& a) {
    for (std::size_t i = a.body_begin(); i < a.page.lines.size(); ++i) {
        if (!a.unclassified(i)) continue;
        const std::string& t = a.page.lines[i].text;
        const bool clutter = (starts_with_any(t, {"Read also:", "Read more:", "See also:", "Also read:", "READ MORE:",
                                                  "Related:", "Click here to", "Sign up for"}) &&
                              utf8::length(t) <= 250) ||
                             is_read_more(t);
        if (clutter) a.set_role(i, LineRole::BodyClutter, "rule_drop_body_clutter");
    }
}

}  // namespace quire::import
