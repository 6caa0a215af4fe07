#include "distribute/subscriber_list.hpp"

#include "core/output_file.hpp"

#include <algorithm>
#include <set>

namespace quire::distribute {

namespace {

// UTF-8 well-formedness (RFC 3629 §4): no overlongs, no surrogates, nothing past U+10FFFF.
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) { n = 2; lo = 0xA0; }
        else if (c == 0xED) { n = 2; hi = 0x9F; }
        else if (c >= 0xE1 && c <= 0xEF) n = 2;
        else if (c == 0xF0) { n = 3; lo = 0x90; }
        else if (c == 0xF4) { n = 3; hi = 0x8F; }
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else return false;
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return false;
            const auto d = static_cast<unsigned char>(s[i + k]);
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) return false;
        }
        i += n + 1;
    }
    return true;
}

std::string trim(std::string s) {
    const auto not_space = [](unsigned char c) { return c != ' ' && c != '\t'; };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

}  // namespace

std::vector<CsvRecord> split_csv(std::string_view csv, int& unterminated_line) {
    unterminated_line = 0;
    std::vector<CsvRecord> records;
    std::size_t i = 0;
    int line = 1;
    if (csv.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a byte-order mark some spreadsheets write
    while (i < csv.size()) {
        CsvRecord record;
        record.line = line;
        std::string field;
        bool end_of_record = false;
        while (!end_of_record) {
            if (i < csv.size() && csv[i] == '"') {  // quoted field (RFC 4180 §2.5-2.7)
                const int opened = line;
                ++i;
                bool closed = false;
                while (i < csv.size()) {
                    if (csv[i] == '"') {
                        if (i + 1 < csv.size() && csv[i + 1] == '"') { field += '"'; i += 2; continue; }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (csv[i] == '\n') ++line;
                    field += csv[i++];
                }
                if (!closed) {
                    unterminated_line = opened;
                    return records;
                }
                // Anything between the closing quote and the separator is kept (lenient, as spreadsheets).
                while (i < csv.size() && csv[i] != ',' && csv[i] != '\n' && csv[i] != '\r') field += csv[i++];
            } else {
                while (i < csv.size() && csv[i] != ',' && csv[i] != '\n' && csv[i] != '\r') field += csv[i++];
            }
            record.fields.push_back(std::move(field));
            field.clear();
            if (i >= csv.size()) { end_of_record = true; break; }
            if (csv[i] == ',') { ++i; continue; }
            if (csv[i] == '\r') ++i;
            if (i < csv.size() && csv[i] == '\n') ++i;
            ++line;
            end_of_record = true;
        }
        // An empty line is no record (a trailing newline, a blank line in a hand-edited file).
        if (record.fields.size() == 1 && record.fields[0].empty()) continue;
        records.push_back(std::move(record));
    }
    return records;
}

SubscriberList parse_subscribers(std::string_view csv, const std::string& file, Diagnostics& diagnostics) {
    SubscriberList list;
    int unterminated = 0;
    const std::vector<CsvRecord> records = split_csv(csv, unterminated);
    if (records.empty()) throw QuireError(SourceSpan{file, 1, 1}, "no header row; expected id,name,email");
    const CsvRecord& header = records.front();
    int id_col = -1, name_col = -1, email_col = -1;
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
        std::string h = trim(header.fields[c]);
        std::transform(h.begin(), h.end(), h.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (h == "id") id_col = static_cast<int>(c);
        else if (h == "name") name_col = static_cast<int>(c);
        else if (h == "email") email_col = static_cast<int>(c);
    }
    if (id_col < 0 || name_col < 0 || email_col < 0)
        throw QuireError(SourceSpan{file, header.line, 1}, "the header row must name the columns id, name and email");
    std::set<std::string> seen;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        auto bad = [&](const std::string& why) {
            diagnostics.error(SourceSpan{file, rec.line, 0}, why + "; row skipped");
            ++list.bad_rows;
        };
        if (rec.fields.size() != header.fields.size()) {
            bad(std::to_string(rec.fields.size()) + " fields where the header has " + std::to_string(header.fields.size()));
            continue;
        }
        Subscriber s;
        s.id = trim(rec.fields[static_cast<std::size_t>(id_col)]);
        s.name = trim(rec.fields[static_cast<std::size_t>(name_col)]);
        s.email = trim(rec.fields[static_cast<std::size_t>(email_col)]);
        s.line = rec.line;
        if (!valid_utf8(s.id) || !valid_utf8(s.name) || !valid_utf8(s.email)) { bad("not UTF-8"); continue; }
        if (s.id.empty()) { bad("empty id"); continue; }
        if (s.name.empty()) { bad("empty name"); continue; }
        if (!seen.insert(s.id).second) { bad("duplicate id \"" + s.id + "\""); continue; }
        list.subscribers.push_back(std::move(s));
    }
    if (unterminated) {
        diagnostics.error(SourceSpan{file, unterminated, 0}, "a quoted field is never closed; the rest of the file skipped");
        ++list.bad_rows;
    }
    return list;
}

SubscriberList read_subscribers(const std::filesystem::path& path, Diagnostics& diagnostics) {
    return parse_subscribers(read_file(path), path.string(), diagnostics);
}

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace quire::distribute
