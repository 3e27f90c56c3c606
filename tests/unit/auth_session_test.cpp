#include "core/auth/auth_session.h"

#include <doctest/doctest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/auth/pkce.h"
#include "core/text/base64url.h"
#include "core/text/url.h"
#include "fakes/fake_platform.h"

using namespace patdesk;
using namespace patdesk::auth;
using nlohmann::json;
using patdesk::testing::FakePlatform;

namespace {

const std::string kPage = "https://patdesk.example/app/";
const std::string kClientId = "11111111-2222-3333-4444-555555555555";
const std::string kTokenUrl = "https://login.microsoftonline.com/organizations/oauth2/v2.0/token";

AppConfig testConfig() {
  auto c = parseConfig(R"({"clientId": ")" + kClientId + R"("})", kPage + "?from=x#old");
  REQUIRE(c.ok());
  return c.value();
}

std::string idToken(const std::string& nonce) {
  json payload = {{"name", "Ana Lima"},
                  {"preferred_username", "ana@contoso.com"},
                  {"tid", "tenant-1"},
                  {"oid", "object-1"},
                  {"nonce", nonce},
                  {"aud", kClientId},
                  {"iss", "https://login.microsoftonline.com/tenant-1/v2.0"},
                  {"exp", 1795003600}};
  return base64UrlEncode(R"({"alg":"RS256","typ":"JWT"})") + "." + base64UrlEncode(payload.dump()) +
         ".c2ln";
}

std::string tokenJson(const std::string& nonce, const std::string& at, const std::string& rt,
                      int expiresIn = 3600) {
  json j = {{"token_type", "Bearer"},
            {"expires_in", expiresIn},
            {"access_token", at},
            {"scope", "499b84ac-1321-427f-aa17-267ca6975798/user_impersonation"}};
  if (!rt.empty()) j["refresh_token"] = rt;
  if (!nonce.empty()) j["id_token"] = idToken(nonce);
  return j.dump();
}

std::string formValue(const std::string& body, const std::string& name) {
  auto q = parseQuery(body);
  REQUIRE(q.has_value());
  for (const auto& [k, v] : *q) {
    if (k == name) return v;
  }
  return "<absent>";
}

struct Harness {
  FakePlatform fake;
  AuthSession session{testConfig(), fake.platform()};
  std::optional<Result<User>> result;
  int expiredCalls = 0;
  int refreshedCalls = 0;
  std::optional<Error> expiredError;

  Harness() {
    session.setOnSessionExpired([this](const Error& e) {
      ++expiredCalls;
      expiredError = e;
    });
    session.setOnRefreshed([this] { ++refreshedCalls; });
  }

  json pending() {
    REQUIRE(fake.session.values.count(kPendingSignInKey) == 1);
    return json::parse(fake.session.values[kPendingSignInKey]);
  }

  bool complete() {
    return session.completeSignInIfReturning([this](Result<User> r) { result = std::move(r); });
  }

  // beginSignIn, then come back with the code; the token request is left pending.
  std::string startAndReturn(SignInOptions options = {}) {
    REQUIRE(session.beginSignIn(options).ok());
    const json p = pending();
    fake.navigation.url =
        kPage + "#code=CODE-1&state=" + p["state"].get<std::string>() + "&session_state=ss";
    REQUIRE(complete());
    return p["nonce"].get<std::string>();
  }

  void signIn(int expiresIn = 3600) {
    const std::string nonce = startAndReturn();
    REQUIRE(fake.http.respond("/token", 200, tokenJson(nonce, "AT-1", "RT-1", expiresIn)));
    REQUIRE(result.has_value());
    REQUIRE(result->ok());
  }
};

}  // namespace

TEST_CASE("beginSignIn stores only the pending entry and navigates to the exact authorize URL") {
  Harness h;
  SignInOptions options;
  options.returnTo = "tokens";
  REQUIRE(h.session.beginSignIn(options).ok());

  REQUIRE(h.fake.navigation.redirects.size() == 1);
  CHECK(h.fake.navigation.redirects[0] ==
        "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"
        "?client_id=11111111-2222-3333-4444-555555555555&response_type=code"
        "&redirect_uri=https%3A%2F%2Fpatdesk.example%2Fapp%2F"
        "&scope=499b84ac-1321-427f-aa17-267ca6975798%2F.default%20openid%20profile%20offline_access"
        "&response_mode=fragment"
        "&state=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8"
        "&nonce=QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8"
        "&code_challenge=6oZqdX5MOLq_qBJ8vppAnT4fk6AP8UiP9zX8-Rev_9A"
        "&code_challenge_method=S256"
        "&client-request-id=60616263-6465-4667-a869-6a6b6c6d6e6f");

  REQUIRE(h.fake.session.values.size() == 1);
  const json p = h.pending();
  CHECK(p["state"] == "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8");
  CHECK(p["verifier"] == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
  CHECK(pkceChallenge(p["verifier"].get<std::string>()) ==
        "6oZqdX5MOLq_qBJ8vppAnT4fk6AP8UiP9zX8-Rev_9A");
  CHECK(p["nonce"] == "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8");
  CHECK(p["returnTo"] == "tokens");
  CHECK(p["createdAt"] == h.fake.clock.now);
  CHECK(h.fake.http.sent.empty());
}

TEST_CASE("without secure randomness sign-in fails closed: no navigation, nothing stored") {
  Harness h;
  h.fake.random.available = false;
  Status s = h.session.beginSignIn({});
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == "auth.no_secure_random");
  CHECK(h.fake.navigation.redirects.empty());
  CHECK(h.fake.session.values.empty());
}

TEST_CASE("a bad tenant or a missing client ID stops sign-in before navigating") {
  Harness h;
  SignInOptions options;
  options.tenant = "not a tenant";
  CHECK(h.session.beginSignIn(options).error().code == "auth.bad_tenant");
  CHECK(h.fake.navigation.redirects.empty());
  CHECK(h.fake.session.values.empty());

  FakePlatform fake;
  AppConfig noClient = testConfig();
  noClient.clientId = "";
  AuthSession session(noClient, fake.platform());
  CHECK(session.beginSignIn({}).error().code == "auth.no_client_id");
  CHECK(fake.navigation.redirects.empty());
  CHECK(fake.session.values.empty());
}

TEST_CASE("a page without a sign-in response is left alone") {
  Harness h;
  bool called = false;
  auto done = [&called](Result<User>) { called = true; };
  h.fake.navigation.url = kPage;
  CHECK_FALSE(h.session.completeSignInIfReturning(done));
  h.fake.navigation.url = kPage + "#tokens";
  CHECK_FALSE(h.session.completeSignInIfReturning(done));
  CHECK_FALSE(called);
  CHECK(h.fake.navigation.replacements.empty());
}

TEST_CASE("a full round trip cleans the URL, deletes the entry, redeems the code and signs in") {
  Harness h;
  SignInOptions options;
  options.returnTo = "tokens";
  REQUIRE(h.session.beginSignIn(options).ok());
  const json p = h.pending();
  h.fake.navigation.url =
      kPage + "?from=x#code=CODE-1&state=" + p["state"].get<std::string>() + "&session_state=ss";
  REQUIRE(h.complete());

  // The URL was cleaned and the entry deleted before the code was redeemed.
  REQUIRE(h.fake.navigation.replacements.size() == 1);
  CHECK(h.fake.navigation.replacements[0] == kPage);
  CHECK(h.fake.session.values.empty());
  CHECK_FALSE(h.result.has_value());

  REQUIRE(h.fake.http.pending.size() == 1);
  const HttpRequest& request = h.fake.http.pending.front().request;
  CHECK(request.method == "POST");
  CHECK(request.url == kTokenUrl);
  REQUIRE(request.headers.size() == 1);  // CORS-simple: nothing but the content type
  CHECK(request.headers[0].name == "Content-Type");
  CHECK(request.headers[0].value == "application/x-www-form-urlencoded");
  CHECK(formValue(request.body, "client_id") == kClientId);
  CHECK(formValue(request.body, "grant_type") == "authorization_code");
  CHECK(formValue(request.body, "code") == "CODE-1");
  CHECK(formValue(request.body, "redirect_uri") == kPage);
  CHECK(formValue(request.body, "code_verifier") == p["verifier"].get<std::string>());
  CHECK(formValue(request.body, "scope") ==
        "499b84ac-1321-427f-aa17-267ca6975798/.default openid profile offline_access");

  REQUIRE(h.fake.http.respond("/token", 200,
                              tokenJson(p["nonce"].get<std::string>(), "AT-1", "RT-1", 3600)));
  REQUIRE(h.result.has_value());
  REQUIRE(h.result->ok());
  CHECK(h.result->value().name == "Ana Lima");
  CHECK(h.result->value().username == "ana@contoso.com");
  CHECK(h.result->value().tenantId == "tenant-1");
  CHECK(h.result->value().objectId == "object-1");
  CHECK(h.session.signedIn());
  CHECK(h.session.accessToken() == "AT-1");
  CHECK(h.session.user().name == "Ana Lima");
  CHECK(h.session.returnTo() == "tokens");
  CHECK(h.session.accessTokenExpiresAtMs() == h.fake.clock.now + 3600 * 1000);
  CHECK(h.fake.clock.pendingTimers() == 1);
  CHECK(h.fake.session.values.empty());
}

TEST_CASE("a replayed response after reload or Back never redeems a code twice") {
  Harness h;
  h.signIn();
  const std::string replayed =
      kPage + "#code=CODE-1&state=" + std::string("ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8");
  const size_t sentBefore = h.fake.http.sent.size();

  // Same tab, same URL again (e.g. a restored history entry).
  h.fake.navigation.url = replayed;
  h.result.reset();
  REQUIRE(h.complete());
  REQUIRE(h.result.has_value());
  CHECK(h.result->error().code == "auth.state_mismatch");
  CHECK(h.fake.navigation.url == kPage);

  // A reload: a fresh AuthSession over the same session storage.
  AuthSession reloaded(testConfig(), h.fake.platform());
  h.fake.navigation.url = replayed;
  std::optional<Result<User>> second;
  REQUIRE(reloaded.completeSignInIfReturning([&second](Result<User> r) { second = std::move(r); }));
  REQUIRE(second.has_value());
  CHECK(second->error().code == "auth.state_mismatch");
  CHECK_FALSE(reloaded.signedIn());

  CHECK(h.fake.http.sent.size() == sentBefore);
  CHECK(h.fake.session.values.empty());
}

TEST_CASE("a reload while the code is being redeemed does not redeem it again") {
  Harness h;
  REQUIRE(h.session.beginSignIn({}).ok());
  const std::string url = kPage + "#code=CODE-1&state=" + h.pending()["state"].get<std::string>();
  h.fake.navigation.url = url;
  REQUIRE(h.complete());
  CHECK(h.fake.http.sent.size() == 1);

  AuthSession reloaded(testConfig(), h.fake.platform());
  h.fake.navigation.url = url;  // as if the browser had kept the old address
  std::optional<Result<User>> second;
  REQUIRE(reloaded.completeSignInIfReturning([&second](Result<User> r) { second = std::move(r); }));
  CHECK(second->error().code == "auth.state_mismatch");
  CHECK(h.fake.http.sent.size() == 1);
}

TEST_CASE("a state that does not match stops everything and redeems nothing") {
  Harness h;
  REQUIRE(h.session.beginSignIn({}).ok());
  h.fake.navigation.url = kPage + "#code=ATTACKER-CODE&state=someone-elses-state";
  REQUIRE(h.complete());
  REQUIRE(h.result.has_value());
  CHECK(h.result->error().code == "auth.state_mismatch");
  CHECK_FALSE(h.result->error().action.empty());
  CHECK(h.fake.navigation.url == kPage);
  CHECK(h.fake.http.sent.empty());
  CHECK(h.fake.session.values.empty());
  CHECK_FALSE(h.session.signedIn());
}

TEST_CASE("a response with no pending entry in this tab is a state mismatch") {
  Harness h;
  h.fake.navigation.url = kPage + "#code=CODE&state=S";
  REQUIRE(h.complete());
  CHECK(h.result->error().code == "auth.state_mismatch");
  CHECK(h.fake.http.sent.empty());
}

TEST_CASE("a damaged pending entry is a state mismatch") {
  Harness h;
  h.fake.session.values[kPendingSignInKey] = "{not json";
  h.fake.navigation.url = kPage + "#code=CODE&state=S";
  REQUIRE(h.complete());
  CHECK(h.result->error().code == "auth.state_mismatch");
  CHECK(h.fake.session.values.empty());
  CHECK(h.fake.http.sent.empty());
}

TEST_CASE("a garbled response is reported after the URL is cleaned, with nothing redeemed") {
  Harness h;
  REQUIRE(h.session.beginSignIn({}).ok());
  h.fake.navigation.url = kPage + "#code=a&code=b&state=" + h.pending()["state"].get<std::string>();
  REQUIRE(h.complete());
  CHECK(h.result->error().code == "auth.bad_redirect");
  CHECK(h.fake.navigation.url == kPage);
  CHECK(h.fake.session.values.empty());
  CHECK(h.fake.http.sent.empty());
}

TEST_CASE("an error redirect is mapped and nothing is redeemed") {
  Harness h;
  REQUIRE(h.session.beginSignIn({}).ok());
  h.fake.navigation.url =
      kPage +
      "#error=invalid_request&error_description=AADSTS50011%3A+The+redirect+URI+"
      "%27https%3A%2F%2Fpatdesk.example%2Fapp%2F%27+specified+in+the+request+does+not+"
      "match.+Trace+ID%3A+aaaa-1+Correlation+ID%3A+bbbb-2&state=" +
      h.pending()["state"].get<std::string>();
  REQUIRE(h.complete());
  REQUIRE(h.result.has_value());
  const Error& e = h.result->error();
  CHECK(e.code == "aadsts.50011");
  CHECK(e.action.find(kPage) != std::string::npos);
  CHECK(e.activityId == "bbbb-2");
  CHECK(e.serverMessage.rfind("AADSTS50011: The redirect URI", 0) == 0);
  CHECK(h.fake.navigation.url == kPage);
  CHECK(h.fake.session.values.empty());
  CHECK(h.fake.http.sent.empty());
}

TEST_CASE("a cancelled sign-in comes back as a gentle error") {
  Harness h;
  REQUIRE(h.session.beginSignIn({}).ok());
  h.fake.navigation.url = kPage +
                          "#error=access_denied&error_description=AADSTS65004%3A+declined"
                          "&state=" +
                          h.pending()["state"].get<std::string>();
  REQUIRE(h.complete());
  CHECK(h.result->error().code == "aadsts.65004");
}

TEST_CASE("a failed code redemption is mapped and leaves the person signed out") {
  Harness h;
  h.startAndReturn();
  REQUIRE(
      h.fake.http.respond("/token", 400,
                          R"({"error":"invalid_request","error_description":"AADSTS9002326: )"
                          R"(Cross-origin token redemption is permitted only for the )"
                          R"('Single-Page Application' client-type.","error_codes":[9002326]})"));
  REQUIRE(h.result.has_value());
  CHECK(h.result->error().code == "aadsts.9002326");
  CHECK_FALSE(h.session.signedIn());
  CHECK(h.fake.clock.pendingTimers() == 0);
}

TEST_CASE("a blocked token request explains CORS and network causes") {
  Harness h;
  h.startAndReturn();
  REQUIRE(h.fake.http.respond("/token", 0, ""));
  CHECK(h.result->error().code == "auth.network");
  CHECK_FALSE(h.session.signedIn());
}

TEST_CASE("an ID token with another nonce is refused") {
  Harness h;
  h.startAndReturn();
  REQUIRE(h.fake.http.respond("/token", 200, tokenJson("forged-nonce", "AT-1", "RT-1")));
  CHECK(h.result->error().code == "auth.nonce_mismatch");
  CHECK_FALSE(h.session.signedIn());
  CHECK(h.session.accessToken().empty());
  CHECK(h.fake.clock.pendingTimers() == 0);
}

TEST_CASE("a token response without an ID token is refused") {
  Harness h;
  h.startAndReturn();
  REQUIRE(h.fake.http.respond("/token", 200, tokenJson("", "AT-1", "RT-1")));
  CHECK(h.result->error().code == "auth.bad_id_token");
  CHECK_FALSE(h.session.signedIn());
}

TEST_CASE("a typed tenant is used for the authorize and token endpoints") {
  Harness h;
  SignInOptions options;
  options.tenant = "contoso.com";
  options.loginHint = "ana@contoso.com";
  h.startAndReturn(options);
  CHECK(h.fake.navigation.redirects[0].rfind(
            "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/authorize?", 0) == 0);
  CHECK(h.fake.navigation.redirects[0].find("&login_hint=ana%40contoso.com") != std::string::npos);
  REQUIRE(h.fake.http.pending.size() == 1);
  CHECK(h.fake.http.pending.front().request.url ==
        "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token");
}

TEST_CASE("the session refreshes before expiry and rotates the refresh token") {
  Harness h;
  h.signIn(3600);
  const size_t sent = h.fake.http.sent.size();

  h.fake.clock.advance(2880 * 1000 - 1);  // 80% of an hour, minus a millisecond
  CHECK(h.fake.http.sent.size() == sent);
  h.fake.clock.advance(1);
  REQUIRE(h.fake.http.sent.size() == sent + 1);
  const HttpRequest& refresh = h.fake.http.sent.back();
  CHECK(refresh.url == kTokenUrl);
  REQUIRE(refresh.headers.size() == 1);
  CHECK(refresh.headers[0].value == "application/x-www-form-urlencoded");
  CHECK(formValue(refresh.body, "grant_type") == "refresh_token");
  CHECK(formValue(refresh.body, "refresh_token") == "RT-1");
  CHECK(formValue(refresh.body, "client_id") == kClientId);

  REQUIRE(h.fake.http.respond("/token", 200, tokenJson("", "AT-2", "RT-2", 600)));
  CHECK(h.session.accessToken() == "AT-2");
  CHECK(h.refreshedCalls == 1);
  CHECK(h.session.accessTokenExpiresAtMs() == h.fake.clock.now + 600 * 1000);
  CHECK(h.session.user().name == "Ana Lima");

  // 10-minute token: refresh 5 minutes before expiry (sooner than 80%).
  h.fake.clock.advance(300 * 1000 - 1);
  CHECK(h.fake.http.sent.size() == sent + 1);
  h.fake.clock.advance(1);
  REQUIRE(h.fake.http.sent.size() == sent + 2);
  CHECK(formValue(h.fake.http.sent.back().body, "refresh_token") == "RT-2");
  CHECK(h.fake.session.values.empty());
}

TEST_CASE("a very short token lifetime still waits at least ten seconds") {
  Harness h;
  h.signIn(30);
  const size_t sent = h.fake.http.sent.size();
  h.fake.clock.advance(9999);
  CHECK(h.fake.http.sent.size() == sent);
  h.fake.clock.advance(1);
  CHECK(h.fake.http.sent.size() == sent + 1);
}

TEST_CASE("a refresh without a new refresh token keeps the old one") {
  Harness h;
  h.signIn(3600);
  h.fake.clock.advance(2880 * 1000);
  REQUIRE(h.fake.http.respond("/token", 200, tokenJson("", "AT-2", "", 3600)));
  h.fake.clock.advance(2880 * 1000);
  CHECK(formValue(h.fake.http.sent.back().body, "refresh_token") == "RT-1");
}

TEST_CASE("a failed refresh wipes the tokens and reports the session expired") {
  Harness h;
  h.signIn(3600);
  h.fake.clock.advance(2880 * 1000);
  REQUIRE(h.fake.http.respond(
      "/token", 400,
      R"({"error":"invalid_grant","error_description":"AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00.","error_codes":[700084]})"));
  CHECK(h.expiredCalls == 1);
  REQUIRE(h.expiredError.has_value());
  CHECK(h.expiredError->code == "aadsts.700084");
  CHECK(h.expiredError->action.find("Sign in again") != std::string::npos);
  CHECK_FALSE(h.session.signedIn());
  CHECK(h.session.accessToken().empty());
  CHECK(h.session.user().name.empty());
  CHECK(h.session.accessTokenExpiresAtMs() == 0);
  CHECK(h.fake.clock.pendingTimers() == 0);
  CHECK(h.refreshedCalls == 0);
}

TEST_CASE("a network blip during refresh is retried while the access token is still valid") {
  Harness h;
  h.signIn(3600);
  h.fake.clock.advance(2880 * 1000);
  const size_t sent = h.fake.http.sent.size();
  REQUIRE(h.fake.http.respond("/token", 0, ""));
  CHECK(h.expiredCalls == 0);
  CHECK(h.session.signedIn());
  h.fake.clock.advance(30 * 1000);
  REQUIRE(h.fake.http.sent.size() == sent + 1);
  REQUIRE(h.fake.http.respond("/token", 200, tokenJson("", "AT-2", "RT-2")));
  CHECK(h.session.accessToken() == "AT-2");
  CHECK(h.refreshedCalls == 1);
}

TEST_CASE("repeated refresh network failures end the session") {
  Harness h;
  h.signIn(3600);
  h.fake.clock.advance(2880 * 1000);
  for (int i = 0; i < 3; ++i) {
    REQUIRE(h.fake.http.respond("/token", 0, ""));
    CHECK(h.expiredCalls == 0);
    h.fake.clock.advance(30 * 1000);
  }
  REQUIRE(h.fake.http.respond("/token", 0, ""));
  CHECK(h.expiredCalls == 1);
  CHECK(h.expiredError->code == "auth.network");
  CHECK_FALSE(h.session.signedIn());
}

TEST_CASE("signOut wipes tokens and user, cancels the refresh and ignores late answers") {
  Harness h;
  h.signIn(3600);
  h.fake.clock.advance(2880 * 1000);  // a refresh is now in flight
  REQUIRE(h.fake.http.pending.size() == 1);
  h.session.signOut();
  CHECK_FALSE(h.session.signedIn());
  CHECK(h.session.accessToken().empty());
  CHECK(h.session.user().name.empty());
  CHECK(h.session.user().username.empty());
  CHECK(h.session.accessTokenExpiresAtMs() == 0);
  CHECK(h.fake.clock.pendingTimers() == 0);
  CHECK(h.fake.navigation.redirects.size() == 1);  // only the authorize redirect

  REQUIRE(h.fake.http.respond("/token", 200, tokenJson("", "AT-LATE", "RT-LATE")));
  CHECK_FALSE(h.session.signedIn());
  CHECK(h.refreshedCalls == 0);
  CHECK(h.expiredCalls == 0);
}

TEST_CASE("signOut with end-session navigates to Entra's logout endpoint") {
  Harness h;
  h.signIn();
  h.session.signOut(true);
  REQUIRE(h.fake.navigation.redirects.size() == 2);
  CHECK(h.fake.navigation.redirects[1] ==
        "https://login.microsoftonline.com/organizations/oauth2/v2.0/logout"
        "?post_logout_redirect_uri=https%3A%2F%2Fpatdesk.example%2Fapp%2F"
        "&client_id=11111111-2222-3333-4444-555555555555");
  CHECK_FALSE(h.session.signedIn());
}

TEST_CASE("signing out while the code is being redeemed cancels the sign-in") {
  Harness h;
  const std::string nonce = h.startAndReturn();
  h.session.signOut();
  REQUIRE(h.fake.http.respond("/token", 200, tokenJson(nonce, "AT-1", "RT-1")));
  REQUIRE(h.result.has_value());
  CHECK(h.result->error().code == "auth.cancelled");
  CHECK_FALSE(h.session.signedIn());
}

TEST_CASE("answers arriving after the session is gone are ignored safely") {
  FakePlatform fake;
  auto session = std::make_unique<AuthSession>(testConfig(), fake.platform());
  REQUIRE(session->beginSignIn({}).ok());
  const json p = json::parse(fake.session.values[kPendingSignInKey]);
  fake.navigation.url = kPage + "#code=C&state=" + p["state"].get<std::string>();
  bool called = false;
  REQUIRE(session->completeSignInIfReturning([&called](Result<User>) { called = true; }));
  session.reset();
  REQUIRE(fake.http.respond("/token", 200, tokenJson(p["nonce"].get<std::string>(), "AT", "RT")));
  CHECK_FALSE(called);
  CHECK(fake.clock.pendingTimers() == 0);
}

TEST_CASE("session storage holds only the pending key, and only during the round trip") {
  Harness h;
  CHECK(h.fake.session.values.empty());
  REQUIRE(h.session.beginSignIn({}).ok());
  REQUIRE(h.fake.session.values.size() == 1);
  CHECK(h.fake.session.values.begin()->first == kPendingSignInKey);
  const std::string stored = h.fake.session.values.begin()->second;
  const json p = json::parse(stored);
  CHECK(p.size() == 6);  // state, verifier, nonce, returnTo, tenant, createdAt: no tokens
  h.fake.navigation.url = kPage + "#code=CODE-1&state=" + p["state"].get<std::string>();
  REQUIRE(h.complete());
  CHECK(h.fake.session.values.empty());
  REQUIRE(
      h.fake.http.respond("/token", 200, tokenJson(p["nonce"].get<std::string>(), "AT-1", "RT-1")));
  CHECK(h.fake.session.values.empty());
  h.fake.clock.advance(2880 * 1000);
  REQUIRE(h.fake.http.respond("/token", 200, tokenJson("", "AT-2", "RT-2")));
  CHECK(h.fake.session.values.empty());
  h.session.signOut();
  CHECK(h.fake.session.values.empty());
}

TEST_CASE("a guest tenant's token comes from a refresh grant at that tenant, one grant at a time") {
  Harness h;
  h.signIn(3600);
  const size_t sent = h.fake.http.sent.size();
  int ok = 0;
  h.session.ensureTenantToken("woodgrove.com", [&](bool r) { ok += r; });
  h.session.ensureTenantToken("Woodgrove.com", [&](bool r) { ok += r; });
  REQUIRE(h.fake.http.sent.size() == sent + 1);  // single-flight per tenant
  const HttpRequest& grant = h.fake.http.sent.back();
  CHECK(grant.url == "https://login.microsoftonline.com/woodgrove.com/oauth2/v2.0/token");
  CHECK(formValue(grant.body, "grant_type") == "refresh_token");
  CHECK(formValue(grant.body, "refresh_token") == "RT-1");
  CHECK(formValue(grant.body, "client_id") == kClientId);
  CHECK(formValue(grant.body, "scope") == formValue(h.fake.http.sent[0].body, "scope"));
  REQUIRE(h.fake.http.respond("woodgrove.com/oauth2", 200, tokenJson("", "AT-W", "RT-2", 3600)));
  CHECK(ok == 2);
  CHECK(h.session.accessTokenFor("woodgrove.com") == "AT-W");
  CHECK(h.session.accessToken() == "AT-1");  // the home tenant's token is untouched
  CHECK(h.session.accessTokenFor("") == "AT-1");
  CHECK(h.session.accessTokenFor("tenant-1") == "AT-1");
  CHECK(h.session.tenantGrantCount() == 1);
  // Held and fresh: no second grant.
  h.session.ensureTenantToken("woodgrove.com", [&](bool r) { ok += r; });
  CHECK(ok == 3);
  CHECK(h.fake.http.sent.size() == sent + 1);
  // The rotated refresh token is the one used next.
  h.session.refreshTenantNow("woodgrove.com", [](bool) {});
  CHECK(formValue(h.fake.http.sent.back().body, "refresh_token") == "RT-2");
  CHECK(h.fake.session.values.empty());  // nothing of it in session storage
}

TEST_CASE("a tenant grant that needs multi-factor asks for a redirect to that tenant") {
  Harness h;
  h.signIn(3600);
  std::string interactionTenant;
  h.session.setOnTenantInteractionRequired(
      [&](const std::string& tenant, const Error&) { interactionTenant = tenant; });
  std::optional<bool> answer;
  h.session.ensureTenantToken("woodgrove.com", [&](bool r) { answer = r; });
  REQUIRE(h.fake.http.respond(
      "/token", 400,
      R"({"error":"interaction_required","error_description":"AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.","error_codes":[50076]})"));
  CHECK(interactionTenant == "woodgrove.com");
  REQUIRE(answer.has_value());
  CHECK_FALSE(*answer);
  CHECK(h.session.signedIn());  // the home session goes on
  CHECK(h.expiredCalls == 0);
  CHECK(h.session.accessTokenFor("woodgrove.com").empty());
}

TEST_CASE("a tenant grant refused for another reason fails that tenant only, with no redirect") {
  Harness h;
  h.signIn(3600);
  bool interaction = false;
  h.session.setOnTenantInteractionRequired(
      [&](const std::string&, const Error&) { interaction = true; });
  std::optional<bool> answer;
  h.session.ensureTenantToken("woodgrove.com", [&](bool r) { answer = r; });
  REQUIRE(h.fake.http.respond(
      "/token", 400,
      R"({"error":"invalid_request","error_description":"AADSTS90002: Tenant 'woodgrove.com' not found.","error_codes":[90002]})"));
  REQUIRE(answer.has_value());
  CHECK_FALSE(*answer);
  CHECK_FALSE(interaction);
  CHECK(h.session.signedIn());
}

TEST_CASE("sign-out wipes every tenant's token and ignores a grant still in flight") {
  Harness h;
  h.signIn(3600);
  h.session.ensureTenantToken("a.com", [](bool) {});
  REQUIRE(h.fake.http.respond("a.com/oauth2", 200, tokenJson("", "AT-A", "", 3600)));
  int late = 0;
  h.session.ensureTenantToken("b.com", [&](bool) { ++late; });
  h.session.signOut();
  CHECK(h.session.accessTokenFor("a.com").empty());
  REQUIRE(h.fake.http.respond("b.com/oauth2", 200, tokenJson("", "AT-B", "", 3600)));
  CHECK(late == 0);
  CHECK(h.session.accessTokenFor("b.com").empty());
}
