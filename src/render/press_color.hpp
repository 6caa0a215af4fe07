// Colour conversion of Cairo's PDF for the press (render/press_pdf.hpp; docs/press.md).
//
// Content streams: Cairo writes every solid colour as "r g b rg" / "RG" (DeviceRGB). Each such triple
// goes back to the CMYK swatch it was drawn from (the document's colours, matched on the RGB Cairo
// wrote, to within Cairo's 6-digit precision) and is written as "c m y k k" / "K". A colour that is
// no swatch: a neutral grey becomes black ink only, any other goes through the profile (lcms2).
// Only Cairo's streams are rewritten: page contents and the form XObjects they use, except forms
// marked /QuireSupplied true (supplied pages placed by a later pass keep their own colour).
//
// Images: DeviceRGB image XObjects become DeviceCMYK through the profile (relative colorimetric,
// black-point compensation), total ink held to the limit; JPEGs stay JPEGs (CMYK, Adobe-inverted
// with the /Decode that says so), others are stored losslessly. Results are kept in the artefact cache.
#pragma once

#include "style/color_profile.hpp"
#include "style/layout.hpp"

#include <string>
#include <string_view>
#include <vector>

class QPDF;

namespace quire::render {

// The CMYK a DeviceRGB triple written by Cairo stands for.
class SwatchMap {
public:
    SwatchMap(const std::vector<style::Color>& swatches, const style::CmykProfile& profile);
    style::Cmyk cmyk(double r, double g, double b) const;

private:
    struct Entry {
        style::Rgb rgb;
        style::Cmyk cmyk;
    };
    std::vector<Entry> entries_;
    const style::CmykProfile& profile_;
};

// Who cuts a content stream into tokens: quire's scanner (render/content_scanner.hpp), which hands
// what it does not model to qpdf, or qpdf's tokenizer for all (the tests compare the two).
enum class ContentTokens { Own, Qpdf };

// Rewrites one content stream's text: DeviceRGB and DeviceGray colour operators to DeviceCMYK.
std::string cmyk_content(std::string_view content, const SwatchMap& swatches, ContentTokens how = ContentTokens::Own);

// How many threads rewrite the pages' content streams (the calling one and count − 1 more).
struct ColourWorkers {
    int count = 2;
};

// Rewrites the colour of every page's content, Cairo's forms and images, in place.
void convert_document_colour(QPDF& pdf, const SwatchMap& swatches, const style::CmykProfile& profile, double max_ink,
                             const ColourWorkers& workers = {});

// Adds crop marks in the registration colour (/Separation /All) to every page.
void add_registration_crop_marks(QPDF& pdf, const style::PageGeometry& geometry);

}  // namespace quire::render
