#include "core/app/app_state.h"

namespace patdesk::app {

const char* screenName(Screen s) {
  switch (s) {
    case Screen::Loading:
      return "loading";
    case Screen::Setup:
      return "setup";
    case Screen::SignIn:
      return "signIn";
    case Screen::SigningIn:
      return "signingIn";
    case Screen::Main:
      return "main";
  }
  return "unknown";
}

const char* filterName(StatusFilter f) {
  switch (f) {
    case StatusFilter::Active:
      return "active";
    case StatusFilter::Expired:
      return "expired";
    case StatusFilter::Revoked:
      return "revoked";
    case StatusFilter::All:
      return "all";
  }
  return "unknown";
}

const char* panelName(Panel p) {
  switch (p) {
    case Panel::None:
      return "none";
    case Panel::Create:
      return "create";
    case Panel::Details:
      return "details";
    case Panel::Edit:
      return "edit";
    case Panel::ConfirmRevoke:
      return "confirmRevoke";
    case Panel::Secret:
      return "secret";
    case Panel::ConfirmCloseSecret:
      return "confirmCloseSecret";
  }
  return "unknown";
}

}  // namespace patdesk::app
