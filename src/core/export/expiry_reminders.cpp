#include "core/export/expiry_reminders.h"

#include "core/devops/scopes.h"
#include "core/export/icalendar.h"
#include "core/links/token_link.h"
#include "core/text/iso8601.h"

namespace patdesk::exporting {
namespace {

constexpr int64_t kDayMs = 86400000;

std::string scopeList(const std::string& scope) {
  std::string out, current;
  auto flush = [&] {
    if (current.empty()) return;
    if (!out.empty()) out += ", ";
    out += current + " (" + devops::labelForScope(current) + ")";
    current.clear();
  };
  for (char c : scope) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return out.empty() ? "none" : out;
}

std::string summaryOf(const devops::PatToken& pat) {
  return "PAT \"" + pat.displayName + "\" (" + pat.organization + ") expires";
}

void writeEvent(ICalendarWriter& ics, const devops::PatToken& pat, const ReminderOptions& o) {
  const std::string link = links::buildTokenLink(o.pageUrl, pat.authorizationId);
  const std::string days = std::to_string(o.leadDays);
  ics.line("BEGIN:VEVENT");
  ics.textProperty("UID", reminderUid(pat.authorizationId));
  ics.property("DTSTAMP", icalDateTime(o.nowMs));
  // An all-day event on the UTC date the token stops working.
  ics.property("DTSTART;VALUE=DATE", icalDate(pat.validToMs));
  ics.property("DTEND;VALUE=DATE", icalDate(pat.validToMs + kDayMs));
  ics.textProperty("SUMMARY", summaryOf(pat));
  ics.textProperty("DESCRIPTION", "Scopes: " + scopeList(pat.scope) +
                                      "\nExpires: " + text::formatIso8601(pat.validToMs) +
                                      "\nOpen it in patdesk: " + link);
  ics.property("URL", link);
  ics.property("TRANSP", "TRANSPARENT");
  ics.line("BEGIN:VALARM");
  ics.property("ACTION", "DISPLAY");
  ics.property("TRIGGER", "-P" + days + "D");
  ics.textProperty("DESCRIPTION",
                   summaryOf(pat) + " in " + days + (o.leadDays == 1 ? " day" : " days"));
  ics.line("END:VALARM");
  ics.line("END:VEVENT");
}

}  // namespace

bool isReminderLeadDays(int days) {
  for (int d : kReminderLeadDays) {
    if (d == days) return true;
  }
  return false;
}

std::string reminderUid(const std::string& authorizationId) { return authorizationId + "@patdesk"; }

std::string expiryRemindersIcs(const std::vector<devops::PatToken>& tokens,
                               const ReminderOptions& options) {
  ReminderOptions o = options;
  if (!isReminderLeadDays(o.leadDays)) o.leadDays = kDefaultReminderLeadDays;
  ICalendarWriter ics;
  ics.line("BEGIN:VCALENDAR");
  ics.property("VERSION", "2.0");
  ics.property("PRODID", "-//patdesk//PAT expiry reminders//EN");
  ics.property("CALSCALE", "GREGORIAN");
  ics.property("METHOD", "PUBLISH");
  for (const auto& pat : tokens) writeEvent(ics, pat, o);
  ics.line("END:VCALENDAR");
  return ics.text();
}

std::string remindersFileName(int64_t nowMs) {
  return "patdesk-reminders-" + text::formatDate(nowMs) + ".ics";
}

}  // namespace patdesk::exporting
