#include "distribute/personalise.hpp"

#include "core/diagnostic.hpp"
#include "core/markup_escape.hpp"
#include "core/output_file.hpp"

#include <algorithm>
#include <cstring>

namespace quire::distribute {

namespace {

using ZipSource = Handle<zip_source_t, zip_source_free>;

[[noreturn]] void zip_fail(const std::string& file, const std::string& what, zip_error_t* error) {
    throw QuireError(SourceSpan{file}, "cannot write the copy (" + what + ": " + zip_error_strerror(error) + ")");
}

// MS-DOS date and time (PKWARE APPNOTE 4.4.6), from UTC, as src/epub/ocf_container.cpp writes them.
void dos_time(std::time_t t, zip_uint16_t& time, zip_uint16_t& date) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    if (tm.tm_year < 80) {
        tm = std::tm{};
        tm.tm_year = 80;
        tm.tm_mday = 1;
    }
    time = static_cast<zip_uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    date = static_cast<zip_uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

// "2022-01-17T00:00:00Z" → seconds since 1970 (UTC); 0 when not in that form.
std::time_t parse_modified(const std::string& s) {
    std::tm tm{};
    if (s.size() < 19 || !strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
    return timegm(&tm);
}

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

bool is_content_document(const PackageItem& item) {
    return item.media_type == "application/xhtml+xml";
}

// A ZIP written into memory (libzip's buffer source), entries added in order.
class CopyWriter {
public:
    CopyWriter(const std::string& file, std::time_t when) : file_(file) {
        zip_error_init(&error_);
        buffer_.reset(zip_source_buffer_create(nullptr, 0, 0, &error_));
        if (!buffer_) zip_fail(file_, "buffer", &error_);
        archive_ = zip_open_from_source(buffer_.get(), ZIP_TRUNCATE, &error_);
        if (!archive_) zip_fail(file_, "open", &error_);
        zip_source_keep(buffer_.get());
        dos_time(when, dtime_, ddate_);
    }
    ~CopyWriter() {
        if (archive_) zip_discard(archive_);
        zip_error_fini(&error_);
    }
    CopyWriter(const CopyWriter&) = delete;
    CopyWriter& operator=(const CopyWriter&) = delete;

    // The entry as it is in `source`, compressed bytes copied without recompressing.
    void add_raw(zip_t* source, zip_uint64_t index, const std::string& name) {
        zip_stat_t st;
        if (zip_stat_index(source, index, 0, &st) != 0) zip_fail(file_, "stat of " + name, zip_get_error(source));
        zip_source_t* s = zip_source_zip(archive_, source, index, ZIP_FL_COMPRESSED, 0, -1);
        if (!s) zip_fail(file_, "source for " + name, zip_get_error(archive_));
        finish_add(s, name, Method::AsSource, st.comp_method);
    }
    // New bytes (kept alive by the caller until finish()), deflated.
    void add_new(const std::string& name, const std::string& bytes) {
        zip_source_t* s = zip_source_buffer(archive_, bytes.data(), bytes.size(), 0);
        if (!s) zip_fail(file_, "source for " + name, zip_get_error(archive_));
        finish_add(s, name, Method::Deflate);
    }

    std::string finish() {
        if (zip_close(archive_) != 0) zip_fail(file_, "close", zip_get_error(archive_));
        archive_ = nullptr;
        zip_source_t* src = buffer_.get();
        zip_stat_t st;
        if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) zip_fail(file_, "reopen", zip_source_error(src));
        std::string out(static_cast<std::size_t>(st.size), '\0');
        std::size_t done = 0;
        while (done < out.size()) {
            const zip_int64_t n = zip_source_read(src, out.data() + done, out.size() - done);
            if (n <= 0) {
                zip_source_close(src);
                zip_fail(file_, "read back", zip_source_error(src));
            }
            done += static_cast<std::size_t>(n);
        }
        zip_source_close(src);
        return out;
    }

private:
    enum class Method { AsSource, Deflate };
    void finish_add(zip_source_t* s, const std::string& name, Method method, zip_uint16_t source_method = ZIP_CM_DEFLATE) {
        const zip_int64_t index = zip_file_add(archive_, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(s);
            zip_fail(file_, "add " + name, zip_get_error(archive_));
        }
        const auto i = static_cast<zip_uint64_t>(index);
        // The entry's method must be the source's own, else libzip (1.7.3) decompresses the raw bytes
        // and compresses them again: a stored JPEG was deflated anew in every copy (perf: 60 % of the
        // time) until the method was set here.
        const zip_int32_t m = method == Method::Deflate ? ZIP_CM_DEFLATE : static_cast<zip_int32_t>(source_method);
        if (zip_set_file_compression(archive_, i, m, 0) != 0) zip_fail(file_, "compression of " + name, zip_get_error(archive_));
        // The book's own time on every entry, from UTC (zip_file_set_mtime would follow TZ; stack-notes).
        if (zip_file_set_dostime(archive_, i, dtime_, ddate_, 0) != 0) zip_fail(file_, "time of " + name, zip_get_error(archive_));
    }

    std::string file_;
    zip_error_t error_{};
    ZipSource buffer_;
    zip_t* archive_ = nullptr;
    zip_uint16_t dtime_ = 0, ddate_ = 0;
};

}  // namespace

std::string relative_href(const std::string& from_folder, const std::string& to) {
    std::size_t common = 0;
    for (std::size_t i = 0; i < from_folder.size() && i < to.size() && from_folder[i] == to[i]; ++i)
        if (from_folder[i] == '/') common = i + 1;
    std::string out;
    for (std::size_t i = common; i < from_folder.size(); ++i)
        if (from_folder[i] == '/') out += "../";
    return out + to.substr(common);
}

CopyPlan::CopyPlan(const std::filesystem::path& epub, EmailOnPage email) : file_(epub.string()), email_(email) {
    bytes_ = read_file(epub);
    ZipArchive zip = open_zip_from_memory(bytes_, file_);
    package_ = read_package(zip.get(), file_);
    if (package_.find_id(kExLibrisId) || package_.opf.find(kCopyIdentifierId) != std::string::npos)
        throw QuireError(SourceSpan{file_}, "already a subscriber's copy (it has an ex-libris page): start from the EPUB quire built");
    entry_time_ = parse_modified(package_.modified);

    const std::string& opf = package_.opf;
    opf_identifier_at_ = opf.find("</metadata>");
    opf_item_at_ = opf.find("</manifest>");
    const std::size_t spine_at = opf.find("<spine");
    if (opf_identifier_at_ == std::string::npos || opf_item_at_ == std::string::npos || spine_at == std::string::npos)
        throw QuireError(SourceSpan{file_ + ":" + package_.opf_path}, "the package document has no </metadata>, </manifest> or <spine>");
    // The ex-libris page follows the cover: the first spine item when it is the cover page (its id or
    // file name says "cover", as quire names it); otherwise it opens the book.
    opf_itemref_at_ = opf.find('>', spine_at) + 1;
    std::string page_folder = package_.opf_folder;
    if (!package_.spine.empty()) {
        const PackageItem* first = package_.find_id(package_.spine.front());
        if (first) page_folder = folder_of(first->path);
        if (first && (first->id.find("cover") != std::string::npos || first->href.find("cover") != std::string::npos)) {
            const std::size_t itemref = opf.find("idref=\"" + first->id + "\"", spine_at);
            if (itemref != std::string::npos) opf_itemref_at_ = opf.find('>', itemref) + 1;
        }
    }
    ex_libris_path_ = page_folder + kExLibrisId + ".xhtml";
    for (const auto& item : package_.items)
        if (item.media_type == "text/css") ex_libris_styles_.push_back(relative_href(page_folder, item.path));

    std::vector<const PackageItem*> documents;
    for (const auto& item : package_.items)
        if (is_content_document(item)) documents.push_back(&item);
    for (const ZipEntry& entry : zip_entries(zip.get())) {
        PlannedEntry planned{entry.name, entry.index, EntryKind::Raw, 0};
        if (entry.name == package_.opf_path) {
            planned.kind = EntryKind::Package;
        } else if (std::any_of(documents.begin(), documents.end(), [&](const PackageItem* d) { return d->path == entry.name; })) {
            MarkedDocument doc{entry.name, read_entry(zip.get(), entry.name, file_)};
            const std::size_t head_end = doc.text.find("</head>");
            const std::size_t body = doc.text.find("<body");
            if (head_end != std::string::npos) doc.meta_at = head_end;
            if (body != std::string::npos) doc.attribute_at = body + 5;
            if (doc.meta_at != std::string::npos || doc.attribute_at != std::string::npos) {
                planned.kind = EntryKind::Document;
                planned.document = documents_.size();
                documents_.push_back(std::move(doc));
            }
        }
        entries_.push_back(std::move(planned));
    }
}

ZipArchive CopyPlan::take_source() const {
    {
        const std::lock_guard lock(sources_->mutex);
        if (!sources_->idle.empty()) {
            ZipArchive source = std::move(sources_->idle.back());
            sources_->idle.pop_back();
            return source;
        }
    }
    return open_zip_from_memory(bytes_, file_);
}

void CopyPlan::give_back(ZipArchive source) const {
    const std::lock_guard lock(sources_->mutex);
    sources_->idle.push_back(std::move(source));
}

std::string CopyPlan::make_copy(const Subscriber& subscriber, const std::string& mark, const std::string& copy_id) const {
    // Given back only after a copy is made whole; one left by an error is discarded.
    ZipArchive source = take_source();
    const std::string& opf = package_.opf;
    const std::string exl_href = relative_href(package_.opf_folder, ex_libris_path_);
    // The texts written anew; they live until the archive is closed (libzip reads them then).
    std::string package = opf.substr(0, opf_identifier_at_);
    package += "  <dc:identifier id=\"" + std::string(kCopyIdentifierId) + "\">" + escape_xml_text(copy_id) + "</dc:identifier>\n  ";
    package += opf.substr(opf_identifier_at_, opf_item_at_ - opf_identifier_at_);
    package += "  <item id=\"" + std::string(kExLibrisId) + "\" href=\"" + escape_xml_attribute(exl_href) +
               "\" media-type=\"application/xhtml+xml\"/>\n  ";
    package += opf.substr(opf_item_at_, opf_itemref_at_ - opf_item_at_);
    package += "\n    <itemref idref=\"" + std::string(kExLibrisId) + "\"/>";
    package += opf.substr(opf_itemref_at_);
    const std::string page = ex_libris_page(subscriber, email_, package_.language, ex_libris_styles_);

    const std::string meta = "<meta name=\"" + std::string(kMarkMetaName) + "\" content=\"" + mark + "\"/>\n";
    const std::string attribute = " " + std::string(kMarkAttribute) + "=\"" + mark + "\"";
    std::vector<std::string> marked(documents_.size());
    for (std::size_t i = 0; i < documents_.size(); ++i) {
        const MarkedDocument& d = documents_[i];
        std::string& out = marked[i];
        out.reserve(d.text.size() + meta.size() + attribute.size());
        std::size_t at = 0;
        if (d.meta_at != std::string::npos) {
            out.append(d.text, 0, d.meta_at);
            out += meta;
            at = d.meta_at;
        }
        if (d.attribute_at != std::string::npos) {
            out.append(d.text, at, d.attribute_at - at);
            out += attribute;
            at = d.attribute_at;
        }
        out.append(d.text, at, std::string::npos);
    }

    CopyWriter writer(file_, entry_time_);
    for (const PlannedEntry& e : entries_) {
        switch (e.kind) {
            case EntryKind::Raw: writer.add_raw(source.get(), e.source_index, e.name); break;
            case EntryKind::Package:
                writer.add_new(e.name, package);
                writer.add_new(ex_libris_path_, page);
                break;
            case EntryKind::Document: writer.add_new(e.name, marked[e.document]); break;
        }
    }
    std::string copy = writer.finish();
    give_back(std::move(source));
    return copy;
}

}  // namespace quire::distribute
