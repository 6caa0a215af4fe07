// The press pass's colour rewriting (render/press_color.hpp) on content streams written by hand, and
// on a document's pages on one thread and on several.
#include "render/press_color.hpp"

#include <doctest/doctest.h>

#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>

using namespace quire;

TEST_CASE("RGB operators written by Cairo become the swatches' CMYK, greys black ink only") {
    auto profile = style::CmykProfile::default_profile();
    if (!profile) {
        MESSAGE("skipped: default_cmyk.icc (libgs-common) is not installed");
        return;
    }
    const style::Color text = *style::parse_color("cmyk(0 0 0 100)");
    const style::Color red = *style::parse_color("cmyk(24 98 92 18)");
    const render::SwatchMap swatches({text, red}, *profile);
    char content[256];
    std::snprintf(content, sizeof content, "q\n%f %f %f rg BT /f1 9 Tf (x) Tj ET\n%f %f %f RG 0.5 w 0 0 m 10 0 l S\n0.333333 0.333333 0.333333 rg 0 0 5 5 re f\nQ\n",
                  text.r, text.g, text.b, red.r, red.g, red.b);
    const std::string out = render::cmyk_content(content, swatches);
    CHECK(out.find(" rg") == std::string::npos);
    CHECK(out.find(" RG") == std::string::npos);
    CHECK(out.find("0 0 0 1 k") != std::string::npos);
    CHECK(out.find("0.24 0.98 0.92 0.18 K") != std::string::npos);
    CHECK(out.find("0 0 0 0.667 k") != std::string::npos);
    CHECK(out.find("(x) Tj") != std::string::npos);
}

namespace {

std::string deflated(const std::string& text) {
    std::string out;
    Pl_String sink("test", nullptr, out);
    Pl_Flate flate("test deflate", &sink, Pl_Flate::a_deflate);
    flate.write(reinterpret_cast<const unsigned char*>(text.data()), text.size());
    flate.finish();
    return out;
}

// Five pages as Cairo writes them (one Flate stream each), and two as it does not: an
// uncompressed stream, and two streams the second of which follows one without a final newline.
std::string recoloured_file(int workers, const style::CmykProfile& profile, const render::SwatchMap& swatches) {
    QPDF q;
    q.emptyPDF();
    QPDFPageDocumentHelper pages(q);
    for (int p = 0; p < 7; ++p) {
        const std::string text = "q\n0.5 0.5 0.5 rg 0 0 " + std::to_string(10 + p) + " 10 re f\n1 0 0 RG 0 0 m 5 5 l S\nQ\n";
        QPDFObjectHandle page = q.makeIndirectObject(QPDFObjectHandle::parse(
            "<< /Type /Page /MediaBox [0 0 100 100] /Resources << >> >>"));
        if (p == 5) {
            page.replaceKey("/Contents", q.newStream(text));
        } else if (p == 6) {
            QPDFObjectHandle parts = QPDFObjectHandle::newArray();
            parts.appendItem(q.newStream("0 0 1 rg"));
            parts.appendItem(q.newStream(text));
            page.replaceKey("/Contents", parts);
        } else {
            QPDFObjectHandle stream = q.newStream();
            stream.replaceStreamData(deflated(text), QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
            page.replaceKey("/Contents", stream);
        }
        pages.addPage(page, false);
    }
    render::convert_document_colour(q, swatches, profile, 3.0, render::ColourWorkers{workers});
    for (QPDFPageObjectHelper& page : pages.getAllPages()) {
        std::string content;
        Pl_String sink("content", nullptr, content);
        page.pipeContents(&sink);
        CHECK(content.find(" rg") == std::string::npos);
        CHECK(content.find(" RG") == std::string::npos);
        CHECK(content.find("0 0 0 0.5 k") != std::string::npos);
    }
    std::string joined;
    Pl_String sink("last page", nullptr, joined);
    pages.getAllPages().back().pipeContents(&sink);
    CHECK(joined.rfind("0 0 1 rg", 0) == std::string::npos);  // the blue, converted too
    CHECK(joined.find("\nq\n") != std::string::npos);          // the streams joined with a newline
    QPDFWriter writer(q);
    writer.setStaticID(true);
    writer.setOutputMemory();
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

TEST_CASE("the pages' colour rewritten on two threads gives the file one thread gives") {
    auto profile = style::CmykProfile::default_profile();
    if (!profile) {
        MESSAGE("skipped: default_cmyk.icc (libgs-common) is not installed");
        return;
    }
    const render::SwatchMap swatches({*style::parse_color("cmyk(0 0 0 100)")}, *profile);
    const std::string one = recoloured_file(1, *profile, swatches);
    CHECK(recoloured_file(2, *profile, swatches) == one);
    CHECK(recoloured_file(4, *profile, swatches) == one);
}
