#include "core/auth/auth_session.h"

#include <algorithm>
#include <optional>

#include "core/auth/aadsts_errors.h"
#include "core/auth/authorize_request.h"
#include "core/auth/id_token.h"
#include "core/auth/pending_sign_in.h"
#include "core/auth/pkce.h"
#include "core/auth/redirect_response.h"
#include "core/auth/token_response.h"
#include "core/error_codes.h"
#include "core/text/secure_wipe.h"
#include "core/text/strings.h"
#include "core/text/url.h"

namespace patdesk::auth {
namespace {

constexpr int64_t kMinRefreshDelayMs = 10 * 1000;
constexpr int64_t kRefreshMarginMs = 5 * 60 * 1000;
constexpr int64_t kRefreshRetryDelayMs = 30 * 1000;
constexpr int kMaxRefreshRetries = 3;
// A pending sign-in entry older than this is deleted unused.
constexpr int64_t kPendingLifetimeMs = 10 * 60 * 1000;

void wipeTokenSet(TokenSet& t) {
  secureWipe(t.accessToken);
  secureWipe(t.refreshToken);
  secureWipe(t.idToken);
}

bool isTransient(const Error& e) {
  return e.code == errc::kAuthNetwork || e.code == errc::kOauthTemporarilyUnavailable ||
         e.code == errc::kOauthServerError || e.httpStatus >= 500;
}

}  // namespace

struct AuthSession::Impl {
  static AuthErrorContext context(const AuthSession& s) {
    return AuthErrorContext{s.config_.redirectUri, s.config_.clientId,
                            s.authority_.empty() ? s.config_.authority : s.authority_};
  }

  static void cancelRefresh(AuthSession& s) {
    if (s.hasRefreshTimer_ && s.platform_.clock) s.platform_.clock->cancel(s.refreshTimer_);
    s.hasRefreshTimer_ = false;
    s.refreshTimer_ = 0;
  }

  static void wipe(AuthSession& s) {
    ++s.generation_;  // ignore whatever is still in flight
    cancelRefresh(s);
    secureWipe(s.accessToken_);
    secureWipe(s.refreshToken_);
    s.grantedScope_.clear();
    secureWipe(s.loginHint_);
    secureWipe(s.user_.name);
    secureWipe(s.user_.username);
    secureWipe(s.user_.tenantId);
    secureWipe(s.user_.objectId);
    s.expiresAtMs_ = 0;
    s.lifetimeMs_ = 0;
    s.refreshRetries_ = 0;
    s.refreshInFlight_ = false;
    s.refreshWaiters_.clear();  // their requests belong to the session that ended
    s.tenantTokens_.clear();
  }

  static void scheduleAt(AuthSession& s, int64_t delayMs) {
    cancelRefresh(s);
    std::weak_ptr<bool> alive = s.alive_;
    const uint64_t generation = s.generation_;
    AuthSession* self = &s;
    s.refreshTimer_ = s.platform_.clock->schedule(delayMs, [alive, generation, self] {
      if (alive.expired() || self->generation_ != generation) return;
      self->hasRefreshTimer_ = false;
      refresh(*self);
    });
    s.hasRefreshTimer_ = true;
  }

  // Refresh at 80% of the lifetime or 5 minutes before expiry, whichever is sooner; >= 10 s.
  static void scheduleRefresh(AuthSession& s, int64_t expiresInSeconds) {
    const int64_t lifetimeMs = expiresInSeconds * 1000;
    int64_t delay = std::min(lifetimeMs * 8 / 10, lifetimeMs - kRefreshMarginMs);
    delay = std::max(delay, kMinRefreshDelayMs);
    scheduleAt(s, delay);
  }

  static void expire(AuthSession& s, const Error& error) {
    auto waiters = takeWaiters(s);
    wipe(s);
    if (s.onExpired_) {
      auto callback = s.onExpired_;  // the callback may replace onExpired_
      callback(error);
    }
    for (auto& w : waiters) w(false);
  }

  static std::vector<std::function<void(bool)>> takeWaiters(AuthSession& s) {
    s.refreshInFlight_ = false;
    std::vector<std::function<void(bool)>> waiters;
    waiters.swap(s.refreshWaiters_);
    return waiters;
  }

  static void refresh(AuthSession& s) {
    if (s.refreshInFlight_) return;  // single-flight: the answer serves every waiter
    if (s.refreshToken_.empty() || !s.platform_.http || !s.platform_.clock) {
      expire(s, makeError(errc::kAuthSessionEnded,
                          "Your sign-in has ended and could not be renewed.", "Sign in again."));
      return;
    }
    HttpRequest request =
        tokenEndpointRequest(s.authority_, buildRefreshTokenBody(s.config_, s.refreshToken_));
    std::weak_ptr<bool> alive = s.alive_;
    const uint64_t generation = s.generation_;
    AuthSession* self = &s;
    s.refreshInFlight_ = true;
    ++s.refreshCount_;
    cancelRefresh(s);  // this refresh replaces the timer's
    s.platform_.http->send(request, [alive, generation, self](HttpResponse response) {
      if (alive.expired() || self->generation_ != generation) return;
      onRefreshResponse(*self, response);
    });
    secureWipe(request.body);
  }

  static void onRefreshResponse(AuthSession& s, const HttpResponse& response) {
    auto decoded = decodeTokenResponse(response, context(s));
    if (!decoded) {
      const Error& error = decoded.error();
      const int64_t now = s.platform_.clock->nowMs();
      if (isTransient(error) && s.refreshRetries_ < kMaxRefreshRetries &&
          now + kRefreshRetryDelayMs < s.expiresAtMs_) {
        // A blip (network, 5xx): the access token still works, so try again shortly.
        ++s.refreshRetries_;
        scheduleAt(s, kRefreshRetryDelayMs);
        // The held token still works for a while: waiters go ahead with it.
        for (auto& w : takeWaiters(s)) w(true);
        return;
      }
      expire(s, error);
      return;
    }
    TokenSet& tokens = decoded.value();
    secureWipe(s.accessToken_);
    s.accessToken_ = tokens.accessToken;
    if (!tokens.refreshToken.empty()) {  // rotation: the old refresh token is done with
      secureWipe(s.refreshToken_);
      s.refreshToken_ = tokens.refreshToken;
    }
    if (!tokens.scope.empty()) s.grantedScope_ = tokens.scope;
    s.expiresAtMs_ = s.platform_.clock->nowMs() + tokens.expiresInSeconds * 1000;
    s.lifetimeMs_ = tokens.expiresInSeconds * 1000;
    s.refreshRetries_ = 0;
    scheduleRefresh(s, tokens.expiresInSeconds);
    wipeTokenSet(tokens);
    auto waiters = takeWaiters(s);
    if (s.onRefreshed_) {
      auto callback = s.onRefreshed_;
      callback();
    }
    for (auto& w : waiters) w(true);
  }

  static void onCodeResponse(AuthSession& s, const HttpResponse& response,
                             const std::string& expectedNonce,
                             const std::function<void(Result<User>)>& done) {
    auto decoded = decodeTokenResponse(response, context(s));
    if (!decoded) {
      done(decoded.error());
      return;
    }
    TokenSet& tokens = decoded.value();
    if (tokens.idToken.empty()) {
      wipeTokenSet(tokens);
      done(makeError(errc::kAuthBadIdToken,
                     "Microsoft Entra did not send an identity token, so patdesk cannot tell who "
                     "signed in.",
                     "Sign in again. If it keeps happening, check \"authority\" in config.json."));
      return;
    }
    auto claims = decodeIdToken(tokens.idToken);
    if (!claims) {
      wipeTokenSet(tokens);
      done(claims.error());
      return;
    }
    if (auto claimsOk = checkIdTokenClaims(claims.value(), s.config_.clientId, s.authority_,
                                           s.platform_.clock->nowMs());
        !claimsOk) {
      wipeTokenSet(tokens);
      done(claimsOk.error());
      return;
    }
    if (auto nonceOk = checkNonce(claims.value(), expectedNonce); !nonceOk) {
      wipeTokenSet(tokens);
      done(nonceOk.error());
      return;
    }
    wipe(s);  // anything from an earlier session goes first
    s.accessToken_ = tokens.accessToken;
    s.refreshToken_ = tokens.refreshToken;
    s.grantedScope_ = tokens.scope;
    s.lifetimeMs_ = tokens.expiresInSeconds * 1000;
    s.expiresAtMs_ = s.platform_.clock->nowMs() + tokens.expiresInSeconds * 1000;
    s.user_.name = claims.value().name;
    s.user_.username = claims.value().preferredUsername;
    s.user_.tenantId = claims.value().tenantId;
    s.user_.objectId = claims.value().objectId;
    s.loginHint_ = claims.value().loginHint;
    // This sign-in asked which account (or there was no sign-out): the flag has done its job.
    s.selectAccountNext_ = false;
    secureWipe(s.signedOutLoginHint_);
    if (s.platform_.session) s.platform_.session->remove(kSignedOutKey);
    scheduleRefresh(s, tokens.expiresInSeconds);
    wipeTokenSet(tokens);
    done(s.user_);
  }
};

void AuthSession::ensureFreshToken(std::function<void(bool)> done) {
  if (!signedIn() || !platform_.clock) return done(signedIn());
  // Within 5 minutes of expiry, but never more than half the lifetime, or 60-second tokens
  // would be refreshed before every single call.
  const int64_t margin = std::min(kRefreshMarginMs, lifetimeMs_ / 2);
  if (expiresAtMs_ - platform_.clock->nowMs() > margin) return done(true);
  refreshNow(std::move(done));
}

void AuthSession::refreshNow(std::function<void(bool)> done) {
  if (!signedIn()) return done(false);
  refreshWaiters_.push_back(std::move(done));
  Impl::refresh(*this);
}

AuthSession::AuthSession(AppConfig config, Platform platform)
    : config_(std::move(config)), platform_(platform), authority_(config_.authority) {}

AuthSession::~AuthSession() { Impl::wipe(*this); }

bool AuthSession::completeSignInIfReturning(std::function<void(Result<User>)> done) {
  Navigation* nav = platform_.navigation;
  if (!nav) return false;
  const std::string url = nav->currentUrl();
  if (isAdminConsentReturn(url)) {
    // The admin-consent endpoint came back (no state: it is not a sign-in response). Nothing
    // to redeem; the person signs in again to get a token with the new permissions.
    nav->replaceUrl(splitUrl(url).base);
    if (platform_.session) platform_.session->remove(kPendingSignInKey);
    adminConsentReturned_ = true;
    return false;
  }
  if (!looksLikeAuthResponse(url)) {
    // A round-trip entry on a start without a response is one nobody will finish (Back from
    // Entra's error page, a closed picker): delete it unused.
    if (platform_.session) platform_.session->remove(kPendingSignInKey);
    return false;
  }

  auto finish = [&done](Result<User> result) {
    if (done) done(std::move(result));
  };

  // (1) Read the response. (2) Strip it from the address bar before anything else, so neither
  // a reload nor Back can bring the code round again.
  auto response = parseRedirectResponse(url);
  nav->replaceUrl(splitUrl(url).base);

  if (!platform_.session) {
    finish(platformMissingError("session storage"));
    return true;
  }
  // (3) The state must match this tab's pending entry.
  const std::optional<PendingSignIn> pending =
      parsePending(platform_.session->get(kPendingSignInKey));
  if (!response) {
    platform_.session->remove(kPendingSignInKey);  // the round trip is over either way
    finish(response.error());
    return true;
  }
  if (pending && platform_.clock && pending->createdAt > 0 &&
      platform_.clock->nowMs() - pending->createdAt > kPendingLifetimeMs) {
    // Older than 10 minutes: a stale verifier and nonce are not redeemed.
    platform_.session->remove(kPendingSignInKey);
    finish(pendingExpiredError());
    return true;
  }
  if (!pending || !text::constantTimeEquals(pending->state, response.value().state)) {
    platform_.session->remove(kPendingSignInKey);  // a mismatch ends the round trip
    finish(stateMismatchError(!pending));
    return true;
  }
  // (4) The entry is single-use: delete it before redeeming anything.
  platform_.session->remove(kPendingSignInKey);
  returnTo_ = pending->returnTo;
  auto authority = authorityForTenant(config_.authority, pending->tenant);
  authority_ = authority ? authority.value() : config_.authority;

  // (5) Act on the error, or redeem the code.
  const RedirectResponse& r = response.value();
  if (r.isError()) {
    OAuthError err;
    err.error = r.error;
    err.errorDescription = r.errorDescription;
    err.errorUri = r.errorUri;
    err.traceId = r.traceId;
    err.correlationId = r.correlationId;
    finish(mapAuthError(err, Impl::context(*this)));
    return true;
  }
  if (!platform_.http || !platform_.clock) {
    finish(platformMissingError(!platform_.http ? "HTTP" : "timers"));
    return true;
  }

  HttpRequest request = tokenEndpointRequest(
      authority_, buildAuthorizationCodeBody(config_, r.code, pending->verifier));
  std::weak_ptr<bool> alive = alive_;
  const uint64_t generation = generation_;
  AuthSession* self = this;
  std::string nonce = pending->nonce;
  platform_.http->send(request, [alive, generation, self, nonce = std::move(nonce),
                                 done = std::move(done)](HttpResponse httpResponse) mutable {
    if (alive.expired()) return;
    auto reply = [&done](Result<User> result) {
      if (done) done(std::move(result));
    };
    if (self->generation_ != generation) {
      reply(makeError(errc::kAuthCancelled,
                      "Sign-in was cancelled because you signed out meanwhile.",
                      "Sign in again when you are ready."));
    } else {
      Impl::onCodeResponse(*self, httpResponse, nonce, reply);
    }
    secureWipe(nonce);
  });
  secureWipe(request.body);
  return true;
}

void AuthSession::signOut(bool endSession) {
  if (!loginHint_.empty()) signedOutLoginHint_ = loginHint_;
  Impl::wipe(*this);
  selectAccountNext_ = true;
  if (platform_.session) platform_.session->remove(kPendingSignInKey);
  if (endSession) endMicrosoftSession();
}

}  // namespace patdesk::auth
