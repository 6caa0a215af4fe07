// UAX #14 line-break opportunities from ICU, read straight from UTF-8 through a UText (no UTF-16
// copy), so offsets come back as byte offsets.
#include "text/line_breaks.hpp"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

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
    UErrorCode err = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, utf8.data(), int64_t(utf8.size()), &err);
    ubrk_setUText(brk, &ut, &err);
    if (U_FAILURE(err)) {
        utext_close(&ut);
        out.push_back({std::uint32_t(utf8.size()), BreakKind::Hard});
        return out;
    }
    for (int32_t pos = ubrk_next(brk); pos != UBRK_DONE; pos = ubrk_next(brk)) {
        const int32_t status = ubrk_getRuleStatus(brk);
        const bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
        out.push_back({std::uint32_t(pos), hard || std::size_t(pos) == utf8.size() ? BreakKind::Hard : BreakKind::Soft});
    }
    // Detach the iterator from the text before the UText goes away.
    static const UChar empty[1] = {0};
    err = U_ZERO_ERROR;
    ubrk_setText(brk, empty, 0, &err);
    utext_close(&ut);
    return out;
}

}  // namespace quire::text
