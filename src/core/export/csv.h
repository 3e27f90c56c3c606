// RFC 4180 CSV for spreadsheet tools: quoted fields, CRLF rows, a UTF-8 byte order mark, and
// cells that a spreadsheet would run as a formula neutralised.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace patdesk::exporting {

// One field: a value starting with = + - @ (or a tab or CR, which some tools skip before
// reading a formula) gets a leading ' so that it is shown as text, never evaluated; then
// the field is quoted when it holds a comma, a quote, CR or LF, doubling inner quotes.
std::string csvField(std::string_view value);

// The whole file: the UTF-8 BOM, then each row's fields joined with ',' and ended by CRLF.
std::string writeCsv(const std::vector<std::vector<std::string>>& rows);

}  // namespace patdesk::exporting
