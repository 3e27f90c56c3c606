#include "core/export/csv.h"

namespace patdesk::exporting {

std::string csvField(std::string_view value) {
  std::string text;
  if (!value.empty()) {
    const char first = value.front();
    // OWASP "CSV injection": these leading characters make Excel, LibreOffice and Google
    // Sheets read the cell as a formula.
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
        first == '\r') {
      text += '\'';
    }
  }
  text.append(value);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string writeCsv(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += csvField(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace patdesk::exporting
