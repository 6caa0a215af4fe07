#include "style/color_profile.hpp"

#include "core/artefact_cache.hpp"
#include "core/digest.hpp"
#include "core/diagnostic.hpp"
#include "core/output_file.hpp"

#include <lcms2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <map>
#include <cmath>
#include <mutex>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quire::style {

namespace {

struct ProfileCloser {
    void operator()(void* p) const { if (p) cmsCloseProfile(p); }
};
struct TransformDeleter {
    void operator()(void* t) const { if (t) cmsDeleteTransform(t); }
};
using ProfileHandle = std::unique_ptr<void, ProfileCloser>;
using TransformHandle = std::unique_ptr<void, TransformDeleter>;

// lcms2 reports errors through a global handler; without one it is silent. The callers check results.
constexpr cmsUInt32Number kIntent = INTENT_RELATIVE_COLORIMETRIC;
constexpr cmsUInt32Number kFlags = cmsFLAGS_BLACKPOINTCOMPENSATION;

}  // namespace

// The 8-bit RGB → CMYK image table: the exact transform sampled on a 33 × 33 × 33 grid (what lcms2's
// own optimiser samples for an RGB input, cmsReasonableGridpointsByColorspace) and interpolated in
// tetrahedra. lcms2 2.14's optimised 8-bit transform does the same, at about 25 ns a pixel; this
// loop is written for it (SSE2 where there is SSE2, the same integer arithmetic otherwise, so the
// bytes do not depend on the machine). Nodes hold ink × 64 (0..16320): with weights summing to 256 a
// product sum fits in 32 bits and madd's signed 16-bit operands.
struct ImageTable {
    static constexpr int kGrid = 33;
    static constexpr int kScale = 64;                  // node = ink (0..255) × kScale
    std::vector<std::int16_t> nodes;                   // kGrid³ × 4, R major, then G, then B
    std::array<std::int32_t, 256> offset[3];           // a channel value's cell corner, in nodes' elements
    std::array<std::int16_t, 256> frac[3];             // … and its place in the cell, 0..256
    std::int32_t stride[3];                            // one grid step along R, G, B
};

struct CmykProfile::Transforms {
    ProfileHandle cmyk;
    // lcms2's sRGB and the CMYK → RGB transform are made at their first use: building them (the sRGB
    // tone curves' inverses, black-point detection, reading the profile's LUTs) was a tenth of a whole
    // `quire epub` (callgrind, 2026-12-06), and a warm run needs neither (to_rgb's results are cached).
    std::once_flag srgb_once;
    ProfileHandle srgb;
    std::once_flag to_rgb_once;
    TransformHandle to_rgb;    // double CMYK (0..100) → double RGB (0..1), unoptimised
    std::string identity;      // FNV-1a of the profile's bytes, in hex: the screen colours' cache key
    std::mutex memo_mutex;
    std::map<std::array<double, 4>, Rgb> memo;  // this run's conversions
    // double RGB → double CMYK, unoptimised: made at its first use (only the press PDF converts this
    // way; the EPUB and the layout's CMYK swatches need to_rgb alone, and each transform costs a few
    // ms of every run: black-point detection, issue 17).
    mutable std::once_flag to_cmyk_once;
    mutable TransformHandle to_cmyk;
    mutable std::once_flag pixels_once;
    mutable ImageTable pixels;  // 8-bit RGB → 8-bit CMYK (made on first use)
};

CmykProfile::~CmykProfile() = default;

std::shared_ptr<const CmykProfile> CmykProfile::load(const std::filesystem::path& path) {
    std::string bytes;
    try {
        bytes = read_file(path);
    } catch (const std::exception& e) {
        throw QuireError(SourceSpan{path.string()}, std::string("cannot read the output profile: ") + e.what());
    }
    std::shared_ptr<CmykProfile> p(new CmykProfile());
    p->path_ = path;
    p->icc_ = bytes;
    p->transforms_ = std::make_unique<Transforms>();
    Transforms& t = *p->transforms_;
    t.cmyk.reset(cmsOpenProfileFromMem(p->icc_.data(), static_cast<cmsUInt32Number>(p->icc_.size())));
    if (!t.cmyk) throw QuireError(SourceSpan{path.string()}, "not an ICC profile");
    if (cmsGetColorSpace(t.cmyk.get()) != cmsSigCmykData)
        throw QuireError(SourceSpan{path.string()}, "the output profile is not a CMYK profile (PDF/X-4 needs the press's CMYK)");
    if (cmsGetDeviceClass(t.cmyk.get()) != cmsSigOutputClass)
        throw QuireError(SourceSpan{path.string()}, "the ICC profile is not an output (printer) profile");
    char desc[256] = {};
    cmsGetProfileInfoASCII(t.cmyk.get(), cmsInfoDescription, "en", "US", desc, sizeof desc);
    p->description_ = desc[0] ? desc : path.filename().string();
    char hash[17];
    p->icc_hash_ = digest_128(p->icc_).h1;
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(p->icc_hash_));
    t.identity = hash;
    return p;
}

std::shared_ptr<const CmykProfile> CmykProfile::default_profile() {
    static std::once_flag once;
    static std::shared_ptr<const CmykProfile> profile;
    std::call_once(once, [] {
        std::error_code ec;
        if (std::filesystem::exists(kDefaultCmykProfile, ec)) profile = load(kDefaultCmykProfile);
    });
    return profile;
}

void* CmykProfile::srgb() const {
    Transforms& t = *transforms_;
    std::call_once(t.srgb_once, [&] { t.srgb.reset(cmsCreate_sRGBProfile()); });
    if (!t.srgb) throw QuireError(SourceSpan{path_.string()}, "lcms2 cannot make its sRGB profile");
    return t.srgb.get();
}

Rgb CmykProfile::exact_to_rgb(const Cmyk& c) const {
    Transforms& t = *transforms_;
    std::call_once(t.to_rgb_once, [&] {
        t.to_rgb.reset(cmsCreateTransform(t.cmyk.get(), TYPE_CMYK_DBL, srgb(), TYPE_RGB_DBL, kIntent,
                                          kFlags | cmsFLAGS_NOOPTIMIZE | cmsFLAGS_NOCACHE));
    });
    if (!t.to_rgb) throw QuireError(SourceSpan{path_.string()}, "lcms2 cannot convert between sRGB and this profile");
    // lcms2's floating-point CMYK is in percent (0..100).
    const double in[4] = {c.c * 100, c.m * 100, c.y * 100, c.k * 100};
    double out[3] = {0, 0, 0};
    cmsDoTransform(t.to_rgb.get(), in, out, 1);
    return Rgb{std::clamp(out[0], 0.0, 1.0), std::clamp(out[1], 0.0, 1.0), std::clamp(out[2], 0.0, 1.0)};
}

// A swatch's screen colour: this run's memo, else the artefact cache (the profile's hash and the ink
// values, exact as hexadecimal floats, so a hit gives the very doubles the transform gives), else lcms2.
Rgb CmykProfile::to_rgb(const Cmyk& c) const {
    Transforms& t = *transforms_;
    const std::array<double, 4> ink{c.c, c.m, c.y, c.k};
    {
        std::lock_guard lock(t.memo_mutex);
        if (auto it = t.memo.find(ink); it != t.memo.end()) return it->second;
    }
    char key[160];
    std::snprintf(key, sizeof key, "%s %a %a %a %a", t.identity.c_str(), c.c, c.m, c.y, c.k);
    const std::string value = ArtefactCache::shared().get_or_make("cmyk-screen", key, [&] {
        const Rgb rgb = exact_to_rgb(c);
        char text[96];
        std::snprintf(text, sizeof text, "%a %a %a", rgb.r, rgb.g, rgb.b);
        return std::string(text);
    });
    Rgb rgb;
    if (std::sscanf(value.c_str(), "%la %la %la", &rgb.r, &rgb.g, &rgb.b) != 3) rgb = exact_to_rgb(c);  // a damaged entry
    std::lock_guard lock(t.memo_mutex);
    t.memo.emplace(ink, rgb);
    return rgb;
}

// The exact sRGB → CMYK transform, made at its first use (both the swatches' to_cmyk and the image
// table are sampled from it).
void* CmykProfile::exact_to_cmyk() const {
    Transforms& t = *transforms_;
    std::call_once(t.to_cmyk_once, [&] {
        t.to_cmyk.reset(cmsCreateTransform(srgb(), TYPE_RGB_DBL, t.cmyk.get(), TYPE_CMYK_DBL, kIntent,
                                           kFlags | cmsFLAGS_NOOPTIMIZE | cmsFLAGS_NOCACHE));
    });
    if (!t.to_cmyk) throw QuireError(SourceSpan{path_.string()}, "lcms2 cannot convert from sRGB to this profile");
    return t.to_cmyk.get();
}

Cmyk CmykProfile::to_cmyk(const Rgb& rgb) const {
    const double in[3] = {rgb.r, rgb.g, rgb.b};
    double out[4] = {0, 0, 0, 0};
    cmsDoTransform(exact_to_cmyk(), in, out, 1);
    auto unit = [](double v) { return std::clamp(std::round(v * 10) / 1000, 0.0, 1.0); };  // 0.1 % steps
    return Cmyk{unit(out[0]), unit(out[1]), unit(out[2]), unit(out[3])};
}

namespace {

void build_table(ImageTable& t, cmsHTRANSFORM exact) {
    constexpr int n = ImageTable::kGrid;
    std::vector<double> in(static_cast<std::size_t>(n) * n * n * 3);
    std::size_t i = 0;
    for (int r = 0; r < n; ++r)
        for (int g = 0; g < n; ++g)
            for (int b = 0; b < n; ++b) {
                in[i++] = r / double(n - 1);
                in[i++] = g / double(n - 1);
                in[i++] = b / double(n - 1);
            }
    std::vector<double> out(static_cast<std::size_t>(n) * n * n * 4);
    // One call: the unoptimised transform is safe to share between threads (made with NOCACHE).
    cmsDoTransform(exact, in.data(), out.data(), static_cast<cmsUInt32Number>(n * n * n));
    t.nodes.resize(out.size());
    for (std::size_t k = 0; k < out.size(); ++k)  // lcms2's floating-point CMYK is in percent
        t.nodes[k] = static_cast<std::int16_t>(std::lround(std::clamp(out[k], 0.0, 100.0) * 2.55 * ImageTable::kScale));
    t.stride[0] = n * n * 4;
    t.stride[1] = n * 4;
    t.stride[2] = 4;
    for (int c = 0; c < 3; ++c)
        for (int v = 0; v < 256; ++v) {
            // v on the grid: cell v·(n−1)/255 (exact in integers), place in it in 256ths.
            const int scaled = v * (n - 1);
            int cell = scaled / 255;
            int place = static_cast<int>(std::lround((scaled - cell * 255) * 256.0 / 255));
            if (cell == n - 1) {  // v = 255: the far corner of the last cell
                cell = n - 2;
                place = 256;
            }
            t.offset[c][static_cast<std::size_t>(v)] = cell * t.stride[c];
            t.frac[c][static_cast<std::size_t>(v)] = static_cast<std::int16_t>(place);
        }
}

// The tetrahedron a point of the cell falls in: its axes from the largest fraction to the smallest,
// indexed by (fr ≥ fg) << 2 | (fg ≥ fb) << 1 | (fr ≥ fb). Indices 1 and 6 cannot happen.
constexpr std::uint8_t kOrder[8][3] = {{2, 1, 0}, {0, 1, 2}, {1, 2, 0}, {1, 0, 2},
                                       {2, 0, 1}, {0, 2, 1}, {0, 1, 2}, {0, 1, 2}};

void apply_table(const ImageTable& t, const std::uint8_t* rgb, std::uint8_t* cmyk, std::size_t count, int limit,
                 CmykSamples samples) {
    const std::int16_t* nodes = t.nodes.data();
    const std::int32_t far = t.stride[0] + t.stride[1] + t.stride[2];
    for (std::size_t i = 0; i < count; ++i, rgb += 3, cmyk += 4) {
        const std::size_t r = rgb[0], g = rgb[1], b = rgb[2];
        const int f[3] = {t.frac[0][r], t.frac[1][g], t.frac[2][b]};
        const std::uint8_t* o = kOrder[(f[0] >= f[1]) << 2 | (f[1] >= f[2]) << 1 | (f[0] >= f[2])];
        const std::int16_t* c0 = nodes + t.offset[0][r] + t.offset[1][g] + t.offset[2][b];
        const std::int16_t* c1 = c0 + t.stride[o[0]];
        const std::int16_t* c2 = c1 + t.stride[o[1]];
        const std::int16_t* c3 = c0 + far;
        const int w0 = 256 - f[o[0]], w1 = f[o[0]] - f[o[1]], w2 = f[o[1]] - f[o[2]], w3 = f[o[2]];
        // ink = (Σ wᵢ·cᵢ + ½) / (256 · 64), rounded
        std::uint8_t px[4];
#if defined(__SSE2__)
        auto load = [](const std::int16_t* p) { return _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)); };
        const __m128i w01 = _mm_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(w1) << 16 | static_cast<std::uint32_t>(w0)));
        const __m128i w23 = _mm_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(w3) << 16 | static_cast<std::uint32_t>(w2)));
        __m128i sum = _mm_add_epi32(_mm_madd_epi16(_mm_unpacklo_epi16(load(c0), load(c1)), w01),
                                    _mm_madd_epi16(_mm_unpacklo_epi16(load(c2), load(c3)), w23));
        sum = _mm_srai_epi32(_mm_add_epi32(sum, _mm_set1_epi32(1 << 13)), 14);
        const __m128i bytes = _mm_packus_epi16(_mm_packs_epi32(sum, sum), sum);
        const int packed = _mm_cvtsi128_si32(bytes);
        std::memcpy(px, &packed, 4);
#else
        for (int k = 0; k < 4; ++k) {
            const int v = (w0 * c0[k] + w1 * c1[k] + w2 * c2[k] + w3 * c3[k] + (1 << 13)) >> 14;
            px[k] = static_cast<std::uint8_t>(std::clamp(v, 0, 255));
        }
#endif
        if (px[0] + px[1] + px[2] + px[3] > limit) {
            // Keep K (the image's detail) and take the chromatic inks down in proportion.
            const int cmy = px[0] + px[1] + px[2];
            const int room = std::max(0, limit - px[3]);
            for (int j = 0; j < 3; ++j) px[j] = static_cast<std::uint8_t>(cmy > 0 ? px[j] * room / cmy : 0);
        }
        if (samples == CmykSamples::AdobeInverted)
            for (int j = 0; j < 4; ++j) px[j] = static_cast<std::uint8_t>(255 - px[j]);
        std::memcpy(cmyk, px, 4);
    }
}

}  // namespace

void CmykProfile::rgb_to_cmyk_pixels(const std::uint8_t* rgb, std::uint8_t* cmyk, std::size_t count, double max_total,
                                     CmykSamples samples) const {
    Transforms& t = *transforms_;
    cmsHTRANSFORM exact = exact_to_cmyk();
    std::call_once(t.pixels_once, [&] { build_table(t.pixels, exact); });
    const int limit = static_cast<int>(std::lround(std::clamp(max_total, 1.0, 4.0) * 255));
    apply_table(t.pixels, rgb, cmyk, count, limit, samples);
}

Cmyk neutral_to_k(const Rgb& rgb) {
    const double grey = (rgb.r + rgb.g + rgb.b) / 3;
    return Cmyk{0, 0, 0, std::clamp(std::round((1 - grey) * 1000) / 1000, 0.0, 1.0)};
}

}  // namespace quire::style
