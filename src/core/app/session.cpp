#include "core/app/session.h"

#include "core/app/return_to.h"
#include "core/app/selectors.h"
#include "core/auth/permissions.h"
#include "core/config_csp.h"

namespace patdesk::app {

void Session::start(int configHttpStatus, const std::string& configText,
                    const std::string& pageCsp) {
  AppState& s = ctx_.state;
  if (configHttpStatus != 200) {
    s.setupProblem = configMissingError(configHttpStatus);
    s.screen = Screen::Setup;
    return;
  }
  auto config = parseConfig(configText, ctx_.platform.navigation->currentUrl());
  if (!config) {
    s.setupProblem = config.error();
    s.screen = Screen::Setup;
    return;
  }
  ctx_.config = config.value();
  s.sandbox = ctx_.config.isSandbox();
  // Before any sign-in: a request the page's own CSP blocks would fail without a reason.
  if (auto missing =
          cspMissingOrigin(ctx_.config, pageCsp, ctx_.platform.navigation->currentUrl())) {
    s.setupProblem = *missing;
    s.screen = Screen::Setup;
    return;
  }
  if (ctx_.config.clientId.empty()) {
    s.screen = Screen::Setup;
    return;
  }
  auth_ = std::make_unique<auth::AuthSession>(ctx_.config, ctx_.platform);
  auth_->setOnSessionExpired([this](const Error& e) {
    end(Ending::Expired, &e);
    ctx_.changed();
  });
  s.screen = Screen::SignIn;
  links_.readAddress();
  const bool returning =
      auth_->completeSignInIfReturning(ctx_.guard([this](Result<auth::User> user) {
        AppState& s = ctx_.state;
        if (!user) {
          s.screen = Screen::SignIn;
          s.lastError = user.error();
          return;
        }
        onSignedIn(user.value());
        restoreReturnTo(auth_->returnTo(), s);
      }));
  if (auth_->adminConsentReturned()) s.signInNotice = "Consent granted: sign in again.";
  if (returning && s.screen == Screen::SignIn && !s.signedIn && !s.lastError)
    s.screen = Screen::SigningIn;
}

void Session::onSignedIn(const auth::User& user) {
  AppState& s = ctx_.state;
  s.signedIn = true;
  s.user = user;
  s.screen = Screen::Main;
  s.lastError.reset();
  s.signInNotice.clear();
  ctx_.feedback.setAdminConsentLink(auth_->adminConsentLink());
  // Say what is missing before the first PAT call fails with it.
  if (!auth::grantsPatManagement(auth_->grantedScope()))
    s.lastError = auth::missingPatPermissionError(auth_->adminConsentLink());
  ctx_.devops = std::make_unique<devops::DevOpsClient>(
      ctx_.config.devopsProfileBaseUrl, ctx_.config.devopsTokensBaseUrl, ctx_.platform,
      [this] { return auth_ ? auth_->accessToken() : std::string(); });
  devops::TokenRenewal renewal;
  renewal.ensureFresh = [this](std::function<void(bool)> done) {
    if (auth_) auth_->ensureFreshToken(std::move(done));
  };
  renewal.refreshNow = [this](std::function<void(bool)> done) {
    if (auth_) auth_->refreshNow(std::move(done));
  };
  renewal.onClaimsChallenge = [this](const std::string& claims) { signInWithClaims(claims); };
  wireGuestTenants(renewal);
  ctx_.devops->setTokenRenewal(std::move(renewal));
  claimsSignInStarted_ = false;
  ctx_.devops->setThrottleListener(
      ctx_.guard([this](const devops::ThrottleStatus& t) { inventory_.onThrottle(t); }));
  inventory_.discover();
}

void Session::wireGuestTenants(devops::TokenRenewal& renewal) {
  // Guest organizations: each organization's requests go with its tenant's token, got by a
  // refresh-token grant (no redirect) unless Entra needs the person.
  renewal.tenantOf = [this](const std::string& org) { return inventory_.tenantOf(org); };
  renewal.ensureFreshFor = [this](const std::string& tenant, std::function<void(bool)> done) {
    if (auth_) auth_->ensureTenantToken(tenant, std::move(done));
  };
  renewal.refreshNowFor = [this](const std::string& tenant, std::function<void(bool)> done) {
    if (auth_) auth_->refreshTenantNow(tenant, std::move(done));
  };
  renewal.accessTokenFor = [this](const std::string& tenant) {
    return auth_ ? auth_->accessTokenFor(tenant) : std::string();
  };
  renewal.onTenantLearned = [this](const std::string& org, const std::string& tenant) {
    inventory_.learnTenant(org, tenant);
    ctx_.changed();
  };
  auth_->setOnTenantInteractionRequired(
      [this](const std::string& tenant, const Error&) { signInToTenant(tenant); });
}

void Session::signInToTenant(const std::string& tenant) {
  // Entra needs the person for this tenant (multi-factor, consent): a redirect to it, which
  // keeps the drafts, as any sign-in does.
  if (!auth_ || claimsSignInStarted_) return;
  claimsSignInStarted_ = true;
  AppState& s = ctx_.state;
  auth::SignInOptions options;
  options.tenant = tenant;
  options.returnTo = encodeReturnTo(s);
  options.loginHint = s.user.username;
  auto status = auth_->beginSignIn(options);
  if (!status) s.lastError = status.error();
}

void Session::signInWithClaims(const std::string& claims) {
  if (!auth_ || claimsSignInStarted_) return;
  claimsSignInStarted_ = true;
  AppState& s = ctx_.state;
  auth::SignInOptions options;
  options.tenant = trimmedName(s.tenant);
  options.returnTo = encodeReturnTo(s);
  options.claims = claims;
  options.loginHint = s.user.username;
  auto status = auth_->beginSignIn(options);
  if (!status) s.lastError = status.error();
}

void Session::signIn(const intent::SignIn&) {
  AppState& s = ctx_.state;
  if (!auth_) return;
  auth::SignInOptions options;
  options.tenant = trimmedName(s.tenant);
  options.returnTo = encodeReturnTo(s);
  auto status = auth_->beginSignIn(options);
  if (!status) {
    s.lastError = status.error();
  } else {
    s.screen = Screen::SigningIn;
  }
}

void Session::signOutOfMicrosoft(const intent::SignOutOfMicrosoft&) {
  if (!auth_ || ctx_.state.signedIn) return;
  ctx_.state.offerMicrosoftSignOut = false;
  auth_->endMicrosoftSession();
}

void Session::end(Ending how, const Error* why) {
  AppState& s = ctx_.state;
  ++ctx_.generation;  // answers to this session's requests are ignored from now on
  operations_.forget();
  ctx_.devops.reset();
  s.throttleRetryAtMs = 0;  // the waiting reads went with the client
  s.throttleWaitMs = 0;
  ctx_.feedback.clearBusy();
  inventory_.stopLoading();
  if (how == Ending::Expired) {
    // Keep every draft (and a secret not yet copied): the person signs in again and
    // carries on.
    s.signedIn = false;
    s.screen = Screen::SignIn;
    Error ended = why ? *why : Error{};
    ended.message = "Your session ended and could not be renewed. " + ended.message;
    ended.action = "Sign in again: anything you were typing is kept. " + ended.action;
    s.lastError = ended;
    return;
  }
  inventory_.forget();
  vault_.wipe();
  if (auth_) auth_->signOut(false);
  AppState fresh;
  fresh.screen = Screen::SignIn;
  fresh.sandbox = s.sandbox;
  fresh.darkTheme = s.darkTheme;  // preferences survive sign-out
  fresh.clearClipboardAfter60s = s.clearClipboardAfter60s;
  fresh.offerMicrosoftSignOut = true;
  // Revisions only grow, so that nothing keyed on one mistakes new rows for old ones.
  fresh.tokensRevision = s.tokensRevision + 1;
  fresh.selectionRevision = s.selectionRevision + 1;
  s = std::move(fresh);
}

}  // namespace patdesk::app
