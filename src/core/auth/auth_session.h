// Sign-in with Entra ID: OAuth 2.0 authorization code + PKCE (S256) for a single-page app,
// as a full-page redirect. Tokens live only in this object's memory and are wiped on sign-out.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/auth/tenant_token_cache.h"
#include "core/config.h"
#include "core/error.h"
#include "core/platform/capabilities.h"

namespace patdesk::auth {

// The sessionStorage key for {state, verifier, nonce, returnTo, tenant, createdAt} while the
// browser is away at the authorize endpoint.
inline constexpr const char* kPendingSignInKey = "patdesk.pendingSignIn";
// The other key, holding "1" and nothing secret: set when patdesk sends the browser to
// Entra's end-session endpoint, so that the page it comes back to still knows the next
// sign-in must ask which account (prompt=select_account). Removed by the next sign-in.
inline constexpr const char* kSignedOutKey = "patdesk.signedOut";

struct User {
  std::string name;      // id_token "name"
  std::string username;  // id_token "preferred_username"
  std::string tenantId;  // id_token "tid"
  std::string objectId;  // id_token "oid"
};

struct SignInOptions {
  std::string tenant;      // optional: replaces the authority's tenant segment (guests)
  std::string loginHint;   // optional
  std::string domainHint;  // optional
  std::string prompt;      // optional: login, select_account, consent, none
  std::string claims;      // optional: a claims challenge (CAE) to satisfy, as JSON
  std::string returnTo;    // where the person was (a screen name), restored after the round trip
};

class AuthSession {
 public:
  AuthSession(AppConfig config, Platform platform);
  ~AuthSession();  // wipes tokens
  AuthSession(const AuthSession&) = delete;
  AuthSession& operator=(const AuthSession&) = delete;

  // Builds the authorize URL, stores the pending entry in session storage and navigates away.
  // Fails closed (no navigation) when secure randomness is unavailable.
  Status beginSignIn(const SignInOptions& options);

  // Call once at start-up. When the page URL carries an authorization response, handles it
  // in the mandated order (read fragment; replaceState to strip it; check state; delete the
  // pending entry; then act on error or redeem the code) and returns true; `done` runs when
  // finished. Returns false (and never calls `done`) when there is nothing to handle.
  bool completeSignInIfReturning(std::function<void(Result<User>)> done);

  // Where the person was before the redirect (from the pending entry), once completed.
  const std::string& returnTo() const { return returnTo_; }

  bool signedIn() const { return !accessToken_.empty(); }
  const User& user() const { return user_; }
  // Bearer token for Azure DevOps; empty when signed out.
  const std::string& accessToken() const { return accessToken_; }
  // Milliseconds since epoch when the access token expires.
  int64_t accessTokenExpiresAtMs() const { return expiresAtMs_; }
  // The token response's `scope` (what Entra granted; not a secret).
  const std::string& grantedScope() const { return grantedScope_; }
  // The admin-consent link for the signed-in person's own tenant (the id token's tid).
  std::string adminConsentLink() const;
  // True when start-up found a return from the admin-consent endpoint (admin_consent=True,
  // no state): completeSignInIfReturning stripped it and handled nothing.
  bool adminConsentReturned() const { return adminConsentReturned_; }

  // done(true) at once while the access token has more than min(5 minutes, half its lifetime)
  // left; otherwise a refresh first, then done(ok). Refreshes are single-flight: every caller
  // that arrives while one runs waits for that one.
  void ensureFreshToken(std::function<void(bool)> done);
  // Azure DevOps refused the token: refresh now (joining one in flight), then done(ok).
  void refreshNow(std::function<void(bool)> done);
  // How many refresh grants were sent (tests and the e2e audit count them).
  int refreshCount() const { return refreshCount_; }

  // Guest organizations (issue 11 §1): an access token for another tenant, from a
  // refresh-token grant at {authority host}/{tenant}/oauth2/v2.0/token (same client, scopes
  // and Origin; Entra refresh tokens are not bound to one tenant). The home tenant (empty,
  // the id token's tid or the authority's own) uses ensureFreshToken. Single-flight per
  // tenant; done(false) when the grant failed (when it needs interaction, the callback set
  // with setOnTenantInteractionRequired runs first).
  void ensureTenantToken(const std::string& tenant, std::function<void(bool)> done);
  // Azure DevOps refused the tenant's token: drop it and get a new one.
  void refreshTenantNow(const std::string& tenant, std::function<void(bool)> done);
  // The token to send to an organization of `tenant` ("" when none is held).
  std::string accessTokenFor(const std::string& tenant) const;
  bool isHomeTenant(const std::string& tenant) const;
  // How many grants for other tenants were sent (tests and the e2e audit count them).
  int tenantGrantCount() const { return tenantGrantCount_; }
  // The grant for `tenant` needs the person (AADSTS50076 MFA, AADSTS65001 consent,
  // interaction_required): a redirect to that tenant is the way on.
  void setOnTenantInteractionRequired(
      std::function<void(const std::string& tenant, const Error&)> fn) {
    onTenantInteraction_ = std::move(fn);
  }

  // Called when the refresh token can no longer renew the session (24 h SPA limit, revoked).
  void setOnSessionExpired(std::function<void(const Error&)> fn) { onExpired_ = std::move(fn); }
  // Called after each successful silent refresh.
  void setOnRefreshed(std::function<void()> fn) { onRefreshed_ = std::move(fn); }

  // Overwrites and clears tokens and user data. When `endSession` is true, also navigates to
  // Entra's end-session endpoint (post_logout_redirect_uri = redirectUri). After any sign-out
  // the next authorize request carries prompt=select_account: on a shared PC the next person
  // must not silently get the previous person's Microsoft session.
  void signOut(bool endSession = false);
  // After signOut(): "Sign out of Microsoft too" — the end-session endpoint of the authority
  // signed in with, with logout_hint = the id token's login_hint when it had one.
  void endMicrosoftSession();
  // The next beginSignIn adds prompt=select_account (unless another prompt is asked for).
  bool nextSignInSelectsAccount() const;

 private:
  struct Impl;
  AppConfig config_;
  Platform platform_;
  User user_;
  std::string accessToken_;
  std::string refreshToken_;
  std::string grantedScope_;
  std::string loginHint_;           // id token login_hint of the signed-in person
  std::string signedOutLoginHint_;  // the same, kept after signOut for endMicrosoftSession
  bool selectAccountNext_ = false;
  bool refreshInFlight_ = false;
  int refreshCount_ = 0;
  int64_t lifetimeMs_ = 0;
  std::vector<std::function<void(bool)>> refreshWaiters_;
  TenantTokenCache tenantTokens_;
  int tenantGrantCount_ = 0;
  std::function<void(const std::string&, const Error&)> onTenantInteraction_;
  void onTenantGrantResponse(const std::string& tenant, const HttpResponse& response);
  bool adminConsentReturned_ = false;
  int64_t expiresAtMs_ = 0;
  int refreshTimer_ = 0;
  bool hasRefreshTimer_ = false;
  int refreshRetries_ = 0;
  std::string authority_;  // effective authority (tenant override applied) of this session
  std::string returnTo_;
  std::function<void(const Error&)> onExpired_;
  std::function<void()> onRefreshed_;
  // Asynchronous completions hold a weak_ptr to this: they do nothing once the session is gone.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  // Bumped by signOut (and expiry): completions of older requests are ignored.
  uint64_t generation_ = 0;
  friend struct Impl;
};

}  // namespace patdesk::auth
