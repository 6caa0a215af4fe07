// The supplied pages of an issue (ads, the house filler) checked as the printer will see them: their
// boxes against the issue's trim and bleed (render/supplied_pages.hpp) and, for a page without enough
// bleed, whether its art runs to the trim edge (then the missing bleed is an error: a white hairline
// would show at the cut). Rasterising needs Poppler, hence here and not in render/.
#pragma once

#include "core/diagnostic.hpp"
#include "model/issue.hpp"
#include "render/supplied_pages.hpp"
#include "style/layout.hpp"

#include <filesystem>

namespace quire::proof {

// Whether a supplied page's art runs to its trim edge: rasterised at low resolution, any ink within
// 0.5 mm inside the trim's edges counts. Unknown when Poppler cannot read the page.
render::ArtAtTrimEdge art_at_trim_edge(const std::filesystem::path& pdf, const render::SuppliedPage& page);

// Every ad and the filler of `issue`: unreadable, wrong trim size, rotated, no bleed where the art
// bleeds are errors at the manifest entry's place, naming the file and both sizes.
void check_supplied_pages(const model::Issue& issue, const style::PageGeometry& geometry, Diagnostics& diagnostics);

}  // namespace quire::proof
