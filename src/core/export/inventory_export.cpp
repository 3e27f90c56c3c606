#include "core/export/inventory_export.h"

#include <nlohmann/json.hpp>

#include "core/devops/scopes.h"
#include "core/export/csv.h"
#include "core/text/iso8601.h"
#include "core/text/strings.h"

namespace patdesk::exporting {
namespace {

// The server's value normalised to UTC when it parsed, else as the server sent it.
std::string utcIso(int64_t ms, const std::string& original) {
  if (ms == 0 && !original.empty()) {
    if (auto parsed = text::parseIso8601(original)) return text::formatIso8601(*parsed);
    return original;
  }
  return text::formatIso8601(ms);
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace

InventoryRow inventoryRow(const devops::PatToken& pat, const std::string& status) {
  InventoryRow row;
  row.name = pat.displayName;
  row.organization = pat.organization;
  row.scopes = text::splitWords(pat.scope);
  for (const auto& scope : row.scopes) row.scopeLabels.push_back(devops::labelForScope(scope));
  row.created = utcIso(pat.validFromMs, pat.validFrom);
  row.expires = utcIso(pat.validToMs, pat.validTo);
  row.status = status;
  row.global = pat.isGlobal();
  row.authorizationId = pat.authorizationId;
  return row;
}

std::string inventoryCsv(const std::vector<InventoryRow>& rows) {
  std::vector<std::vector<std::string>> table;
  table.reserve(rows.size() + 1);
  table.push_back({"name", "organization", "scopes", "scope labels", "created", "expires", "status",
                   "global", "authorizationId"});
  for (const auto& r : rows) {
    table.push_back({r.name, r.organization, join(r.scopes, " "), join(r.scopeLabels, "; "),
                     r.created, r.expires, r.status, r.global ? "true" : "false",
                     r.authorizationId});
  }
  return writeCsv(table);
}

std::string inventoryJson(const std::vector<InventoryRow>& rows, int64_t nowMs) {
  nlohmann::ordered_json tokens = nlohmann::ordered_json::array();
  for (const auto& r : rows) {
    tokens.push_back({{"name", r.name},
                      {"organization", r.organization},
                      {"scopes", r.scopes},
                      {"scopeLabels", r.scopeLabels},
                      {"created", r.created},
                      {"expires", r.expires},
                      {"status", r.status},
                      {"global", r.global},
                      {"authorizationId", r.authorizationId}});
  }
  const nlohmann::ordered_json doc = {{"exportedAt", text::formatIso8601(nowMs)},
                                      {"tokens", tokens}};
  // Names come from the server and may hold invalid UTF-8: replace it rather than throw.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string exportFileName(int64_t nowMs, const std::string& extension) {
  return "patdesk-tokens-" + text::formatDate(nowMs) + "." + extension;
}

}  // namespace patdesk::exporting
