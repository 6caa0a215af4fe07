#include "import/docx_package.hpp"

#include "core/diagnostic.hpp"
#include "core/handle.hpp"

#include <zip.h>

#include <algorithm>

namespace quire::import {

namespace {

using Zip = Handle<zip_t, zip_discard>;          // read only: nothing to write back
using ZipFile = Handle<zip_file_t, zip_fclose>;

std::string mib(std::uint64_t bytes) { return std::to_string((bytes + (1u << 19)) >> 20) + " MiB"; }

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Reads entry `index` into a string, never more than `cap` bytes: the declared size is checked
// before inflating, and the inflated bytes are counted too, since a crafted archive can declare a
// small size and inflate to far more (a zip bomb).
std::string read_entry(zip_t* zip, zip_uint64_t index, const std::string& name, std::uint64_t cap,
                       const DocxLimits& limits, const std::string& file) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip, index, 0, &st) != 0)
        throw QuireError(SourceSpan{file}, "cannot read the entry " + name + " of the archive");
    const auto bomb = [&](const std::string& why) {
        return QuireError(SourceSpan{file}, "not a plausible Word document: the entry " + name + " " + why +
                                                " (a zip bomb?); nothing was imported");
    };
    if ((st.valid & ZIP_STAT_SIZE) && st.size > cap)
        throw bomb("expands to " + mib(st.size) + ", more than the " + mib(cap) + " limit");
    if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > (1u << 20) &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits.max_ratio)
        throw bomb("expands " + std::to_string(st.size / std::max<zip_uint64_t>(st.comp_size, 1)) +
                   " times (more than " + std::to_string(limits.max_ratio) + ")");
    ZipFile f{zip_fopen_index(zip, index, 0)};
    if (!f) throw QuireError(SourceSpan{file}, "cannot open the entry " + name + ": " + zip_strerror(zip));
    std::string out;
    out.reserve(static_cast<std::size_t>(std::min<zip_uint64_t>(st.size, cap)));
    char buffer[1 << 16];
    for (;;) {
        const zip_int64_t n = zip_fread(f.get(), buffer, sizeof buffer);
        if (n < 0) throw QuireError(SourceSpan{file}, "the entry " + name + " is damaged: " + zip_file_strerror(f.get()));
        if (n == 0) break;
        if (out.size() + static_cast<std::uint64_t>(n) > cap) throw bomb("inflates past the " + mib(cap) + " limit");
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

// What a zip that is not a DOCX probably is, from its entries (for the message).
std::string what_zip_is(zip_t* zip, const std::string& mimetype) {
    if (!mimetype.empty()) return "its mimetype entry says " + mimetype;
    const zip_int64_t n = zip_get_num_entries(zip, 0);
    if (zip_name_locate(zip, "xl/workbook.xml", 0) >= 0) return "it is an Excel workbook";
    if (zip_name_locate(zip, "ppt/presentation.xml", 0) >= 0) return "it is a PowerPoint presentation";
    std::string names;
    for (zip_int64_t i = 0; i < n && i < 3; ++i) {
        const char* name = zip_get_name(zip, static_cast<zip_uint64_t>(i), 0);
        if (!name) continue;
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    return "it holds " + std::to_string(n) + (n == 1 ? " entry" : " entries") + (names.empty() ? "" : " (" + names + (n > 3 ? ", …" : "") + ")");
}

}  // namespace

DocxPackage open_docx(std::string_view bytes, const std::string& file, const DocxLimits& limits) {
    DocxPackage package;
    package.file = file;
    package.limits = limits;
    package.bytes.assign(bytes);
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK")
        throw QuireError(SourceSpan{file}, "not a Word document: a .docx file is a zip archive, and this one does not "
                                           "start like one (an old binary .doc, or a file renamed?)");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(package.bytes.data(), package.bytes.size(), 0, &error);
    if (!source) throw QuireError(SourceSpan{file}, std::string("cannot read the archive: ") + zip_error_strerror(&error));
    Zip zip{zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error)};
    if (!zip) {
        zip_source_free(source);
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw QuireError(SourceSpan{file}, "not a Word document: the zip archive is damaged (" + why + ")");
    }
    const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
    std::uint64_t total = 0;
    std::string mimetype;
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        const char* raw = zip_get_name(zip.get(), index, 0);
        if (!raw) continue;
        const std::string name = raw;
        const bool xml = ends_with(name, ".xml") || ends_with(name, ".rels");
        if (name == "mimetype") {
            mimetype = read_entry(zip.get(), index, name, 200, limits, file);
            continue;
        }
        if (name.rfind("word/media/", 0) == 0) {
            package.media[name] = index;
            continue;
        }
        if (!xml) continue;
        // Only the parts the importer reads are inflated.
        static const char* wanted[] = {"[Content_Types].xml", "word/document.xml", "word/styles.xml",
                                       "word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml",
                                       "word/comments.xml", "word/_rels/document.xml.rels"};
        if (std::find(std::begin(wanted), std::end(wanted), name) == std::end(wanted)) continue;
        std::string data = read_entry(zip.get(), index, name, limits.max_xml_entry, limits, file);
        total += data.size();
        if (total > limits.max_total)
            throw QuireError(SourceSpan{file}, "not a plausible Word document: its parts expand past " + mib(limits.max_total));
        package.parts.emplace(name, std::move(data));
    }
    if (!package.parts.count("word/document.xml"))
        throw QuireError(SourceSpan{file}, "not a Word document: the zip has no word/document.xml; " +
                                               what_zip_is(zip.get(), mimetype));
    return package;
}

std::string DocxPackage::read_media(const std::string& name) const {
    const auto found = media.find(name);
    if (found == media.end()) throw QuireError(SourceSpan{file}, "the image " + name + " is missing from the archive");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) throw QuireError(SourceSpan{file}, "cannot read the archive again");
    Zip zip{zip_open_from_source(source, ZIP_RDONLY, &error)};
    if (!zip) {
        zip_source_free(source);
        throw QuireError(SourceSpan{file}, "cannot read the archive again");
    }
    return read_entry(zip.get(), found->second, name, limits.max_media_entry, limits, file);
}

}  // namespace quire::import
