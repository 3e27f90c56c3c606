// Decoders for Azure DevOps responses (profile 7.1, account 7.1, tokens 7.1/7.2).
// Never throw: malformed input becomes Error{code "devops.malformed"}.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/devops/pat.h"
#include "core/error.h"

namespace patdesk::devops {

// Profile: `id` (required); display name and email from the flat `displayName` /
// `emailAddress` or from `coreAttributes.DisplayName.value` / `coreAttributes.EmailAddress.value`.
Result<Profile> decodeProfile(const std::string& body);

// Accounts: a bare array or `{count, value: [...]}`; `accountName` (required), `accountId`.
Result<std::vector<Organization>> decodeAccounts(const std::string& body);

// PagedPatTokens: `patTokens` and `continuationToken` (missing or null = last page).
struct PatPage {
  std::vector<PatToken> tokens;
  std::string continuationToken;
};
Result<PatPage> decodePatPage(const std::string& body);

// PatTokenResult: `patToken` (absent/null when the call failed), `patTokenError` ("none" when
// absent) and the server's `patTokenErrorMessage` when it sends one.
struct PatTokenResult {
  std::optional<PatToken> patToken;
  std::string patTokenError = "none";
  std::string patTokenErrorMessage;
};
Result<PatTokenResult> decodePatTokenResult(const std::string& body);

// One PatToken object as JSON text. `targetAccounts: null` (or absent) = global PAT; dates are
// parsed into validFromMs / validToMs (0 when absent or null).
Result<PatToken> decodePatToken(const std::string& body);

// The error every decoder returns for unusable JSON.
Error malformedError(const std::string& what);

}  // namespace patdesk::devops
