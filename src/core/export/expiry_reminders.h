// Expiry reminders as one .ics file: a VEVENT on each token's expiry date with a VALARM some
// days before, and a UID per authorizationId so that importing again updates the events.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/devops/pat.h"

namespace patdesk::exporting {

inline constexpr int kDefaultReminderLeadDays = 7;
// The lead times the person can choose from.
inline constexpr int kReminderLeadDays[] = {1, 3, 7, 14};
bool isReminderLeadDays(int days);

struct ReminderOptions {
  int leadDays = kDefaultReminderLeadDays;  // one of kReminderLeadDays
  std::string pageUrl;                      // patdesk's address, for the link back
  int64_t nowMs = 0;                        // DTSTAMP
};

// "<authorizationId>@patdesk": stable, so calendars replace the event on a second import.
std::string reminderUid(const std::string& authorizationId);

// The whole VCALENDAR. Tokens are summaries (PatToken::token is never read).
std::string expiryRemindersIcs(const std::vector<devops::PatToken>& tokens,
                               const ReminderOptions& options);

// "patdesk-reminders-2026-12-02.ics".
std::string remindersFileName(int64_t nowMs);

}  // namespace patdesk::exporting
