// The ID token's claims, for DISPLAY ONLY (who is signed in) and the nonce check.
//
// patdesk does not verify the ID token's signature (that needs the tenant's signing keys and
// adds nothing here): the token arrives straight from the token endpoint over TLS, in answer to
// a PKCE-protected code redemption, so its origin is already established by that channel. The
// claims are therefore only shown to the person, never used to authorize anything: Azure DevOps
// makes its own decisions from the access token.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"

namespace patdesk::auth {

struct IdTokenClaims {
  std::string name;               // "name"
  std::string preferredUsername;  // "preferred_username"
  std::string tenantId;           // "tid"
  std::string objectId;           // "oid"
  std::string nonce;              // "nonce"
  std::string loginHint;          // "login_hint" (optional claim): the end-session logout_hint
  int64_t expiresAt = 0;          // "exp", seconds since epoch (0 when absent)
  std::string audience;           // "aud" (a string; the first entry when an array)
  std::string issuer;             // "iss"
};

// Decodes the payload (second segment, base64url JSON) of a compact JWT. Error
// "auth.bad_id_token" when it is not a three-part JWT with a JSON object payload.
Result<IdTokenClaims> decodeIdToken(const std::string& jwt);

// The claims that need no keys: "auth.id_token_audience" unless aud is the client ID;
// "auth.id_token_issuer" unless iss is the v2 issuer of the token's own tenant on the
// authority's host ({scheme://host}/{tid}/v2.0); "auth.id_token_expired" unless exp is in the
// future (5 minutes of clock skew allowed). Still display only: nothing is authorized by them.
Status checkIdTokenClaims(const IdTokenClaims& claims, const std::string& clientId,
                          const std::string& authority, int64_t nowMs);

// Error "auth.nonce_mismatch" unless the token's nonce equals the one sent (non-empty).
Status checkNonce(const IdTokenClaims& claims, const std::string& expectedNonce);

}  // namespace patdesk::auth
