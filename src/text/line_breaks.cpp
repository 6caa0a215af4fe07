// UAX #14 line-break opportunities from ICU. The text is handed to ICU as UTF-16 with a table of
// byte offsets: ICU's break iterator reads UTF-16 inline, while a UTF-8 UText costs a call per
// character (utext_next32 and the UTF-8 provider were two thirds of the breaking time).
#include "text/line_breaks.hpp"

#include "text/itemize.hpp"

#include <unicode/ubrk.h>

#include <map>
#include <memory>
#include <string>

namespace quire::text {

namespace {

struct BreakIteratorCloser {
    void operator()(UBreakIterator* b) const { ubrk_close(b); }
};

UBreakIterator* iterator_for(std::string_view bcp47) {
    thread_local std::map<std::string, std::unique_ptr<UBreakIterator, BreakIteratorCloser>> iterators;
    std::string locale(bcp47);
    for (auto& c : locale)
        if (c == '-') c = '_';
    auto it = iterators.find(locale);
    if (it == iterators.end()) {
        UErrorCode err = U_ZERO_ERROR;
        UBreakIterator* b = ubrk_open(UBRK_LINE, locale.c_str(), nullptr, 0, &err);
        if (U_FAILURE(err)) return nullptr;
        it = iterators.emplace(locale, std::unique_ptr<UBreakIterator, BreakIteratorCloser>(b)).first;
    }
    return it->second.get();
}

}  // namespace

std::vector<BreakOpportunity> line_break_opportunities(std::string_view utf8, std::string_view bcp47) {
    std::vector<BreakOpportunity> out;
    if (utf8.empty()) return out;
    UBreakIterator* brk = iterator_for(bcp47);
    if (!brk) {
        out.push_back({std::uint32_t(utf8.size()), BreakKind::Hard});
        return out;
    }
    // UTF-16 units and, per unit, the byte offset it starts at (one more entry for the end).
    thread_local std::u16string u16;
    thread_local std::vector<std::uint32_t> byte_of;
    // A UTF-8 text has at least as many bytes as UTF-16 units: size once, then write in place.
    u16.resize(utf8.size());
    byte_of.resize(utf8.size() + 1);
    std::size_t n = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto at = std::uint32_t(i);
        const char32_t cp = decode_utf8(utf8, i);
        if (cp >= 0x10000) {
            u16[n] = char16_t(0xD800 + ((cp - 0x10000) >> 10));
            byte_of[n++] = at;
            u16[n] = char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
            byte_of[n++] = at;
        } else {
            u16[n] = char16_t(cp);
            byte_of[n++] = at;
        }
    }
    byte_of[n] = std::uint32_t(utf8.size());
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(brk, reinterpret_cast<const UChar*>(u16.data()), int32_t(n), &err);
    if (U_FAILURE(err)) {
        out.push_back({std::uint32_t(utf8.size()), BreakKind::Hard});
        return out;
    }
    out.reserve(utf8.size() / 5 + 2);
    for (int32_t pos = ubrk_next(brk); pos != UBRK_DONE; pos = ubrk_next(brk)) {
        const int32_t status = ubrk_getRuleStatus(brk);
        const bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
        const std::uint32_t offset = byte_of[std::size_t(pos)];
        out.push_back({offset, hard || offset == utf8.size() ? BreakKind::Hard : BreakKind::Soft});
    }
    // Detach the iterator from the buffer, which the next call reuses.
    static const UChar empty[1] = {0};
    err = U_ZERO_ERROR;
    ubrk_setText(brk, empty, 0, &err);
    return out;
}

}  // namespace quire::text
