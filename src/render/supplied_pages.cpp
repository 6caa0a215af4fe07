#include "render/supplied_pages.hpp"

#include "render/post_pass.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace quire::render {

namespace {

PdfBox to_box(QPDFObjectHandle::Rectangle r) {
    return PdfBox{std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

std::string mm(double pt) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", pt / 72.0 * 25.4);
    std::string s = buf;
    if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

std::string size_mm(double w, double h) { return mm(w) + " × " + mm(h) + " mm"; }

}  // namespace

SuppliedPage inspect_supplied_pdf(const std::filesystem::path& path, const SourceSpan& where) {
    try {
        QPDF q;
        q.processFile(path.string().c_str());
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(q).getAllPages();
        SuppliedPage s;
        s.page_count = static_cast<int>(pages.size());
        if (pages.empty()) throw QuireError(where, path.string() + " has no pages");
        QPDFPageObjectHelper& first = pages.front();
        QPDFObjectHandle dict = first.getObjectHandle();
        s.media = to_box(first.getMediaBox(true).getArrayAsRectangle());
        s.crop = to_box(first.getCropBox(true).getArrayAsRectangle());
        s.has_trim_box = dict.hasKey("/TrimBox");
        s.has_bleed_box = dict.hasKey("/BleedBox");
        s.trim = to_box(first.getTrimBox(true).getArrayAsRectangle());
        s.bleed = to_box(first.getBleedBox(true).getArrayAsRectangle());
        if (dict.hasKey("/Rotate") && dict.getKey("/Rotate").isInteger())
            s.rotate = static_cast<int>(dict.getKey("/Rotate").getIntValue()) % 360;
        return s;
    } catch (const QuireError&) {
        throw;
    } catch (const std::exception& e) {
        throw QuireError(where, path.string() + " is not a PDF quire can read: " + e.what());
    }
}

void check_supplied_page(const SuppliedPage& s, const std::filesystem::path& path, const style::PageGeometry& g,
                         ArtAtTrimEdge bleeds, const SourceSpan& where, Diagnostics& d) {
    const double w = g.trim.width.pt(), h = g.trim.height.pt();
    const std::string file = path.filename().string();
    if (s.rotate != 0)
        d.error(where, file + " is rotated (/Rotate " + std::to_string(s.rotate) + "); supply the page upright");
    if (std::abs(s.trim.width() - w) > 0.5 || std::abs(s.trim.height() - h) > 0.5)
        d.error(where, file + " has a trim of " + size_mm(s.trim.width(), s.trim.height()) + "; the issue's trim is " +
                           size_mm(w, h) + (s.has_trim_box ? "" : " (the ad has no TrimBox: its MediaBox was taken as the trim)"));
    const double need = g.bleed.pt() - 0.5;
    const double bleed = std::min({s.trim.x0 - s.bleed.x0, s.trim.y0 - s.bleed.y0, s.bleed.x1 - s.trim.x1, s.bleed.y1 - s.trim.y1});
    if (bleed < need && bleeds != ArtAtTrimEdge::No) {
        const std::string what = file + " has " + (bleed <= 0.01 ? std::string("no bleed") : mm(bleed) + " mm of bleed") +
                                 " (its bleed box is " + size_mm(s.bleed.width(), s.bleed.height()) + "); the issue needs " +
                                 mm(g.bleed.pt()) + " mm beyond the trim, " + size_mm(w + 2 * g.bleed.pt(), h + 2 * g.bleed.pt());
        if (bleeds == ArtAtTrimEdge::Yes) d.error(where, what + ", and its art runs to the trim edge");
        else d.warning(where, what);
    }
    if (s.page_count > 1)
        d.warning(where, file + " has " + std::to_string(s.page_count) + " pages; the first is placed");
}

namespace {

// Pages made by quire before (page::Page::MadePage): each source PDF opened once; the page's content,
// resources, transparency group and links copied over ours (the boxes are the same: one geometry).
// quire's links are URI actions (render/post_pass.cpp): nothing in them points at a page.
void take_made_pages(QPDF& q, std::vector<QPDFPageObjectHelper>& pages, const page::PageDocument& document) {
    std::map<const std::string*, std::unique_ptr<QPDF>> sources;
    for (std::size_t i = 0; i < document.pages.size() && i < pages.size(); ++i) {
        const auto& made = document.pages[i].made_page;
        if (!made || !made->pdf) continue;
        auto& source = sources[made->pdf.get()];
        if (!source) {
            source = std::make_unique<QPDF>();
            source->processMemoryFile("article.pdf", made->pdf->data(), made->pdf->size());
        }
        std::vector<QPDFPageObjectHelper> theirs = QPDFPageDocumentHelper(*source).getAllPages();
        if (made->index < 0 || static_cast<std::size_t>(made->index) >= theirs.size())
            throw QuireError(SourceSpan{}, "internal: an article's PDF has no page " + std::to_string(made->index + 1));
        QPDFObjectHandle from = theirs[static_cast<std::size_t>(made->index)].getObjectHandle();
        QPDFObjectHandle ours = pages[i].getObjectHandle();
        // copyForeignObject takes indirect objects: direct ones are made indirect in the source first.
        auto copy = [&](QPDFObjectHandle h) { return q.copyForeignObject(h.isIndirect() ? h : source->makeIndirectObject(h)); };
        for (const char* key : {"/Contents", "/Resources", "/Group"}) {
            if (from.hasKey(key)) ours.replaceKey(key, copy(from.getKey(key)));
            else ours.removeKey(key);
        }
        ours.removeKey("/Annots");
        QPDFObjectHandle annots = from.getKey("/Annots");
        if (!annots.isArray()) continue;
        QPDFObjectHandle copied = QPDFObjectHandle::newArray();
        for (int a = 0; a < annots.getArrayNItems(); ++a) {
            QPDFObjectHandle annot = copy(annots.getArrayItem(a));
            annot.removeKey("/P");  // the source's page: qpdf made it null
            copied.appendItem(annot);
        }
        ours.replaceKey("/Annots", copied);
    }
}

}  // namespace

std::string place_supplied_pages(const std::string& pdf, const page::PageDocument& document) {
    bool any = false;
    for (const auto& p : document.pages) any = any || !p.placed_pdf.empty() || p.made_page;
    if (!any) return pdf;
    try {
        QPDF q;
        q.processMemoryFile("issue.pdf", pdf.data(), pdf.size());
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(q).getAllPages();
        // Each supplied file is opened once and its form XObject copied once, however often it is placed
        // (a house filler may fill several pages).
        std::map<std::filesystem::path, std::unique_ptr<QPDF>> sources;
        std::map<std::filesystem::path, std::pair<QPDFObjectHandle, PdfBox>> forms;
        const double off = document.geometry.trim_offset().pt();
        const double media_h = document.geometry.media().height.pt();
        take_made_pages(q, pages, document);
        for (std::size_t i = 0; i < document.pages.size() && i < pages.size(); ++i) {
            const std::filesystem::path& path = document.pages[i].placed_pdf;
            if (path.empty()) continue;
            auto it = forms.find(path);
            if (it == forms.end()) {
                auto source = std::make_unique<QPDF>();
                source->processFile(path.string().c_str());
                std::vector<QPDFPageObjectHelper> theirs = QPDFPageDocumentHelper(*source).getAllPages();
                if (theirs.empty()) throw QuireError(SourceSpan{path.string()}, "the supplied PDF has no pages");
                QPDFPageObjectHelper& first = theirs.front();
                const PdfBox trim = to_box(first.getTrimBox(true).getArrayAsRectangle());
                const PdfBox bleed = to_box(first.getBleedBox(true).getArrayAsRectangle());
                QPDFObjectHandle form = first.getFormXObjectForPage(false);
                // The form shows the page to its bleed (qpdf bounds it by the trim box).
                form.getDict().replaceKey("/BBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(
                                                       bleed.x0, bleed.y0, bleed.x1, bleed.y1)));
                QPDFObjectHandle copied = q.copyForeignObject(form);
                sources.emplace(path, std::move(source));
                it = forms.emplace(path, std::make_pair(copied, trim)).first;
            }
            const auto& [form, trim] = it->second;
            QPDFPageObjectHelper& page = pages[i];
            QPDFObjectHandle resources = page.getObjectHandle().getKey("/Resources");
            if (!resources.isDictionary()) {
                resources = QPDFObjectHandle::newDictionary();
                page.getObjectHandle().replaceKey("/Resources", resources);
            }
            if (!resources.hasKey("/XObject")) resources.replaceKey("/XObject", QPDFObjectHandle::newDictionary());
            const std::string name = "/QuireSupplied";
            resources.getKey("/XObject").replaceKey(name, form);
            // Our trim's lower-left corner in PDF space is (off, media_h - off - trim height) = (off, off).
            (void)media_h;
            char cm[160];
            std::snprintf(cm, sizeof cm, "q 1 0 0 1 %.6f %.6f cm %s Do Q\n", off - trim.x0, off - trim.y0, name.c_str());
            page.addPageContents(QPDFObjectHandle::newStream(&q, cm), false);
        }
        use_fast_deflate();
        QPDFWriter writer(q);
        writer.setDeterministicID(true);
        writer.setObjectStreamMode(qpdf_o_generate);
        writer.setCompressStreams(true);
        writer.setDecodeLevel(qpdf_dl_none);
        return write_to_string(writer, pdf.size() * 2);
    } catch (const QuireError&) {
        throw;
    } catch (const std::exception& e) {
        throw QuireError(SourceSpan{}, std::string("placing the supplied pages (qpdf) failed: ") + e.what());
    }
}

}  // namespace quire::render
