#include "core/app/first_frame.h"

#include <algorithm>

namespace patdesk::app {

bool firstFrameWaits(const AppState& s, double msSinceStart) {
  if (msSinceStart >= kFirstFrameWaitLimitMs || s.lastError) return false;
  switch (s.screen) {
    case Screen::Loading:
    case Screen::SigningIn:
      return true;
    case Screen::Main:
      return s.organizationsLoading ||
             std::any_of(s.organizations.begin(), s.organizations.end(),
                         [](const OrganizationView& o) { return o.loading; });
    case Screen::Setup:
    case Screen::SignIn:
      return false;
  }
  return false;
}

}  // namespace patdesk::app
