// The authorization response the browser brings back to the redirect URI
// (response_mode=fragment; the query is read as a fallback).
#pragma once

#include <cstddef>
#include <string>

#include "core/error.h"

namespace patdesk::auth {

// Larger fragments (or queries) are refused with "auth.bad_redirect".
inline constexpr size_t kMaxRedirectPartBytes = 16 * 1024;

struct RedirectResponse {
  std::string code;
  std::string state;
  std::string error;
  std::string errorDescription;
  std::string errorUri;
  std::string sessionState;
  std::string correlationId;
  std::string traceId;
  bool isError() const { return !error.empty(); }
};

// Cheap check: does the URL's fragment (or query) name a `code`, `error` or `state`
// parameter? Only such URLs are treated as a returning sign-in.
bool looksLikeAuthResponse(const std::string& url);

// A return from the admin-consent endpoint: `admin_consent` in the query or fragment and no
// `state` (patdesk's consent link sends none).
bool isAdminConsentReturn(const std::string& url);

// Reads the response strictly. Errors:
//   auth.bad_redirect  — no response at all, an oversized or malformed fragment/query,
//                        a parameter given twice, both a code and an error, or responses in
//                        both the fragment and the query;
//   auth.state_missing — no state (the response cannot be tied to this tab's sign-in).
Result<RedirectResponse> parseRedirectResponse(const std::string& url);

}  // namespace patdesk::auth
