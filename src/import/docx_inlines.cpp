#include "import/docx_inlines.hpp"

#include "import/utf8.hpp"

#include <cctype>

namespace quire::import {

using model::Inline;
using model::InlineKind;

std::string primary_language(std::string_view tag) {
    std::string out;
    for (char c : tag) {
        if (c == '-' || c == '_') break;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string superscript_number(int n) {
    static const char* digits[] = {"\xE2\x81\xB0", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB4",
                                   "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9"};
    std::string out;
    for (char c : std::to_string(n)) out += digits[c - '0'];
    return out;
}

namespace {

// One piece of text with its formatting, after normalisation.
struct Atom {
    bool line_break = false;
    std::string text, href, lang;
    bool bold = false, italic = false;
};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// Groups atoms by one property after another (link, language, strong, emphasis), so that
// <a><span><strong><em> nest the same way for the same formatting.
model::InlineText group(const std::vector<Atom>& atoms, std::size_t begin, std::size_t end, int level) {
    model::InlineText out;
    if (level == 4) {
        for (std::size_t i = begin; i < end; ++i) {
            if (atoms[i].line_break) {
                Inline br;
                br.kind = InlineKind::LineBreak;
                out.push_back(br);
            } else if (!out.empty() && out.back().kind == InlineKind::Text) {
                out.back().text += atoms[i].text;
            } else {
                out.push_back(Inline::plain(atoms[i].text));
            }
        }
        return out;
    }
    const auto key = [&](const Atom& a) -> std::string {
        switch (level) {
            case 0: return a.href;
            case 1: return a.lang;
            case 2: return a.bold ? "b" : "";
            default: return a.italic ? "i" : "";
        }
    };
    std::size_t i = begin;
    while (i < end) {
        const std::string k = key(atoms[i]);
        std::size_t j = i + 1;
        // A line break takes the formatting around it rather than splitting a group.
        while (j < end && (key(atoms[j]) == k || (atoms[j].line_break && j + 1 < end && key(atoms[j + 1]) == k))) ++j;
        auto inner = group(atoms, i, j, level + 1);
        if (k.empty()) {
            for (auto& x : inner) out.push_back(std::move(x));
        } else {
            static const InlineKind kinds[] = {InlineKind::Link, InlineKind::Span, InlineKind::Strong, InlineKind::Emphasis};
            Inline w = Inline::wrap(kinds[level], std::move(inner));
            if (level == 0) w.href = k;
            if (level == 1) w.lang = k;
            out.push_back(std::move(w));
        }
        i = j;
    }
    return out;
}

}  // namespace

model::InlineText docx_inlines(const std::vector<DocxRun>& runs, const std::string& article_lang, InlineCounts& counts) {
    std::vector<Atom> atoms;
    const std::string article_primary = primary_language(article_lang);
    for (const auto& run : runs) {
        Atom a;
        a.href = run.href.rfind("http", 0) == 0 || run.href.rfind("mailto:", 0) == 0 ? run.href : "";
        const std::string lang = primary_language(run.lang);
        if (!lang.empty() && lang != article_primary) a.lang = lang;
        a.bold = run.bold;
        a.italic = run.italic;
        switch (run.kind) {
            case DocxRunKind::Image: continue;
            case DocxRunKind::LineBreak:
                a.line_break = true;
                ++counts.line_breaks;
                break;
            case DocxRunKind::NoteReference:
                a.text = superscript_number(run.note);
                a.bold = a.italic = false;
                ++counts.note_references;
                break;
            case DocxRunKind::Text:
                a.text = run.text;
                if (run.small_caps) ++counts.small_caps;
                if (run.superscript) {
                    ++counts.superscripts;
                    if (all_digits(run.text)) a.text = superscript_number(std::stoi(run.text.substr(0, 9)));
                }
                break;
        }
        atoms.push_back(std::move(a));
    }
    // White space across runs: tabs become spaces (Word's tab indents), runs of spaces one space,
    // the paragraph's ends trimmed; U+00AD soft hyphens typed as characters are dropped (the
    // typesetter hyphenates by itself).
    bool last_space = true;  // at the paragraph's start, leading spaces go
    for (auto& a : atoms) {
        if (a.line_break) {
            last_space = true;
            continue;
        }
        std::string out;
        std::size_t pos = 0;
        while (pos < a.text.size()) {
            const std::size_t at = pos;
            const char32_t cp = utf8::next(a.text, pos);
            if (cp == 0xAD) continue;
            if (cp == U'\t' || utf8::is_space(cp) || cp == U'\n') {
                if (cp == U'\t') ++counts.tabs;
                if (last_space) {
                    if (cp == U' ' && !out.empty()) ++counts.double_spaces;
                    continue;
                }
                // A no-break space typed on purpose stays; others become one plain space.
                out += cp == 0xA0 ? std::string("\xC2\xA0") : std::string(" ");
                last_space = true;
                continue;
            }
            out.append(a.text, at, pos - at);
            last_space = false;
        }
        a.text = std::move(out);
    }
    // Trailing spaces at the end (and before a line break).
    for (std::size_t i = atoms.size(); i-- > 0;) {
        if (atoms[i].line_break) continue;
        while (!atoms[i].text.empty() && atoms[i].text.back() == ' ') atoms[i].text.pop_back();
        if (!atoms[i].text.empty()) break;
    }
    // Straight quotes and keyboard dashes, with the previous atom's last character as context so that
    // a quote at the start of an italic run after a space opens and after a letter closes.
    char context = ' ';
    for (auto& a : atoms) {
        if (a.line_break) {
            context = ' ';
            continue;
        }
        if (a.text.empty()) continue;
        // Built with append rather than `std::string + std::string`: GCC 12 reports a false -Wrestrict there.
        std::string with_context(1, context);
        with_context.append(a.text);
        std::string done = typographic_punctuation(with_context, counts.punctuation);
        std::size_t first = 0;
        utf8::next(done, first);
        // The context character is ASCII (a space or a letter) and never changes: drop it again.
        a.text = done.substr(first);
        const char last = a.text.back();
        context = (static_cast<unsigned char>(last) & 0x80) || std::isalnum(static_cast<unsigned char>(last)) ? 'a' : ' ';
    }
    std::vector<Atom> kept;
    for (auto& a : atoms)
        if (a.line_break || !a.text.empty()) kept.push_back(std::move(a));
    while (!kept.empty() && kept.back().line_break) kept.pop_back();
    for (const auto& a : kept)
        if (!a.lang.empty()) ++counts.lang_spans;
    return group(kept, 0, kept.size(), 0);
}

}  // namespace quire::import
