#include "render/render_png.hpp"

#include "core/output_file.hpp"
#include "render/draw.hpp"
#include "render/flat_palette.hpp"
#include "render/jpeg_encode.hpp"
#include "render/png_write.hpp"
#include "render/render.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace quire::render {

namespace {
using CairoSurface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Cairo = Handle<cairo_t, cairo_destroy>;

// Page `index` drawn on an RGB image `margin` points around the trim on every side, at `scale`.
CairoSurface draw_page(const page::PageDocument& doc, std::size_t index, double scale, double margin,
                       DrawResources& resources) {
    const style::PageGeometry& g = doc.geometry;
    const int width = static_cast<int>(std::lround((g.trim.width.pt() + 2 * margin) * scale));
    const int height = static_cast<int>(std::lround((g.trim.height.pt() + 2 * margin) * scale));
    CairoSurface surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)};
    Cairo cr{cairo_create(surface.get())};
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    cairo_translate(cr.get(), margin, margin);
    // Font hinting off: page images show the PDF's shapes, not the screen's.
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr.get(), fo);
    cairo_font_options_destroy(fo);
    draw_items(cr.get(), doc.pages[index], Target::Raster, scale, resources);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{}, std::string("cairo could not draw page ") + doc.pages[index].label + ": " +
                                           cairo_status_to_string(cairo_status(cr.get())));
    return surface;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check_page(const page::PageDocument& doc, std::size_t page) {
    if (page >= doc.pages.size())
        throw QuireError(SourceSpan{}, "no page " + std::to_string(page + 1) + " to draw (the document has " +
                                           std::to_string(doc.pages.size()) + ")");
}

}  // namespace

std::vector<std::filesystem::path> render_png(const page::PageDocument& doc, const PngOptions& options,
                                              const std::filesystem::path& dir, const std::string& stem) {
    const style::PageGeometry& g = doc.geometry;
    const double scale = options.dpi / 72.0;
    // The area shown, from the trim's origin outwards.
    double margin = 0;
    if (options.area == PngArea::Bleed) margin = g.bleed.pt();
    if (options.area == PngArea::Media) margin = g.trim_offset().pt();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw QuireError(SourceSpan{dir.string()}, "cannot create the folder: " + ec.message());
    std::vector<std::filesystem::path> written;
    DrawResources resources;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const CairoSurface surface = draw_page(doc, i, scale, margin, resources);
        const std::filesystem::path target = dir / (stem + "-" + std::to_string(i + 1) + ".png");
        write_surface_png(surface.get(), target);
        written.push_back(target);
    }
    return written;
}

std::string render_page_png(const page::PageDocument& doc, std::size_t page, double scale) {
    check_page(doc, page);
    DrawResources resources;
    const CairoSurface surface = draw_page(doc, page, scale, 0, resources);
    // A page of a few flat colours (the EPUB's drawn cover) as a palette PNG: smaller, and quicker
    // to write than libpng's RGB (render/flat_palette.hpp).
    if (const auto colours = flat_colours(doc.pages[page], doc.geometry))
        if (auto png = flat_palette_png(surface.get(), *colours)) return std::move(*png);
    // cairo's PNG writer (libpng) stamps no time: the same pixels give the same bytes.
    std::string png;
    const cairo_status_t st = cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png);
    if (st != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{}, std::string("cannot encode the page image: ") + cairo_status_to_string(st));
    return png;
}

std::string render_page_jpeg(const page::PageDocument& doc, std::size_t page, double scale, int quality) {
    check_page(doc, page);
    DrawResources resources;
    const CairoSurface surface = draw_page(doc, page, scale, 0, resources);
    cairo_surface_flush(surface.get());
    const int width = cairo_image_surface_get_width(surface.get());
    const int height = cairo_image_surface_get_height(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    // Cairo's RGB24 is a native-endian 0x00RRGGBB word: B, G, R, X in memory on little-endian
    // machines, which libjpeg-turbo reads as JCS_EXT_BGRX (stack-notes).
    const JpegSamples samples = std::endian::native == std::endian::little ? JpegSamples::Bgrx : JpegSamples::Xrgb;
    return encode_jpeg(JpegPixels{data, width, height, stride, samples}, quality);
}

}  // namespace quire::render
