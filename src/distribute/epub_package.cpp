#include "distribute/epub_package.hpp"

#include "core/diagnostic.hpp"

#include <tinyxml2.h>

#include <cstring>

namespace quire::distribute {

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    throw QuireError(SourceSpan{file}, message);
}

// Element name without its namespace prefix ("dc:title" → "title").
const char* local_name(const tinyxml2::XMLElement* e) {
    const char* name = e->Name();
    const char* colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}

std::string text_of(const tinyxml2::XMLElement* e) {
    std::string out;
    for (const tinyxml2::XMLNode* n = e->FirstChild(); n; n = n->NextSibling()) {
        if (n->ToText()) out += n->Value();
        else if (const auto* child = n->ToElement()) out += text_of(child);
    }
    return out;
}

std::string attr(const tinyxml2::XMLElement* e, const char* name) {
    const char* v = e->Attribute(name);
    return v ? v : "";
}

const tinyxml2::XMLElement* child(const tinyxml2::XMLElement* e, const char* local) {
    for (const auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
        if (std::strcmp(local_name(c), local) == 0) return c;
    return nullptr;
}

}  // namespace

ZipArchive open_zip_from_memory(const std::string& bytes, const std::string& name_for_errors) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        fail(name_for_errors, "cannot read the EPUB (" + why + ")");
    }
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!zip) {
        zip_source_free(source);  // not taken over on failure (zip_open_from_source(3))
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        fail(name_for_errors, "not a ZIP file, or a damaged one (" + why + ")");
    }
    zip_error_fini(&error);
    return ZipArchive{zip};
}

std::vector<ZipEntry> zip_entries(zip_t* zip) {
    std::vector<ZipEntry> out;
    const zip_int64_t n = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const char* name = zip_get_name(zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        if (name) out.push_back(ZipEntry{name, static_cast<zip_uint64_t>(i)});
    }
    return out;
}

std::string read_entry(zip_t* zip, const std::string& name, const std::string& file) {
    zip_stat_t st;
    if (zip_stat(zip, name.c_str(), 0, &st) != 0) fail(file, "the EPUB has no " + name);
    Handle<zip_file_t, zip_fclose> f{zip_fopen_index(zip, st.index, 0)};
    if (!f) fail(file, "cannot read " + name + " in the EPUB (" + zip_strerror(zip) + ")");
    std::string out(static_cast<std::size_t>(st.size), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
        const zip_int64_t n = zip_fread(f.get(), out.data() + done, out.size() - done);
        if (n <= 0) fail(file, "cannot read " + name + " in the EPUB (damaged?)");
        done += static_cast<std::size_t>(n);
    }
    return out;
}

std::string resolve_href(const std::string& folder, const std::string& href) {
    std::string path = href;
    const auto hash = path.find('#');
    if (hash != std::string::npos) path.resize(hash);
    std::vector<std::string> parts;
    const std::string joined = folder + path;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const auto slash = joined.find('/', start);
        const std::string part = joined.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

const PackageItem* PackageInfo::find_id(const std::string& id) const {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

const PackageItem* PackageInfo::cover_image() const {
    for (const auto& item : items)
        if ((" " + item.properties + " ").find(" cover-image ") != std::string::npos) return &item;
    return nullptr;
}

PackageInfo read_package(zip_t* zip, const std::string& file) {
    PackageInfo info;
    const std::string container = read_entry(zip, "META-INF/container.xml", file);
    tinyxml2::XMLDocument cdoc;
    if (cdoc.Parse(container.data(), container.size()) != tinyxml2::XML_SUCCESS)
        fail(file, "META-INF/container.xml is not well-formed XML");
    const tinyxml2::XMLElement* rootfiles = cdoc.RootElement() ? child(cdoc.RootElement(), "rootfiles") : nullptr;
    const tinyxml2::XMLElement* rootfile = rootfiles ? child(rootfiles, "rootfile") : nullptr;
    if (!rootfile || attr(rootfile, "full-path").empty()) fail(file, "META-INF/container.xml names no package document");
    info.opf_path = attr(rootfile, "full-path");
    const auto slash = info.opf_path.rfind('/');
    info.opf_folder = slash == std::string::npos ? "" : info.opf_path.substr(0, slash + 1);
    info.opf = read_entry(zip, info.opf_path, file);

    tinyxml2::XMLDocument doc;
    if (doc.Parse(info.opf.data(), info.opf.size()) != tinyxml2::XML_SUCCESS)
        fail(file + ":" + info.opf_path, "the package document is not well-formed XML");
    const tinyxml2::XMLElement* package = doc.RootElement();
    const tinyxml2::XMLElement* metadata = package ? child(package, "metadata") : nullptr;
    const tinyxml2::XMLElement* manifest = package ? child(package, "manifest") : nullptr;
    const tinyxml2::XMLElement* spine = package ? child(package, "spine") : nullptr;
    if (!metadata || !manifest || !spine) fail(file + ":" + info.opf_path, "the package document lacks metadata, manifest or spine");

    const std::string unique_id = attr(package, "unique-identifier");
    std::string collection_id;
    for (const auto* e = metadata->FirstChildElement(); e; e = e->NextSiblingElement()) {
        const std::string name = local_name(e);
        const std::string value = text_of(e);
        if (name == "title" && info.title.empty()) info.title = value;
        else if (name == "language" && info.language.empty()) info.language = value;
        else if (name == "description" && info.description.empty()) info.description = value;
        else if (name == "date" && info.date.empty()) info.date = value;
        else if (name == "publisher" && info.publisher.empty()) info.publisher = value;
        else if (name == "identifier" && (attr(e, "id") == unique_id || info.identifier.empty())) info.identifier = value;
        else if (name == "meta") {
            const std::string property = attr(e, "property");
            if (property == "dcterms:modified") info.modified = value;
            else if (property == "belongs-to-collection" && info.collection.empty()) {
                info.collection = value;
                collection_id = attr(e, "id");
            }
        }
    }
    // group-position refines the collection: the issue's number in the magazine (EPUB 3.3 §D.4.1).
    for (const auto* e = metadata->FirstChildElement(); e; e = e->NextSiblingElement())
        if (std::strcmp(local_name(e), "meta") == 0 && attr(e, "property") == "group-position" &&
            !collection_id.empty() && attr(e, "refines") == "#" + collection_id)
            info.collection_position = text_of(e);

    for (const auto* e = manifest->FirstChildElement(); e; e = e->NextSiblingElement()) {
        if (std::strcmp(local_name(e), "item") != 0) continue;
        PackageItem item{attr(e, "id"), attr(e, "href"), "", attr(e, "media-type"), attr(e, "properties")};
        item.path = resolve_href(info.opf_folder, item.href);
        info.items.push_back(std::move(item));
    }
    for (const auto* e = spine->FirstChildElement(); e; e = e->NextSiblingElement())
        if (std::strcmp(local_name(e), "itemref") == 0) info.spine.push_back(attr(e, "idref"));
    return info;
}

}  // namespace quire::distribute
