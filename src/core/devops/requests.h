// Pure builders for every Azure DevOps request patdesk sends (profile, accounts, PATs).
// Paths, api-versions and parameter names follow Microsoft's OpenAPI specs:
// profile 7.1, account 7.1, tokens 7.1 (Pats, api-version 7.1-preview.1).
#pragma once

#include <string>

#include "core/devops/pat.h"
#include "core/platform/http.h"

namespace patdesk::devops {

inline constexpr const char* kProfileApiVersion = "7.1";
inline constexpr const char* kAccountsApiVersion = "7.1";
inline constexpr const char* kTokensApiVersion = "7.1-preview.1";
inline constexpr int kPatPageSize = 100;  // $top: the API's limit

// RFC 3986: everything but unreserved characters (A-Z a-z 0-9 - . _ ~) is %XX-encoded (UTF-8
// bytes, upper-case hex). Used for organization names in paths and for query values.
std::string percentEncode(const std::string& text);

// The spec's enum values: "active" / "expired" / "revoked" / "all";
// "displayName" / "displayDate" / "status".
const char* displayFilterValue(DisplayFilter filter);
const char* sortByValue(SortBy sortBy);

// Sets (or replaces) `Authorization: Bearer <token>`.
void setBearer(HttpRequest& request, const std::string& accessToken);

// GET {profileBase}/_apis/profile/profiles/me?api-version=7.1
HttpRequest profileMeRequest(const std::string& profileBase, const std::string& accessToken);
// GET {profileBase}/_apis/accounts?memberId={id}&api-version=7.1
HttpRequest accountsRequest(const std::string& profileBase, const std::string& memberId,
                            const std::string& accessToken);

// GET {tokensBase}/{org}/_apis/tokens/pats?api-version=...&displayFilterOption=..
//   &sortByOption=..&isSortAscending=..[&continuationToken=..]&$top=100
HttpRequest listPatsRequest(const std::string& tokensBase, const std::string& organization,
                            const ListQuery& query, const std::string& continuationToken,
                            const std::string& accessToken);
// GET ...&authorizationId={id}
HttpRequest getPatRequest(const std::string& tokensBase, const std::string& organization,
                          const std::string& authorizationId, const std::string& accessToken);
// POST {displayName, scope, validTo, allOrgs}
HttpRequest createPatRequest(const std::string& tokensBase, const std::string& organization,
                             const CreatePatRequest& request, const std::string& accessToken);
// PUT {authorizationId, and only the fields that are set}
HttpRequest updatePatRequest(const std::string& tokensBase, const std::string& organization,
                             const UpdatePatRequest& request, const std::string& accessToken);
// DELETE ...&authorizationId={id}
HttpRequest revokePatRequest(const std::string& tokensBase, const std::string& organization,
                             const std::string& authorizationId, const std::string& accessToken);

}  // namespace patdesk::devops
