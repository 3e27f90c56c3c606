// Azure DevOps PAT model, as in Microsoft's tokens 7.1/7.2 OpenAPI spec (PatToken et al.).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patdesk::devops {

struct PatToken {
  std::string authorizationId;
  std::string displayName;
  std::string scope;  // space-separated, e.g. "vso.code_write vso.work"
  std::optional<std::vector<std::string>> targetAccounts;  // nullopt (null in JSON) = global PAT
  std::string validFrom;                                   // ISO-8601 UTC as sent by the server
  std::string validTo;                                     // ISO-8601 UTC as sent by the server
  int64_t validFromMs = 0;
  int64_t validToMs = 0;
  std::string organization;  // the organization it was listed or created in (not from the API)
  bool revoked = false;      // set when it came from a displayFilterOption=revoked listing
  // The secret: ONLY set by create. Wipe it (overwrite, then clear) as soon as it was shown.
  std::string token;

  bool isGlobal() const { return !targetAccounts.has_value(); }
};

enum class DisplayFilter { Active, Expired, Revoked, All };
enum class SortBy { DisplayName, DisplayDate, Status };

struct ListQuery {
  DisplayFilter filter = DisplayFilter::Active;
  SortBy sortBy = SortBy::DisplayDate;
  bool ascending = false;
};

struct CreatePatRequest {
  std::string displayName;
  std::string scope;
  int64_t validToMs = 0;  // sent as UTC ISO-8601
  bool allOrgs = false;
};

struct UpdatePatRequest {
  std::string authorizationId;
  std::optional<std::string> displayName;
  std::optional<std::string> scope;
  std::optional<int64_t> validToMs;
  std::optional<bool> allOrgs;
};

struct Profile {
  std::string id;
  std::string displayName;
  std::string email;
};

struct Organization {
  std::string name;  // accountName
  std::string id;    // accountId
};

// Global PATs (allOrgs=true) stop working on this date (UTC).
inline constexpr int64_t kGlobalPatRetirementMs = 1796083200000;  // 2026-12-01T00:00:00Z

}  // namespace patdesk::devops
