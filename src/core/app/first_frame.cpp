#include "core/app/first_frame.h"

#include "core/app/selectors.h"

namespace patdesk::app {

bool firstFrameWaits(const AppState& s, double msSinceStart) {
  if (msSinceStart >= kFirstFrameWaitLimitMs || s.lastError) return false;
  switch (s.screen) {
    case Screen::Loading:
    case Screen::SigningIn:
      return true;
    case Screen::Main:
      return inventoryLoading(s);
    case Screen::Setup:
    case Screen::SignIn:
      return false;
  }
  return false;
}

}  // namespace patdesk::app
