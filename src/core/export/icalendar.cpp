#include "core/export/icalendar.h"

#include <cstdio>

#include "core/text/iso8601.h"

namespace patdesk::exporting {
namespace {

constexpr size_t kMaxOctets = 75;
constexpr int64_t kDayMs = 86400000;

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string icalText(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      out += "\\n";
      if (i + 1 < value.size() && value[i + 1] == '\n') ++i;  // CRLF is one newline
    } else if (c == '\n') {
      out += "\\n";
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

std::string icalLine(std::string_view line) {
  std::string out;
  size_t pos = 0;
  size_t budget = kMaxOctets;  // the first physical line has no leading space
  while (line.size() - pos > budget) {
    size_t cut = pos + budget;
    while (cut > pos && isContinuationByte(line[cut])) --cut;  // keep characters whole
    if (cut == pos) cut = pos + budget;  // not UTF-8 at all: cut anywhere, but progress
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    budget = kMaxOctets - 1;  // the leading space counts
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

std::string icalDate(int64_t unixMs) {
  int64_t days = unixMs / kDayMs;
  if (unixMs % kDayMs < 0) --days;
  const text::CivilDate d = text::civilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld%02u%02u", static_cast<long long>(d.year), d.month, d.day);
  return buf;
}

std::string icalDateTime(int64_t unixMs) {
  int64_t days = unixMs / kDayMs;
  int64_t msOfDay = unixMs % kDayMs;
  if (msOfDay < 0) {
    --days;
    msOfDay += kDayMs;
  }
  const int64_t seconds = msOfDay / 1000;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02lld%02lld%02lldZ", icalDate(days * kDayMs).c_str(),
                static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60));
  return buf;
}

void ICalendarWriter::property(std::string_view name, std::string_view rawValue) {
  std::string contentLine(name);
  contentLine += ':';
  contentLine.append(rawValue);
  line(contentLine);
}

}  // namespace patdesk::exporting
