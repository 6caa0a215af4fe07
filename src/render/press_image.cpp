#include "render/press_image.hpp"

#include "core/artefact_cache.hpp"
#include "core/digest.hpp"
#include "core/diagnostic.hpp"
#include "core/huge_pages.hpp"
#include "core/input_file.hpp"
#include "page/jpeg_error.hpp"
#include "render/jpeg_encode.hpp"
#include "render/press_pdf.hpp"

#include <jpeglib.h>

#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <sstream>
#include <vector>

namespace quire::render {

using page::JpegError;
using page::jpeg_error_exit;

namespace {

std::mutex& registry_mutex() {
    static std::mutex m;
    return m;
}

// Conversions started by prepare_press_images, by press_image_key.
std::map<std::string, std::shared_future<std::optional<std::string>>>& prepared() {
    static std::map<std::string, std::shared_future<std::optional<std::string>>> futures;
    return futures;
}

struct JpegHeader {
    long long width = 0, height = 0;
    int components = 0;
};

std::optional<JpegHeader> jpeg_header(std::string_view bytes) {
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_error_exit;
    err.mgr.output_message = [](j_common_ptr) {};
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return std::nullopt;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    const JpegHeader h{cinfo.image_width, cinfo.image_height, cinfo.num_components};
    jpeg_destroy_decompress(&cinfo);
    return h;
}

std::optional<std::string> read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    if (!in && !in.eof()) return std::nullopt;
    return std::move(s).str();
}

}  // namespace

std::shared_ptr<const style::CmykProfile> press_profile(const OutputIntent& intent) {
    if (intent.profile.empty()) {
        auto profile = style::CmykProfile::default_profile();
        if (!profile)
            throw QuireError(SourceSpan{style::kDefaultCmykProfile},
                             "the default CMYK output profile is not installed (Debian package libgs-common); "
                             "install it or name the printer's profile in the publication's <output-intent>");
        return profile;
    }
    // Loading a profile makes its transforms (black-point detection included): once a process.
    static std::mutex m;
    static std::map<std::filesystem::path, std::shared_ptr<const style::CmykProfile>> loaded;
    std::lock_guard lock(m);
    auto& slot = loaded[intent.profile];
    if (!slot) slot = style::CmykProfile::load(intent.profile);
    return slot;
}

std::string press_image_key(std::string_view encoded, bool jpeg, long long width, long long height,
                            std::uint64_t profile_hash, double max_ink) {
    // v2: the interpolated table and YCCK at quality 90 (v1: lcms2's 8-bit transform, CMYK at 92).
    // The bytes by one 128-bit digest (core/digest.hpp) in one pass: two FNV-1a passes were 3.2 M
    // instructions per key of the example's photo, and the key is made twice (prepare and take).
    char key[256];
    std::snprintf(key, sizeof key, "v2 %s %lldx%lld %zu m3 %s profile %016llx ink %.3f q%d", jpeg ? "jpeg" : "raw",
                  width, height, encoded.size(), digest_128(encoded).hex().c_str(),
                  static_cast<unsigned long long>(profile_hash), max_ink, jpeg ? kPressJpegQuality : 0);
    return key;
}

std::optional<std::string> convert_jpeg_to_cmyk(std::string_view jpeg, long long width, long long height,
                                                const style::CmykProfile& profile, double max_ink) {
    // Decoded, converted and encoded a band of rows at a time (the encoder asks for the bands): the
    // photo is never whole in memory, in RGB or in CMYK (a 2261 × 1272 photo was 8.6 + 11.5 MB,
    // zeroed and then written: a fifth of a cold `quire pdf`'s time went to page faults and memset).
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_error_exit;
    err.mgr.output_message = [](j_common_ptr) {};  // warnings (corrupt data) are not ours to print
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        throw QuireError(SourceSpan{}, std::string("cannot decode an RGB image for the press: ") + err.message);
    }
    jpeg_create_decompress(&cinfo);
    cinfo.mem->max_memory_to_use = 256L << 20;  // as render/image_surface.cpp: bounded for progressive files
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(jpeg.data()), static_cast<unsigned long>(jpeg.size()));
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.num_components != 3 || cinfo.data_precision != 8 || cinfo.image_width != width ||
        cinfo.image_height != height) {
        jpeg_destroy_decompress(&cinfo);
        return std::nullopt;
    }
    cinfo.out_color_space = JCS_RGB;
    cinfo.dct_method = JDCT_ISLOW;  // exact, as every reader's default (and qpdf's, which did this before)
    jpeg_start_decompress(&cinfo);

    const std::size_t row = static_cast<std::size_t>(width) * 3;
    std::vector<std::uint8_t> rgb(row * kJpegBandRows);
    std::string decode_error;
    auto fill = [&](unsigned char* band, int /*first_row*/, int rows) {
        // A decoding error inside the encoder's loop comes back here (never through the encoder's
        // frames): the band is left as it is and the error thrown once the encoder has finished.
        if (setjmp(err.jump)) {
            if (decode_error.empty()) decode_error = err.message;
            return;
        }
        if (!decode_error.empty()) return;
        int done = 0;
        while (done < rows) {
            JSAMPROW rows_out[kJpegBandRows];
            const int n = rows - done;
            for (int i = 0; i < n; ++i) rows_out[i] = rgb.data() + static_cast<std::size_t>(done + i) * row;
            const JDIMENSION got = jpeg_read_scanlines(&cinfo, rows_out, static_cast<JDIMENSION>(n));
            if (got == 0) break;  // cannot happen with a memory source; never spin
            done += static_cast<int>(got);
        }
        profile.rgb_to_cmyk_pixels(rgb.data(), band, static_cast<std::size_t>(width) * static_cast<std::size_t>(done),
                                   max_ink, style::CmykSamples::AdobeInverted);
    };
    std::string encoded = encode_jpeg_bands(static_cast<int>(width), static_cast<int>(height),
                                            JpegSamples::CmykAdobeInverted, kPressJpegQuality, fill);
    if (decode_error.empty()) {
        if (setjmp(err.jump) == 0) jpeg_finish_decompress(&cinfo);  // trailing garbage: not worth an error
    }
    jpeg_destroy_decompress(&cinfo);
    if (!decode_error.empty())
        throw QuireError(SourceSpan{}, "cannot decode an RGB image for the press: " + decode_error);
    return encoded;
}

void prepare_press_images(const model::LoadedArticle& loaded, double max_ink) {
    std::vector<std::filesystem::path> files;
    auto add = [&](const model::Figure& f) {
        try {
            files.push_back(resolve_inside(loaded.folder, f.src, f.where));
        } catch (const std::exception&) {
            // the layout reports it
        }
    };
    if (loaded.article.lead_figure) add(*loaded.article.lead_figure);
    for (const model::Block& b : loaded.article.body)
        if (b.kind == model::BlockKind::FigureBlock) add(b.figure);
    if (files.empty()) return;
    std::shared_ptr<const style::CmykProfile> profile;
    try {
        Diagnostics unreported;
        profile = press_profile(output_intent_for(loaded.publication ? &*loaded.publication : nullptr, unreported));
    } catch (const std::exception&) {
        return;  // press_settings reports it
    }
    for (const auto& file : files) {
        auto bytes = read_whole(file);
        if (!bytes) continue;
        const auto header = jpeg_header(*bytes);
        if (!header || header->components != 3) continue;
        const std::string key =
            press_image_key(*bytes, true, header->width, header->height, profile->icc_hash(), max_ink);
        std::lock_guard lock(registry_mutex());
        if (prepared().count(key)) continue;
        // A second thread: the conversion does not wait for the text, and the text does not wait for it.
        prepared()[key] = std::async(std::launch::async, [bytes = std::move(*bytes), header = *header, profile, max_ink,
                                                          key]() -> std::optional<std::string> {
                              core::back_thread_heap_with_huge_pages();
                              try {
                                  if (auto hit = ArtefactCache::shared().get("press-image", key)) return hit;
                                  auto converted = convert_jpeg_to_cmyk(bytes, header.width, header.height, *profile, max_ink);
                                  if (converted) ArtefactCache::shared().put("press-image", key, *converted);
                                  return converted;
                              } catch (const std::exception&) {
                                  return std::nullopt;
                              }
                          }).share();
    }
}

std::optional<std::string> take_prepared_press_image(const std::string& key) {
    std::shared_future<std::optional<std::string>> future;
    {
        std::lock_guard lock(registry_mutex());
        const auto it = prepared().find(key);
        if (it == prepared().end()) return std::nullopt;
        future = it->second;
    }
    return future.get();
}

}  // namespace quire::render
