#include "epub/page_breaks.hpp"

#include "epub/xml_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace quire::epub {

namespace {

// White space as the comparison sees it: ASCII white space and the no-break spaces (print may set a
// no-break space where the EPUB's text has one, or the reverse).
std::size_t space_length(const std::string& s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (c != 0xC2 && c != 0xE2) return 0;  // no lead byte of the spaces below: most text (issue 17)
    if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;                                     // U+00A0
    if (s.compare(i, 3, "\xE2\x80\xAF") == 0 || s.compare(i, 3, "\xE2\x80\x89") == 0) return 3;  // U+202F, U+2009
    return 0;
}

bool is_soft_hyphen(const std::string& s, std::size_t i) {
    return static_cast<unsigned char>(s[i]) == 0xC2 && s.compare(i, 2, "\xC2\xAD") == 0;
}

// Words split by white space (soft hyphens dropped).
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = space_length(text, i)) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
            i += n;
        } else if (is_soft_hyphen(text, i)) {
            i += 2;
        } else {
            word += text[i++];
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string join(const std::vector<std::string>& words, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < std::min(count, words.size()); ++i) out += (i ? " " : "") + words[i];
    return out;
}

// The first words of a line as the reader meets them: a last word the break hyphenated is left out
// (the EPUB has it whole), or, alone on the line, loses the hyphen print added.
std::string first_words(const page::LineRecord& line) {
    std::vector<std::string> words = words_of(line.text);
    if (line.hyphenated && !words.empty()) {
        if (words.size() > 1) words.pop_back();
        else if (words.back().size() > 1 && words.back().back() == '-') words.back().pop_back();
    }
    return join(words, 6);
}

// Elements whose boundaries separate words (block level, and line breaks).
bool separates_words(const std::string& name) {
    static const std::set<std::string> kBlocks{"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "ul", "figure",
                                              "figcaption", "blockquote", "section", "div", "header", "main",
                                              "article", "aside", "nav", "br", "body", "img", "time"};
    return kBlocks.count(name) != 0;
}

// A document's body text with, for each of its bytes, the offset in the XHTML where the character it
// belongs to starts (white space runs collapse to one space; entities decode).
struct TextMap {
    std::string text;
    std::vector<std::size_t> at;
    std::size_t body_end = 0;  // the offset of </body>

    void add(char c, std::size_t offset) {
        text += c;
        at.push_back(offset);
    }
    void add(const std::string& chars, std::size_t offset) {
        for (char c : chars) add(c, offset);
    }
    void space(std::size_t offset) {
        if (!text.empty() && text.back() != ' ') add(' ', offset);
    }
};

std::string decode_entity(const std::string& name) {
    if (name == "amp") return "&";
    if (name == "lt") return "<";
    if (name == "gt") return ">";
    if (name == "quot") return "\"";
    if (name == "apos") return "'";
    if (!name.empty() && name[0] == '#') {
        const long cp = name.size() > 1 && (name[1] == 'x' || name[1] == 'X') ? std::strtol(name.c_str() + 2, nullptr, 16)
                                                                               : std::strtol(name.c_str() + 1, nullptr, 10);
        std::string out;
        const auto c = static_cast<unsigned long>(cp);
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
        return out;
    }
    return "&" + name + ";";
}

TextMap text_map(const std::string& x) {
    TextMap m;
    m.text.reserve(x.size());
    m.at.reserve(x.size());
    std::size_t i = x.find("<body");
    if (i == std::string::npos) i = 0;
    i = x.find('>', i);
    i = i == std::string::npos ? x.size() : i + 1;
    m.body_end = x.rfind("</body>");
    if (m.body_end == std::string::npos) m.body_end = x.size();
    while (i < m.body_end) {
        if (x[i] == '<') {
            const std::size_t end = x.find('>', i);
            if (end == std::string::npos) break;
            std::size_t n = i + 1 + (x[i + 1] == '/' ? 1 : 0);
            std::string name;
            while (n < end && x[n] != ' ' && x[n] != '/' && x[n] != '>') name += x[n++];
            if (separates_words(name)) m.space(i);
            i = end + 1;
        } else if (x[i] == '&') {
            const std::size_t end = x.find(';', i);
            if (end == std::string::npos) { m.add('&', i); ++i; continue; }
            m.add(decode_entity(x.substr(i + 1, end - i - 1)), i);
            i = end + 1;
        } else if (const std::size_t n = space_length(x, i)) {
            m.space(i);
            i += n;
        } else if (is_soft_hyphen(x, i)) {
            i += 2;
        } else {
            m.add(x[i], i);  // one character a call: no string made for it (issue 17)
            ++i;
        }
    }
    return m;
}

std::string marker(const std::string& id, const std::string& folio) {
    std::string out;
    // EPUB 3.3 / EPUB SSV pagebreak with its DPUB-ARIA role; the folio is its accessible name.
    empty_tag(out, "span", {{"epub:type", "pagebreak"}, {"role", "doc-pagebreak"}, {"id", id}, {"aria-label", folio}});
    return out;
}

std::string id_for(const std::string& folio, std::set<std::string>& taken) {
    std::string base = "page-";
    for (char c : folio) base += ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '-';
    std::string id = base;
    for (int n = 2; !taken.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
}

}  // namespace

std::vector<PrintPageStart> print_page_starts(const page::PageDocument& print) {
    std::map<int, const page::LineRecord*> first_flow_line;
    std::set<int> heading_pages;
    for (const auto& line : print.lines) {
        if (line.column < 0) heading_pages.insert(line.page);
        else if (!first_flow_line.count(line.page)) first_flow_line[line.page] = &line;
    }
    std::vector<PrintPageStart> pages;
    bool opened = false;
    for (int p = 0; p < static_cast<int>(print.pages.size()); ++p) {
        const bool heading = heading_pages.count(p) != 0;
        const auto flow = first_flow_line.find(p);
        if (!heading && flow == first_flow_line.end()) continue;
        PrintPageStart start;
        start.folio = print.pages[static_cast<std::size_t>(p)].label;
        if (start.folio.empty()) start.folio = std::to_string(print.pages[static_cast<std::size_t>(p)].number);
        start.opening = heading && !opened;
        opened = opened || heading;
        if (!start.opening && flow != first_flow_line.end()) {
            start.first_words = first_words(*flow->second);
            start.style = flow->second->style;
        }
        pages.push_back(std::move(start));
    }
    return pages;
}

std::vector<PageTarget> insert_page_breaks(const std::vector<ContentDocument*>& documents,
                                           const std::vector<PrintPageStart>& pages, std::set<std::string>& taken,
                                           int* unmatched) {
    std::vector<PageTarget> targets;
    if (documents.empty() || pages.empty()) return targets;
    std::vector<TextMap> maps;
    for (const ContentDocument* d : documents) maps.push_back(text_map(d->bytes));
    // (document, offset in its bytes, marker), inserted at the end from the back.
    std::vector<std::vector<std::pair<std::size_t, std::string>>> inserts(documents.size());
    std::size_t doc = 0, pos = 0;  // where the next search starts
    int missed = 0;
    for (const PrintPageStart& page : pages) {
        const std::string id = id_for(page.folio, taken);
        const std::string span = marker(id, page.folio);
        if (page.opening) {
            // Before the heading, where print begins the article (content_documents: <header>).
            const std::string& bytes = documents[0]->bytes;
            std::size_t at = bytes.find("<header>");
            at = at == std::string::npos ? maps[0].at.empty() ? maps[0].body_end : maps[0].at[0] : at + 8;
            inserts[0].push_back({at, span});
            targets.push_back({page.folio, documents[0]->href + "#" + id});
            continue;
        }
        // The first six words, else the first three: found from where the last page was.
        const std::vector<std::string> words = words_of(page.first_words);
        bool found = false;
        for (std::size_t count : {std::size_t{6}, std::size_t{3}}) {
            const std::string needle = join(words, count);
            if (needle.empty()) break;
            for (std::size_t d = doc; d < maps.size() && !found; ++d) {
                const std::size_t hit = maps[d].text.find(needle, d == doc ? pos : 0);
                if (hit == std::string::npos) continue;
                // The word's start: a page that begins inside a hyphenated word gets its marker before
                // the whole word (a reader lands on a word, not half of one).
                std::size_t start = hit;
                while (start > 0 && maps[d].text[start - 1] != ' ') --start;
                inserts[d].push_back({maps[d].at[start], span});
                targets.push_back({page.folio, documents[d]->href + "#" + id});
                doc = d;
                pos = hit + 1;
                found = true;
            }
            if (found) break;
        }
        if (!found) {
            ++missed;
            if (page.style == "notice") {
                doc = maps.size() - 1;
                pos = maps[doc].text.size();
            }
            const TextMap& m = maps[doc];
            const std::size_t at = pos < m.at.size() ? m.at[pos] : m.body_end;
            inserts[doc].push_back({at, span});
            targets.push_back({page.folio, documents[doc]->href + "#" + id});
        }
    }
    for (std::size_t d = 0; d < documents.size(); ++d) {
        auto& list = inserts[d];
        if (list.empty()) continue;
        // The document copied once with the markers in place (inserting each in turn moved its tail
        // every time, issue 17). Equal offsets keep their page order: the earlier page's marker first.
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        const std::string& bytes = documents[d]->bytes;
        std::string out;
        std::size_t extra = 0;
        for (const auto& [at, span] : list) extra += span.size();
        out.reserve(bytes.size() + extra);
        std::size_t copied = 0;
        for (const auto& [at, span] : list) {
            out.append(bytes, copied, at - copied);
            out += span;
            copied = at;
        }
        out.append(bytes, copied, std::string::npos);
        documents[d]->bytes = std::move(out);
    }
    if (unmatched) *unmatched = missed;
    return targets;
}

std::string body_text(const std::string& xhtml) { return text_map(xhtml).text; }

}  // namespace quire::epub
