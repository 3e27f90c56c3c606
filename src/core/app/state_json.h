// The JSON behind window.patdesk.state(): screen, signedIn, user, organizations,
// token summaries, busy, lastError {code, message}, and a few UI facts tests need.
// It is built from AppState, which holds no secret by construction; the PAT value
// lives only in App::secret() and tokens only in AuthSession.
#pragma once

#include <cstdint>
#include <string>

#include "core/app/app_state.h"

namespace patdesk::app {

std::string stateJson(const AppState& state, int64_t nowMs);

}  // namespace patdesk::app
