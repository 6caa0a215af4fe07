#include "proof/preflight.hpp"

#include "proof/pdf_text.hpp"
#include "proof/press_checks.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace quire::proof {

namespace {

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string mm_text(Length l) { return fmt("%.1f mm", l.mm()); }

// A PDF rectangle (origin bottom left) in top-left coordinates relative to `crop`.
Rect from_pdf(const QPDFObjectHandle::Rectangle& r, const QPDFObjectHandle::Rectangle& crop) {
    const double x0 = std::min(r.llx, r.urx), x1 = std::max(r.llx, r.urx);
    const double y0 = std::min(r.lly, r.ury), y1 = std::max(r.lly, r.ury);
    const double crop_top = std::max(crop.lly, crop.ury), crop_left = std::min(crop.llx, crop.urx);
    return Rect{Length::pt(x0 - crop_left), Length::pt(crop_top - y1), Length::pt(x1 - x0), Length::pt(y1 - y0)};
}

bool contains(const Rect& outer, const Rect& inner, double slack_pt = 0.01) {
    return inner.x.pt() >= outer.x.pt() - slack_pt && inner.y.pt() >= outer.y.pt() - slack_pt &&
           inner.right().pt() <= outer.right().pt() + slack_pt && inner.bottom().pt() <= outer.bottom().pt() + slack_pt;
}

bool intersects(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

Rect inset(const Rect& r, Length d) { return Rect{r.x + d, r.y + d, r.width - d * 2.0, r.height - d * 2.0}; }

// The smallest distance by which `bleed` extends past `trim` on any side.
Length min_bleed_width(const Rect& trim, const Rect& bleed) {
    return std::min({trim.x - bleed.x, trim.y - bleed.y, bleed.right() - trim.right(), bleed.bottom() - trim.bottom()});
}

std::string size_text(const Rect& r) {
    return fmt("%.0f", r.width.mm()) + " × " + fmt("%.0f", r.height.mm()) + " mm";
}

void check_boxes(const std::vector<PageBoxes>& boxes, const PreflightOptions& options, Report& report) {
    std::optional<Rect> first_trim;
    int missing_trim = 0, missing_bleed = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const PageBoxes& b = boxes[i];
        Place place;
        place.page = static_cast<int>(i) + 1;
        if (!b.trim) {
            ++missing_trim;
        } else {
            place.box = *b.trim;
            if (!contains(b.media, *b.trim))
                report.add(Severity::Error, "trimbox", place, "TrimBox extends beyond the MediaBox");
            if (!first_trim) {
                first_trim = b.trim;
            } else if (std::abs(first_trim->width.pt() - b.trim->width.pt()) > 0.5 ||
                       std::abs(first_trim->height.pt() - b.trim->height.pt()) > 0.5) {
                report.add(Severity::Warning, "trimbox", place,
                           "trim size " + size_text(*b.trim) + " differs from page 1's " + size_text(*first_trim));
            }
        }
        if (!b.bleed) {
            ++missing_bleed;
        } else if (b.trim) {
            if (!contains(*b.bleed, *b.trim)) {
                report.add(Severity::Error, "bleedbox", place, "BleedBox does not contain the TrimBox");
            } else {
                const Length bleed = min_bleed_width(*b.trim, *b.bleed);
                if (bleed < options.min_bleed - Length::pt(0.01))
                    report.add(Severity::Warning, "bleedbox", place,
                               "bleed is " + mm_text(bleed) + " on the narrowest side; printers expect " +
                                   mm_text(options.min_bleed));
            }
            if (!contains(b.media, *b.bleed))
                report.add(Severity::Warning, "bleedbox", place, "BleedBox extends beyond the MediaBox");
        }
    }
    if (options.boxes == PreflightOptions::Boxes::Required) {
        if (missing_trim > 0)
            report.add(Severity::Error, "trimbox", Place{},
                       std::to_string(missing_trim) + " of " + std::to_string(boxes.size()) +
                           " pages have no TrimBox: the printer cannot tell the finished size");
        if (missing_bleed > 0)
            report.add(Severity::Warning, "bleedbox", Place{},
                       std::to_string(missing_bleed) + " of " + std::to_string(boxes.size()) +
                           " pages have no BleedBox: artwork meant to bleed may show a white edge");
    }
    if (first_trim) report.stats.trim_size = size_text(*first_trim);
}

// Whether a font dictionary carries its font program (PDF 32000-1 §9.9: FontFile, FontFile2 or
// FontFile3 in the descriptor; a Type 3 font is its own glyph procedures; a Type 0 font embeds
// through its descendant). Read with qpdf: Poppler's font scan looks up a substitute for every
// unembedded font through fontconfig and leaks the pattern (LeakSanitizer, poppler 22.12).
bool font_embedded(QPDFObjectHandle font) {
    if (font.getKey("/Subtype").isNameAndEquals("/Type3")) return true;
    if (font.getKey("/Subtype").isNameAndEquals("/Type0")) {
        QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
        if (!descendants.isArray() || descendants.getArrayNItems() < 1) return false;
        font = descendants.getArrayItem(0);
    }
    QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
    if (!descriptor.isDictionary()) return false;
    return descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") || descriptor.hasKey("/FontFile3");
}

void collect_fonts(QPDFObjectHandle resources, int depth, std::vector<std::pair<std::string, bool>>& out) {
    if (!resources.isDictionary() || depth > 8) return;
    QPDFObjectHandle fonts = resources.getKey("/Font");
    if (fonts.isDictionary())
        for (const std::string& key : fonts.getKeys()) {
            QPDFObjectHandle font = fonts.getKey(key);
            if (!font.isDictionary()) continue;
            QPDFObjectHandle base = font.getKey("/BaseFont");
            out.emplace_back(base.isName() ? base.getName().substr(1) : key.substr(1), font_embedded(font));
        }
    // Forms placed on the page (an ad placed as PDF) have resources of their own.
    QPDFObjectHandle xobjects = resources.getKey("/XObject");
    if (xobjects.isDictionary())
        for (const std::string& key : xobjects.getKeys()) {
            QPDFObjectHandle x = xobjects.getKey(key);
            if (x.isStream() && x.getDict().getKey("/Subtype").isNameAndEquals("/Form"))
                collect_fonts(x.getDict().getKey("/Resources"), depth + 1, out);
        }
}

void check_fonts(const std::filesystem::path& pdf_path, Report& report) {
    std::set<std::string> seen;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(pdf_path.c_str());
        int number = 0;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            ++number;
            std::vector<std::pair<std::string, bool>> fonts;
            collect_fonts(page.getAttribute("/Resources", false), 0, fonts);
            for (const auto& [name, embedded] : fonts) {
                if (embedded || !seen.insert(name).second) continue;
                Place place;
                place.page = number;
                report.add(Severity::Error, "font-not-embedded", place,
                           "font " + name + " is not embedded: the printer's substitute will change the text");
            }
        }
    } catch (const QPDFExc& e) {
        throw QuireError(SourceSpan{pdf_path.string()}, std::string("cannot read PDF structure: ") + e.what());
    }
}

void check_images(PopplerPage* page, int index, const PreflightOptions& options, Report& report) {
    for (const PlacedImage& image : placed_images(page, index)) {
        if (image.ppi >= options.warn_ppi) continue;
        Place place;
        place.page = image.page;
        place.box = image.area;
        const Severity severity = image.ppi < options.error_ppi ? Severity::Error : Severity::Warning;
        report.add(severity, "low-ppi", place,
                   "image of " + std::to_string(image.width_px) + " × " + std::to_string(image.height_px) +
                       " px placed at " + mm_text(image.area.width) + " × " + mm_text(image.area.height) + " at " +
                       fmt("%.1f", image.area.x.mm()) + ", " + fmt("%.1f", image.area.y.mm()) + " mm is " +
                       fmt("%.0f", image.ppi) + " ppi (print needs " + fmt("%.0f", options.warn_ppi) + ")");
    }
}

// Text whose glyphs cross into the margin of `safe_margin` inside the trim; text wholly outside the
// bleed (slug notes, the proof stamp) is meant to be cut off and is not counted.
void check_safe_area(PopplerPage* page, int index, const PageBoxes& boxes, const PreflightOptions& options,
                     Report& report) {
    if (!boxes.trim) return;
    const Rect safe = inset(*boxes.trim, options.safe_margin);
    const Rect live = boxes.bleed ? *boxes.bleed : *boxes.trim;
    // Words whose glyphs cross the safe line, gathered per text line: one finding a line.
    struct Run { std::string text; Rect box; double worst_mm = 1e9; };
    std::vector<Run> runs;
    Run line;       // the outside words of the current line
    Run word;       // the word being read
    bool word_outside = false;
    auto unite_into = [](Rect& into, const Rect& r, bool first) {
        if (first) { into = r; return; }
        const double x0 = std::min(into.x.pt(), r.x.pt()), y0 = std::min(into.y.pt(), r.y.pt());
        const double x1 = std::max(into.right().pt(), r.right().pt()), y1 = std::max(into.bottom().pt(), r.bottom().pt());
        into = Rect{Length::pt(x0), Length::pt(y0), Length::pt(x1 - x0), Length::pt(y1 - y0)};
    };
    auto end_word = [&] {
        if (!word.text.empty() && word_outside) {
            const bool first = line.text.empty();
            line.text += (first ? "" : " ") + word.text;
            unite_into(line.box, word.box, first);
            line.worst_mm = std::min(line.worst_mm, word.worst_mm);
        }
        word = Run{};
        word_outside = false;
    };
    auto end_line = [&] {
        end_word();
        if (!line.text.empty()) runs.push_back(line);
        line = Run{};
    };
    const Rect& t = *boxes.trim;
    for (const PdfChar& c : page_chars(page)) {
        if (c.code == '\n') { end_line(); continue; }
        if (c.code == ' ' || c.code == '\t' || c.code == 0xA0) { end_word(); continue; }
        char buf[8];
        const int n = g_unichar_to_utf8(static_cast<gunichar>(c.code), buf);
        const bool first = word.text.empty();
        word.text.append(buf, static_cast<std::size_t>(n));
        if (c.box.width.pt() <= 0) continue;
        unite_into(word.box, c.box, first);
        if (intersects(c.box, live) && !contains(safe, c.box, 0.25)) {
            word_outside = true;
            // How far inside the trim edge the glyph reaches (negative: beyond the trim).
            const double d = std::min({(c.box.x - t.x).mm(), (c.box.y - t.y).mm(), (t.right() - c.box.right()).mm(),
                                       (t.bottom() - c.box.bottom()).mm()});
            word.worst_mm = std::min(word.worst_mm, d);
        }
    }
    end_line();
    for (auto& r : runs) {
        if (g_utf8_strlen(r.text.c_str(), -1) > 40) {
            // Cut on a character boundary, not inside a UTF-8 sequence.
            r.text.resize(static_cast<std::size_t>(g_utf8_offset_to_pointer(r.text.c_str(), 37) - r.text.c_str()));
            r.text += "…";
        }
        Place place;
        place.page = index + 1;
        place.box = r.box;
        const std::string where = r.worst_mm < 0 ? fmt("%.1f mm beyond the trim", -r.worst_mm)
                                                 : fmt("%.1f mm from the trim", r.worst_mm);
        report.add(r.worst_mm < 0 ? Severity::Error : Severity::Warning, "outside-safe-area", place,
                   "text \"" + r.text + "\" is " + where + " (safe margin " + mm_text(options.safe_margin) + ")");
    }
}

}  // namespace

std::vector<PageBoxes> read_page_boxes(const std::filesystem::path& pdf_path) {
    std::vector<PageBoxes> out;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(pdf_path.c_str());
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            QPDFObjectHandle crop_h = page.getCropBox();
            QPDFObjectHandle media_h = page.getMediaBox();
            if (!media_h.isRectangle()) throw QuireError(SourceSpan{pdf_path.string()}, "a page has no valid MediaBox");
            const auto media = media_h.getArrayAsRectangle();
            const auto crop = crop_h.isRectangle() ? crop_h.getArrayAsRectangle() : media;
            PageBoxes boxes;
            boxes.media = from_pdf(media, crop);
            // TrimBox and BleedBox are not inherited (PDF 32000-1 §14.11.2): read the page's own keys.
            QPDFObjectHandle dict = page.getObjectHandle();
            if (QPDFObjectHandle t = dict.getKey("/TrimBox"); t.isRectangle()) boxes.trim = from_pdf(t.getArrayAsRectangle(), crop);
            if (QPDFObjectHandle b = dict.getKey("/BleedBox"); b.isRectangle()) boxes.bleed = from_pdf(b.getArrayAsRectangle(), crop);
            out.push_back(boxes);
        }
    } catch (const QPDFExc& e) {
        throw QuireError(SourceSpan{pdf_path.string()}, std::string("cannot read PDF structure: ") + e.what());
    } catch (const std::runtime_error& e) {
        if (dynamic_cast<const QuireError*>(&e)) throw;
        throw QuireError(SourceSpan{pdf_path.string()}, std::string("cannot read PDF structure: ") + e.what());
    }
    return out;
}

std::vector<PlacedImage> placed_images(PopplerPage* page, int index) {
    std::vector<PlacedImage> out;
    GList* mapping = poppler_page_get_image_mapping(page);
    for (GList* l = mapping; l; l = l->next) {
        const auto* m = static_cast<const PopplerImageMapping*>(l->data);
        CairoSurface image{poppler_page_get_image(page, m->image_id)};
        // Poppler hands the image over as a cairo surface, which cannot be wider or taller than 32767
        // px (a 33,000-px panorama comes back as an error surface of 0 × 0): such an image has far more
        // pixels than any placement on a page needs, and no resolution to report.
        if (!image || cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS ||
            cairo_image_surface_get_width(image.get()) <= 0 || cairo_image_surface_get_height(image.get()) <= 0)
            continue;
        PlacedImage p;
        p.page = index + 1;
        const double x0 = std::min(m->area.x1, m->area.x2), x1 = std::max(m->area.x1, m->area.x2);
        const double y0 = std::min(m->area.y1, m->area.y2), y1 = std::max(m->area.y1, m->area.y2);
        p.area = Rect{Length::pt(x0), Length::pt(y0), Length::pt(x1 - x0), Length::pt(y1 - y0)};
        p.width_px = cairo_image_surface_get_width(image.get());
        p.height_px = cairo_image_surface_get_height(image.get());
        // ppi = pixels / placed inches, on each axis; the lower one decides.
        const double ppi_x = p.area.width.pt() > 0 ? p.width_px / (p.area.width.pt() / 72.0) : 0;
        const double ppi_y = p.area.height.pt() > 0 ? p.height_px / (p.area.height.pt() / 72.0) : 0;
        p.ppi = std::min(ppi_x, ppi_y);
        out.push_back(p);
    }
    poppler_page_free_image_mapping(mapping);
    return out;
}

void preflight(const PdfDocument& doc, const PreflightOptions& options, Report& report) {
    const std::vector<PageBoxes> boxes = read_page_boxes(doc.path());
    report.stats.pages = doc.page_count();
    if (doc.page_count() == 0) {
        report.add(Severity::Error, "page-count", Place{}, "the PDF has no pages");
        return;
    }
    check_boxes(boxes, options, report);
    check_fonts(doc.path(), report);
    if (options.press == PreflightOptions::Press::Check) {
        PressCheckOptions press;
        press.max_ink = options.max_ink;
        press.min_bleed = options.min_bleed;
        check_press(doc, boxes, press, report);
    }
    int words = 0;
    for (int i = 0; i < doc.page_count(); ++i) {
        auto page = doc.page(i);
        if (options.images == PreflightOptions::Images::Check) check_images(page.get(), i, options, report);
        if (static_cast<std::size_t>(i) < boxes.size()) check_safe_area(page.get(), i, boxes[static_cast<std::size_t>(i)], options, report);
        if (options.words == PreflightOptions::Words::Count) words += static_cast<int>(page_words(page.get(), i).size());
    }
    if (options.words == PreflightOptions::Words::Count) {
        report.stats.words = words;
        report.stats.reading_minutes = reading_minutes(words);
    }
    report.sort();
}

}  // namespace quire::proof
