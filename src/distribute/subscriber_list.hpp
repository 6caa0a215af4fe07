// The subscriber list: subscribers.csv, UTF-8, RFC 4180 (fields in double quotes may hold commas,
// quotes written twice and line breaks), a header row naming at least the columns id, name and email
// (in any order; other columns are ignored). A bad row is reported with its line and skipped; the rest
// are read (docs/distribution.md).
#pragma once

#include "core/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace quire::distribute {

struct Subscriber {
    std::string id;     // the publisher's own key: stable, unique in the list
    std::string name;   // shown on the ex-libris page, never in the invisible mark
    std::string email;  // shown only with --show-email
    int line = 0;       // the row's first line in the file (1-based), for messages
};

struct SubscriberList {
    std::vector<Subscriber> subscribers;  // in file order, good rows only
    std::size_t bad_rows = 0;             // reported in the Diagnostics
};

// Parses CSV text; `file` names it in diagnostics. A missing header column is an error that stops
// reading (thrown as QuireError); a bad row (wrong field count, empty or duplicate id, invalid UTF-8,
// an unclosed quote) is an error diagnostic and the row is skipped.
SubscriberList parse_subscribers(std::string_view csv, const std::string& file, Diagnostics& diagnostics);
SubscriberList read_subscribers(const std::filesystem::path& path, Diagnostics& diagnostics);

// One CSV field quoted when needed (RFC 4180 §2.6, 2.7), for the manifest.
std::string csv_field(std::string_view value);

// RFC 4180 records of `csv` with the line each starts on; the last record may lack its line break.
// `unterminated_line` is set (to the opening line) when a quoted field never closes.
struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0;
};
std::vector<CsvRecord> split_csv(std::string_view csv, int& unterminated_line);

}  // namespace quire::distribute
