// The browser tab's title for each screen (document.title), so a person sees what the tab is
// doing without looking at it.
#pragma once

#include "core/app/app_state.h"

namespace patdesk::web {

const char* titleFor(const app::AppState& s);

}  // namespace patdesk::web
