#include "core/auth/id_token.h"

#include <nlohmann/json.hpp>

#include "core/text/base64url.h"

namespace patdesk::auth {
namespace {

using nlohmann::json;

Error badIdToken(const std::string& why) {
  Error e = makeError("auth.bad_id_token",
                      "Microsoft Entra's identity token could not be read (" + why + ").",
                      "Sign in again. If it keeps happening, check \"authority\" in config.json.");
  return e;
}

std::string claim(const json& payload, const char* name) {
  auto it = payload.find(name);
  if (it == payload.end() || !it->is_string()) return {};
  return it->get<std::string>();
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
  c.name = claim(payload, "name");
  c.preferredUsername = claim(payload, "preferred_username");
  c.tenantId = claim(payload, "tid");
  c.objectId = claim(payload, "oid");
  c.nonce = claim(payload, "nonce");
  auto exp = payload.find("exp");
  if (exp != payload.end() && exp->is_number()) c.expiresAt = exp->get<int64_t>();
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

Status checkNonce(const IdTokenClaims& claims, const std::string& expectedNonce) {
  bool same = !expectedNonce.empty() && claims.nonce.size() == expectedNonce.size();
  unsigned char diff = 0;
  if (same) {
    for (size_t i = 0; i < expectedNonce.size(); ++i) {
      diff |= static_cast<unsigned char>(claims.nonce[i] ^ expectedNonce[i]);
    }
  }
  if (same && diff == 0) return okStatus();
  return makeError("auth.nonce_mismatch",
                   "The identity token does not belong to this sign-in (its nonce does not match), "
                   "so patdesk did not sign you in.",
                   "Sign in again. If it keeps happening, something may be interfering with the "
                   "sign-in; try another network or browser.");
}

}  // namespace patdesk::auth
