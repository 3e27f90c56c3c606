// AuthSession's way in: the authorize redirect, with the pending entry for the return trip.
#include <nlohmann/json.hpp>

#include "core/auth/auth_session.h"
#include "core/auth/authorize_request.h"
#include "core/auth/pending_sign_in.h"
#include "core/auth/pkce.h"
#include "core/text/secure_wipe.h"

namespace patdesk::auth {
namespace {

using nlohmann::json;

constexpr size_t kStateBytes = 32;
constexpr size_t kNonceBytes = 32;

}  // namespace

Status AuthSession::beginSignIn(const SignInOptions& options) {
  if (!platform_.random) return platformMissingError("secure random numbers");
  if (!platform_.session) return platformMissingError("session storage");
  if (!platform_.navigation) return platformMissingError("navigation");

  auto authority = authorityForTenant(config_.authority, options.tenant);
  if (!authority) return authority.error();

  auto pkce = makePkce(*platform_.random);
  if (!pkce) return pkce.error();
  auto state = randomToken(*platform_.random, kStateBytes);
  if (!state) return state.error();
  auto nonce = randomToken(*platform_.random, kNonceBytes);
  if (!nonce) return nonce.error();
  auto requestId = randomUuid(*platform_.random);
  if (!requestId) return requestId.error();

  AuthorizeParams params;
  params.authority = authority.value();
  params.state = state.value();
  params.nonce = nonce.value();
  params.codeChallenge = pkce.value().challenge;
  params.clientRequestId = requestId.value();
  params.loginHint = options.loginHint;
  params.domainHint = options.domainHint;
  params.prompt = options.prompt;
  params.claims = options.claims;
  if (params.prompt.empty() && nextSignInSelectsAccount()) params.prompt = "select_account";
  auto url = buildAuthorizeUrl(config_, params);
  if (!url) {
    secureWipe(pkce.value().verifier);
    return url.error();
  }

  json pending = {
      {"state", state.value()},   {"verifier", pkce.value().verifier},
      {"nonce", nonce.value()},   {"returnTo", options.returnTo},
      {"tenant", options.tenant}, {"createdAt", platform_.clock ? platform_.clock->nowMs() : 0}};
  std::string pendingText;
  try {
    pendingText = pending.dump();
  } catch (const std::exception&) {
    // dump() throws only for invalid UTF-8, which could come from returnTo or the tenant.
    pending["returnTo"] = "";
    pending["tenant"] = "";
    pendingText = pending.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  platform_.session->set(kPendingSignInKey, pendingText);
  secureWipe(pendingText);
  secureWipe(pkce.value().verifier);
  platform_.navigation->redirect(url.value());
  return okStatus();
}

}  // namespace patdesk::auth
