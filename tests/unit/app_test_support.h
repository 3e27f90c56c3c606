// Helpers for the App tests: a harness that owns the fakes and an App, a full sign-in round
// trip, and realistic Azure DevOps bodies built from Microsoft's example files.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/app/app.h"
#include "core/app/state_json.h"
#include "core/auth/auth_session.h"
#include "core/text/base64url.h"
#include "core/text/iso8601.h"
#include "fakes/fake_platform.h"
#include "unit/devops_test_support.h"

namespace patdesk::testing {

inline constexpr int64_t kDay = 86400000;
inline const std::string kAppPage = "https://patdesk.example/app/";
inline const std::string kAppClientId = "11111111-2222-3333-4444-555555555555";
inline const std::string kAccessToken = "AT-app-secret-eyJ0eXAiOiJKV1Qi";
inline const std::string kRefreshToken = "RT-app-secret-0.AXkAb3xQ";
inline const std::string kOrgA = "Fabrikam-Fiber-Inc";
inline const std::string kOrgB = "NormalPaulk";
inline const char* kProfileUrl = "/_apis/profile/profiles/me";
inline const char* kAccountsUrl = "/_apis/accounts";

inline std::string appConfigJson(const std::string& extra = "") {
  return R"({"clientId": ")" + kAppClientId + "\"" + extra + "}";
}

// A JWT with base64url JSON parts (the signature is not checked by the SPA); `extraClaims`
// are added to (or replace) the standard ones.
inline std::string forgeIdToken(const std::string& nonce,
                                const nlohmann::json& extraClaims = nlohmann::json::object()) {
  nlohmann::json payload = {{"name", "Ana Lima"},
                            {"preferred_username", "ana@contoso.com"},
                            {"tid", "tenant-1"},
                            {"oid", "object-1"},
                            {"nonce", nonce},
                            {"aud", kAppClientId},
                            {"iss", "https://login.microsoftonline.com/tenant-1/v2.0"},
                            {"exp", 1795003600}};
  payload.update(extraClaims);
  return base64UrlEncode(R"({"alg":"RS256","typ":"JWT"})") + "." + base64UrlEncode(payload.dump()) +
         ".c2lnbmF0dXJl";
}

inline std::string tokenResponseJson(const std::string& idToken, int expiresIn = 3600) {
  nlohmann::json j = {{"token_type", "Bearer"},
                      {"expires_in", expiresIn},
                      {"access_token", kAccessToken},
                      {"refresh_token", kRefreshToken},
                      {"scope", "499b84ac-1321-427f-aa17-267ca6975798/user_impersonation"},
                      {"id_token", idToken}};
  return j.dump();
}

// The `responses.<status>.body` of one of Microsoft's example files.
inline nlohmann::json exampleBody(const std::string& relative, const char* status = "200") {
  return loadSpecJson(relative)["responses"][status]["body"];
}
inline std::string profileBody() {
  return exampleBody("profile/7.1/httpExamples/profiles/GET__profile_profiles_me.json").dump();
}
inline std::string accountsBody() {
  return exampleBody("account/7.1/httpExamples/accounts/GET__Accounts_memberId-_userId_.json")
      .dump();
}

// One PatToken in the spec's shape (ListPats.json's first targeted entry), with our values.
inline nlohmann::json patJson(const std::string& id, const std::string& name,
                              const std::string& scope, int64_t validFromMs, int64_t validToMs,
                              const std::string& secret = "") {
  nlohmann::json t = exampleBody("tokens/7.1/httpExamples/Pats/ListPats.json")["patTokens"][1];
  t["authorizationId"] = id;
  t["displayName"] = name;
  t["scope"] = scope;
  t["validFrom"] = text::formatIso8601(validFromMs);
  t["validTo"] = text::formatIso8601(validToMs);
  t["token"] = secret.empty() ? nlohmann::json(nullptr) : nlohmann::json(secret);
  return t;
}

inline std::string patPage(const std::vector<nlohmann::json>& tokens,
                           const std::string& continuation = "") {
  nlohmann::json page = exampleBody("tokens/7.1/httpExamples/Pats/ListPats.json");
  page["patTokens"] = tokens;
  page["continuationToken"] = continuation;
  return page.dump();
}

// A PatTokenResult (CreatePat.json / UpdatePat.json shape) around one token.
inline std::string patResult(const nlohmann::json& token) {
  nlohmann::json body = exampleBody("tokens/7.1/httpExamples/Pats/CreatePat.json");
  body["patToken"] = token;
  return body.dump();
}

struct AppHarness {
  FakePlatform fake;
  std::unique_ptr<app::App> app;
  std::string idToken;  // the id_token of the last sign-in

  AppHarness() { fake.navigation.url = kAppPage; }
  ~AppHarness() { app.reset(); }  // before the fakes it uses

  app::App& a() { return *app; }
  const app::AppState& st() { return app->state(); }
  int64_t now() { return fake.clock.now; }
  void dispatch(const app::Intent& i) { app->dispatch(i); }
  std::string json() { return app::stateJson(app->state(), fake.clock.now); }
  // Typing into the create or edit pane, as the UI does it: change a copy of the draft and
  // hand it back in one intent.
  template <class Change>
  void editCreateDraft(Change change) {
    app::CreateDraft d = st().createDraft;
    change(d);
    dispatch(app::intent::ChangeCreateDraft{d});
  }
  template <class Change>
  void editEditDraft(Change change) {
    app::EditDraft d = st().editDraft;
    change(d);
    dispatch(app::intent::ChangeEditDraft{d});
  }

  void start(int status = 200, const std::string& text = appConfigJson()) {
    app.reset();
    app = std::make_unique<app::App>(fake.platform());
    app->start(status, text);
  }

  nlohmann::json pending() {
    REQUIRE(fake.session.values.count(auth::kPendingSignInKey) == 1);
    return nlohmann::json::parse(fake.session.values[auth::kPendingSignInKey]);
  }

  // Sign in, come back to a fresh App with the code, answer the token request.
  // Leaves the profile request pending.
  void signIn(const std::string& config = appConfigJson()) {
    start(200, config);
    dispatch(app::intent::SignIn{});
    REQUIRE(st().screen == app::Screen::SigningIn);
    const nlohmann::json p = pending();
    fake.navigation.url =
        kAppPage + "#code=CODE-1&state=" + p["state"].get<std::string>() + "&session_state=ss";
    start(200, config);  // the page loads again after the redirect
    REQUIRE(st().screen == app::Screen::SigningIn);
    idToken = forgeIdToken(p["nonce"].get<std::string>());
    REQUIRE(fake.http.respond("/oauth2/v2.0/token", 200, tokenResponseJson(idToken)));
    REQUIRE(st().screen == app::Screen::Main);
  }

  // Sign in and answer profile + accounts: list requests for both organizations are pending.
  void signInWithOrganizations() {
    signIn();
    REQUIRE(fake.http.respond(kProfileUrl, 200, profileBody()));
    REQUIRE(fake.http.respond(kAccountsUrl, 200, accountsBody()));
  }

  // Signed in with these tokens in organization A (B has none).
  void signInWithTokens(const std::vector<nlohmann::json>& tokensA) {
    signInWithOrganizations();
    REQUIRE(fake.http.respond("/" + kOrgA + "/_apis/tokens/pats", 200, patPage(tokensA)));
    REQUIRE(fake.http.respond("/" + kOrgB + "/_apis/tokens/pats", 200, patPage({})));
    REQUIRE(st().busy == 0);
  }

  const app::TokenRow* row(const std::string& id) {
    for (const auto& r : st().tokens) {
      if (r.pat.authorizationId == id) return &r;
    }
    return nullptr;
  }

  size_t sentMatching(const std::string& method, const std::string& urlPart) {
    size_t n = 0;
    for (const auto& r : fake.http.sent) {
      n += r.method == method && r.url.find(urlPart) != std::string::npos;
    }
    return n;
  }

  const HttpRequest* lastSent(const std::string& method) {
    for (auto it = fake.http.sent.rbegin(); it != fake.http.sent.rend(); ++it) {
      if (it->method == method) return &*it;
    }
    return nullptr;
  }
};

}  // namespace patdesk::testing
