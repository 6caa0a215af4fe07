// Reading an EPUB quire made (an article or an issue) far enough to personalise, trace and list it:
// the OCF container (META-INF/container.xml → the package document), and from the package document
// its metadata, manifest and spine. Works on the file's bytes in memory; libzip reads the ZIP.
#pragma once

#include "core/handle.hpp"

#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace quire::distribute {

using ZipArchive = Handle<zip_t, zip_discard>;

// A ZIP opened read-only from bytes the caller keeps alive (one per thread: libzip handles are not
// shared between threads).
ZipArchive open_zip_from_memory(const std::string& bytes, const std::string& name_for_errors);

struct ZipEntry {
    std::string name;
    zip_uint64_t index = 0;
};
std::vector<ZipEntry> zip_entries(zip_t* zip);
// The uncompressed bytes of entry `name`. Throws QuireError naming `file` if it is missing.
std::string read_entry(zip_t* zip, const std::string& name, const std::string& file);

struct PackageItem {
    std::string id;
    std::string href;        // as in the manifest, relative to the package document
    std::string path;        // the ZIP entry name
    std::string media_type;
    std::string properties;
};

struct PackageInfo {
    std::string opf_path;    // "EPUB/package.opf"
    std::string opf_folder;  // "EPUB/" (with the slash) or ""
    std::string opf;         // its text
    std::string title, language, description, date, modified, identifier, publisher;
    std::string collection, collection_position;  // belongs-to-collection and its group-position
    std::vector<PackageItem> items;               // manifest order
    std::vector<std::string> spine;               // idrefs in reading order

    const PackageItem* find_id(const std::string& id) const;
    const PackageItem* cover_image() const;       // the item with properties="cover-image"
};

// Throws QuireError naming `file` when the container or package document is missing or malformed.
PackageInfo read_package(zip_t* zip, const std::string& file);

// The ZIP entry name of `href` relative to `folder` ("EPUB/"), with "." and ".." resolved.
std::string resolve_href(const std::string& folder, const std::string& href);

}  // namespace quire::distribute
