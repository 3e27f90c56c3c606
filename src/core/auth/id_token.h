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
  int64_t expiresAt = 0;          // "exp", seconds since epoch (0 when absent)
};

// Decodes the payload (second segment, base64url JSON) of a compact JWT. Error
// "auth.bad_id_token" when it is not a three-part JWT with a JSON object payload.
Result<IdTokenClaims> decodeIdToken(const std::string& jwt);

// Error "auth.nonce_mismatch" unless the token's nonce equals the one sent (non-empty).
Status checkNonce(const IdTokenClaims& claims, const std::string& expectedNonce);

}  // namespace patdesk::auth
