#include "proof/image_diff.hpp"

#include "core/diagnostic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace quire::proof {

namespace {

constexpr std::uint32_t kWhite = 0x00FFFFFFu;

bool differs(std::uint32_t a, std::uint32_t b, int tolerance) {
    if (((a ^ b) & 0x00FFFFFFu) == 0) return false;
    for (int shift = 0; shift <= 16; shift += 8) {
        const int ca = static_cast<int>((a >> shift) & 0xFFu);
        const int cb = static_cast<int>((b >> shift) & 0xFFu);
        if (std::abs(ca - cb) > tolerance) return true;
    }
    return false;
}

}  // namespace

ImageDiff diff_images(const PageImage& old_page, const PageImage& new_page, const ImageDiffOptions& options) {
    if (std::abs(old_page.scale() - new_page.scale()) > 1e-9)
        throw QuireError(SourceSpan{"diff"}, "internal: rasters compared at different scales");
    const int w = std::max(old_page.width(), new_page.width());
    const int h = std::max(old_page.height(), new_page.height());
    const int cell = std::max(1, options.cell_px);
    const int cols = (w + cell - 1) / cell;
    const int rows = (h + cell - 1) / cell;
    std::vector<unsigned char> changed(static_cast<std::size_t>(cols) * rows, 0);

    ImageDiff result;
    for (int y = 0; y < h; ++y) {
        const std::uint32_t* a = y < old_page.height() ? old_page.row(y) : nullptr;
        const std::uint32_t* b = y < new_page.height() ? new_page.row(y) : nullptr;
        for (int x = 0; x < w; ++x) {
            const std::uint32_t pa = (a && x < old_page.width()) ? a[x] : kWhite;
            const std::uint32_t pb = (b && x < new_page.width()) ? b[x] : kWhite;
            if (differs(pa, pb, options.tolerance)) {
                ++result.changed_pixels;
                changed[static_cast<std::size_t>(y / cell) * cols + static_cast<std::size_t>(x / cell)] = 1;
            }
        }
    }
    if (!result.changed()) return result;

    // Group: cells within merge_cells of each other belong to one region (flood fill over a
    // neighbourhood instead of dilating the grid, so the box hugs the changed cells themselves).
    const int reach = std::max(0, options.merge_cells);
    std::vector<int> label(changed.size(), -1);
    std::vector<int> stack;
    int next = 0;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const std::size_t i = static_cast<std::size_t>(r) * cols + c;
            if (!changed[i] || label[i] >= 0) continue;
            int x0 = c, x1 = c, y0 = r, y1 = r;
            label[i] = next;
            stack.assign(1, static_cast<int>(i));
            while (!stack.empty()) {
                const int k = stack.back();
                stack.pop_back();
                const int kr = k / cols, kc = k % cols;
                x0 = std::min(x0, kc); x1 = std::max(x1, kc);
                y0 = std::min(y0, kr); y1 = std::max(y1, kr);
                for (int dr = -reach; dr <= reach; ++dr) {
                    for (int dc = -reach; dc <= reach; ++dc) {
                        const int nr = kr + dr, nc = kc + dc;
                        if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) continue;
                        const std::size_t j = static_cast<std::size_t>(nr) * cols + nc;
                        if (changed[j] && label[j] < 0) {
                            label[j] = next;
                            stack.push_back(static_cast<int>(j));
                        }
                    }
                }
            }
            ++next;
            const double k = 1.0 / old_page.scale();
            const double px0 = x0 * cell, py0 = y0 * cell;
            const double px1 = std::min(w, (x1 + 1) * cell), py1 = std::min(h, (y1 + 1) * cell);
            result.regions.push_back(Rect{Length::pt(px0 * k), Length::pt(py0 * k),
                                          Length::pt((px1 - px0) * k), Length::pt((py1 - py0) * k)});
        }
    }
    std::sort(result.regions.begin(), result.regions.end(), [](const Rect& a, const Rect& b) {
        return a.y != b.y ? a.y < b.y : a.x < b.x;
    });
    return result;
}

}  // namespace quire::proof
