// Decodes the token endpoint's answer: tokens on success, a mapped error otherwise.
#pragma once

#include <cstdint>
#include <string>

#include "core/auth/aadsts_errors.h"
#include "core/error.h"
#include "core/platform/http.h"

namespace patdesk::auth {

struct TokenSet {
  std::string accessToken;
  std::string refreshToken;  // may be empty (the caller keeps the old one on refresh)
  std::string idToken;       // may be empty on refresh
  std::string scope;
  std::string tokenType;
  int64_t expiresInSeconds = 0;
};

// Successful responses need access_token and a Bearer (or absent) token_type; expires_in may
// be a number or a numeric string (absent: 3600). Errors:
//   auth.network             — status 0 or a body that is not JSON (CORS, network, blockers);
//   aadsts.<n> / oauth.<err> — the server's error JSON, mapped by mapAuthError;
//   auth.bad_token_response  — JSON that is neither tokens nor an error.
Result<TokenSet> decodeTokenResponse(const HttpResponse& response, const AuthErrorContext& context);

// The "auth.network" error (also used when no response arrives at all).
Error networkError(int httpStatus);

}  // namespace patdesk::auth
