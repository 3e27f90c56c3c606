// Date and text helpers used by the UI.
#include <doctest/doctest.h>

#include "ui/widgets/format.h"

using namespace patdesk::ui;

TEST_CASE("Dates format as UTC calendar dates") {
  CHECK(formatDateUtc(0) == "1970-01-01");
  CHECK(formatDateUtc(1796083200000) == "2026-12-01");
  CHECK(formatDateTimeUtc(1735732800000) == "2025-01-01 12:00 UTC");
  CHECK(formatShortDateUtc(1735732800000) == "Jan 1");
  CHECK(formatDateUtc(-kDayMs) == "1969-12-31");
}

TEST_CASE("Relative expiry reads naturally in both directions") {
  const int64_t now = 1735732800000;
  CHECK(relativeExpiry(now + 5 * kDayMs, now) == "in 5 days");
  CHECK(relativeExpiry(now + kDayMs, now) == "in 1 day");
  CHECK(relativeExpiry(now + 3 * 3600000, now) == "in 3 hours");
  CHECK(relativeExpiry(now - 3 * kDayMs, now) == "expired 3 days ago");
  CHECK(relativeExpiry(now - 60000, now) == "expired 1 minute ago");
  CHECK(daysUntil(now + kDayMs / 2, now) == 1);
  CHECK(daysUntil(now - 1, now) == 0);
}

TEST_CASE("Labels never let a token name hide the rest of an ImGui label") {
  CHECK(labelSafe("a##b") == "a# #b");
  CHECK(labelSafe("plain") == "plain");
}

TEST_CASE("Base64 matches the standard alphabet with padding") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64(":pat") == "OnBhdA==");
}

TEST_CASE("Case-insensitive search finds substrings") {
  CHECK(containsNoCase("Work Items", "work"));
  CHECK_FALSE(containsNoCase("Code", "work"));
  CHECK(containsNoCase("anything", ""));
}
