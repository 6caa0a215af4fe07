// Line-break opportunities by the Unicode Line Breaking Algorithm (UAX #14), from ICU's line
// break iterator with the text's locale.
//
//   for (const auto& b : quire::text::line_break_opportunities(text, "pl"))
//       // a line may end before byte b.offset; b.kind == BreakKind::Hard: it must (U+2028, \n)
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace quire::text {

enum class BreakKind { Soft, Hard };

struct BreakOpportunity {
    std::uint32_t offset = 0;  // byte offset: the break falls before this byte
    BreakKind kind = BreakKind::Soft;
};

// Opportunities in `utf8`, in order; the end of the text is the last (Hard). ICU iterators are
// opened once per locale and thread, then reused.
std::vector<BreakOpportunity> line_break_opportunities(std::string_view utf8, std::string_view bcp47);

}  // namespace quire::text
