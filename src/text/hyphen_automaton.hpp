// libhyphen's pattern automaton (HyphenDict: states, transitions, matches, and the chained
// "next level" dictionary) as flat bytes, so that a process loads it in one read instead of parsing
// the dictionary's text with hnj_hyphen_load_file (≈ 8–13 % of `quire pdf` on the example, issue 17).
// The bytes are kept in the artefact cache (core/artefact_cache.hpp); the automaton rebuilt from them
// is field for field the one libhyphen built, so hnj_hyphen_hyphenate3 gives the same break points
// (tests/unit/text: every bundled language, structure and words compared).
//
//   std::string bytes = quire::text::serialise_automaton(*dict, "UTF-8");
//   auto flat = quire::text::FlatAutomaton::from_bytes(std::move(bytes));  // nullptr: malformed
//   hnj_hyphen_hyphenate3(flat->dict(), ...);
#pragma once

#include <hyphen.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quire::text {

// The dictionary chain's bytes, with the charset quire converts words to (the dictionary's first line).
std::string serialise_automaton(const HyphenDict& dict, std::string_view charset);

// An automaton rebuilt from serialise_automaton's bytes: HyphenDict structs whose strings point into
// the bytes it owns. Not for hnj_hyphen_free (it frees itself).
class FlatAutomaton {
public:
    // nullptr when the bytes are not a well-formed automaton of this format (a stale or damaged cache
    // entry: the caller rebuilds it).
    static std::unique_ptr<FlatAutomaton> from_bytes(std::string bytes);

    HyphenDict* dict() { return levels_.empty() ? nullptr : &levels_.front().dict; }
    const std::string& charset() const { return charset_; }

private:
    struct Level {
        HyphenDict dict{};
        std::vector<HyphenState> states;
        std::vector<HyphenTrans> trans;
    };
    FlatAutomaton() = default;
    std::string bytes_;
    std::string charset_;
    std::vector<Level> levels_;  // sized once: dict.nextlevel points at the next element
};

// Whether two automata are the same field for field (levels, states, matches, transitions).
bool same_automaton(const HyphenDict& a, const HyphenDict& b);

}  // namespace quire::text
