#include <doctest/doctest.h>

#include "core/text/iso8601.h"

using namespace patdesk::text;

TEST_CASE("the API's timestamps with 0 to 7 fractional digits parse to Unix milliseconds") {
  CHECK(parseIso8601("1970-01-01T00:00:00Z") == 0);
  CHECK(parseIso8601("2020-12-01T23:46:23Z") == 1606866383000);
  CHECK(parseIso8601("2020-12-01T23:46:23.3Z") == 1606866383300);
  CHECK(parseIso8601("2020-12-01T23:46:23.32Z") == 1606866383320);
  CHECK(parseIso8601("2020-12-01T23:46:23.319Z") == 1606866383319);
  CHECK(parseIso8601("2020-11-02T22:56:52.1033333Z") == 1604357812103);
  CHECK(parseIso8601("2020-11-02T22:56:52.1039999Z") == 1604357812103);  // truncated, not rounded
}

TEST_CASE("an offset is applied and a missing zone is read as UTC") {
  CHECK(parseIso8601("2014-05-12T22:23:07.727+00:00") == parseIso8601("2014-05-12T22:23:07.727Z"));
  CHECK(parseIso8601("2026-01-01T10:00:00+02:00") == parseIso8601("2026-01-01T08:00:00Z"));
  CHECK(parseIso8601("2026-01-01T10:00:00-05:30") == parseIso8601("2026-01-01T15:30:00Z"));
  CHECK(parseIso8601("2026-01-01T10:00:00+0200") == parseIso8601("2026-01-01T08:00:00Z"));
  CHECK(parseIso8601("2026-01-01T10:00:00") == parseIso8601("2026-01-01T10:00:00Z"));
}

TEST_CASE("leap days, centuries and dates before 1970 are handled") {
  CHECK(parseIso8601("2024-02-29T00:00:00Z") == 1709164800000);
  CHECK(parseIso8601("2000-02-29T12:00:00Z").has_value());
  CHECK_FALSE(parseIso8601("2100-02-29T00:00:00Z").has_value());
  CHECK_FALSE(parseIso8601("2023-02-29T00:00:00Z").has_value());
  CHECK(parseIso8601("1969-12-31T23:59:59.999Z") == -1);
  CHECK(formatIso8601(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(parseIso8601("0001-01-01T00:00:00Z") == -62135596800000);
  CHECK(formatIso8601(-62135596800000) == "0001-01-01T00:00:00.000Z");
  CHECK(parseIso8601("9999-12-31T23:59:59.9999999Z") == 253402300799999);
}

TEST_CASE("malformed or out-of-range timestamps are rejected") {
  for (const char* bad : {"",
                          "2020",
                          "2020-12-01",
                          "2020-12-01T",
                          "2020-12-01T23:46Z",
                          "2020-13-01T00:00:00Z",
                          "2020-00-10T00:00:00Z",
                          "2020-04-31T00:00:00Z",
                          "2020-12-01T24:00:00Z",
                          "2020-12-01T23:60:00Z",
                          "2020-12-01T23:46:61Z",
                          "2020-12-01T23:46:23.Z",
                          "2020-12-01T23:46:23.1234567890Z",
                          "2020-12-01 23:46:23Z",
                          "2020-12-01T23:46:23ZZ",
                          "2020-12-01T23:46:23+5",
                          "2020-12-01T23:46:23+24:00",
                          "20-12-01T23:46:23Z",
                          "2020-1-01T23:46:23Z",
                          " 2020-12-01T23:46:23Z",
                          "2020-12-01T23:46:23Z ",
                          "2020-12-01T23:46:23.32X",
                          "abcd-ef-ghTij:kl:mnZ"}) {
    CAPTURE(bad);
    CHECK_FALSE(parseIso8601(bad).has_value());
  }
}

TEST_CASE("formatting always gives milliseconds and Z, and round-trips") {
  CHECK(formatIso8601(0) == "1970-01-01T00:00:00.000Z");
  CHECK(formatIso8601(1798329600000) == "2026-12-27T00:00:00.000Z");
  CHECK(formatIso8601(1606866383320) == "2020-12-01T23:46:23.320Z");
  for (int64_t ms : {int64_t{0}, int64_t{1}, int64_t{951782400000}, int64_t{1709164800123},
                     int64_t{1795000000000}, int64_t{4102444799999}, int64_t{-86400001}}) {
    CAPTURE(ms);
    CHECK(parseIso8601(formatIso8601(ms)) == ms);
  }
}

TEST_CASE("date-only text for the UI parses to midnight UTC and formats back") {
  CHECK(parseDate("2026-12-27") == 1798329600000);
  CHECK(formatDate(1798329600000) == "2026-12-27");
  CHECK(formatDate(1798329600000 + 86399999) == "2026-12-27");
  CHECK(formatDate(-1) == "1969-12-31");
  CHECK_FALSE(parseDate("2026-02-30").has_value());
  CHECK_FALSE(parseDate("2026-12-27T00:00:00Z").has_value());
  CHECK_FALSE(parseDate("27/12/2026").has_value());
  CHECK_FALSE(parseDate("").has_value());
}

TEST_CASE("every day from 1900 to 2100 survives days-from-civil and back") {
  int64_t expected = daysFromCivil(1900, 1, 1);
  for (int64_t day = expected; day < daysFromCivil(2100, 12, 31); ++day) {
    const CivilDate c = civilFromDays(day);
    REQUIRE(daysFromCivil(c.year, c.month, c.day) == day);
  }
  CHECK(daysFromCivil(1970, 1, 1) == 0);
  CHECK(daysFromCivil(2000, 3, 1) == 11017);
}

TEST_CASE("expiry is phrased relative to now by UTC calendar day") {
  const int64_t now = *parseIso8601("2026-11-18T10:00:00Z");
  CHECK(relativeExpiry(*parseIso8601("2026-11-23T09:00:00Z"), now) == "in 5 days");
  CHECK(relativeExpiry(*parseIso8601("2026-11-19T00:00:00Z"), now) == "in 1 day");
  CHECK(relativeExpiry(*parseIso8601("2026-11-18T23:59:59Z"), now) == "expires today");
  CHECK(relativeExpiry(now + 1, now) == "expires today");
  CHECK(relativeExpiry(now, now) == "expired today");
  CHECK(relativeExpiry(*parseIso8601("2026-11-18T00:00:00Z"), now) == "expired today");
  CHECK(relativeExpiry(*parseIso8601("2026-11-17T23:00:00Z"), now) == "expired 1 day ago");
  CHECK(relativeExpiry(*parseIso8601("2026-11-15T12:00:00Z"), now) == "expired 3 days ago");
  CHECK(relativeExpiry(*parseIso8601("2027-11-18T10:00:00Z"), now) == "in 365 days");
}
