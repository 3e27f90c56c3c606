#include "platform/web/page_title.h"

namespace patdesk::web {

const char* titleFor(const app::AppState& s) {
  switch (s.screen) {
    case app::Screen::Loading:
      return "patdesk — loading";
    case app::Screen::Setup:
      return "patdesk — setup needed";
    case app::Screen::SignIn:
      return "patdesk — sign in";
    case app::Screen::SigningIn:
      return "patdesk — signing in…";
    case app::Screen::Main:
      break;
  }
  if (s.panel == app::Panel::Secret || s.panel == app::Panel::ConfirmCloseSecret)
    return "patdesk — copy your new token";
  if (s.busy > 0) return "patdesk — working…";
  return "patdesk — personal access tokens";
}

}  // namespace patdesk::web
