// Reproducible builds: the time stamped into outputs comes from SOURCE_DATE_EPOCH when it is set
// (reproducible-builds.org/specs/source-date-epoch), else from a date the input gives (the article's
// date), so that the same input gives the same bytes.
#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace quire {

// SOURCE_DATE_EPOCH as seconds since 1970, when set and valid.
std::optional<std::time_t> source_date_epoch();

// The time to stamp: SOURCE_DATE_EPOCH, else `fallback_iso_date` ("YYYY-MM-DD", midnight UTC),
// else 2000-01-01T00:00:00Z. Never the clock.
std::time_t output_timestamp(const std::string& fallback_iso_date = {});

// "YYYY-MM-DDThh:mm:ssZ"
std::string iso8601_utc(std::time_t t);

}  // namespace quire
