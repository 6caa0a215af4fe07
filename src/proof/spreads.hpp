// An issue reviewed as a reader holds it: facing pages side by side (1 alone as the front cover,
// 2–3, 4–5, …), each a PNG cut at the trim, and spreads.html, a contact sheet of them. Rasterised
// from the issue PDF with Poppler, so ads appear exactly as placed.
#pragma once

#include "style/layout.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quire::proof {

struct SpreadsOptions {
    double dpi = 40;
    std::string title;                    // "New Eastern Europe 1-2 2023"
    std::vector<std::string> page_notes;  // per page (0-based): "Armenia as a mere pawn…", "ad", …
};

// Writes dir/spread-001.png, dir/spread-002-003.png, … and dir/spreads.html; returns the PNGs.
std::vector<std::filesystem::path> write_spreads(const std::filesystem::path& pdf, const style::PageGeometry& geometry,
                                                 const std::filesystem::path& dir, const SpreadsOptions& options);

}  // namespace quire::proof
