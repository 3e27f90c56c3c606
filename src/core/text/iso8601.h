// ISO-8601 timestamps as Azure DevOps sends them, without locale- or timezone-dependent libc.
// All instants are Unix milliseconds (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace patdesk::text {

// Days since 1970-01-01 for a proleptic Gregorian date (month 1-12, day 1-31).
int64_t daysFromCivil(int64_t year, unsigned month, unsigned day);

struct CivilDate {
  int64_t year;
  unsigned month;
  unsigned day;
};
CivilDate civilFromDays(int64_t days);

// "2020-12-01T23:46:23.32Z", "2020-10-24T03:04:57Z", "2014-05-12T22:23:07.727+00:00",
// "2026-01-01T10:00:00.1234567-05:30". 0-9 fractional digits (truncated to ms); the zone is
// Z, ±HH:MM or ±HHMM; a missing zone is read as UTC (the API's values are UTC).
// nullopt for anything else, including out-of-range fields (month 13, Feb 30, hour 24).
std::optional<int64_t> parseIso8601(const std::string& text);

// Always "YYYY-MM-DDTHH:MM:SS.mmmZ", e.g. "2026-12-27T00:00:00.000Z".
std::string formatIso8601(int64_t unixMs);

// Date-only "2026-12-27" -> midnight UTC of that day; nullopt when not a valid date.
std::optional<int64_t> parseDate(const std::string& text);
// The UTC calendar date of an instant, "2026-12-27".
std::string formatDate(int64_t unixMs);

// Whole UTC calendar days from `nowMs`'s day to `targetMs`'s day (negative in the past).
int64_t calendarDaysBetween(int64_t nowMs, int64_t targetMs);

// Expiry phrasing relative to now, by UTC calendar day:
// "expires today", "in 1 day", "in 5 days" while targetMs > nowMs;
// "expired today", "expired 1 day ago", "expired 3 days ago" once it has passed.
std::string relativeExpiry(int64_t targetMs, int64_t nowMs);

}  // namespace patdesk::text
