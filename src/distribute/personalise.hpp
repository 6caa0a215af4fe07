// One subscriber's copy of an EPUB, made at file-copy speed: the source is read and planned once
// (CopyPlan); each copy then copies every unchanged ZIP entry raw, compressed bytes and all
// (libzip's zip_source_zip with ZIP_FL_COMPRESSED), and writes anew only what changes:
//   - the package document: a second dc:identifier (the copy's), the ex-libris page in the manifest
//     and in the spine right after the cover;
//   - the ex-libris page (ex_libris.hpp);
//   - every XHTML content document: the invisible mark, twice (a <meta name="quire-copy"> in the
//     head and a data-quire-copy attribute on <body>), so that it survives the ex-libris page being
//     cut out, files renamed and the ZIP rewritten (docs/distribution.md, "The mark").
#pragma once

#include "distribute/epub_package.hpp"
#include "distribute/ex_libris.hpp"
#include "distribute/subscriber_list.hpp"

#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace quire::distribute {

inline constexpr const char* kMarkMetaName = "quire-copy";        // <meta name=… content=MARK/>
inline constexpr const char* kMarkAttribute = "data-quire-copy";  // <body data-quire-copy=MARK>
inline constexpr const char* kCopyIdentifierId = "quire-copy-id"; // the OPF's dc:identifier id
inline constexpr const char* kExLibrisId = "quire-ex-libris";     // manifest id and file stem

class CopyPlan {
public:
    // Reads and plans `epub`. Throws QuireError naming it when it is not an EPUB this can personalise
    // (no package document, or already a personalised copy).
    explicit CopyPlan(const std::filesystem::path& epub, EmailOnPage email = EmailOnPage::Hidden);

    // The copy's bytes: the same for the same subscriber, mark and source. Safe to call from several
    // threads at once (each call has its own view of the source bytes, from the pool below).
    std::string make_copy(const Subscriber& subscriber, const std::string& mark, const std::string& copy_id) const;

    const PackageInfo& package() const { return package_; }
    std::size_t entry_count() const { return entries_.size(); }
    std::size_t rewritten_count() const { return documents_.size() + 2; }  // documents, OPF, ex-libris

private:
    // A document to mark: its text and where the two carriers go.
    struct MarkedDocument {
        std::string path;
        std::string text;
        std::size_t meta_at = std::string::npos;       // before </head>
        std::size_t attribute_at = std::string::npos;  // after "<body"
    };
    enum class EntryKind { Raw, Package, Document };
    struct PlannedEntry {
        std::string name;
        zip_uint64_t source_index = 0;
        EntryKind kind = EntryKind::Raw;
        std::size_t document = 0;  // index in documents_ for Document
    };

    std::string file_;
    std::string bytes_;
    EmailOnPage email_;
    PackageInfo package_;
    std::vector<PlannedEntry> entries_;
    std::vector<MarkedDocument> documents_;
    std::string ex_libris_path_;                 // ZIP entry name
    std::vector<std::string> ex_libris_styles_;  // relative to it
    std::size_t opf_identifier_at_ = 0;          // before </metadata>
    std::size_t opf_item_at_ = 0;                // before </manifest>
    std::size_t opf_itemref_at_ = 0;             // after the cover's itemref
    std::time_t entry_time_ = 0;
    // Opened views of the source bytes, kept between copies (at most one per thread at a time):
    // opening one reads the central directory, and libzip converts every entry's DOS time with
    // mktime, which takes glibc's time-zone lock; two threads opening the book for every copy met
    // on that lock about 80 times a copy (futex calls, strace -f). Behind a pointer: the plan moves.
    struct SourcePool {
        std::mutex mutex;
        std::vector<ZipArchive> idle;
    };
    std::unique_ptr<SourcePool> sources_ = std::make_unique<SourcePool>();
    ZipArchive take_source() const;
    void give_back(ZipArchive source) const;
};

// `to` (a ZIP path) relative to the folder `from_folder` ("EPUB/text/" or "").
std::string relative_href(const std::string& from_folder, const std::string& to);

}  // namespace quire::distribute
