// The pending sign-in entry beginSignIn leaves in session storage for the return trip
// (state, verifier, nonce, where the person was, the tenant, when it was made), and its reader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/text/secure_wipe.h"

namespace patdesk::auth {

struct PendingSignIn {
  std::string state;
  std::string verifier;
  std::string nonce;
  std::string returnTo;
  std::string tenant;
  int64_t createdAt = 0;
  ~PendingSignIn() {
    secureWipe(verifier);
    secureWipe(nonce);
  }
};

// nullopt unless the text is a JSON object with non-empty state, verifier and nonce.
std::optional<PendingSignIn> parsePending(const std::optional<std::string>& text);

// The round trip's errors: a response this tab did not start (or that does not match), a
// missing browser capability, an entry older than 10 minutes.
Error stateMismatchError(bool entryMissing);
Error platformMissingError(const char* what);
Error pendingExpiredError();

}  // namespace patdesk::auth
