// Embedding fonts: each face the book's styles use is cut down with hb-subset to the characters the
// book contains, keeping every OpenType layout feature (hb-subset drops smcp, onum… by default,
// stack-notes), so the EPUB sets the same small caps and old-style figures as the print edition.
#pragma once

#include "text/font_table.hpp"

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

struct hb_set_t;  // HarfBuzz's (hb-set.h), kept out of this header

namespace quire::epub {

using Codepoints = std::set<char32_t>;

// The code points of UTF-8 text (invalid bytes skipped).
void collect_codepoints(const std::string& utf8, Codepoints& into);

// The code points a face maps to glyphs (its cmap).
Codepoints face_codepoints(const std::filesystem::path& file, int face_index = 0);

// Whether a face maps a code point, asked many times: the cmap kept as HarfBuzz's bit set (building
// a std::set of a large face's cmap for a few lookups cost more than the lookups).
class FaceCoverage {
public:
    FaceCoverage(const std::filesystem::path& file, int face_index = 0);
    bool has(char32_t cp) const;

private:
    std::shared_ptr<::hb_set_t> set_;
};

// Which OpenType layout features a subset keeps.
enum class KeepFeatures {
    All,               // every feature the font has
    DefaultAndListed,  // hb-subset's default list (ccmp, locl, kern, liga, mark…) plus `features`
};

// The subset of `file` holding `codepoints` (and the glyphs the kept layout features reach from
// them), without hinting, with the licence name records (name IDs 13, 14) kept beside the default
// ones. `features` are tags ("smcp", "onum") added to the default list. Throws QuireError naming the
// file if it cannot be read or subset.
std::string subset_font(const std::filesystem::path& file, int face_index, const Codepoints& codepoints,
                        KeepFeatures keep = KeepFeatures::All, const std::vector<std::string>& features = {});

// "serif" or "sans-serif" from the face's OS/2 sFamilyClass (IBM font class 8 = sans serif) and
// PANOSE serif style (11–13 sans); "" when neither says (many fonts leave both at 0).
std::string generic_family(const std::filesystem::path& file, int face_index = 0);

// The generic family for a family of the table: the first of its faces that says, else the first
// face of its fallback families that says (they are chosen to match it), else "serif".
std::string generic_family(const text::FontTable& fonts, const std::string& family);

}  // namespace quire::epub
