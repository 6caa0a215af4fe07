#include "distribute/opds_catalog.hpp"

#include "core/markup_escape.hpp"
#include "core/output_file.hpp"
#include "distribute/epub_package.hpp"
#include "epub/identifier.hpp"

#include <algorithm>
#include <map>

namespace quire::distribute {

namespace fs = std::filesystem;

namespace {

constexpr const char* kNavigationType = "application/atom+xml;profile=opds-catalog;kind=navigation";
constexpr const char* kAcquisitionType = "application/atom+xml;profile=opds-catalog;kind=acquisition";

std::string x(const std::string& s) { return escape_xml_text(s); }
std::string a(const std::string& s) { return escape_xml_attribute(s); }

// "2022-01-17" or a full date-time → RFC 3339 date-time (Atom §3.3).
std::string as_date_time(const std::string& date) {
    if (date.size() >= 20 && date[10] == 'T') return date;
    if (date.size() >= 10) return date.substr(0, 10) + "T00:00:00Z";
    if (date.size() == 7) return date + "-01T00:00:00Z";
    if (date.size() == 4) return date + "-01-01T00:00:00Z";
    return "2000-01-01T00:00:00Z";
}

std::string feed_head(const std::string& id, const std::string& title, const std::string& updated, const std::string& author,
                      const std::string& self, const std::string& self_type) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
           "xmlns:opds=\"http://opds-spec.org/2010/catalog\">\n";
    out += "  <id>" + x(id) + "</id>\n  <title>" + x(title) + "</title>\n  <updated>" + x(updated) + "</updated>\n";
    out += "  <author><name>" + x(author) + "</name></author>\n";
    out += "  <link rel=\"self\" href=\"" + a(self) + "\" type=\"" + a(self_type) + "\"/>\n";
    out += "  <link rel=\"start\" href=\"index.xml\" type=\"" + std::string(kNavigationType) + "\"/>\n";
    if (self != "index.xml") out += "  <link rel=\"up\" href=\"index.xml\" type=\"" + std::string(kNavigationType) + "\"/>\n";
    return out;
}

std::string acquisition_entry(const CatalogEntry& e) {
    std::string out = "  <entry>\n";
    out += "    <id>" + x(e.identifier) + "</id>\n";
    out += "    <title>" + x(e.title) + "</title>\n";
    out += "    <updated>" + x(e.updated) + "</updated>\n";
    if (!e.publisher.empty()) out += "    <author><name>" + x(e.publisher) + "</name></author>\n";
    if (!e.language.empty()) out += "    <dcterms:language>" + x(e.language) + "</dcterms:language>\n";
    if (!e.date.empty()) out += "    <dcterms:issued>" + x(e.date.substr(0, 10)) + "</dcterms:issued>\n";
    if (!e.publisher.empty()) out += "    <dcterms:publisher>" + x(e.publisher) + "</dcterms:publisher>\n";
    // The issue's number in the magazine (the EPUB's belongs-to-collection group-position).
    if (!e.issue_number.empty())
        out += "    <category scheme=\"urn:quire:issue-number\" term=\"" + a(e.issue_number) + "\" label=\"No. " +
               a(e.issue_number) + "\"/>\n";
    std::string summary = e.summary;
    if (!e.issue_number.empty()) summary = "No. " + e.issue_number + (e.date.empty() ? "" : ", " + e.date.substr(0, 10)) + (summary.empty() ? "" : ". " + summary);
    if (!summary.empty()) out += "    <summary type=\"text\">" + x(summary) + "</summary>\n";
    if (!e.cover_href.empty()) {
        out += "    <link rel=\"http://opds-spec.org/image\" href=\"" + a(e.cover_href) + "\" type=\"" + a(e.cover_type) + "\"/>\n";
        out += "    <link rel=\"http://opds-spec.org/image/thumbnail\" href=\"" + a(e.cover_href) + "\" type=\"" + a(e.cover_type) + "\"/>\n";
    }
    out += "    <link rel=\"http://opds-spec.org/acquisition\" href=\"" + a(href_from_path(fs::path(e.file_name))) +
           "\" type=\"application/epub+zip\" length=\"" + std::to_string(e.bytes) + "\"/>\n";
    out += "  </entry>\n";
    return out;
}

}  // namespace

std::string href_from_path(const fs::path& relative) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : relative.generic_string()) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                          c == '_' || c == '~' || c == '/';
        if (keep) out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

CatalogResult write_catalog(const CatalogOptions& options, Diagnostics& diagnostics) {
    CatalogResult result;
    std::error_code ec;
    if (!fs::is_directory(options.input_dir, ec)) throw QuireError(SourceSpan{options.input_dir.string()}, "not a folder");
    fs::create_directories(options.output_dir / "covers", ec);
    if (ec) throw QuireError(SourceSpan{options.output_dir.string()}, "cannot create the catalogue folder: " + ec.message());
    const fs::path out_abs = fs::weakly_canonical(fs::absolute(options.output_dir));

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(options.input_dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".epub") files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    std::map<std::string, int> identifiers;
    for (const fs::path& file : files) {
        CatalogEntry e;
        e.epub = file;
        try {
            const std::string bytes = read_file(file);
            ZipArchive zip = open_zip_from_memory(bytes, file.string());
            const PackageInfo p = read_package(zip.get(), file.string());
            e.bytes = bytes.size();
            e.title = p.title.empty() ? file.stem().string() : p.title;
            e.language = p.language;
            e.summary = p.description;
            e.publisher = p.publisher;
            e.date = p.date.empty() ? p.modified : p.date;
            e.updated = as_date_time(p.modified.empty() ? e.date : p.modified);
            e.issue_number = p.collection_position;
            e.identifier = p.identifier.empty() ? epub::uuid_v5_urn("quire-catalog:" + file.filename().string()) : p.identifier;
            e.year = e.date.size() >= 4 ? e.date.substr(0, 4) : "undated";
            if (const PackageItem* cover = p.cover_image()) {
                const std::string ext = fs::path(cover->path).extension().string();
                const fs::path cover_file = fs::path("covers") / (file.stem().string() + ext);
                write_file_atomically(options.output_dir / cover_file, read_entry(zip.get(), cover->path, file.string()));
                e.cover_href = href_from_path(cover_file);
                e.cover_type = cover->media_type;
            }
        } catch (const QuireError& error) {
            diagnostics.warning(SourceSpan{file.string()}, "left out of the catalogue: " + error.diagnostic().message);
            continue;
        }
        // The acquisition link, relative to the catalogue folder (file_name holds it).
        e.file_name = fs::relative(fs::weakly_canonical(fs::absolute(file)), out_abs).generic_string();
        // Atom ids must be unique in a feed: an EPUB built twice under two names gets a derived one.
        if (identifiers[e.identifier]++) e.identifier = epub::uuid_v5_urn(e.identifier + "/" + file.filename().string());
        result.entries.push_back(std::move(e));
    }
    // Newest first: by date, then by updated, then by file name (a stable order for equal dates).
    std::sort(result.entries.begin(), result.entries.end(), [](const CatalogEntry& l, const CatalogEntry& r) {
        if (l.date != r.date) return l.date > r.date;
        if (l.updated != r.updated) return l.updated > r.updated;
        return l.epub.filename() < r.epub.filename();
    });

    std::string updated = "2000-01-01T00:00:00Z";
    for (const auto& e : result.entries) updated = std::max(updated, e.updated);
    const std::string author = !result.entries.empty() && !result.entries.front().publisher.empty() ? result.entries.front().publisher : "quire";
    const std::string title = !options.title.empty() ? options.title : author;
    const std::string base = "quire-catalog:" + title;

    auto write_feed = [&](const std::string& name, const std::string& feed) {
        write_file_atomically(options.output_dir / name, feed);
        result.feeds.push_back(options.output_dir / name);
    };
    auto acquisition_feed = [&](const std::string& name, const std::string& feed_title, const std::string& year) {
        std::string feed = feed_head(epub::uuid_v5_urn(base + "/" + name), feed_title, updated, author, name, kAcquisitionType);
        for (const auto& e : result.entries)
            if (year.empty() || e.year == year) feed += acquisition_entry(e);
        write_feed(name, feed + "</feed>\n");
    };
    acquisition_feed("all.xml", title + ": all issues", "");
    std::vector<std::string> years;
    for (const auto& e : result.entries)
        if (std::find(years.begin(), years.end(), e.year) == years.end()) years.push_back(e.year);
    std::sort(years.rbegin(), years.rend());
    for (const auto& year : years) acquisition_feed(year + ".xml", title + ": " + year, year);

    std::string nav = feed_head(epub::uuid_v5_urn(base + "/index.xml"), title, updated, author, "index.xml", kNavigationType);
    auto nav_entry = [&](const std::string& entry_title, const std::string& href, const std::string& content) {
        nav += "  <entry>\n    <id>" + x(epub::uuid_v5_urn(base + "/" + href)) + "</id>\n    <title>" + x(entry_title) +
               "</title>\n    <updated>" + updated + "</updated>\n    <content type=\"text\">" + x(content) +
               "</content>\n    <link rel=\"subsection\" href=\"" + a(href) + "\" type=\"" + kAcquisitionType + "\"/>\n  </entry>\n";
    };
    nav_entry("All issues", "all.xml", std::to_string(result.entries.size()) + " EPUBs, newest first");
    for (const auto& year : years) {
        const auto n = std::count_if(result.entries.begin(), result.entries.end(), [&](const auto& e) { return e.year == year; });
        nav_entry(year, year + ".xml", std::to_string(n) + " EPUBs of " + year);
    }
    write_feed("index.xml", nav + "</feed>\n");
    return result;
}

}  // namespace quire::distribute
