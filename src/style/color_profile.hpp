// Colour management with Little CMS 2 (lcms2, Debian liblcms2-dev): the CMYK output profile of the
// press PDF (the printer's, named in the publication profile, or a free default), and the
// conversions between it and sRGB that the press PDF (RGB → CMYK) and the screen outputs (CMYK
// swatches → RGB for page images, proofs and the EPUB) share. Documented in docs/press.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace quire::style {

// Process colour, each component 0..1 (100 % = 1).
struct Cmyk {
    double c = 0, m = 0, y = 0, k = 0;
    bool operator==(const Cmyk&) const = default;
    double total() const { return c + m + y + k; }  // total area coverage, 1 = 100 %
    bool k_only() const { return c == 0 && m == 0 && y == 0; }
};

// How CMYK samples are stored: 255 = full ink, or Adobe's inverted convention (255 = no ink) that
// CMYK JPEGs with the Adobe marker use.
enum class CmykSamples { Ink, AdobeInverted };

struct Rgb {
    double r = 0, g = 0, b = 0;
};

// Ghostscript's free CMYK profile (package libgs-common): the default output intent when the
// publication names no printer's profile. No FOGRA profile is packaged in Debian (stack-notes).
inline constexpr const char* kDefaultCmykProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

// A CMYK output profile with its transforms to and from sRGB (lcms2's built-in sRGB). Rendering
// intent: relative colorimetric with black-point compensation (the usual choice for photographs
// going to a press profile; ISO 12647 practice).
class CmykProfile {
public:
    // Throws QuireError naming the file if it cannot be read or is not an output CMYK profile.
    static std::shared_ptr<const CmykProfile> load(const std::filesystem::path& path);
    // kDefaultCmykProfile, loaded once; nullptr if it is not installed.
    static std::shared_ptr<const CmykProfile> default_profile();

    ~CmykProfile();
    CmykProfile(const CmykProfile&) = delete;
    CmykProfile& operator=(const CmykProfile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    const std::string& icc() const { return icc_; }            // the profile's bytes (to embed)
    // A digest of icc() (core/digest.hpp), hashed once at load: the press images' cache keys name the profile by it,
    // and hashing its 187 kB at each use cost 1.1 M instructions a time (issue 17).
    std::uint64_t icc_hash() const { return icc_hash_; }
    const std::string& description() const { return description_; }

    // One colour each way (unoptimised transforms: exact). to_rgb (a CMYK swatch's screen colour, for
    // every layout load) is kept between runs in the artefact cache ("cmyk-screen", keyed by the
    // profile's bytes and the inks), so a warm run makes no transform. Both are safe from any thread.
    Rgb to_rgb(const Cmyk& cmyk) const;
    Cmyk to_cmyk(const Rgb& rgb) const;

    // `count` pixels of 8-bit RGB to 8-bit CMYK (a table of the exact transform, made on first use and
    // interpolated: within a few levels of it, as lcms2's own optimised transform), then each pixel's
    // total ink held to `max_total` (1 = 100 %) by taking C, M and Y down in proportion. Safe to call
    // from several threads at once.
    void rgb_to_cmyk_pixels(const std::uint8_t* rgb, std::uint8_t* cmyk, std::size_t count, double max_total,
                            CmykSamples samples = CmykSamples::Ink) const;

private:
    CmykProfile() = default;
    struct Transforms;
    void* exact_to_cmyk() const;  // lcms2's cmsHTRANSFORM (a void*), kept out of this header
    void* srgb() const;           // lcms2's sRGB profile (a cmsHPROFILE), made at first use
    Rgb exact_to_rgb(const Cmyk& cmyk) const;  // lcms2, without the cache
    std::filesystem::path path_;
    std::string icc_;
    std::uint64_t icc_hash_ = 0;
    std::string description_;
    std::unique_ptr<Transforms> transforms_;
};

// A neutral RGB grey (r = g = b) as black ink only: the darkness 1 − grey as K (a grey the layout
// gives as #rrggbb prints on the black plate alone, never as four-colour grey).
Cmyk neutral_to_k(const Rgb& rgb);

}  // namespace quire::style
