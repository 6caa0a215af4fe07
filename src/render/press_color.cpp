#include "render/press_color.hpp"

#include "render/press_image.hpp"

#include "core/artefact_cache.hpp"
#include "core/diagnostic.hpp"

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace quire::render {

using style::Cmyk;

SwatchMap::SwatchMap(const std::vector<style::Color>& swatches, const style::CmykProfile& profile)
    : profile_(profile) {
    for (const style::Color& c : swatches) {
        const style::Rgb rgb{c.r, c.g, c.b};
        Cmyk cmyk;
        if (c.cmyk) cmyk = *c.cmyk;
        else if (std::abs(c.r - c.g) < 0.002 && std::abs(c.g - c.b) < 0.002) cmyk = style::neutral_to_k(rgb);
        else cmyk = profile.to_cmyk(rgb);
        entries_.push_back(Entry{rgb, cmyk});
    }
}

Cmyk SwatchMap::cmyk(double r, double g, double b) const {
    // Cairo writes colour components with at most 6 decimals (_cairo_dtostr): a swatch within that
    // is the one drawn. The first swatch with these RGB values wins (docs/press.md).
    for (const Entry& e : entries_)
        if (std::abs(e.rgb.r - r) < 5e-4 && std::abs(e.rgb.g - g) < 5e-4 && std::abs(e.rgb.b - b) < 5e-4) return e.cmyk;
    const style::Rgb rgb{r, g, b};
    if (std::abs(r - g) < 0.002 && std::abs(g - b) < 0.002) return style::neutral_to_k(rgb);
    return profile_.to_cmyk(rgb);
}

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", std::clamp(v, 0.0, 1.0));
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s.empty() ? "0" : s;
}

std::string cmyk_operands(const Cmyk& c) {
    return number(c.c) + " " + number(c.m) + " " + number(c.y) + " " + number(c.k);
}

bool is_number(const QPDFTokenizer::Token& t) {
    return t.getType() == QPDFTokenizer::tt_integer || t.getType() == QPDFTokenizer::tt_real;
}

// Buffers the operands of each operator; colour operators on DeviceRGB or DeviceGray are written
// again as DeviceCMYK, everything else is passed through unchanged.
class CmykFilter : public QPDFObjectHandle::TokenFilter {
public:
    explicit CmykFilter(const SwatchMap& swatches) : swatches_(swatches) {}

    void handleToken(const QPDFTokenizer::Token& t) override {
        using T = QPDFTokenizer;
        if (t.getType() != T::tt_word) {
            if (t.getType() == T::tt_inline_image || t.getType() == T::tt_bad) {
                flush();
                writeToken(t);
            } else {
                pending_.push_back(t);
            }
            return;
        }
        const std::string& op = t.getValue();
        std::vector<std::size_t> operands;  // indices of the non-space tokens in pending_
        for (std::size_t i = 0; i < pending_.size(); ++i)
            if (pending_[i].getType() != T::tt_space && pending_[i].getType() != T::tt_comment) operands.push_back(i);
        auto numbers = [&](std::size_t n, std::vector<double>& out) {
            if (operands.size() != n) return false;
            for (std::size_t i : operands) {
                if (!is_number(pending_[i])) return false;
                out.push_back(std::atof(pending_[i].getValue().c_str()));
            }
            return true;
        };
        const bool stroke = !op.empty() && std::isupper(static_cast<unsigned char>(op[0]));
        std::vector<double> v;
        if ((op == "rg" || op == "RG") && numbers(3, v)) {
            replace(cmyk_operands(swatches_.cmyk(v[0], v[1], v[2])) + (stroke ? " K" : " k"));
        } else if ((op == "g" || op == "G") && numbers(1, v)) {
            replace(cmyk_operands(Cmyk{0, 0, 0, 1 - v[0]}) + (stroke ? " K" : " k"));
        } else if ((op == "cs" || op == "CS") && operands.size() == 1 && pending_[operands[0]].getType() == T::tt_name &&
                   (pending_[operands[0]].getValue() == "/DeviceRGB" || pending_[operands[0]].getValue() == "/DeviceGray")) {
            (stroke ? stroke_space_ : fill_space_) = pending_[operands[0]].getValue() == "/DeviceRGB" ? 3 : 1;
            replace(std::string("/DeviceCMYK ") + (stroke ? "CS" : "cs"));
        } else if ((op == "sc" || op == "scn" || op == "SC" || op == "SCN") && (stroke ? stroke_space_ : fill_space_) == 3 &&
                   numbers(3, v)) {
            replace(cmyk_operands(swatches_.cmyk(v[0], v[1], v[2])) + " " + op);
        } else if ((op == "sc" || op == "scn" || op == "SC" || op == "SCN") && (stroke ? stroke_space_ : fill_space_) == 1 &&
                   numbers(1, v)) {
            replace(cmyk_operands(Cmyk{0, 0, 0, 1 - v[0]}) + " " + op);
        } else {
            if (op == "cs") fill_space_ = 0;
            if (op == "CS") stroke_space_ = 0;
            flush();
            writeToken(t);
        }
    }

    void handleEOF() override { flush(); }

private:
    void flush() {
        for (const auto& p : pending_) writeToken(p);
        pending_.clear();
    }
    // The operator and its operands replaced by `text` (leading white space kept).
    void replace(const std::string& text) {
        std::size_t lead = 0;
        while (lead < pending_.size() && pending_[lead].getType() == QPDFTokenizer::tt_space) writeToken(pending_[lead++]);
        pending_.clear();
        write(text);
    }

    const SwatchMap& swatches_;
    std::vector<QPDFTokenizer::Token> pending_;
    int fill_space_ = 0, stroke_space_ = 0;  // components of a /DeviceRGB (3) or /DeviceGray (1) space set by cs/CS
};

std::string filtered(QPDFObjectHandle stream, const SwatchMap& swatches) {
    std::string out;
    Pl_String sink("press-colour", nullptr, out);
    CmykFilter filter(swatches);
    stream.filterAsContents(&filter, &sink);
    return out;
}

void cmyk_group(QPDFObjectHandle dict) {
    QPDFObjectHandle group = dict.getKey("/Group");
    if (group.isDictionary() && group.getKey("/CS").isNameAndEquals("/DeviceRGB"))
        group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
}

struct Converter {
    QPDF& pdf;
    const SwatchMap& swatches;
    const style::CmykProfile& profile;
    double max_ink;
    std::uint64_t profile_hash;
    std::set<QPDFObjGen> seen;

    void image(QPDFObjectHandle image) {
        QPDFObjectHandle dict = image.getDict();
        if (!dict.getKey("/ColorSpace").isNameAndEquals("/DeviceRGB")) return;
        if (!dict.getKey("/BitsPerComponent").isInteger() || dict.getKey("/BitsPerComponent").getIntValue() != 8) return;
        if (dict.hasKey("/Decode")) return;  // Cairo writes none; anything else is not ours to reinterpret
        const long long width = dict.getKey("/Width").isInteger() ? dict.getKey("/Width").getIntValue() : 0;
        const long long height = dict.getKey("/Height").isInteger() ? dict.getKey("/Height").getIntValue() : 0;
        if (width <= 0 || height <= 0) return;
        const bool jpeg = dict.getKey("/Filter").isNameAndEquals("/DCTDecode");
        const auto raw = image.getRawStreamData();
        const std::string_view raw_bytes(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
        const std::string key = press_image_key(raw_bytes, jpeg, width, height, profile_hash, max_ink);
        std::optional<std::string> converted;
        if (jpeg) {
            // Prepared on a second thread while the text was typeset (render/press_image.hpp), else
            // made here: the same bytes either way.
            converted = take_prepared_press_image(key);
            if (!converted) {
                const ArtefactCache cache = ArtefactCache::shared();
                converted = cache.get("press-image", key);
                if (!converted) {
                    // Cairo writes a JPEG's own bytes (with its /Width and /Height): ours to decode.
                    converted = convert_jpeg_to_cmyk(raw_bytes, width, height, profile, max_ink);
                    if (!converted) return;  // not a plain 8-bit three-component JPEG: left as it is
                    cache.put("press-image", key, *converted);
                }
            }
        } else {
            converted = ArtefactCache::shared().get_or_make("press-image", key, [&] {
                const auto decoded = image.getStreamData(qpdf_dl_all);
                const std::size_t pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
                if (decoded->getSize() < pixels * 3)
                    throw QuireError(SourceSpan{}, "an RGB image in Cairo's PDF has fewer samples than its size says");
                std::string cmyk(pixels * 4, '\0');
                profile.rgb_to_cmyk_pixels(decoded->getBuffer(), reinterpret_cast<std::uint8_t*>(cmyk.data()), pixels, max_ink);
                return cmyk;
            });
        }
        if (jpeg) {
            image.replaceStreamData(*converted, QPDFObjectHandle::newName("/DCTDecode"), QPDFObjectHandle::newNull());
            dict.replaceKey("/Decode", QPDFObjectHandle::parse("[1 0 1 0 1 0 1 0]"));
        } else {
            image.replaceStreamData(*converted, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        }
        dict.replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceCMYK"));
    }

    void resources(QPDFObjectHandle res) {
        if (!res.isDictionary()) return;
        QPDFObjectHandle xobjects = res.getKey("/XObject");
        if (!xobjects.isDictionary()) return;
        for (const std::string& key : xobjects.getKeys()) {
            QPDFObjectHandle x = xobjects.getKey(key);
            if (!x.isStream()) continue;
            if (x.isIndirect() && !seen.insert(x.getObjGen()).second) continue;
            QPDFObjectHandle dict = x.getDict();
            if (dict.getKey("/Subtype").isNameAndEquals("/Image")) {
                image(x);
            } else if (dict.getKey("/Subtype").isNameAndEquals("/Form")) {
                // A supplied page placed as a form keeps its own colour (the printer's job or the ad's).
                if (dict.getKey("/QuireSupplied").isBool() && dict.getKey("/QuireSupplied").getBoolValue()) continue;
                form(x);
            }
        }
    }

    void form(QPDFObjectHandle x) {
        const std::string content = filtered(x, swatches);
        x.replaceStreamData(content, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        cmyk_group(x.getDict());
        resources(x.getDict().getKey("/Resources"));
    }
};

}  // namespace

std::string cmyk_content(const std::string& content, const SwatchMap& swatches) {
    QPDF pdf;
    pdf.emptyPDF();
    return filtered(QPDFObjectHandle::newStream(&pdf, content), swatches);
}

void convert_document_colour(QPDF& pdf, const SwatchMap& swatches, const style::CmykProfile& profile, double max_ink) {
    Converter converter{pdf, swatches, profile, max_ink, fnv1a_64(profile.icc()), {}};
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        std::string content;
        Pl_String sink("press-colour", nullptr, content);
        CmykFilter filter(swatches);
        page.filterContents(&filter, &sink);
        page.getObjectHandle().replaceKey("/Contents", pdf.newStream(content));
        // Cairo gives every page a transparency group blended in DeviceRGB; with a CMYK output intent
        // the blending space is the press's (PDF/X-4 allows no device RGB).
        cmyk_group(page.getObjectHandle());
        converter.resources(page.getAttribute("/Resources", false));
    }
}

void add_registration_crop_marks(QPDF& pdf, const style::PageGeometry& g) {
    // ISO 12647-2 practice: 0.25 pt hairlines in the registration colour, on the trim's edges,
    // starting 1 mm beyond the bleed so that they never print on the trimmed page.
    const double w = g.trim.width.pt(), h = g.trim.height.pt(), off = g.trim_offset().pt();
    const double gap = g.bleed.pt() + Length::mm(1).pt();
    const double len = std::min(Length::mm(6).pt(), g.slug.pt() - Length::mm(1).pt());
    if (len <= 0) return;
    std::string marks = "Q\nq\n/QuireRegistration CS 1 SCN 0.25 w 0 J [] 0 d\n";
    auto line = [&](double x0, double y0, double x1, double y1) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "%.3f %.3f m %.3f %.3f l\n", x0, y0, x1, y1);
        marks += buf;
    };
    const double xs[2] = {off, off + w}, ys[2] = {off, off + h};  // PDF space: y upwards
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            const double x = xs[i], y = ys[j], dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;
            line(x + dx * gap, y, x + dx * (gap + len), y);
            line(x, y + dy * gap, x, y + dy * (gap + len));
        }
    marks += "S\nQ\n";
    // /Separation /All: every plate at the tint (PDF 32000-1 §8.6.6.4), CMYK 100/100/100/100 as the
    // alternate.
    QPDFObjectHandle registration = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"));
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle res = page.getAttribute("/Resources", true);
        QPDFObjectHandle spaces = res.getKey("/ColorSpace");
        if (!spaces.isDictionary()) {
            spaces = QPDFObjectHandle::newDictionary();
            res.replaceKey("/ColorSpace", spaces);
        }
        spaces.replaceKey("/QuireRegistration", registration);
        // Cairo's page content is wrapped in q … Q so that its graphics state cannot move the marks.
        page.addPageContents(pdf.newStream("q\n"), true);
        page.addPageContents(pdf.newStream(marks), false);
    }
}

}  // namespace quire::render
