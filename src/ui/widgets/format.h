// Date and text formatting for the UI: UTC dates, local times, relative expiry phrases.
#pragma once

#include <cstdint>
#include <string>

namespace patdesk::ui {

inline constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

// "2025-03-01" (UTC).
std::string formatDateUtc(int64_t ms);
// "2025-03-01 14:05 UTC".
std::string formatDateTimeUtc(int64_t ms);
// "2025-03-01 15:05" in the browser's time zone.
std::string formatDateTimeLocal(int64_t ms);
// "Mar 3" (UTC), for chart axes.
std::string formatShortDateUtc(int64_t ms);
// "in 5 days", "in 3 hours", "expired 3 days ago", "expired 2 hours ago".
std::string relativeExpiry(int64_t validToMs, int64_t nowMs);
// Whole days from now until `ms` (rounded up; 0 when already past).
int64_t daysUntil(int64_t ms, int64_t nowMs);
// "1 token" / "3 tokens".
std::string plural(int64_t n, const char* singular, const char* pluralForm);
// Makes text safe as the visible part of an ImGui label ("##" would hide the rest).
std::string labelSafe(const std::string& text);
// Lower-case ASCII copy; and case-insensitive "contains".
std::string lowerAscii(std::string s);
bool containsNoCase(const std::string& haystack, const std::string& needle);
// Standard base64 (for the .npmrc snippet, which wants the PAT base64-encoded).
std::string base64(const std::string& bytes);

}  // namespace patdesk::ui
