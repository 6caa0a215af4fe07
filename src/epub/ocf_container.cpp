#include "epub/ocf_container.hpp"

#include "core/diagnostic.hpp"
#include "core/handle.hpp"
#include "core/output_file.hpp"
#include "epub/package_document.hpp"

#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace quire::epub {

namespace {

using ZipSource = Handle<zip_source_t, zip_source_free>;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    const std::string message = what + ": " + zip_error_strerror(error);
    throw QuireError(SourceSpan{}, "cannot build the EPUB container (" + message + ")");
}

// MS-DOS date and time (PKWARE APPNOTE 4.4.6): 2-second resolution, from 1980.
void dos_time(std::time_t t, zip_uint16_t& time, zip_uint16_t& date) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    if (tm.tm_year < 80) {  // before 1980: DOS cannot say it; use its epoch
        tm = std::tm{};
        tm.tm_year = 80;
        tm.tm_mday = 1;
    }
    time = static_cast<zip_uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    date = static_cast<zip_uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

enum class Compression { Store, Fast, Default, Predeflated };

// Already-compressed formats gain nothing from deflate: store them. Fonts are most of the book's
// bytes: zlib level 1 takes a quarter of the time of level 6 on them for a few per cent more size
// (measured on the example: the whole build's largest cost after the cover).
Compression compression_for(const std::string& media_type) {
    if (media_type == "image/jpeg" || media_type == "image/png" || media_type == "image/gif") return Compression::Store;
    if (media_type.rfind("font/", 0) == 0) return Compression::Fast;
    return Compression::Default;
}

// A libzip source holding data already deflated: its stat says so (method, sizes, CRC), and
// zip_close copies the bytes as they are instead of compressing them again (libzip's add_data
// recompresses only when the source's method differs from the entry's; the entry's stays default).
struct Predeflated {
    const std::string* data;
    std::uint64_t size;  // uncompressed
    std::uint32_t crc;
    std::size_t offset = 0;
    zip_error_t error{};
};

zip_int64_t predeflated_callback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto* p = static_cast<Predeflated*>(state);
    switch (command) {
        case ZIP_SOURCE_OPEN: p->offset = 0; return 0;
        case ZIP_SOURCE_READ: {
            const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(length), p->data->size() - p->offset);
            std::memcpy(data, p->data->data() + p->offset, n);
            p->offset += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE: return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
            st->size = p->size;
            st->comp_size = p->data->size();
            st->comp_method = ZIP_CM_DEFLATE;
            st->crc = p->crc;
            st->encryption_method = ZIP_EM_NONE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR: return zip_error_to_data(&p->error, data, length);
        case ZIP_SOURCE_FREE:
            zip_error_fini(&p->error);
            delete p;
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            // <zip.h>'s macro rather than the variadic zip_source_make_command_bitmap (libzip is
            // loaded on demand in `quire`: src/ziplazy).
            return ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_OPEN) | ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_READ) |
                   ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_CLOSE) | ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_STAT) |
                   ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_ERROR) | ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_FREE);
        default:
            zip_error_set(&p->error, ZIP_ER_OPNOTSUPP, 0);
            return -1;
    }
}

class ZipWriter {
public:
    ZipWriter() {
        zip_error_init(&error_);
        buffer_.reset(zip_source_buffer_create(nullptr, 0, 0, &error_));
        if (!buffer_) fail("buffer", &error_);
        archive_ = zip_open_from_source(buffer_.get(), ZIP_TRUNCATE, &error_);
        if (!archive_) fail("open", &error_);
        zip_source_keep(buffer_.get());  // we read the bytes back after zip_close
    }
    ~ZipWriter() {
        if (archive_) zip_discard(archive_);
        zip_error_fini(&error_);
    }
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // `deflated` (with the CRC of `bytes`), when not empty, is written as it is.
    void add(const std::string& name, const std::string& bytes, Compression compression, std::time_t when,
             const std::string* deflated = nullptr, std::uint32_t crc = 0) {
        zip_source_t* source = nullptr;
        if (deflated && !deflated->empty()) {
            auto* state = new Predeflated{deflated, bytes.size(), crc};
            zip_error_init(&state->error);
            source = zip_source_function(archive_, predeflated_callback, state);
            if (!source) {
                zip_error_fini(&state->error);
                delete state;
            }
        } else {
            source = zip_source_buffer(archive_, bytes.data(), bytes.size(), 0);
        }
        if (!source) fail("source for " + name, zip_get_error(archive_));
        const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);  // not taken over on failure (libzip zip_file_add(3))
            fail("add " + name, zip_get_error(archive_));
        }
        const auto i = static_cast<zip_uint64_t>(index);
        if (deflated && !deflated->empty()) compression = Compression::Predeflated;
        const zip_int32_t method = compression == Compression::Store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
        const zip_uint32_t level = compression == Compression::Fast ? 1 : 0;  // 0: zlib's default (6)
        if (compression != Compression::Predeflated && zip_set_file_compression(archive_, i, method, level) != 0)
            fail("compression of " + name, zip_get_error(archive_));
        // zip_file_set_mtime goes through localtime() and would make the bytes depend on TZ
        // (stack-notes); DOS time and date are written as given.
        zip_uint16_t dtime = 0, ddate = 0;
        dos_time(when, dtime, ddate);
        if (zip_file_set_dostime(archive_, i, dtime, ddate, 0) != 0) fail("time of " + name, zip_get_error(archive_));
    }

    std::string finish() {
        if (zip_close(archive_) != 0) fail("close", zip_get_error(archive_));
        archive_ = nullptr;
        zip_source_t* src = buffer_.get();
        if (zip_source_open(src) != 0) fail("reopen", zip_source_error(src));
        std::string out;
        char chunk[65536];
        for (;;) {
            const zip_int64_t n = zip_source_read(src, chunk, sizeof chunk);
            if (n < 0) {
                zip_source_close(src);
                fail("read back", zip_source_error(src));
            }
            if (n == 0) break;
            out.append(chunk, static_cast<std::size_t>(n));
        }
        zip_source_close(src);
        return out;
    }

private:
    zip_error_t error_{};
    ZipSource buffer_;
    zip_t* archive_ = nullptr;  // owned: zip_discard in the destructor unless zip_close succeeded
};

}  // namespace

Deflated deflate_for_container(const std::string& bytes) {
    Deflated out;
    out.crc32 = static_cast<std::uint32_t>(
        crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
    z_stream z{};
    // Raw deflate (no zlib header: ZIP stores the bare stream), level 1 as compression_for() says
    // for fonts, zlib's default memory level.
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw QuireError(SourceSpan{}, "cannot build the EPUB container (zlib: deflateInit2 failed)");
    out.data.resize(deflateBound(&z, static_cast<uLong>(bytes.size())));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data.data());
    z.avail_out = static_cast<uInt>(out.data.size());
    const int status = deflate(&z, Z_FINISH);
    out.data.resize(z.total_out);
    deflateEnd(&z);
    if (status != Z_STREAM_END) throw QuireError(SourceSpan{}, "cannot build the EPUB container (zlib: deflate failed)");
    return out;
}

std::string container_xml() {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
                       "  <rootfiles>\n"
                       "    <rootfile full-path=\"") +
           kPackageFolder + "/" + kPackageHref +
           "\" media-type=\"application/oebps-package+xml\"/>\n"
           "  </rootfiles>\n"
           "</container>\n";
}

std::string apple_display_options_xml() {
    // Apple Books ignores a book's embedded fonts unless this file asks for them ("specified-fonts";
    // Apple's "Asset Guide", Fonts). Other reading systems ignore the file; OCF allows any file in
    // META-INF (OCF 3.3 §4.2.6).
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<display_options>\n"
           "  <platform name=\"*\">\n"
           "    <option name=\"specified-fonts\">true</option>\n"
           "  </platform>\n"
           "</display_options>\n";
}

std::string ocf_bytes(const Book& book, std::time_t entry_time) {
    static const std::string kMimetype = "application/epub+zip";
    const std::string container = container_xml();
    const std::string display_options = apple_display_options_xml();  // the writer reads it at finish()
    ZipWriter zip;
    // OCF 3.3 §4.3: mimetype first, stored, no extra field (libzip adds none for a buffer source).
    zip.add("mimetype", kMimetype, Compression::Store, entry_time);
    zip.add("META-INF/container.xml", container, Compression::Default, entry_time);
    zip.add("META-INF/com.apple.ibooks.display-options.xml", display_options, Compression::Default, entry_time);
    const std::string package = package_document(book);
    zip.add(std::string(kPackageFolder) + "/" + kPackageHref, package, Compression::Default, entry_time);
    for (const auto& r : book.resources) {
        const auto deflated = book.deflated.find(r.href);
        if (deflated != book.deflated.end())
            zip.add(std::string(kPackageFolder) + "/" + r.href, r.bytes, compression_for(r.media_type), entry_time,
                    &deflated->second.data, deflated->second.crc32);
        else
            zip.add(std::string(kPackageFolder) + "/" + r.href, r.bytes, compression_for(r.media_type), entry_time);
    }
    return zip.finish();
}

void write_ocf_container(const Book& book, std::time_t entry_time, const std::filesystem::path& target) {
    write_file_atomically(target, ocf_bytes(book, entry_time));
}

}  // namespace quire::epub
