// Test PDFs made on the spot with Cairo (and qpdf for the print boxes cairo cannot write), so that
// the proof checks are tested on known pages without depending on the print engine.
#pragma once

#include "core/handle.hpp"
#include "core/length.hpp"
#include "core/resources.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace quire::proof::test {

namespace fs = std::filesystem;

struct FixtureImage {
    int width_px = 100, height_px = 100;
    Rect placed;  // points from the top left of the page
};

struct FixturePage {
    std::vector<std::string> lines;        // set from (left, top) down, 10 pt on 14 pt
    Length left = Length::mm(23), top = Length::mm(25);
    std::optional<FixtureImage> image;
    std::optional<Rect> filled_box;        // a black rectangle, for raster tests

    static FixturePage text(std::vector<std::string> lines) {
        FixturePage p;
        p.lines = std::move(lines);
        return p;
    }
};

// The bundled Vollkorn, opened once for the process: cairo's toy API ("serif") would go through
// fontconfig, whose cached patterns LeakSanitizer reports at exit; the bundled face also makes the
// pages the same on every machine.
inline cairo_font_face_t* fixture_font() {
    static cairo_font_face_t* face = [] {
        static FT_Library library = nullptr;
        static FT_Face ft_face = nullptr;
        FT_Init_FreeType(&library);
        const std::string file = (fonts_dir() / "vollkorn" / "Vollkorn-Regular.ttf").string();
        FT_New_Face(library, file.c_str(), 0, &ft_face);
        return cairo_ft_font_face_create_for_ft_face(ft_face, 0);
    }();
    return face;
}

// Page geometry: trim 170 × 240 mm with 3 mm bleed; the MediaBox is the bleed box.
inline Length bleed() { return Length::mm(3); }
inline Size media_size() { return Size{Length::mm(176), Length::mm(246)}; }

// A unique scratch folder per test process.
inline fs::path scratch_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("quire-proof-test-" + std::to_string(::getpid())) / name;
    fs::create_directories(dir);
    return dir;
}

enum class WithBoxes { Yes, No };

// Writes TrimBox and BleedBox on every page with qpdf (cairo has no API for them).
// `slug` is left outside the BleedBox (a proof stamp's place).
inline void add_boxes(const fs::path& pdf_path, Length slug = Length::pt(0)) {
    const fs::path tmp = pdf_path.string() + ".boxed";
    {
        QPDF pdf;
        pdf.processFile(pdf_path.c_str());
        const double w = media_size().width.pt(), h = media_size().height.pt(), s = slug.pt(), b = bleed().pt() + s;
        for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            page.getObjectHandle().replaceKey("/TrimBox",
                QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(b, b, w - b, h - b)));
            page.getObjectHandle().replaceKey("/BleedBox",
                QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(s, s, w - s, h - s)));
        }
        QPDFWriter writer(pdf, tmp.c_str());
        writer.setDeterministicID(true);
        writer.write();
    }
    fs::rename(tmp, pdf_path);
}

inline void make_pdf(const fs::path& path, const std::vector<FixturePage>& pages, WithBoxes boxes = WithBoxes::Yes,
                     Length slug = Length::pt(0)) {
    using Surface = Handle<cairo_surface_t, cairo_surface_destroy>;
    using Context = Handle<cairo_t, cairo_destroy>;
    {
        Surface surface{cairo_pdf_surface_create(path.c_str(), media_size().width.pt(), media_size().height.pt())};
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2022-01-17T00:00:00Z");
        Context cr{cairo_create(surface.get())};
        for (const FixturePage& page : pages) {
            cairo_set_font_face(cr.get(), fixture_font());
            cairo_set_font_size(cr.get(), 10);
            cairo_set_source_rgb(cr.get(), 0, 0, 0);
            double y = page.top.pt();
            for (const std::string& line : page.lines) {
                cairo_move_to(cr.get(), page.left.pt(), y);
                cairo_show_text(cr.get(), line.c_str());
                y += 14;
            }
            if (page.filled_box) {
                const Rect& r = *page.filled_box;
                cairo_rectangle(cr.get(), r.x.pt(), r.y.pt(), r.width.pt(), r.height.pt());
                cairo_fill(cr.get());
            }
            if (page.image) {
                const FixtureImage& im = *page.image;
                Surface pixels{cairo_image_surface_create(CAIRO_FORMAT_RGB24, im.width_px, im.height_px)};
                {
                    Context icr{cairo_create(pixels.get())};
                    cairo_set_source_rgb(icr.get(), 0.2, 0.4, 0.7);
                    cairo_paint(icr.get());
                    cairo_set_source_rgb(icr.get(), 0.9, 0.7, 0.1);
                    cairo_arc(icr.get(), im.width_px / 2.0, im.height_px / 2.0, im.width_px / 3.0, 0, 6.2832);
                    cairo_fill(icr.get());
                }
                cairo_save(cr.get());
                cairo_translate(cr.get(), im.placed.x.pt(), im.placed.y.pt());
                cairo_scale(cr.get(), im.placed.width.pt() / im.width_px, im.placed.height.pt() / im.height_px);
                cairo_set_source_surface(cr.get(), pixels.get(), 0, 0);
                cairo_paint(cr.get());
                cairo_restore(cr.get());
            }
            cairo_show_page(cr.get());
        }
        cr.reset();
        cairo_surface_finish(surface.get());
    }
    if (boxes == WithBoxes::Yes) add_boxes(path, slug);
}

// A one-page PDF written by hand whose font (Helvetica, one of the standard 14) is not embedded:
// cairo always embeds, so this is how a supplied ad without embedded fonts looks.
inline void make_unembedded_font_pdf(const fs::path& path) {
    const std::string content = "BT /F1 12 Tf 72 700 Td (Supplied advert) Tj ET";
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /TrimBox [9 9 603 783] /BleedBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
        pdf += buf;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    std::ofstream(path, std::ios::binary) << pdf;
}

// Body text for a page: `n` lines of distinct words, so that a changed word is unambiguous.
inline std::vector<std::string> lines_for_page(int page, int n = 12) {
    static const char* words[] = {"harbour", "ledger", "quarry", "velvet", "orchard", "lantern", "meadow", "cobalt"};
    std::vector<std::string> lines;
    for (int l = 0; l < n; ++l) {
        std::string line;
        for (int w = 0; w < 6; ++w)
            line += std::string(w ? " " : "") + words[(page * 7 + l * 3 + w) % 8] + std::to_string(page * 100 + l * 6 + w);
        lines.push_back(line);
    }
    return lines;
}

}  // namespace quire::proof::test
