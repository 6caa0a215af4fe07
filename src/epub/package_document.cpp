#include "epub/package_document.hpp"

#include "epub/xml_text.hpp"

namespace quire::epub {

namespace {
void meta_property(std::string& out, const std::string& property, const std::string& value,
                   const std::string& refines = {}, const std::string& id = {}) {
    Attributes attributes;
    if (!refines.empty()) attributes.push_back({"refines", refines});
    attributes.push_back({"property", property});
    if (!id.empty()) attributes.push_back({"id", id});
    out += "    ";
    text_element(out, "meta", value, attributes);
    out += '\n';
}

void dc(std::string& out, const std::string& name, const std::string& value, const Attributes& attributes = {}) {
    if (value.empty()) return;
    out += "    ";
    text_element(out, "dc:" + name, value, attributes);
    out += '\n';
}
}  // namespace

std::string package_document(const Book& book) {
    const BookMetadata& m = book.meta;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    // a11y:, schema: and dcterms: are reserved prefixes in EPUB 3 (§D.3): no prefix attribute needed.
    out += "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"" +
           escape_xml_attribute(m.language) + "\">\n";
    out += "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    dc(out, "identifier", m.identifier, {{"id", "pub-id"}});
    for (const auto& other : m.other_identifiers) dc(out, "identifier", other);
    dc(out, "title", m.title, {{"id", "title"}});
    if (!m.title.empty()) meta_property(out, "title-type", "main", "#title");
    if (!m.subtitle.empty()) {
        dc(out, "title", m.subtitle, {{"id", "subtitle"}});
        meta_property(out, "title-type", "subtitle", "#subtitle");
    }
    // Authors are creators, everyone else who made the text contributors, each with a MARC relator
    // role (EPUB 3.3 §D.3.13) and the creators with their sort form (file-as).
    auto people = [&out](const std::vector<Creator>& list, const char* element, const char* id_prefix) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string id = id_prefix + std::to_string(i + 1);
            dc(out, element, list[i].name, {{"id", id}});
            out += "    <meta refines=\"#" + id + "\" property=\"role\" scheme=\"marc:relators\">" +
                   escape_xml_text(list[i].role) + "</meta>\n";
            if (!list[i].file_as.empty()) meta_property(out, "file-as", list[i].file_as, "#" + id);
        }
    };
    people(m.creators, "creator", "creator-");
    people(m.contributors, "contributor", "contributor-");
    dc(out, "language", m.language);
    dc(out, "date", m.date);
    dc(out, "publisher", m.publisher);
    dc(out, "rights", m.rights);
    dc(out, "description", m.description);
    for (const auto& subject : m.subjects) dc(out, "subject", subject);
    for (const auto& source : m.sources) dc(out, "source", source);
    if (!m.print_source.empty()) {
        // The print edition the page-list follows (EPUB 3.3 §D.3.17 source-of "pagination").
        dc(out, "source", m.print_source, {{"id", "print-source"}});
        meta_property(out, "source-of", "pagination", "#print-source");
    }
    meta_property(out, "dcterms:modified", m.modified);
    if (!m.collection.empty()) {
        // EPUB 3.3 §D.4.1: belongs-to-collection; the serial's ISSN identifies the collection.
        meta_property(out, "belongs-to-collection", m.collection, {}, "magazine");
        meta_property(out, "collection-type", "series", "#magazine");
        for (const auto& issn : m.issns) meta_property(out, "dcterms:identifier", "urn:issn:" + issn, "#magazine");
        if (!m.collection_position.empty()) meta_property(out, "group-position", m.collection_position, "#magazine");
    }
    // EPUB Accessibility 1.1 §2 (schema.org accessibility properties).
    for (const auto& v : m.access_modes) meta_property(out, "schema:accessMode", v);
    for (const auto& v : m.access_modes_sufficient) meta_property(out, "schema:accessModeSufficient", v);
    for (const auto& v : m.accessibility_features) meta_property(out, "schema:accessibilityFeature", v);
    meta_property(out, "schema:accessibilityHazard", "none");
    meta_property(out, "schema:accessibilitySummary", m.accessibility_summary);
    // Where the page breaks come from: dc:source refined by source-of "pagination" above (EPUB 3.2
    // §4.2.4.3). EPUB Accessibility 1.1's a11y:pageBreakSource is not written: epubcheck 4.2 (Debian
    // 12) rejects it (OPF-027), under a prefix of our own too, as it resolves the vocabulary's IRI.
    meta_property(out, "dcterms:conformsTo", kConformsTo);
    if (!m.publisher.empty()) meta_property(out, "a11y:certifiedBy", m.publisher);
    // EPUB 2 readers find the cover image through this (OPF 2.0.1 convention, allowed by EPUB 3.3 §D.5).
    for (const auto& r : book.resources)
        if (r.properties.find("cover-image") != std::string::npos)
            out += "    <meta name=\"cover\" content=\"" + escape_xml_attribute(r.id) + "\"/>\n";
    out += "  </metadata>\n";

    out += "  <manifest>\n";
    for (const auto& r : book.resources) {
        Attributes attributes{{"id", r.id}, {"href", r.href}, {"media-type", r.media_type}};
        if (!r.properties.empty()) attributes.push_back({"properties", r.properties});
        out += "    ";
        empty_tag(out, "item", attributes);
        out += '\n';
    }
    out += "  </manifest>\n";

    std::string ncx_id;
    for (const auto& r : book.resources)
        if (r.media_type == "application/x-dtbncx+xml") ncx_id = r.id;
    out += ncx_id.empty() ? "  <spine>\n" : "  <spine toc=\"" + escape_xml_attribute(ncx_id) + "\">\n";
    for (const auto& r : book.resources) {
        if (r.spine == SpinePlace::None) continue;
        Attributes attributes{{"idref", r.id}};
        if (r.spine == SpinePlace::NonLinear) attributes.push_back({"linear", "no"});
        out += "    ";
        empty_tag(out, "itemref", attributes);
        out += '\n';
    }
    out += "  </spine>\n</package>\n";
    return out;
}

}  // namespace quire::epub
