#include "render/flat_palette.hpp"

#include "render/palette_png.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace quire::render {

namespace {

using Rgb = std::array<double, 3>;  // 0..255

Rgb rgb255(const style::Color& c) { return {c.r * 255, c.g * 255, c.b * 255}; }

std::uint8_t channel(double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 255.0))); }

// How far from its nearest paper-to-ink blend a pixel may be, squared, summed over the channels:
// Cairo's solid colours round through 16 bits and its blending works in 8 (±1 or 2 per channel).
constexpr double kTolerance2 = 3 * 3 * 3;

}  // namespace

std::optional<FlatColours> flat_colours(const page::Page& page, const style::PageGeometry& g) {
    FlatColours out;
    out.paper = style::Color{1, 1, 1, std::nullopt};
    auto add = [&](const style::Color& c) {
        if (c.r == out.paper.r && c.g == out.paper.g && c.b == out.paper.b) return true;
        for (const auto& ink : out.inks)
            if (ink.r == c.r && ink.g == c.g && ink.b == c.b) return true;
        out.inks.push_back(c);
        return out.inks.size() <= 3;
    };
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        const page::Item& item = page.items[i];
        if (const auto* b = std::get_if<page::BoxItem>(&item)) {
            const Rect& r = b->rect;
            if (i == 0 && r.x.pt() <= 0 && r.y.pt() <= 0 && r.right() >= g.trim.width && r.bottom() >= g.trim.height) {
                out.paper = b->fill;
                continue;
            }
            if (!add(b->fill)) return std::nullopt;
        } else if (const auto* t = std::get_if<page::TextItem>(&item)) {
            if (!add(t->color)) return std::nullopt;
        } else if (const auto* rule = std::get_if<page::RuleItem>(&item)) {
            if (!add(rule->color)) return std::nullopt;
        } else if (std::holds_alternative<page::ImageItem>(item)) {
            return std::nullopt;
        }
    }
    return out;
}

std::optional<std::string> flat_palette_png(cairo_surface_t* surface, const FlatColours& colours) {
    cairo_surface_flush(surface);
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    if (!data || cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24) return std::nullopt;

    // Palette: the paper, then each ink at levels 1..L (L = 255 / inks: 256 entries at most).
    const Rgb paper = rgb255(colours.paper);
    const int inks = static_cast<int>(colours.inks.size());
    const int levels = inks == 0 ? 1 : 255 / inks;
    std::vector<Rgb> towards;  // ink − paper
    for (const auto& ink : colours.inks) {
        const Rgb c = rgb255(ink);
        towards.push_back({c[0] - paper[0], c[1] - paper[1], c[2] - paper[2]});
    }
    PaletteImage image;
    image.width = width;
    image.height = height;
    image.palette_rgb = {channel(paper[0]), channel(paper[1]), channel(paper[2])};
    for (const Rgb& e : towards)
        for (int level = 1; level <= levels; ++level) {
            const double t = static_cast<double>(level) / levels;
            for (int k = 0; k < 3; ++k) image.palette_rgb.push_back(channel(paper[static_cast<std::size_t>(k)] + t * e[static_cast<std::size_t>(k)]));
        }

    // Each pixel: the blend nearest to it (projected on each paper-to-ink line). Runs of one colour
    // are the rule (paper, solid ink): the last pixel's answer is kept.
    // A pixel off every blend by more than rounding plus half a level's step is not flat.
    double allowed = kTolerance2;
    for (const Rgb& e : towards) {
        const double half_step = 0.5 / levels * std::sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2]);
        allowed = std::max(allowed, std::pow(std::sqrt(kTolerance2) + half_step, 2));
    }
    std::vector<std::uint8_t> indices(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    std::uint32_t last_pixel = 0;
    std::uint8_t last_index = 0;
    bool have_last = false;
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        std::uint8_t* out = indices.data() + static_cast<std::ptrdiff_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            const std::uint32_t px = row[x] & 0xFFFFFFu;
            if (have_last && px == last_pixel) {
                out[x] = last_index;
                continue;
            }
            const Rgb d{static_cast<double>((px >> 16) & 0xFF) - paper[0], static_cast<double>((px >> 8) & 0xFF) - paper[1],
                        static_cast<double>(px & 0xFF) - paper[2]};
            double best = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];  // the paper itself
            int index = 0;
            for (int k = 0; k < inks; ++k) {
                const Rgb& e = towards[static_cast<std::size_t>(k)];
                const double ee = e[0] * e[0] + e[1] * e[1] + e[2] * e[2];
                if (ee <= 0) continue;
                const double t = std::clamp((d[0] * e[0] + d[1] * e[1] + d[2] * e[2]) / ee, 0.0, 1.0);
                const int level = static_cast<int>(std::lround(t * levels));
                const double q = static_cast<double>(level) / levels;
                const double r0 = d[0] - q * e[0], r1 = d[1] - q * e[1], r2 = d[2] - q * e[2];
                const double r = r0 * r0 + r1 * r1 + r2 * r2;
                if (r < best) {
                    best = r;
                    index = level == 0 ? 0 : 1 + k * levels + level - 1;
                }
            }
            if (best > allowed) return std::nullopt;
            out[x] = static_cast<std::uint8_t>(index);
            last_pixel = px;
            last_index = out[x];
            have_last = true;
        }
    }
    image.row = [&](int y) { return indices.data() + static_cast<std::ptrdiff_t>(y) * width; };
    return encode_palette_png(image);
}

}  // namespace quire::render
