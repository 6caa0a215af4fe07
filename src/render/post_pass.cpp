#include "render/post_pass.hpp"

#include "core/diagnostic.hpp"
#include "render/image_surface.hpp"

#include <cmath>
#include <mutex>

#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_Flate.hh>
#include <zlib.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace quire::render {

std::vector<std::vector<page::LinkItem>> collect_links(const page::PageDocument& doc) {
    std::vector<std::vector<page::LinkItem>> out(doc.pages.size());
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        for (const page::Item& item : doc.pages[p].items) {
            if (const auto* l = std::get_if<page::LinkItem>(&item)) {
                out[p].push_back(*l);
            } else if (const auto* t = std::get_if<page::TextItem>(&item); t && !t->run.href.empty()) {
                const double size = t->run.size_pt;
                const Rect r{Length::pt(t->x + t->run.x_start_pt), Length::pt(t->y - 0.8 * size),
                             Length::pt(t->run.width_pt), Length::pt(1.05 * size)};
                // Runs of one link on one line (a style change inside it) make one area.
                if (!out[p].empty() && out[p].back().uri == t->run.href &&
                    std::abs(out[p].back().rect.y.pt() - r.y.pt()) < 0.01 &&
                    std::abs(out[p].back().rect.right().pt() - r.x.pt()) < 1.0) {
                    out[p].back().rect.width = r.right() - out[p].back().rect.x;
                } else {
                    out[p].push_back(page::LinkItem{r, t->run.href});
                }
            }
        }
    }
    return out;
}

void use_fast_deflate() {
    // qpdf deflates with zlib's default level (6: deflate_slow, about 10 % of a long document's
    // run, issue 17). Level 1 is lossless all the same (pages render pixel-identical with Poppler)
    // and costs a few per cent of file size. Pl_Flate's level is global: set once.
    static std::once_flag once;
    std::call_once(once, [] { Pl_Flate::setCompressionLevel(Z_BEST_SPEED); });
}

namespace {

// A qpdf pipeline that appends what it is given to a string.
class StringSink : public Pipeline {
public:
    explicit StringSink(std::string& out) : Pipeline("quire output", nullptr), out_(out) {}
    void write(unsigned char const* data, size_t len) override { out_.append(reinterpret_cast<const char*>(data), len); }
    void finish() override {}

private:
    std::string& out_;
};

}  // namespace

std::string write_to_string(QPDFWriter& writer, std::size_t expected) {
    std::string out;
    out.reserve(expected);
    StringSink sink(out);
    writer.setOutputPipeline(&sink);
    writer.write();
    return out;
}

std::string post_pass(const std::string& pdf, const style::PageGeometry& g, const std::string& lang,
                      const std::vector<std::vector<page::LinkItem>>& links, const std::vector<page::Page>& pages,
                      const PressSettings* press) {
    try {
        QPDF q;
        q.processMemoryFile("cairo.pdf", pdf.data(), pdf.size());
        // PDF user space has its origin at the bottom left; the trim sits bleed + slug inside the media.
        const double off = g.trim_offset().pt();
        const double w = g.trim.width.pt(), h = g.trim.height.pt(), b = g.bleed.pt();
        const QPDFObjectHandle::Rectangle trim(off, off, off + w, off + h);
        const QPDFObjectHandle::Rectangle bleed(off - b, off - b, off + w + b, off + h + b);
        const double media_h = g.media().height.pt();
        std::size_t index = 0;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(q).getAllPages()) {
            QPDFObjectHandle o = page.getObjectHandle();
            // Inverted CMYK JPEGs (render/image_surface.hpp: jpeg_is_adobe_cmyk) print as negatives without
            // their Decode array, which cairo does not write.
            for (auto& [name, image] : page.getImages()) {
                QPDFObjectHandle dict = image.getDict();
                if (dict.hasKey("/Decode") || !dict.getKey("/Filter").isNameAndEquals("/DCTDecode") ||
                    !dict.getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK"))
                    continue;
                const auto raw = image.getRawStreamData();
                if (!jpeg_is_adobe_cmyk(std::string_view(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize())))
                    continue;
                QPDFObjectHandle decode = QPDFObjectHandle::newArray();
                for (int k = 0; k < 4; ++k) {
                    decode.appendItem(QPDFObjectHandle::newInteger(1));
                    decode.appendItem(QPDFObjectHandle::newInteger(0));
                }
                dict.replaceKey("/Decode", decode);
            }
            o.replaceKey("/TrimBox", QPDFObjectHandle::newFromRectangle(trim));
            o.replaceKey("/BleedBox", QPDFObjectHandle::newFromRectangle(bleed));
            if (index < links.size() && !links[index].empty()) {
                QPDFObjectHandle annots = o.hasKey("/Annots") ? o.getKey("/Annots") : QPDFObjectHandle::newArray();
                for (const page::LinkItem& l : links[index]) {
                    QPDFObjectHandle action = QPDFObjectHandle::newDictionary();
                    action.replaceKey("/S", QPDFObjectHandle::newName("/URI"));
                    action.replaceKey("/URI", QPDFObjectHandle::newString(l.uri));
                    QPDFObjectHandle a = QPDFObjectHandle::newDictionary();
                    a.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
                    a.replaceKey("/Subtype", QPDFObjectHandle::newName("/Link"));
                    a.replaceKey("/Rect", QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(
                                              off + l.rect.x.pt(), media_h - off - l.rect.bottom().pt(),
                                              off + l.rect.right().pt(), media_h - off - l.rect.y.pt())));
                    a.replaceKey("/Border", QPDFObjectHandle::parse("[0 0 0]"));
                    a.replaceKey("/A", action);
                    annots.appendItem(q.makeIndirectObject(a));
                }
                if (!o.hasKey("/Annots")) o.replaceKey("/Annots", annots);
            }
            ++index;
        }
        // cairo 1.16 writes its dates without the "D:" that PDF 32000-1 §7.9.4 requires.
        QPDFObjectHandle info = q.getTrailer().getKey("/Info");
        if (info.isDictionary())
            for (const char* key : {"/CreationDate", "/ModDate"}) {
                QPDFObjectHandle date = info.getKey(key);
                if (date.isString() && date.getUTF8Value().rfind("D:", 0) != 0)
                    info.replaceKey(key, QPDFObjectHandle::newString("D:" + date.getUTF8Value()));
            }
        QPDFObjectHandle root = q.getRoot();
        if (!pages.empty()) {
            bool folios = true;
            for (std::size_t i = 0; i < pages.size(); ++i)
                folios = folios && pages[i].label == std::to_string(pages[i].number) &&
                         pages[i].number == pages.front().number + static_cast<int>(i);
            QPDFObjectHandle nums = QPDFObjectHandle::newArray();
            for (std::size_t i = 0; i < pages.size(); ++i) {
                QPDFObjectHandle label = QPDFObjectHandle::newDictionary();
                if (folios) {
                    label.replaceKey("/S", QPDFObjectHandle::newName("/D"));
                    label.replaceKey("/St", QPDFObjectHandle::newInteger(pages.front().number));
                } else {
                    label.replaceKey("/P", QPDFObjectHandle::newUnicodeString(pages[i].label));
                }
                nums.appendItem(QPDFObjectHandle::newInteger(static_cast<long long>(i)));
                nums.appendItem(label);
                if (folios) break;
            }
            QPDFObjectHandle labels = QPDFObjectHandle::newDictionary();
            labels.replaceKey("/Nums", nums);
            root.replaceKey("/PageLabels", labels);
        }
        if (!lang.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newString(lang));
        if (root.hasKey("/Outlines")) root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
        if (press) make_press_ready(q, *press);
        use_fast_deflate();
        QPDFWriter writer(q);
        if (press) writer.setMinimumPDFVersion("1.6");  // PDF/X-4 is based on PDF 1.6 (ISO 15930-7)
        writer.setDeterministicID(true);
        writer.setObjectStreamMode(qpdf_o_generate);  // smaller files; PDF 1.5
        writer.setCompressStreams(true);
        writer.setDecodeLevel(qpdf_dl_none);  // cairo compressed the streams already: pass them through
        // Object streams make the file a little smaller than cairo's; the press pass adds a profile.
        return write_to_string(writer, pdf.size() + pdf.size() / 4 + (press ? (1u << 20) : 0u));
    } catch (const std::exception& e) {
        throw QuireError(SourceSpan{}, std::string("the PDF post-pass (qpdf) failed: ") + e.what());
    }
}

}  // namespace quire::render
