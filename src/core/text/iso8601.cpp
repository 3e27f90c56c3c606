#include "core/text/iso8601.h"

#include <cstdio>

namespace patdesk::text {
namespace {

constexpr int64_t kMsPerDay = 86400000;
constexpr int64_t kMinUnixMs = -62167219200000;  // 0000-01-01T00:00:00.000Z
constexpr int64_t kMaxUnixMs = 253402300799999;  // 9999-12-31T23:59:59.999Z

int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool isLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && isLeap(y)) return 29;
  return kDays[m - 1];
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at `pos`.
bool readDigits(const std::string& s, size_t& pos, size_t n, int64_t& out) {
  if (pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!isDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  pos += n;
  out = v;
  return true;
}

bool expect(const std::string& s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// "YYYY-MM-DD" at pos; validates the day of month.
bool readDate(const std::string& s, size_t& pos, int64_t& y, int64_t& m, int64_t& d) {
  if (!readDigits(s, pos, 4, y) || !expect(s, pos, '-') || !readDigits(s, pos, 2, m) ||
      !expect(s, pos, '-') || !readDigits(s, pos, 2, d)) {
    return false;
  }
  if (m < 1 || m > 12) return false;
  if (d < 1 || d > static_cast<int64_t>(daysInMonth(y, static_cast<unsigned>(m)))) return false;
  return true;
}

}  // namespace

// Howard Hinnant's days_from_civil.
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = floorDiv(y, 400);
  const int64_t yoe = y - era * 400;                                   // [0, 399]
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = floorDiv(z, 146097);
  const int64_t doe = z - era * 146097;                                       // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                       // [0, 11]
  const unsigned d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{y + (m <= 2), m, d};
}

std::optional<int64_t> parseIso8601(const std::string& s) {
  size_t pos = 0;
  int64_t y, mo, d, h, mi, sec;
  if (!readDate(s, pos, y, mo, d)) return std::nullopt;
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't')) return std::nullopt;
  ++pos;
  if (!readDigits(s, pos, 2, h) || !expect(s, pos, ':') || !readDigits(s, pos, 2, mi) ||
      !expect(s, pos, ':') || !readDigits(s, pos, 2, sec)) {
    return std::nullopt;
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;  // 60: a leap second
  int64_t ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t digits = 0;
    int64_t scale = 100;
    while (pos < s.size() && isDigit(s[pos])) {
      if (digits < 3) ms += (s[pos] - '0') * scale;
      scale /= 10;
      ++digits;
      ++pos;
    }
    if (digits == 0 || digits > 9) return std::nullopt;
  }
  int64_t offsetMinutes = 0;
  if (pos < s.size()) {
    const char z = s[pos];
    if (z == 'Z' || z == 'z') {
      ++pos;
    } else if (z == '+' || z == '-') {
      ++pos;
      int64_t oh, om;
      if (!readDigits(s, pos, 2, oh)) return std::nullopt;
      expect(s, pos, ':');
      if (!readDigits(s, pos, 2, om)) return std::nullopt;
      if (oh > 23 || om > 59) return std::nullopt;
      offsetMinutes = (oh * 60 + om) * (z == '-' ? -1 : 1);
    } else {
      return std::nullopt;
    }
  }
  if (pos != s.size()) return std::nullopt;
  const int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const int64_t seconds = days * 86400 + h * 3600 + mi * 60 + sec - offsetMinutes * 60;
  const int64_t unixMs = seconds * 1000 + ms;
  // The instant must stay within years 0000-9999 in UTC, where formatIso8601 round-trips: an
  // offset (or a leap second) can push the first or last day of that range over the edge.
  if (unixMs < kMinUnixMs || unixMs > kMaxUnixMs) return std::nullopt;
  return unixMs;
}

std::string formatIso8601(int64_t unixMs) {
  const int64_t days = floorDiv(unixMs, kMsPerDay);
  const int64_t msOfDay = unixMs - days * kMsPerDay;
  const CivilDate c = civilFromDays(days);
  char buf[64];
  std::snprintf(
      buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
      static_cast<long long>(c.year), c.month, c.day, static_cast<long long>(msOfDay / 3600000),
      static_cast<long long>(msOfDay / 60000 % 60), static_cast<long long>(msOfDay / 1000 % 60),
      static_cast<long long>(msOfDay % 1000));
  return buf;
}

std::optional<int64_t> parseDate(const std::string& s) {
  size_t pos = 0;
  int64_t y, m, d;
  if (!readDate(s, pos, y, m, d) || pos != s.size()) return std::nullopt;
  return daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kMsPerDay;
}

std::string formatDate(int64_t unixMs) {
  const CivilDate c = civilFromDays(floorDiv(unixMs, kMsPerDay));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

int64_t calendarDaysBetween(int64_t nowMs, int64_t targetMs) {
  return floorDiv(targetMs, kMsPerDay) - floorDiv(nowMs, kMsPerDay);
}

std::string relativeExpiry(int64_t targetMs, int64_t nowMs) {
  const int64_t days = calendarDaysBetween(nowMs, targetMs);
  if (targetMs > nowMs) {
    if (days <= 0) return "expires today";
    if (days == 1) return "in 1 day";
    return "in " + std::to_string(days) + " days";
  }
  const int64_t ago = -days;
  if (ago <= 0) return "expired today";
  if (ago == 1) return "expired 1 day ago";
  return "expired " + std::to_string(ago) + " days ago";
}

}  // namespace patdesk::text
