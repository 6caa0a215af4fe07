#include "style/color_profile.hpp"

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"

#include <lcms2.h>

#include <algorithm>
#include <cmath>
#include <mutex>

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

struct CmykProfile::Transforms {
    ProfileHandle cmyk;
    ProfileHandle srgb;
    TransformHandle to_rgb;    // double CMYK (0..100) → double RGB (0..1), unoptimised
    // double RGB → double CMYK, unoptimised: made at its first use (only the press PDF converts this
    // way; the EPUB and the layout's CMYK swatches need to_rgb alone, and each transform costs a few
    // ms of every run: black-point detection, issue 17).
    mutable std::once_flag to_cmyk_once;
    mutable TransformHandle to_cmyk;
    mutable std::once_flag pixels_once;
    mutable TransformHandle pixels;  // 8-bit RGB → 8-bit CMYK, optimised (a precomputed table)
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
    t.srgb.reset(cmsCreate_sRGBProfile());
    t.to_rgb.reset(cmsCreateTransform(t.cmyk.get(), TYPE_CMYK_DBL, t.srgb.get(), TYPE_RGB_DBL, kIntent,
                                      kFlags | cmsFLAGS_NOOPTIMIZE | cmsFLAGS_NOCACHE));
    if (!t.to_rgb)
        throw QuireError(SourceSpan{path.string()}, "lcms2 cannot convert between sRGB and this profile");
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

Rgb CmykProfile::to_rgb(const Cmyk& c) const {
    // lcms2's floating-point CMYK is in percent (0..100).
    const double in[4] = {c.c * 100, c.m * 100, c.y * 100, c.k * 100};
    double out[3] = {0, 0, 0};
    cmsDoTransform(transforms_->to_rgb.get(), in, out, 1);
    return Rgb{std::clamp(out[0], 0.0, 1.0), std::clamp(out[1], 0.0, 1.0), std::clamp(out[2], 0.0, 1.0)};
}

Cmyk CmykProfile::to_cmyk(const Rgb& rgb) const {
    Transforms& t = *transforms_;
    std::call_once(t.to_cmyk_once, [&] {
        t.to_cmyk.reset(cmsCreateTransform(t.srgb.get(), TYPE_RGB_DBL, t.cmyk.get(), TYPE_CMYK_DBL, kIntent,
                                           kFlags | cmsFLAGS_NOOPTIMIZE | cmsFLAGS_NOCACHE));
    });
    if (!t.to_cmyk) throw QuireError(SourceSpan{path_.string()}, "lcms2 cannot convert from sRGB to this profile");
    const double in[3] = {rgb.r, rgb.g, rgb.b};
    double out[4] = {0, 0, 0, 0};
    cmsDoTransform(t.to_cmyk.get(), in, out, 1);
    auto unit = [](double v) { return std::clamp(std::round(v * 10) / 1000, 0.0, 1.0); };  // 0.1 % steps
    return Cmyk{unit(out[0]), unit(out[1]), unit(out[2]), unit(out[3])};
}

void CmykProfile::rgb_to_cmyk_pixels(const std::uint8_t* rgb, std::uint8_t* cmyk, std::size_t count,
                                     double max_total) const {
    Transforms& t = *transforms_;
    std::call_once(t.pixels_once, [&] {
        t.pixels.reset(cmsCreateTransform(t.srgb.get(), TYPE_RGB_8, t.cmyk.get(), TYPE_CMYK_8, kIntent, kFlags));
    });
    if (!t.pixels) throw QuireError(SourceSpan{path_.string()}, "lcms2 cannot make the RGB to CMYK image transform");
    // lcms2 takes a 32-bit pixel count: convert in slices.
    const std::size_t slice = 1u << 24;
    for (std::size_t done = 0; done < count; done += slice) {
        const std::size_t n = std::min(slice, count - done);
        cmsDoTransform(t.pixels.get(), rgb + 3 * done, cmyk + 4 * done, static_cast<cmsUInt32Number>(n));
    }
    const int limit = static_cast<int>(std::lround(std::clamp(max_total, 1.0, 4.0) * 255));
    if (limit >= 4 * 255) return;
    for (std::size_t i = 0; i < count; ++i) {
        std::uint8_t* p = cmyk + 4 * i;
        const int total = p[0] + p[1] + p[2] + p[3];
        if (total <= limit) continue;
        // Keep K (the image's detail) and take the chromatic inks down in proportion.
        const int cmy = p[0] + p[1] + p[2];
        const int room = std::max(0, limit - p[3]);
        for (int j = 0; j < 3; ++j) p[j] = static_cast<std::uint8_t>(cmy > 0 ? p[j] * room / cmy : 0);
    }
}

Cmyk neutral_to_k(const Rgb& rgb) {
    const double grey = (rgb.r + rgb.g + rgb.b) / 3;
    return Cmyk{0, 0, 0, std::clamp(std::round((1 - grey) * 1000) / 1000, 0.0, 1.0)};
}

}  // namespace quire::style
