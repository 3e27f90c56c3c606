#include "core/app/app_state.h"

#include <tuple>

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
    case Panel::ConfirmRotate:
      return "confirmRotate";
  }
  return "unknown";
}

bool operator==(const CreateDraft& a, const CreateDraft& b) {
  return std::tie(a.name, a.organization, a.expiryPresetDays, a.customDate, a.fullAccess, a.scope,
                  a.showAllScopes, a.scopeFilter, a.fromLink, a.linkScopes,
                  a.linkHighPrivilegeScopes, a.linkMessages, a.highPrivilegeConfirmed,
                  a.linkOrganizationPending, a.recreateOf) ==
         std::tie(b.name, b.organization, b.expiryPresetDays, b.customDate, b.fullAccess, b.scope,
                  b.showAllScopes, b.scopeFilter, b.fromLink, b.linkScopes,
                  b.linkHighPrivilegeScopes, b.linkMessages, b.highPrivilegeConfirmed,
                  b.linkOrganizationPending, b.recreateOf);
}

bool operator==(const EditDraft& a, const EditDraft& b) {
  return std::tie(a.authorizationId, a.organization, a.name, a.scope, a.extendDays, a.customDate,
                  a.showAllScopes, a.scopeFilter) ==
         std::tie(b.authorizationId, b.organization, b.name, b.scope, b.extendDays, b.customDate,
                  b.showAllScopes, b.scopeFilter);
}

}  // namespace patdesk::app
