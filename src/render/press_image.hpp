// The press PDF's photographs: an RGB JPEG becomes a CMYK JPEG in the output intent's profile
// (render/press_color.hpp calls this for every DeviceRGB DCT image of Cairo's PDF; docs/press.md).
//
// The work — decode (libjpeg-turbo), RGB → CMYK (style::CmykProfile's table of the profile), encode
// (render/jpeg_encode.hpp, YCCK) — depends on the image's bytes, the profile and the ink limit, not on
// the layout: `prepare_press_images` starts it for an article's figures on a second thread before
// the text is typeset, and the post-pass takes the result (or, for an image nobody prepared, does
// the same work itself). Either way the bytes are the same.
//
//   render::prepare_press_images(loaded);   // before laying out
//   … lay out, draw; post_pass → press_color → press_image_for(jpeg, key, …)
#pragma once

#include "model/article_xml.hpp"
#include "render/render.hpp"
#include "style/color_profile.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace quire::render {

// Quality of the CMYK JPEGs: 90 (45.9 dB PSNR against the unencoded plates on the example's photo;
// docs/press.md has the measurements behind it).
inline constexpr int kPressJpegQuality = 90;

// The profile of an output intent (empty path: the default), loaded once per process and shared.
// Throws QuireError as press_settings says (render/press_pdf.hpp).
std::shared_ptr<const style::CmykProfile> press_profile(const OutputIntent& intent);

// The artefact-cache key of one image's conversion: every input (the encoded bytes by a 128-bit
// digest and their size, the pixel size, the profile's bytes by CmykProfile::icc_hash, the ink
// limit, the encoding's version).
std::string press_image_key(std::string_view encoded, bool jpeg, long long width, long long height,
                            std::uint64_t profile_hash, double max_ink);

// An RGB (YCbCr or Adobe RGB) JPEG as a CMYK JPEG (YCCK, Adobe-inverted samples). nullopt when the
// JPEG is not 3-component 8-bit or its size is not width × height. Throws QuireError on corrupt data.
std::optional<std::string> convert_jpeg_to_cmyk(std::string_view jpeg, long long width, long long height,
                                                const style::CmykProfile& profile, double max_ink);

// Starts converting the article's figures (lead and body; RGB JPEGs only) for the press on a second
// thread, for the intent the publication names (output_intent_for; its warning is left to the
// caller that renders). Never throws: a figure that cannot be read is left to the layout to report.
void prepare_press_images(const model::LoadedArticle& loaded, double max_ink = PdfOptions{}.max_ink);

// The prepared conversion for `key` (waiting for it if it is still running), else nullopt. A
// failure in the preparation gives nullopt (the caller then does the work and reports the error).
std::optional<std::string> take_prepared_press_image(const std::string& key);

}  // namespace quire::render
