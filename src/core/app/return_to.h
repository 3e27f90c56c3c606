// "Where the person was" across the sign-in redirect. A full-page redirect loses the tab's
// memory, so when a session expires mid-task the unfinished create form travels in the
// PKCE round-trip entry (the only sessionStorage entry patdesk writes) and comes back.
// It holds nothing secret: a name, an organization, an expiry choice and scopes.
#pragma once

#include <string>

#include "core/app/app_state.h"

namespace patdesk::app {

// JSON for SignInOptions::returnTo; "" when there is nothing worth restoring.
std::string encodeReturnTo(const AppState& state);
// Restores what encodeReturnTo saved; ignores anything malformed.
void restoreReturnTo(const std::string& returnTo, AppState& state);

}  // namespace patdesk::app
