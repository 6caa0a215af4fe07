// Fake blocks for the flow's unit tests (flow_test.cpp, flow_makeup_test.cpp): no fonts, only the
// line boxes the flow places.
#pragma once

#include "page/flow.hpp"

#include <string>
#include <utility>

namespace quire::page::testing {

// The magazine page (the defaults are the house style: 170 × 240 mm, 2 columns, 12 pt grid).
inline FlowFrames magazine_frames() {
    FlowFrames f;
    f.geometry = style::PageGeometry{};
    f.geometry.first_baseline = f.geometry.baseline;
    f.opening_top = f.geometry.margin_top.pt();
    return f;
}

// A paragraph of `lines` body lines on the grid.
inline FlowBlock body(int lines, std::string name = "body") {
    FlowBlock b;
    b.style_name = std::move(name);
    b.on_grid = true;
    b.leading = 12;
    b.above = 9;
    b.depth = 3;
    for (int i = 0; i < lines; ++i) b.lines.push_back(FlowLine{});
    return b;
}

}  // namespace quire::page::testing
