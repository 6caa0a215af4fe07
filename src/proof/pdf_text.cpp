#include "proof/pdf_text.hpp"

#include <algorithm>

namespace quire::proof {

namespace {

Rect to_rect(const PopplerRectangle& r) {
    return Rect{Length::pt(r.x1), Length::pt(r.y1), Length::pt(r.x2 - r.x1), Length::pt(r.y2 - r.y1)};
}

Rect unite(const Rect& a, const Rect& b) {
    if (a.width.pt() <= 0 && a.height.pt() <= 0) return b;
    const double x0 = std::min(a.x.pt(), b.x.pt()), y0 = std::min(a.y.pt(), b.y.pt());
    const double x1 = std::max(a.right().pt(), b.right().pt()), y1 = std::max(a.bottom().pt(), b.bottom().pt());
    return Rect{Length::pt(x0), Length::pt(y0), Length::pt(x1 - x0), Length::pt(y1 - y0)};
}

bool is_hyphen(gunichar c) { return c == '-' || c == 0x2010 || c == 0x00AD; }

}  // namespace

std::vector<PdfChar> page_chars(PopplerPage* page) {
    std::vector<PdfChar> out;
    GCharPtr text{poppler_page_get_text(page)};
    if (!text) return out;
    PopplerRectangle* rects = nullptr;
    guint n_rects = 0;
    const bool have_layout = poppler_page_get_text_layout(page, &rects, &n_rects);
    // Poppler gives one rectangle per character of poppler_page_get_text(), in the same order.
    guint i = 0;
    for (const char* p = text.get(); *p; p = g_utf8_next_char(p), ++i) {
        PdfChar c;
        c.code = static_cast<char32_t>(g_utf8_get_char(p));
        if (have_layout && i < n_rects) c.box = to_rect(rects[i]);
        out.push_back(c);
    }
    g_free(rects);
    return out;
}

std::vector<PdfWord> page_words(PopplerPage* page, int index, JoinHyphenated join) {
    std::vector<PdfWord> words;
    PdfWord current;
    current.page = index + 1;
    bool line_break_since_last = false;
    auto finish = [&] {
        if (current.text.empty()) return;
        // A word cut at a line end: "exam-" then "ple" on the next line reads as "example", so that
        // a reflowed paragraph does not show as changed words in the diff.
        if (join == JoinHyphenated::Yes && !words.empty() && line_break_since_last) {
            PdfWord& prev = words.back();
            const char* end = prev.text.c_str() + prev.text.size();
            const char* last = g_utf8_find_prev_char(prev.text.c_str(), end);
            const gunichar first = g_utf8_get_char(current.text.c_str());
            if (last && prev.text.size() > 1 && is_hyphen(g_utf8_get_char(last)) && g_unichar_islower(first)) {
                prev.text.resize(static_cast<std::size_t>(last - prev.text.c_str()));
                prev.text += current.text;
                prev.box = unite(prev.box, current.box);
                current.text.clear();
                current.box = Rect{};
                line_break_since_last = false;
                return;
            }
        }
        words.push_back(current);
        current.text.clear();
        current.box = Rect{};
        line_break_since_last = false;
    };
    for (const PdfChar& c : page_chars(page)) {
        const auto u = static_cast<gunichar>(c.code);
        if (g_unichar_isspace(u) || u == 0x00A0) {
            finish();
            if (u == '\n') line_break_since_last = true;
            continue;
        }
        char buf[8];
        const int n = g_unichar_to_utf8(u, buf);
        current.text.append(buf, static_cast<std::size_t>(n));
        current.box = unite(current.box, c.box);
    }
    finish();
    return words;
}

}  // namespace quire::proof
