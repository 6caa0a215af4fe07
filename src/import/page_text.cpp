#include "import/page_text.hpp"

#include "import/utf8.hpp"

#include <cstdio>

namespace quire::import {

const char* role_name(LineRole role) {
    switch (role) {
        case LineRole::Unclassified: return "unclassified";
        case LineRole::HeaderClutter: return "header-clutter";
        case LineRole::Title: return "title";
        case LineRole::Standfirst: return "standfirst";
        case LineRole::Dateline: return "dateline";
        case LineRole::Byline: return "byline";
        case LineRole::Caption: return "caption";
        case LineRole::InlineCaption: return "inline-caption";
        case LineRole::Paragraph: return "paragraph";
        case LineRole::Subheading: return "subheading";
        case LineRole::Bio: return "bio";
        case LineRole::Notice: return "notice";
        case LineRole::BodyClutter: return "body-clutter";
        case LineRole::FooterClutter: return "footer-clutter";
    }
    return "unclassified";
}

SourceSpan PageText::span(std::size_t index) const {
    if (index >= lines.size()) return SourceSpan{file, 0, 0};
    return SourceSpan{file, lines[index].line, lines[index].column};
}

std::string normalise_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        if (utf8::is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(text.substr(start, pos - start));
    }
    return out;
}

PageText split_page(std::string_view text, std::string file) {
    PageText page;
    page.file = std::move(file);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte-order mark

    int line_number = 0;
    bool after_blank = true;  // the start of the page counts as a break
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view raw = text.substr(pos, end - pos);
        ++line_number;

        std::size_t bad = 0;
        if (!utf8::valid(raw, &bad)) {
            const int col = static_cast<int>(utf8::length(raw.substr(0, bad))) + 1;
            throw QuireError(SourceSpan{page.file, line_number, col},
                             "the page is not valid UTF-8 text (save it as UTF-8 and import again)");
        }
        std::string normalised = normalise_whitespace(raw);
        if (normalised.empty()) {
            after_blank = true;
        } else {
            // The column of the first character that is not white space, counted in code points.
            std::size_t p = 0;
            int column = 1;
            while (p < raw.size()) {
                std::size_t q = p;
                if (!utf8::is_space(utf8::next(raw, q))) break;
                p = q;
                ++column;
            }
            page.lines.push_back(PageLine{std::move(normalised), line_number, column, after_blank,
                                          LineRole::Unclassified, {}});
            after_blank = false;
        }

        if (end >= text.size()) break;
        pos = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
    }
    return page;
}

std::string dump_page(const PageText& page, std::size_t width) {
    std::string out;
    for (const auto& l : page.lines) {
        char head[96];
        std::snprintf(head, sizeof head, "%4d  %-15s %-32s ", l.line, role_name(l.role),
                      l.rule.empty() ? "-" : l.rule.c_str());
        out += head;
        out += width == 0 ? l.text : utf8::truncate(l.text, width);
        out += '\n';
    }
    return out;
}

}  // namespace quire::import
