#include "render/press_pdf.hpp"

#include "core/artefact_cache.hpp"
#include "core/digest.hpp"
#include "core/markup_escape.hpp"
#include "core/source_date.hpp"
#include "render/post_pass.hpp"
#include "render/press_color.hpp"
#include "render/press_image.hpp"

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <zlib.h>

#include <cstdio>

namespace quire::render {

namespace fs = std::filesystem;

OutputIntent output_intent_for(const model::Publication* publication, Diagnostics& diagnostics) {
    OutputIntent intent;
    if (publication && !publication->output_intent_profile.empty()) {
        fs::path profile = publication->output_intent_profile;
        if (profile.is_relative() && !publication->source_file.empty())
            profile = fs::path(publication->source_file).parent_path() / profile;
        intent.profile = profile;
        intent.condition = publication->output_intent_condition;
        return intent;
    }
    // A publication profile without an intent is a warning (the desk should name the printer's);
    // an article with no profile at all (a quick one-off) gets the default silently.
    const std::string message = std::string("no <output-intent> in the publication profile: the press PDF uses the free ") +
                            style::kDefaultCmykProfile +
                            "; ask the printer for their CMYK profile (e.g. FOGRA39) and name it there";
    if (publication) diagnostics.warning(SourceSpan{publication->source_file}, message);

    return intent;
}

namespace {

// A UUID-shaped identifier derived from `text` (two 64-bit FNV-1a hashes): reproducible, and
// different when the text differs.
std::string uuid_from(const std::string& text) {
    const unsigned long long a = fnv1a_64(text), b = fnv1a_64(text, 0x84222325cbf29ce4ULL);
    char buf[48];
    std::snprintf(buf, sizeof buf, "uuid:%08llx-%04llx-%04llx-%04llx-%012llx", a >> 32, (a >> 16) & 0xffff, a & 0xffff,
                  b >> 48, b & 0xffffffffffffULL);
    return buf;
}

void collect(const style::Color& c, std::vector<style::Color>& out) {
    for (const style::Color& seen : out)
        if (seen == c) return;
    out.push_back(c);
}

std::string xmp_packet(const PressSettings& s, const std::string& date) {
    const std::string title = escape_xml_text(s.title.empty() ? "Untitled" : s.title);
    std::string x;
    // The xpacket header's BOM and id are fixed by the XMP specification (part 1, §7.3).
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "  <rdf:Description rdf:about=\"\"\n";
    x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
    x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
    x += "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n";
    x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
    x += "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n";
    x += "   <dc:format>application/pdf</dc:format>\n";
    x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + title + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!s.author.empty())
        x += "   <dc:creator><rdf:Seq><rdf:li>" + escape_xml_text(s.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
    x += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
    x += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
    x += "   <xmp:CreatorTool>quire</xmp:CreatorTool>\n";
    x += "   <xmpMM:DocumentID>" + uuid_from("document " + s.document_key) + "</xmpMM:DocumentID>\n";
    x += "   <xmpMM:InstanceID>" + uuid_from("instance " + s.instance_key) + "</xmpMM:InstanceID>\n";
    // PDF/X-4 (ISO 15930-7 §6.7.2) asks for the version and rendition class of xmpMM.
    x += "   <xmpMM:VersionID>1</xmpMM:VersionID>\n";
    x += "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
    x += "   <pdf:Producer>quire</pdf:Producer>\n";
    x += "   <pdf:Trapped>False</pdf:Trapped>\n";
    x += "   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n";
    x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
    x += std::string(1024, ' ') + "\n";  // room to edit in place, as the XMP specification suggests
    x += "<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace

PressSettings press_settings(const page::PageDocument& doc, const PdfOptions& options) {
    PressSettings s;
    s.profile = press_profile(options.intent);
    s.condition = options.intent.condition.empty() ? "Custom" : options.intent.condition;
    s.max_ink = options.max_ink;
    s.geometry = doc.geometry;
    s.crop_marks = options.crop_marks;
    s.threads = options.press_threads;
    s.title = doc.info.title;
    s.author = doc.info.author;
    s.date = output_timestamp(doc.info.date);  // as render_pdf's Info dates
    for (const page::Page& p : doc.pages)
        for (const page::Item& item : p.items) {
            if (const auto* t = std::get_if<page::TextItem>(&item)) collect(t->color, s.swatches);
            else if (const auto* r = std::get_if<page::RuleItem>(&item)) collect(r->color, s.swatches);
            else if (const auto* b = std::get_if<page::BoxItem>(&item)) collect(b->fill, s.swatches);
        }
    // The document keeps its ID across revisions (its title and author); each rendition differs.
    s.document_key = doc.info.title + "\n" + doc.info.author;
    return s;
}

void set_rendition(PressSettings& s, const std::string& cairo_pdf) {
    s.instance_key = s.document_key + "\n" + digest_128(cairo_pdf).hex() + " " + std::to_string(cairo_pdf.size());
}

namespace {

// The output intent's profile as a stream, already deflated. Deflating its bytes (Ghostscript's
// default_cmyk.icc: 187 kB) was a quarter of the instructions of a one-page `quire pdf`, at every
// run, for the same bytes: they are kept in the artefact cache instead ("icc-flate", keyed by the
// profile's hash and size). Deflated by qpdf's own Pl_Flate at the level the writer uses
// (use_fast_deflate), so the stream's bytes are those the writer made when it compressed them
// itself, cached or not; the writer passes a filtered stream through (decode level none).
QPDFObjectHandle embedded_profile(QPDF& pdf, const style::CmykProfile& profile) {
    use_fast_deflate();
    const std::string key = "profile " + std::to_string(profile.icc_hash()) + " " + std::to_string(profile.icc().size()) +
                            " level " + std::to_string(Z_BEST_SPEED);
    const std::string deflated = ArtefactCache::shared().get_or_make("icc-flate", key, [&] {
        Pl_Buffer buffer("icc");
        Pl_Flate flate("icc deflate", &buffer, Pl_Flate::a_deflate);
        flate.write(reinterpret_cast<const unsigned char*>(profile.icc().data()), profile.icc().size());
        flate.finish();
        const auto bytes = buffer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
    });
    QPDFObjectHandle icc = pdf.newStream();
    icc.replaceStreamData(deflated, QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
    return icc;
}

}  // namespace

void make_press_ready(QPDF& pdf, const PressSettings& s) {
    const style::CmykProfile& profile = *s.profile;
    const SwatchMap swatches(s.swatches, profile);
    convert_document_colour(pdf, swatches, profile, s.max_ink, ColourWorkers{s.threads});
    if (s.crop_marks == CropMarks::Yes && s.geometry.slug.pt() > 0) add_registration_crop_marks(pdf, s.geometry);

    QPDFObjectHandle root = pdf.getRoot();
    // The output intent (ISO 15930-7 §6.2.4): the characterised printing condition and its profile.
    QPDFObjectHandle icc = embedded_profile(pdf, profile);
    icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
    QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString(s.condition));
    intent.replaceKey("/OutputCondition", QPDFObjectHandle::newString(profile.description()));
    intent.replaceKey("/Info", QPDFObjectHandle::newString(profile.description()));
    intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
    intent.replaceKey("/DestOutputProfile", icc);
    QPDFObjectHandle intents = QPDFObjectHandle::newArray();
    intents.appendItem(pdf.makeIndirectObject(intent));
    root.replaceKey("/OutputIntents", intents);

    const std::string date = iso8601_utc(s.date);
    QPDFObjectHandle metadata = pdf.newStream(xmp_packet(s, date));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);

    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
    if (!info.hasKey("/Title")) info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(s.title.empty() ? "Untitled" : s.title));
}

}  // namespace quire::render
