#include "core/auth/id_token.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/error_codes.h"
#include "core/text/base64url.h"
#include "core/text/json_fields.h"
#include "core/text/strings.h"

namespace patdesk::auth {
namespace {

using nlohmann::json;

Error badIdToken(const std::string& why) {
  Error e = makeError(errc::kAuthBadIdToken,
                      "Microsoft Entra's identity token could not be read (" + why + ").",
                      "Sign in again. If it keeps happening, check \"authority\" in config.json.");
  return e;
}

// "exp" in whole seconds; 0 (as if absent) when it is not a number representable as int64_t.
// A float outside that range must not be cast: that is undefined behaviour (a trap in wasm).
int64_t expClaim(const json& payload) {
  auto exp = payload.find("exp");
  if (exp == payload.end()) return 0;
  if (exp->is_number_unsigned()) {
    const uint64_t u = exp->get<uint64_t>();
    return u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ? static_cast<int64_t>(u)
                                                                           : 0;
  }
  if (exp->is_number_integer()) return exp->get<int64_t>();
  if (exp->is_number_float()) {
    const double d = exp->get<double>();
    // [-2^63, 2^63): both bounds are exact doubles.
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) return static_cast<int64_t>(d);
  }
  return 0;
}

Result<IdTokenClaims> decode(const std::string& jwt) {
  const size_t first = jwt.find('.');
  const size_t second = first == std::string::npos ? first : jwt.find('.', first + 1);
  if (first == std::string::npos || second == std::string::npos ||
      jwt.find('.', second + 1) != std::string::npos) {
    return badIdToken("not a JWT");
  }
  const auto payloadText =
      base64UrlDecode(std::string_view(jwt).substr(first + 1, second - first - 1));
  if (!payloadText) return badIdToken("the payload is not base64url");
  const json payload = json::parse(*payloadText, nullptr, /*allow_exceptions=*/false);
  if (payload.is_discarded() || !payload.is_object()) return badIdToken("the payload is not JSON");

  IdTokenClaims c;
  // The string claims, member by claim name.
  using Claim = std::pair<std::string IdTokenClaims::*, const char*>;
  for (const auto& [member, name] :
       {Claim{&IdTokenClaims::name, "name"},
        Claim{&IdTokenClaims::preferredUsername, "preferred_username"},
        Claim{&IdTokenClaims::tenantId, "tid"}, Claim{&IdTokenClaims::objectId, "oid"},
        Claim{&IdTokenClaims::nonce, "nonce"}, Claim{&IdTokenClaims::loginHint, "login_hint"},
        Claim{&IdTokenClaims::issuer, "iss"}, Claim{&IdTokenClaims::audience, "aud"}})
    c.*member = text::stringMember(payload, name);
  c.expiresAt = expClaim(payload);
  auto aud = payload.find("aud");
  if (c.audience.empty() && aud != payload.end() && aud->is_array() && !aud->empty() &&
      aud->front().is_string())
    c.audience = aud->front().get<std::string>();
  return c;
}

}  // namespace

Result<IdTokenClaims> decodeIdToken(const std::string& jwt) {
  try {
    return decode(jwt);
  } catch (const std::exception& ex) {
    Error e = badIdToken("unexpected claims");
    e.detail = ex.what();
    return e;
  }
}

Status checkIdTokenClaims(const IdTokenClaims& claims, const std::string& clientId,
                          const std::string& authority, int64_t nowMs) {
  const char* action =
      "Sign in again. If it keeps happening, check \"clientId\" and "
      "\"authority\" in config.json.";
  if (!text::equalsIgnoreAsciiCase(claims.audience, clientId)) {
    return makeError(errc::kAuthIdTokenAudience,
                     "The identity token was issued to another application (its audience is not "
                     "patdesk's client ID), so patdesk did not sign you in.",
                     action);
  }
  // The authority's host part: everything before its last path segment (the tenant).
  std::string host = authority;
  while (!host.empty() && host.back() == '/') host.pop_back();
  const size_t slash = host.rfind('/');
  const size_t scheme = host.find("://");
  if (slash != std::string::npos && scheme != std::string::npos && slash > scheme + 2)
    host = host.substr(0, slash);
  const std::string expectedIssuer = host + "/" + claims.tenantId + "/v2.0";
  if (claims.tenantId.empty() || !text::equalsIgnoreAsciiCase(claims.issuer, expectedIssuer)) {
    return makeError(errc::kAuthIdTokenIssuer,
                     "The identity token does not come from your own tenant's issuer (expected " +
                         expectedIssuer + "), so patdesk did not sign you in.",
                     action);
  }
  constexpr int64_t kSkewSeconds = 300;
  if (claims.expiresAt <= 0 || (claims.expiresAt + kSkewSeconds) * 1000 <= nowMs) {
    return makeError(errc::kAuthIdTokenExpired,
                     "The identity token has already expired, so patdesk did not sign you in.",
                     "Check that this computer's clock is right, then sign in again.");
  }
  return okStatus();
}

Status checkNonce(const IdTokenClaims& claims, const std::string& expectedNonce) {
  bool same = !expectedNonce.empty() && claims.nonce.size() == expectedNonce.size();
  unsigned char diff = 0;
  if (same) {
    for (size_t i = 0; i < expectedNonce.size(); ++i) {
      diff |= static_cast<unsigned char>(claims.nonce[i] ^ expectedNonce[i]);
    }
  }
  if (same && diff == 0) return okStatus();
  return makeError(errc::kAuthNonceMismatch,
                   "The identity token does not belong to this sign-in (its nonce does not match), "
                   "so patdesk did not sign you in.",
                   "Sign in again. If it keeps happening, something may be interfering with the "
                   "sign-in; try another network or browser.");
}

}  // namespace patdesk::auth
