#include "distribute/trace.hpp"

#include "core/output_file.hpp"
#include "distribute/epub_package.hpp"
#include "distribute/personalise.hpp"

#include <algorithm>
#include <map>

namespace quire::distribute {

namespace {

bool is_hex_mark(std::string_view s) {
    return s.size() == kMarkLength && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Marks after each `prefix` in `text` (the 32 hex digits that follow it).
void collect(const std::string& text, const std::string& prefix, std::vector<std::string>& found, bool& any) {
    for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
        const std::string_view candidate = std::string_view(text).substr(at + prefix.size(), kMarkLength);
        if (!is_hex_mark(candidate)) continue;
        any = true;
        if (std::find(found.begin(), found.end(), candidate) == found.end()) found.emplace_back(candidate);
    }
}

}  // namespace

std::vector<std::string> find_marks(const std::filesystem::path& epub, std::size_t& marked_entries) {
    const std::string bytes = read_file(epub);
    ZipArchive zip = open_zip_from_memory(bytes, epub.string());
    std::vector<std::string> marks;
    marked_entries = 0;
    const std::string meta = std::string("name=\"") + kMarkMetaName + "\" content=\"";
    const std::string attribute = std::string(kMarkAttribute) + "=\"";
    for (const ZipEntry& entry : zip_entries(zip.get())) {
        zip_stat_t st;
        if (zip_stat_index(zip.get(), entry.index, 0, &st) != 0 || st.size > (64u << 20)) continue;
        const std::string text = read_entry(zip.get(), entry.name, epub.string());
        bool any = false;
        collect(text, meta, marks, any);
        collect(text, attribute, marks, any);
        if (any) ++marked_entries;
    }
    return marks;
}

TraceResult trace_copy(const std::filesystem::path& epub, const SubscriberList& list, const Secret& secret) {
    TraceResult result;
    result.marks = find_marks(epub, result.marked_documents);
    if (result.marks.empty()) return result;
    const std::string key = key_fingerprint(secret);
    const bool ours = std::any_of(result.marks.begin(), result.marks.end(), [&](const std::string& m) { return m.rfind(key, 0) == 0; });
    if (!ours) {
        result.outcome = TraceOutcome::OtherKey;
        return result;
    }
    std::map<std::string, const Subscriber*> by_mark;
    for (const Subscriber& s : list.subscribers) by_mark[copy_mark(secret, s.id)] = &s;
    for (const std::string& m : result.marks) {
        const auto found = by_mark.find(m);
        if (found != by_mark.end()) result.subscribers.push_back(*found->second);
    }
    result.outcome = result.subscribers.empty()      ? TraceOutcome::NotInList
                     : result.subscribers.size() > 1 ? TraceOutcome::Several
                                                     : TraceOutcome::Found;
    return result;
}

}  // namespace quire::distribute
