#include "ui/widgets/format.h"

#include <cstdio>
#include <ctime>

namespace patdesk::ui {
namespace {

struct Civil {
  int year;
  unsigned month, day;
};

// Howard Hinnant's days -> civil date (proleptic Gregorian), independent of the C library.
Civil civilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}

int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string formatDateUtc(int64_t ms) {
  const Civil c = civilFromDays(floorDiv(ms, kDayMs));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

std::string formatDateTimeUtc(int64_t ms) {
  const int64_t days = floorDiv(ms, kDayMs);
  const int64_t inDay = ms - days * kDayMs;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d UTC", formatDateUtc(ms).c_str(),
                static_cast<int>(inDay / 3600000), static_cast<int>((inDay / 60000) % 60));
  return buf;
}

std::string formatDateTimeLocal(int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(floorDiv(ms, 1000));
  std::tm local{};
#if defined(_WIN32)
  localtime_s(&local, &t);
#else
  localtime_r(&t, &local);
#endif
  char buf[48];
  if (std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local) == 0) return formatDateTimeUtc(ms);
  return buf;
}

std::string formatShortDateUtc(int64_t ms) {
  const Civil c = civilFromDays(floorDiv(ms, kDayMs));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s %u", kMonths[(c.month - 1) % 12], c.day);
  return buf;
}

std::string plural(int64_t n, const char* singular, const char* pluralForm) {
  return std::to_string(n) + " " + (n == 1 ? singular : pluralForm);
}

int64_t daysUntil(int64_t ms, int64_t nowMs) {
  if (ms <= nowMs) return 0;
  return (ms - nowMs + kDayMs - 1) / kDayMs;
}

std::string relativeExpiry(int64_t validToMs, int64_t nowMs) {
  const int64_t diff = validToMs - nowMs;
  const int64_t absDiff = diff < 0 ? -diff : diff;
  std::string amount;
  if (absDiff < 3600000) {
    amount = plural(absDiff / 60000 < 1 ? 1 : absDiff / 60000, "minute", "minutes");
  } else if (absDiff < kDayMs) {
    amount = plural(absDiff / 3600000, "hour", "hours");
  } else {
    amount = plural(absDiff / kDayMs, "day", "days");
  }
  return diff >= 0 ? "in " + amount : "expired " + amount + " ago";
}

std::string labelSafe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '#' && i + 1 < text.size() && text[i + 1] == '#') out += ' ';
  }
  return out;
}

std::string lowerAscii(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

bool containsNoCase(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return true;
  return lowerAscii(haystack).find(lowerAscii(needle)) != std::string::npos;
}

std::string base64(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace patdesk::ui
