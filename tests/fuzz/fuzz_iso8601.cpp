// parseIso8601 / parseDate and their formatters.
// Invariants: whatever parses, formats to the canonical form and reparses to the same instant;
// a parsed date formats back to exactly its text; civil <-> days conversions agree.
#include <cstring>

#include "core/text/iso8601.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::text;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string s = fuzz::bytes(data, size);

  if (const auto ms = parseIso8601(s)) {
    const std::string canonical = formatIso8601(*ms);
    FUZZ_CHECK(canonical.size() == 24);
    const auto again = parseIso8601(canonical);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *ms);
    FUZZ_CHECK(formatIso8601(*again) == canonical);
    // The date part of the instant is a valid date on its own.
    const auto day = parseDate(formatDate(*ms));
    FUZZ_CHECK(day.has_value());
    FUZZ_CHECK(*day <= *ms && *ms - *day < 86400000);
  }

  if (const auto ms = parseDate(s)) {
    FUZZ_CHECK(*ms % 86400000 == 0);
    FUZZ_CHECK(formatDate(*ms) == s);
    FUZZ_CHECK(parseIso8601(s + "T00:00:00Z") == ms);
    FUZZ_CHECK(calendarDaysBetween(*ms, *ms) == 0);
  }

  // Days <-> civil for any day within +-1,000,000 years of the epoch.
  if (size >= 4) {
    int32_t raw;
    std::memcpy(&raw, data, sizeof raw);
    const int64_t days = raw / 5;  // |days| < 430M ~ 1.2M years
    const CivilDate c = civilFromDays(days);
    FUZZ_CHECK(c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= 31);
    FUZZ_CHECK(daysFromCivil(c.year, c.month, c.day) == days);
  }
  return 0;
}
