#include "core/source_date.hpp"

#include <cstdio>
#include <cstdlib>

namespace quire {

std::optional<std::time_t> source_date_epoch() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (!value || !*value) return std::nullopt;
    char* end = nullptr;
    const long long seconds = std::strtoll(value, &end, 10);
    if (*end != '\0' || seconds < 0) return std::nullopt;
    return static_cast<std::time_t>(seconds);
}

namespace {
// Days from 1970-01-01 to a civil date (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms").
long long days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long long>(era) * 146097 + static_cast<long long>(doe) - 719468;
}
}  // namespace

std::time_t output_timestamp(const std::string& fallback_iso_date) {
    if (auto sde = source_date_epoch()) return *sde;
    int y = 0;
    unsigned m = 0, d = 0;
    if (fallback_iso_date.size() >= 10 && std::sscanf(fallback_iso_date.c_str(), "%4d-%2u-%2u", &y, &m, &d) == 3 &&
        m >= 1 && m <= 12 && d >= 1 && d <= 31)
        return static_cast<std::time_t>(days_from_civil(y, m, d) * 86400);
    return static_cast<std::time_t>(days_from_civil(2000, 1, 1) * 86400);
}

std::string iso8601_utc(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace quire
