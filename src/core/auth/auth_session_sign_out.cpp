// AuthSession's way out: "Sign out of Microsoft too" (the end-session endpoint), the
// prompt=select_account that follows any sign-out, and the admin-consent link of the
// signed-in person's own tenant.
#include <cctype>

#include "core/auth/aadsts_errors.h"
#include "core/auth/auth_session.h"
#include "core/auth/authorize_request.h"
#include "core/text/secure_wipe.h"

namespace patdesk::auth {

std::string AuthSession::adminConsentLink() const {
  AuthErrorContext ctx{config_.redirectUri, config_.clientId,
                       authority_.empty() ? config_.authority : authority_};
  // The tid is Entra's (a GUID); keep only characters a tenant segment can have.
  std::string tid;
  for (char c : user_.tenantId) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') tid += c;
  }
  std::string base = config_.authority;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const size_t slash = base.rfind('/');
  const size_t scheme = base.find("://");
  if (!tid.empty() && slash != std::string::npos && scheme != std::string::npos &&
      slash > scheme + 2)
    ctx.authority = base.substr(0, slash) + "/" + tid;
  return adminConsentUrl(ctx);
}

void AuthSession::endMicrosoftSession() {
  selectAccountNext_ = true;
  if (!platform_.navigation) return;
  // The page is about to be left: memory does not survive, the non-secret flag does.
  if (platform_.session) platform_.session->set(kSignedOutKey, "1");
  const std::string url = buildEndSessionUrl(
      config_, authority_.empty() ? config_.authority : authority_, signedOutLoginHint_);
  secureWipe(signedOutLoginHint_);
  platform_.navigation->redirect(url);
}

bool AuthSession::nextSignInSelectsAccount() const {
  return selectAccountNext_ ||
         (platform_.session && platform_.session->get(kSignedOutKey).has_value());
}

}  // namespace patdesk::auth
