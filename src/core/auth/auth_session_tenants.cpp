// AuthSession, guest organizations: one access token per tenant, each from a refresh-token
// grant at that tenant's token endpoint, without a redirect (issue 11 §1).
#include <memory>

#include "core/auth/aadsts_errors.h"
#include "core/auth/auth_session.h"
#include "core/auth/authorize_request.h"
#include "core/auth/token_response.h"
#include "core/error_codes.h"
#include "core/text/secure_wipe.h"
#include "core/text/strings.h"

namespace patdesk::auth {
namespace {

// The grant's answers that only the person can resolve: multi-factor, consent, or Entra
// saying so in words. A redirect to the tenant follows (it keeps the drafts).
bool needsInteraction(const Error& e) {
  const std::string aadsts = errc::kAadstsPrefix;
  if (e.code == aadsts + "50076" || e.code == aadsts + "50079" || e.code == aadsts + "65001")
    return true;
  return e.code == std::string(errc::kOauthPrefix) + "interaction_required" ||
         e.code == std::string(errc::kOauthPrefix) + "consent_required" ||
         e.detail.find("error: interaction_required") != std::string::npos ||
         e.detail.find("error: consent_required") != std::string::npos;
}

// The tenant segment of an authority URL ("" when it has none).
std::string authorityTenant(const std::string& authority) {
  const size_t slash = authority.find_last_of('/');
  return slash == std::string::npos ? std::string() : authority.substr(slash + 1);
}

}  // namespace

bool AuthSession::isHomeTenant(const std::string& tenant) const {
  const std::string k = TenantTokenCache::key(tenant);
  return k.empty() || k == TenantTokenCache::key(user_.tenantId) ||
         k == TenantTokenCache::key(authorityTenant(authority_));
}

std::string AuthSession::accessTokenFor(const std::string& tenant) const {
  if (isHomeTenant(tenant)) return accessToken_;
  return tenantTokens_.held(tenant);
}

void AuthSession::ensureTenantToken(const std::string& tenant, std::function<void(bool)> done) {
  if (isHomeTenant(tenant)) return ensureFreshToken(std::move(done));
  if (!signedIn() || !platform_.clock) return done(false);
  if (!tenantTokens_.fresh(tenant, platform_.clock->nowMs()).empty()) return done(true);
  refreshTenantNow(tenant, std::move(done));
}

void AuthSession::refreshTenantNow(const std::string& tenant, std::function<void(bool)> done) {
  if (isHomeTenant(tenant)) return refreshNow(std::move(done));
  if (!signedIn() || refreshToken_.empty() || !platform_.http || !platform_.clock)
    return done(false);
  if (!tenantTokens_.join(tenant, std::move(done))) return;  // one grant per tenant at a time
  auto authority = authorityForTenant(config_.authority, tenant);
  if (!authority) {
    for (auto& w : tenantTokens_.finish(tenant)) w(false);
    return;
  }
  tenantTokens_.drop(tenant);
  HttpRequest request =
      tokenEndpointRequest(authority.value(), buildRefreshTokenBody(config_, refreshToken_));
  std::weak_ptr<bool> alive = alive_;
  const uint64_t generation = generation_;
  AuthSession* self = this;
  ++tenantGrantCount_;
  platform_.http->send(request, [alive, generation, self, tenant](HttpResponse response) {
    if (alive.expired() || self->generation_ != generation) return;
    self->onTenantGrantResponse(tenant, response);
  });
  secureWipe(request.body);
}

void AuthSession::onTenantGrantResponse(const std::string& tenant, const HttpResponse& response) {
  auto authority = authorityForTenant(config_.authority, tenant);
  AuthErrorContext context{config_.redirectUri, config_.clientId,
                           authority ? authority.value() : config_.authority};
  auto decoded = decodeTokenResponse(response, context);
  if (!decoded) {
    auto waiters = tenantTokens_.finish(tenant);
    if (needsInteraction(decoded.error()) && onTenantInteraction_) {
      auto callback = onTenantInteraction_;
      callback(tenant, decoded.error());
    }
    for (auto& w : waiters) w(false);
    return;
  }
  TokenSet& tokens = decoded.value();
  const int64_t lifetimeMs = tokens.expiresInSeconds * 1000;
  tenantTokens_.put(tenant, tokens.accessToken, platform_.clock->nowMs() + lifetimeMs, lifetimeMs);
  if (!tokens.refreshToken.empty()) {  // rotation: the old refresh token is done with
    secureWipe(refreshToken_);
    refreshToken_ = tokens.refreshToken;
  }
  secureWipe(tokens.accessToken);
  secureWipe(tokens.refreshToken);
  secureWipe(tokens.idToken);
  for (auto& w : tenantTokens_.finish(tenant)) w(true);
}

}  // namespace patdesk::auth
