// PKCE (RFC 7636, S256) and the other random values of the sign-in round trip.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/platform/capabilities.h"

namespace patdesk::auth {

struct PkcePair {
  std::string verifier;   // base64url of 32 random bytes: 43 characters
  std::string challenge;  // base64url(SHA-256(verifier))
};

// The S256 code_challenge for a verifier.
std::string pkceChallenge(std::string_view verifier);

// Fails closed (code "auth.no_secure_random") when no secure randomness is available.
Result<PkcePair> makePkce(Random& random);

// base64url of `bytes` random bytes (at least kMinTokenBytes: smaller requests are raised to
// it). For state and nonce.
inline constexpr size_t kMinTokenBytes = 16;
Result<std::string> randomToken(Random& random, size_t bytes);

// A random UUID version 4 in lower-case "8-4-4-4-12" form (client-request-id).
Result<std::string> randomUuid(Random& random);

// The error every function here returns when Random::fill fails.
Error noSecureRandomError();

}  // namespace patdesk::auth
