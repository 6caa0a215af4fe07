#include "render/barcode.hpp"

#include "core/diagnostic.hpp"
#include "core/handle.hpp"
#include "core/resources.hpp"
#include "model/publication.hpp"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <zint.h>

#include <algorithm>
#include <cstring>

namespace quire::render {

namespace {

using ZintSymbol = Handle<zint_symbol, ZBarcode_Delete>;
using CairoFontFace = Handle<cairo_font_face_t, cairo_font_face_destroy>;
using FcPatternHandle = Handle<FcPattern, FcPatternDestroy>;

bool all_digits(const std::string& s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The 12 digits before the check digit: "977" + the ISSN's first 7 + the sequence.
std::string ean12(const std::string& issn, const std::string& sequence) {
    if (!model::is_valid_issn(issn))
        throw QuireError(SourceSpan{}, "\"" + issn + "\" is not a valid ISSN (NNNN-NNNC with the ISO 3297 check digit)");
    if (!all_digits(sequence, 2))
        throw QuireError(SourceSpan{}, "the ISSN barcode's price/sequence code \"" + sequence + "\" is not 2 digits");
    return "977" + issn.substr(0, 4) + issn.substr(5, 3) + sequence;
}

// The nominal X-dimension, 0.33 mm (GS1: EAN-13 at 100 % magnification).
constexpr double kModulePt = 0.33 * 72.0 / 25.4;
// libzint's vector output draws one module as 2 units (at scale 1).
constexpr double kUnitPt = kModulePt / 2.0;
// Bar height of a nominal EAN-13, 22.85 mm (GS1), in modules: libzint's `height` is in modules.
constexpr float kBarHeightModules = static_cast<float>(22.85 / 0.33);

}  // namespace

std::string issn_ean13(const std::string& issn, const std::string& sequence) {
    const std::string digits = ean12(issn, sequence);
    // EAN check digit: weights 1, 3, 1, 3 … from the left over the first 12 digits.
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return digits + static_cast<char>('0' + (10 - sum % 10) % 10);
}

BarcodeShapes issn_barcode(const std::string& issn, const std::string& addon, const std::string& sequence) {
    const std::string digits = ean12(issn, sequence);
    if (!addon.empty() && !all_digits(addon, 2))
        throw QuireError(SourceSpan{}, "the ISSN barcode's add-on \"" + addon + "\" is not 2 digits (the issue number)");
    const std::string data = addon.empty() ? digits : digits + "+" + addon;  // libzint adds the check digit

    ZintSymbol symbol{ZBarcode_Create()};
    if (!symbol) throw QuireError(SourceSpan{}, "libzint could not allocate a symbol");
    symbol->symbology = BARCODE_EANX;
    symbol->height = kBarHeightModules;
    symbol->show_hrt = 1;
    const int encoded = ZBarcode_Encode(symbol.get(), reinterpret_cast<const unsigned char*>(data.data()),
                                        static_cast<int>(data.size()));
    if (encoded >= ZINT_ERROR) throw QuireError(SourceSpan{}, "libzint refused \"" + data + "\": " + symbol->errtxt);
    if (ZBarcode_Buffer_Vector(symbol.get(), 0) >= ZINT_ERROR || !symbol->vector)
        throw QuireError(SourceSpan{}, std::string("libzint could not make the barcode's vectors: ") + symbol->errtxt);

    BarcodeShapes shapes;
    shapes.data = reinterpret_cast<const char*>(symbol->text);
    shapes.width = symbol->vector->width * kUnitPt;
    shapes.height = symbol->vector->height * kUnitPt;
    for (const zint_vector_rect* r = symbol->vector->rectangles; r; r = r->next) {
        if (r->colour != -1) continue;  // only foreground bars; the background is drawn whole
        shapes.bars.push_back(Rect{Length::pt(r->x * kUnitPt), Length::pt(r->y * kUnitPt),
                                   Length::pt(r->width * kUnitPt), Length::pt(r->height * kUnitPt)});
    }
    for (const zint_vector_string* s = symbol->vector->strings; s; s = s->next) {
        // halign 0 centre, 1 left, 2 right of x; `width` is libzint's suggested extent.
        double centre = s->x;
        if (s->halign == 1) centre += s->width / 2.0;
        if (s->halign == 2) centre -= s->width / 2.0;
        shapes.texts.push_back(BarcodeShapes::Text{centre * kUnitPt, s->y * kUnitPt, s->fsize * kUnitPt,
                                                   std::string(reinterpret_cast<const char*>(s->text),
                                                               static_cast<std::size_t>(s->length))});
    }
    return shapes;
}

void draw_barcode(cairo_t* cr, const BarcodeShapes& shapes, const Rect& box, text::FontCollection* fonts) {
    if (shapes.width <= 0 || shapes.height <= 0) return;
    const double k = std::min(box.width.pt() / shapes.width, box.height.pt() / shapes.height);
    cairo_save(cr);
    cairo_translate(cr, box.x.pt(), box.y.pt());
    cairo_scale(cr, k, k);
    // The light background: quiet zones must stay light whatever lies under the barcode.
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, 0, 0, shapes.width, shapes.height);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const Rect& r : shapes.bars) cairo_rectangle(cr, r.x.pt(), r.y.pt(), r.width.pt(), r.height.pt());
    cairo_fill(cr);

    // The digits: Inter from the caller's collection (its Font owns the FT_Face and outlives the
    // surface), else Inter opened by Cairo from fonts/ through a fontconfig pattern naming the file,
    // so that Cairo owns the face for as long as the surface needs it (fonts are subset at finish).
    CairoFontFace face;
    if (fonts) {
        const text::Font& inter = fonts->get("Inter", 400, text::Slant::Upright);
        face.reset(cairo_ft_font_face_create_for_ft_face(inter.cairo_ft_face(), 0));
    } else {
        FcPatternHandle pattern{FcPatternCreate()};
        const std::string file = (fonts_dir() / "inter" / "Inter-Regular.otf").string();
        FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
        FcPatternAddInteger(pattern.get(), FC_INDEX, 0);
        face.reset(cairo_ft_font_face_create_for_pattern(pattern.get()));
    }
    if (cairo_font_face_status(face.get()) != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{}, "the barcode's font (Inter) could not be opened");
    cairo_set_font_face(cr, face.get());
    for (const BarcodeShapes::Text& t : shapes.texts) {
        cairo_set_font_size(cr, t.size);
        cairo_text_extents_t extents;
        cairo_text_extents(cr, t.text.c_str(), &extents);
        cairo_move_to(cr, t.x - extents.x_advance / 2.0, t.y);
        cairo_show_text(cr, t.text.c_str());
    }
    cairo_restore(cr);
}

}  // namespace quire::render
