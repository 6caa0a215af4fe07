#include "render/press_color.hpp"

#include "render/press_image.hpp"

#include "core/artefact_cache.hpp"
#include "core/diagnostic.hpp"
#include "core/tasks.hpp"

#include "render/content_scanner.hpp"
#include "render/post_pass.hpp"

#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <set>
#include <string_view>

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

bool is_number(const ContentToken& t) {
    return t.type == QPDFTokenizer::tt_integer || t.type == QPDFTokenizer::tt_real;
}

// A number's value as std::atof gives it (a token is short: no allocation for Cairo's).
double number_value(std::string_view raw) {
    char buf[64];
    if (raw.size() < sizeof buf) {
        raw.copy(buf, raw.size());
        buf[raw.size()] = '\0';
        return std::atof(buf);
    }
    return std::atof(std::string(raw).c_str());
}

// Buffers the operands of each operator; colour operators on DeviceRGB or DeviceGray are written
// again as DeviceCMYK, everything else is passed through unchanged (each token's bytes as read, as
// qpdf's TokenFilter::writeToken writes them). The tokens come from render/content_scanner.hpp or,
// for a stream it leaves to qpdf, from qpdf's tokenizer: the same rules either way.
class CmykRewriter {
public:
    CmykRewriter(const SwatchMap& swatches, std::string& out) : swatches_(swatches), out_(out) {}

    void token(const ContentToken& t) {
        using T = QPDFTokenizer;
        if (t.type != T::tt_word) {
            if (t.type == T::tt_inline_image || t.type == T::tt_bad) {
                flush();
                emit(t.raw);
            } else {
                pending_.push_back(t);
            }
            return;
        }
        const std::string_view op = t.value;
        operands_.clear();  // indices of the non-space tokens in pending_
        for (std::size_t i = 0; i < pending_.size(); ++i)
            if (pending_[i].type != T::tt_space && pending_[i].type != T::tt_comment) operands_.push_back(i);
        auto numbers = [&](std::size_t n, double* out) {
            if (operands_.size() != n) return false;
            for (std::size_t k = 0; k < n; ++k) {
                const ContentToken& operand = pending_[operands_[k]];
                if (!is_number(operand)) return false;
                out[k] = number_value(operand.value);
            }
            return true;
        };
        const bool stroke = !op.empty() && std::isupper(static_cast<unsigned char>(op[0]));
        const bool set_colour = op == "sc" || op == "scn" || op == "SC" || op == "SCN";
        double v[3];
        if ((op == "rg" || op == "RG") && numbers(3, v)) {
            replace(cmyk_operands(swatches_.cmyk(v[0], v[1], v[2])) + (stroke ? " K" : " k"));
        } else if ((op == "g" || op == "G") && numbers(1, v)) {
            replace(cmyk_operands(Cmyk{0, 0, 0, 1 - v[0]}) + (stroke ? " K" : " k"));
        } else if ((op == "cs" || op == "CS") && operands_.size() == 1 && pending_[operands_[0]].type == T::tt_name &&
                   (pending_[operands_[0]].value == "/DeviceRGB" || pending_[operands_[0]].value == "/DeviceGray")) {
            (stroke ? stroke_space_ : fill_space_) = pending_[operands_[0]].value == "/DeviceRGB" ? 3 : 1;
            replace(std::string("/DeviceCMYK ") + (stroke ? "CS" : "cs"));
        } else if (set_colour && (stroke ? stroke_space_ : fill_space_) == 3 && numbers(3, v)) {
            replace(cmyk_operands(swatches_.cmyk(v[0], v[1], v[2])) + " " + std::string(op));
        } else if (set_colour && (stroke ? stroke_space_ : fill_space_) == 1 && numbers(1, v)) {
            replace(cmyk_operands(Cmyk{0, 0, 0, 1 - v[0]}) + " " + std::string(op));
        } else {
            if (op == "cs") fill_space_ = 0;
            if (op == "CS") stroke_space_ = 0;
            flush();
            emit(t.raw);
        }
    }

    // Writes what is still pending: `out` is complete after this.
    void finish() {
        flush();
        out_.append(run_);
        run_ = {};
    }

private:
    // A token's bytes to the output. Bytes that follow the previous ones in memory (the scanner's
    // tokens are views into one stream) extend one run, appended at once when something else
    // comes: a page is mostly one run between colour operators.
    void emit(std::string_view bytes) {
        if (!run_.empty() && bytes.data() == run_.data() + run_.size()) {
            run_ = std::string_view(run_.data(), run_.size() + bytes.size());
        } else {
            out_.append(run_);
            run_ = bytes;
        }
    }
    void flush() {
        for (const auto& p : pending_) emit(p.raw);
        pending_.clear();
    }
    // The operator and its operands replaced by `text` (leading white space kept).
    void replace(const std::string& text) {
        std::size_t lead = 0;
        while (lead < pending_.size() && pending_[lead].type == QPDFTokenizer::tt_space) emit(pending_[lead++].raw);
        pending_.clear();
        out_.append(run_);
        run_ = {};
        out_ += text;
    }

    const SwatchMap& swatches_;
    std::string& out_;
    std::string_view run_;  // bytes emitted but not yet appended to out_ (views into the tokens)
    std::vector<ContentToken> pending_;
    std::vector<std::size_t> operands_;
    int fill_space_ = 0, stroke_space_ = 0;  // components of a /DeviceRGB (3) or /DeviceGray (1) space set by cs/CS
};

// qpdf's tokens of a content stream, as Pl_QPDFTokenizer hands them to a token filter (inline
// images and all): for what render/content_scanner.hpp leaves to qpdf.
class QpdfTokens : public QPDFObjectHandle::TokenFilter {
public:
    explicit QpdfTokens(std::string_view content) {
        Pl_QPDFTokenizer tokenizer("press-colour", this);
        tokenizer.write(reinterpret_cast<const unsigned char*>(content.data()), content.size());
        tokenizer.finish();
    }
    void handleToken(const QPDFTokenizer::Token& t) override { tokens_.push_back(t); }

    // Views into this object's tokens.
    std::vector<ContentToken> views() const {
        std::vector<ContentToken> out;
        out.reserve(tokens_.size());
        for (const auto& t : tokens_) out.push_back(ContentToken{t.getType(), t.getRawValue(), t.getValue()});
        return out;
    }

private:
    std::vector<QPDFTokenizer::Token> tokens_;
};

std::string recoloured(std::string_view content, const SwatchMap& swatches, ContentTokens how) {
    std::string out;
    out.reserve(content.size() + content.size() / 8);  // CMYK operands are a little longer than RGB
    if (how == ContentTokens::Own) {
        CmykRewriter rewriter(swatches, out);
        ContentScanner scanner(content);
        for (ContentToken t; scanner.next(t);) rewriter.token(t);
        if (!scanner.left_to_qpdf()) {
            rewriter.finish();
            return out;
        }
        out.clear();  // begun again, from the start of the stream, on qpdf's tokens
    }
    const QpdfTokens qpdf_tokens(content);
    CmykRewriter rewriter(swatches, out);
    for (const ContentToken& t : qpdf_tokens.views()) rewriter.token(t);
    rewriter.finish();
    return out;
}

// A form's or a page's content stream, decoded as qpdf's filterAsContents and filterPageContents
// hand it to their token filter (a page's streams joined with a newline where one does not end
// with it).
std::string form_content(QPDFObjectHandle stream) {
    std::string content;
    Pl_String sink("press-colour content", nullptr, content);
    stream.pipeStreamData(&sink, 0, qpdf_dl_specialized);
    return content;
}

std::string page_content(QPDFPageObjectHelper& page) {
    std::string content;
    Pl_String sink("press-colour content", nullptr, content);
    page.pipeContents(&sink);
    return content;
}

enum class ContentForm { Deflated, Decoded };

// A page's content stream before recolouring: Cairo's one Flate stream as stored (inflated on a
// worker), or anything else as qpdf decodes it (a page's streams joined as filterPageContents
// joins them); after recolouring, the new stream deflated.
struct PageContent {
    std::string bytes;
    ContentForm form;
};

PageContent content_to_recolour(QPDFPageObjectHelper& page) {
    QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
    if (contents.isStream()) {
        QPDFObjectHandle dict = contents.getDict();
        if (dict.getKey("/Filter").isNameAndEquals("/FlateDecode") && dict.getKey("/DecodeParms").isNull()) {
            const auto raw = contents.getRawStreamData();
            return {std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()), ContentForm::Deflated};
        }
    }
    return {page_content(page), ContentForm::Decoded};
}

// qpdf's Pl_Flate, in either direction, at the level the writer uses (render/post_pass.hpp).
std::string flate(std::string_view in, Pl_Flate::action_e action) {
    use_fast_deflate();
    std::string out;
    Pl_String sink("press-colour flate", nullptr, out);
    Pl_Flate pipe("press-colour flate", &sink, action);
    pipe.write(reinterpret_cast<const unsigned char*>(in.data()), in.size());
    pipe.finish();
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
        const std::string content = recoloured(form_content(x), swatches, ContentTokens::Own);
        x.replaceStreamData(content, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        cmyk_group(x.getDict());
        resources(x.getDict().getKey("/Resources"));
    }
};

}  // namespace

std::string cmyk_content(std::string_view content, const SwatchMap& swatches, ContentTokens how) {
    return recoloured(content, swatches, how);
}

void convert_document_colour(QPDF& pdf, const SwatchMap& swatches, const style::CmykProfile& profile, double max_ink,
                             const ColourWorkers& workers) {
    // Each page's content is inflated, rewritten and deflated again on both cores (issue 17: on a
    // 98-page document this was a fifth of the run, on one thread); qpdf's objects are touched on
    // this thread only, before and after.
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    std::vector<PageContent> contents;
    contents.reserve(pages.size());
    for (QPDFPageObjectHelper& page : pages) contents.push_back(content_to_recolour(page));
    std::atomic<std::size_t> next{0};
    auto recolour = [&] {
        try {
            for (std::size_t i; (i = next++) < contents.size();) {
                PageContent& c = contents[i];
                const std::string text = c.form == ContentForm::Deflated ? flate(c.bytes, Pl_Flate::a_inflate) : c.bytes;
                c.bytes = flate(recoloured(text, swatches, ContentTokens::Own), Pl_Flate::a_deflate);
            }
        } catch (...) {
            next = contents.size();  // the other worker stops after its page
            throw;
        }
    };
    std::vector<std::future<void>> others;
    if (contents.size() > 1)
        for (int w = 1; w < workers.count; ++w) others.push_back(std::async(std::launch::async, recolour));
    std::exception_ptr failure;
    try {
        recolour();
    } catch (...) {
        failure = std::current_exception();
    }
    wait_all(others, failure);

    Converter converter{pdf, swatches, profile, max_ink, profile.icc_hash(), {}};
    for (std::size_t i = 0; i < pages.size(); ++i) {
        QPDFPageObjectHelper& page = pages[i];
        // Deflated as the writer would (use_fast_deflate's level, qpdf's own Pl_Flate): the stream's
        // data are the bytes it made when it compressed the rewritten stream itself (its dictionary
        // now lists /Filter before /Length).
        QPDFObjectHandle stream = pdf.newStream();
        stream.replaceStreamData(contents[i].bytes, QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
        page.getObjectHandle().replaceKey("/Contents", stream);
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
