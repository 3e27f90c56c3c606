#include "core/app/global_pats.h"

#include "core/devops/pat.h"

namespace patdesk::app {
namespace {

constexpr int64_t kDayMs = 86400000;

std::string tokens(int count) {
  return std::to_string(count) + (count == 1 ? " global token" : " global tokens");
}

}  // namespace

bool globalPatsRetired(int64_t nowMs) { return nowMs >= devops::kGlobalPatRetirementMs; }

std::string globalPatBadge(int64_t nowMs) {
  return globalPatsRetired(nowMs) ? "Global \xC2\xB7 no longer works" : "Global";
}

std::string globalPatTooltip(int64_t nowMs) {
  if (globalPatsRetired(nowMs)) {
    return "Global PAT (all accessible organizations): no longer works since 1 December 2026. "
           "Recreate it as a single-organization token, then revoke it.";
  }
  return "Global PAT (all accessible organizations): stops working on 1 December 2026. Rotate "
         "it into a single-organization token.";
}

std::string globalPatDetails(int64_t nowMs) {
  if (globalPatsRetired(nowMs)) {
    return "All accessible organizations (global PAT). No longer works since 1 December 2026: "
           "recreate it as a single-organization token.";
  }
  return "All accessible organizations (global PAT). Global PATs stop working on 1 December "
         "2026: rotate it into a single-organization token.";
}

std::string globalPatBanner(int64_t nowMs, int count) {
  if (globalPatsRetired(nowMs)) {
    return "Global PATs no longer work since 1 December 2026. You have " + tokens(count) +
           ": Recreate makes a replacement for one organization you pick, then offers to revoke "
           "the old one.";
  }
  const int64_t days = (devops::kGlobalPatRetirementMs - nowMs + kDayMs - 1) / kDayMs;
  const std::string when =
      days > 0 ? " (in " + std::to_string(days) + (days == 1 ? " day)" : " days)") : " (now)";
  return "Global PATs stop working on 1 December 2026" + when +
         " \xE2\x80\x94 rotate them into single-organization tokens. You have " + tokens(count) +
         ": Rotate creates a replacement scoped to one organization.";
}

std::string globalPatCreateNote(int64_t nowMs) {
  if (globalPatsRetired(nowMs)) {
    return "\"All accessible organizations\" is not offered: global PATs no longer work since "
           "2026-12-01. Create one token per organization instead.";
  }
  return "\"All accessible organizations\" is not offered: global PATs stop working on "
         "2026-12-01. Create one token per organization instead.";
}

}  // namespace patdesk::app
