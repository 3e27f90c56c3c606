// RFC 5545 iCalendar writing: TEXT escaping, content lines folded at 75 octets, CRLF.
// Knows nothing about tokens (see expiry_reminders.h for what patdesk puts in it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace patdesk::exporting {

// TEXT value escaping (RFC 5545 3.3.11): \ ; , become \\ \; \, and a newline (LF, CRLF or
// CR) becomes \n; other control characters, which TEXT may not hold, are dropped.
std::string icalText(std::string_view value);

// One content line, folded (RFC 5545 3.1): at most 75 octets per physical line, the rest
// continued on lines that start with a space, never splitting a UTF-8 character. Ends in CRLF.
std::string icalLine(std::string_view line);

// "20261202" (DATE) and "20261202T083000Z" (UTC DATE-TIME) of a Unix millisecond instant.
std::string icalDate(int64_t unixMs);
std::string icalDateTime(int64_t unixMs);

// Builds a calendar from unfolded content lines ("BEGIN:VEVENT", "SUMMARY:…").
class ICalendarWriter {
 public:
  void line(std::string_view contentLine) { out_ += icalLine(contentLine); }
  void property(std::string_view name, std::string_view rawValue);
  void textProperty(std::string_view name, std::string_view text) {
    property(name, icalText(text));
  }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

}  // namespace patdesk::exporting
