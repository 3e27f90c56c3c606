// The inventory as a file: the rows the person sees, as CSV or JSON, with the columns the
// issue fixes (name, organization, scopes, scope labels, created, expires, status, global,
// authorizationId). Built from PatToken summaries, which never hold a secret.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/devops/pat.h"

namespace patdesk::exporting {

struct InventoryRow {
  std::string name;
  std::string organization;
  std::vector<std::string> scopes;       // API names, e.g. "vso.code_write"
  std::vector<std::string> scopeLabels;  // e.g. "Code: Read & write"
  std::string created;                   // UTC ISO-8601
  std::string expires;                   // UTC ISO-8601
  std::string status;                    // "Active", "Expired", "Revoked"
  bool global = false;
  std::string authorizationId;
};

// One export row per token. `status` is what the table shows for it (see statusLabel).
InventoryRow inventoryRow(const devops::PatToken& pat, const std::string& status);

// Header row + one row per token; scopes joined with a space, labels with "; ".
std::string inventoryCsv(const std::vector<InventoryRow>& rows);
// {"exportedAt": "...", "tokens": [{"name": …, "scopes": [...], "global": false, …}]}
std::string inventoryJson(const std::vector<InventoryRow>& rows, int64_t nowMs);

// "patdesk-tokens-2026-12-02.csv" for `extension` "csv" (the UTC date of nowMs).
std::string exportFileName(int64_t nowMs, const std::string& extension);

}  // namespace patdesk::exporting
