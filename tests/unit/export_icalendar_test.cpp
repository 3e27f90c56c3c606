#include <doctest/doctest.h>

#include <sstream>

#include "core/export/expiry_reminders.h"
#include "core/export/icalendar.h"
#include "core/text/iso8601.h"

using namespace patdesk;
using namespace patdesk::exporting;

namespace {

devops::PatToken token(const std::string& id, const std::string& name, const std::string& org,
                       const std::string& scope, const std::string& validTo) {
  devops::PatToken pat;
  pat.authorizationId = id;
  pat.displayName = name;
  pat.organization = org;
  pat.scope = scope;
  pat.validTo = validTo;
  pat.validToMs = *text::parseIso8601(validTo);
  pat.targetAccounts = std::vector<std::string>{"x"};
  return pat;
}

// Physical lines of the file, split on CRLF (the final CRLF gives no empty line).
std::vector<std::string> physicalLines(const std::string& ics) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < ics.size()) {
    const size_t end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    out.push_back(ics.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

// Unfolds (RFC 5545 3.1) back into content lines.
std::vector<std::string> contentLines(const std::string& ics) {
  std::vector<std::string> out;
  for (const auto& line : physicalLines(ics)) {
    if (!line.empty() && line[0] == ' ') {
      REQUIRE(!out.empty());
      out.back() += line.substr(1);
    } else {
      out.push_back(line);
    }
  }
  return out;
}

size_t count(const std::vector<std::string>& lines, const std::string& exact) {
  size_t n = 0;
  for (const auto& l : lines) n += l == exact;
  return n;
}

}  // namespace

TEST_CASE("ical text escapes backslash semicolon comma and newlines") {
  CHECK(icalText("a\\b;c,d") == "a\\\\b\\;c\\,d");
  CHECK(icalText("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(icalText("tab\tok\x01gone\x7f") == "tab\tokgone");
  CHECK(icalText("\"quotes\" stay") == "\"quotes\" stay");
}

TEST_CASE("ical lines are folded at 75 octets with a leading space on each continuation") {
  const std::string line(200, 'x');
  const auto lines = physicalLines(icalLine(line));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].size() == 75);
  CHECK(lines[1].size() == 75);
  CHECK(lines[1][0] == ' ');
  CHECK(lines[2] == " " + std::string(200 - 75 - 74, 'x'));
  CHECK(icalLine(std::string(75, 'y')) == std::string(75, 'y') + "\r\n");
}

TEST_CASE("ical folding never splits a UTF-8 character") {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 60; ++i) line += "\xC3\xA9";  // é, two octets each
  const auto lines = physicalLines(icalLine(line));
  std::string unfolded;
  for (size_t i = 0; i < lines.size(); ++i) {
    CHECK(lines[i].size() <= 75);
    const std::string body = i == 0 ? lines[i] : lines[i].substr(1);
    // Each physical line is whole UTF-8: it never starts with a continuation byte.
    if (!body.empty()) CHECK((static_cast<unsigned char>(body[0]) & 0xC0) != 0x80);
    unfolded += body;
  }
  CHECK(unfolded == line);
}

TEST_CASE("ical folding makes progress on bytes that are not UTF-8") {
  const std::string junk(300, '\x80');
  const auto lines = physicalLines(icalLine(junk));
  std::string unfolded;
  for (size_t i = 0; i < lines.size(); ++i) unfolded += i == 0 ? lines[i] : lines[i].substr(1);
  CHECK(unfolded == junk);
}

TEST_CASE("ical dates and UTC date-times are written in basic format") {
  const int64_t ms = *text::parseIso8601("2026-12-02T08:30:05.250Z");
  CHECK(icalDate(ms) == "20261202");
  CHECK(icalDateTime(ms) == "20261202T083005Z");
}

TEST_CASE("only 1 3 7 and 14 days are reminder lead times") {
  CHECK(isReminderLeadDays(1));
  CHECK(isReminderLeadDays(3));
  CHECK(isReminderLeadDays(7));
  CHECK(isReminderLeadDays(14));
  CHECK_FALSE(isReminderLeadDays(0));
  CHECK_FALSE(isReminderLeadDays(5));
}

TEST_CASE("expiry reminders hold one event per token with an alarm and a stable UID") {
  ReminderOptions o;
  o.leadDays = 3;
  o.pageUrl = "https://patdesk.example/app/";
  o.nowMs = *text::parseIso8601("2026-12-02T10:00:00Z");
  const std::vector<devops::PatToken> tokens = {
      token("aaaa-1", "ci feed", "contoso", "vso.packaging vso.code", "2026-12-27T00:00:00Z"),
      token("bbbb-2", "deploy; prod, \"blue\"", "fabrikam", "vso.build_execute",
            "2027-01-05T13:14:15Z")};
  const std::string ics = expiryRemindersIcs(tokens, o);
  const auto lines = contentLines(ics);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(count(lines, "VERSION:2.0") == 1);
  CHECK(count(lines, "BEGIN:VEVENT") == 2);
  CHECK(count(lines, "BEGIN:VALARM") == 2);
  CHECK(count(lines, "TRIGGER:-P3D") == 2);
  CHECK(count(lines, "UID:aaaa-1@patdesk") == 1);
  CHECK(count(lines, "UID:bbbb-2@patdesk") == 1);
  CHECK(count(lines, "DTSTAMP:20261202T100000Z") == 2);
  CHECK(count(lines, "DTSTART;VALUE=DATE:20261227") == 1);
  CHECK(count(lines, "DTEND;VALUE=DATE:20261228") == 1);
  CHECK(count(lines, "DTSTART;VALUE=DATE:20270105") == 1);
  CHECK(count(lines, "SUMMARY:PAT \"ci feed\" (contoso) expires") == 1);
  CHECK(count(lines, "SUMMARY:PAT \"deploy\\; prod\\, \"blue\"\" (fabrikam) expires") == 1);
  CHECK(count(lines,
              "DESCRIPTION:Scopes: vso.packaging (Packaging: Read)\\, vso.code (Code: Read)\\n"
              "Expires: 2026-12-27T00:00:00.000Z\\nOpen it in patdesk: "
              "https://patdesk.example/app/#token?id=aaaa-1") == 1);
  CHECK(count(lines, "URL:https://patdesk.example/app/#token?id=bbbb-2") == 1);
  CHECK(count(lines, "DESCRIPTION:PAT \"ci feed\" (contoso) expires in 3 days") == 1);
  for (const auto& physical : physicalLines(ics)) CHECK(physical.size() <= 75);
}

TEST_CASE("the same token gives the same event on a second export") {
  ReminderOptions o;
  o.pageUrl = "https://patdesk.example/";
  o.nowMs = 1795000000000;
  const std::vector<devops::PatToken> tokens = {
      token("id-1", "n", "o", "vso.code", "2026-12-27T00:00:00Z")};
  CHECK(expiryRemindersIcs(tokens, o) == expiryRemindersIcs(tokens, o));
}

TEST_CASE("an unsupported lead time falls back to seven days") {
  ReminderOptions o;
  o.leadDays = 5;
  o.nowMs = 1795000000000;
  const auto lines = contentLines(
      expiryRemindersIcs({token("id-1", "n", "o", "vso.code", "2026-12-27T00:00:00Z")}, o));
  CHECK(count(lines, "TRIGGER:-P7D") == 1);
}

TEST_CASE("reminders never contain a token's secret value") {
  auto pat = token("id-1", "n", "o", "vso.code", "2026-12-27T00:00:00Z");
  pat.token = "SECRET-PAT-VALUE-123";
  ReminderOptions o;
  o.nowMs = 1795000000000;
  CHECK(expiryRemindersIcs({pat}, o).find("SECRET-PAT-VALUE-123") == std::string::npos);
}

TEST_CASE("a reminders file is named by the UTC date") {
  CHECK(remindersFileName(*text::parseIso8601("2026-12-02T23:59:59Z")) ==
        "patdesk-reminders-2026-12-02.ics");
}
