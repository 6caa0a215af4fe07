#include "epub/epub_book.hpp"

#include <cstdio>

namespace quire::epub {

const Resource* Book::find(const std::string& href) const {
    for (const auto& r : resources)
        if (r.href == href) return &r;
    return nullptr;
}

std::uint64_t fnv1a64(const std::string& bytes) {
    std::uint64_t h = 14695981039346656037ull;  // FNV offset basis (Fowler, Noll, Vo)
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;  // FNV 64-bit prime
    }
    return h;
}

namespace {
const char* spine_name(SpinePlace s) {
    switch (s) {
        case SpinePlace::None: return "-";
        case SpinePlace::Linear: return "spine";
        case SpinePlace::NonLinear: return "spine(non-linear)";
    }
    return "-";
}

void dump_toc(std::string& out, const std::vector<TocEntry>& entries, int depth) {
    for (const auto& e : entries) {
        out += std::string(static_cast<std::size_t>(2 * depth + 2), ' ') + e.label + " -> " + e.href + '\n';
        dump_toc(out, e.children, depth + 1);
    }
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}
}  // namespace

std::string dump_book(const Book& book) {
    const auto& m = book.meta;
    std::string out;
    out += "identifier: " + m.identifier + '\n';
    out += "title: " + m.title + '\n';
    if (!m.subtitle.empty()) out += "subtitle: " + m.subtitle + '\n';
    for (const auto& c : m.creators) out += "creator: " + c.name + " (" + c.role + ")\n";
    out += "language: " + m.language + '\n';
    out += "date: " + m.date + '\n';
    out += "modified: " + m.modified + '\n';
    out += "publisher: " + m.publisher + '\n';
    out += "rights: " + m.rights + '\n';
    out += "subjects: " + joined(m.subjects) + '\n';
    out += "collection: " + m.collection + '\n';
    out += "issn: " + joined(m.issns) + '\n';
    out += "accessMode: " + joined(m.access_modes) + '\n';
    out += "accessModeSufficient: " + joined(m.access_modes_sufficient) + '\n';
    out += "accessibilityFeature: " + joined(m.accessibility_features) + '\n';
    out += "resources:\n";
    for (const auto& r : book.resources) {
        char hash[20];
        std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a64(r.bytes)));
        out += "  " + r.href + " [" + r.id + "] " + r.media_type + (r.properties.empty() ? "" : " {" + r.properties + "}") +
               " " + spine_name(r.spine) + " " + std::to_string(r.bytes.size()) + " bytes " + hash + '\n';
    }
    out += "toc:\n";
    dump_toc(out, book.toc, 0);
    out += "landmarks:\n";
    for (const auto& l : book.landmarks) out += "  " + l.type + ": " + l.label + " -> " + l.href + '\n';
    return out;
}

}  // namespace quire::epub
