// App start-up, the sign-in round trip, session expiry, sign-out and the state JSON.
#include <doctest/doctest.h>

#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::app;
using namespace patdesk::testing;
using nlohmann::json;

TEST_CASE("App start with a missing config.json shows setup with config.missing") {
  AppHarness h;
  h.start(404, "<html>Not found</html>");
  CHECK(h.st().screen == Screen::Setup);
  REQUIRE(h.st().setupProblem.has_value());
  CHECK(h.st().setupProblem->code == "config.missing");
  CHECK(h.st().setupProblem->httpStatus == 404);
  CHECK(h.fake.http.sent.empty());
}

TEST_CASE("App start with invalid config JSON shows setup with a config error") {
  AppHarness h;
  h.start(200, R"({"clientId": "abc",)");
  CHECK(h.st().screen == Screen::Setup);
  REQUIRE(h.st().setupProblem.has_value());
  CHECK(h.st().setupProblem->code.rfind("config.", 0) == 0);

  AppHarness wrongType;
  wrongType.start(200, R"({"clientId": 42})");
  CHECK(wrongType.st().screen == Screen::Setup);
  REQUIRE(wrongType.st().setupProblem.has_value());
  CHECK(wrongType.st().setupProblem->code == "config.wrong_type");
}

TEST_CASE("App start with an empty clientId shows setup without a problem") {
  AppHarness h;
  h.start(200, R"({"clientId": ""})");
  CHECK(h.st().screen == Screen::Setup);
  CHECK_FALSE(h.st().setupProblem.has_value());
  h.dispatch(intent::SignIn{});  // nothing to sign in with
  CHECK(h.fake.navigation.redirects.empty());
  CHECK(h.st().screen == Screen::Setup);
}

TEST_CASE("App start with a valid config shows sign-in, outside the sandbox") {
  AppHarness h;
  h.start();
  CHECK(h.st().screen == Screen::SignIn);
  CHECK_FALSE(h.st().setupProblem.has_value());
  CHECK_FALSE(h.st().sandbox);
  CHECK(h.fake.http.sent.empty());
  CHECK(json::parse(h.json())["screen"] == "signIn");
}

TEST_CASE("App start against a 127.0.0.1 authority sets the sandbox flag") {
  AppHarness h;
  h.start(200, appConfigJson(R"(, "authority": "http://127.0.0.1:8710/organizations")"));
  CHECK(h.st().screen == Screen::SignIn);
  CHECK(h.st().sandbox);
  CHECK(json::parse(h.json())["sandbox"] == true);
}

TEST_CASE("App sign-in navigates to the authorize URL and shows signing in") {
  AppHarness h;
  h.start();
  h.dispatch(intent::SignIn{});
  CHECK(h.st().screen == Screen::SigningIn);
  REQUIRE(h.fake.navigation.redirects.size() == 1);
  const std::string& url = h.fake.navigation.redirects[0];
  CHECK(url.rfind("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?", 0) ==
        0);
  const json p = h.pending();
  const auto query = parseUrl(url).query;
  CHECK(query.at("client_id") == kAppClientId);
  CHECK(query.at("state") == p["state"]);
  CHECK(query.at("nonce") == p["nonce"]);
  CHECK(query.at("redirect_uri") == kAppPage);
}

TEST_CASE("App sign-in with a tenant typed by a guest uses that tenant's authority") {
  AppHarness h;
  h.start();
  h.dispatch(intent::ChangeTenant{"  contoso.onmicrosoft.com "});
  h.dispatch(intent::SignIn{});
  REQUIRE(h.fake.navigation.redirects.size() == 1);
  CHECK(h.fake.navigation.redirects[0].rfind(
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?",
            0) == 0);
}

TEST_CASE("App completes the round trip, discovers organizations and lists their tokens") {
  AppHarness h;
  h.signIn();
  CHECK(h.st().signedIn);
  CHECK(h.st().user.name == "Ana Lima");
  CHECK(h.st().user.username == "ana@contoso.com");
  CHECK(h.fake.navigation.url == kAppPage);  // the code was stripped from the address bar
  CHECK(h.fake.session.values.empty());
  CHECK(h.st().organizationsLoading);
  CHECK(h.st().busy == 1);

  // Profile first, with the access token as the bearer.
  REQUIRE(h.fake.http.pending.size() == 1);
  const HttpRequest& profile = h.fake.http.pending.front().request;
  CHECK(profile.url ==
        "https://app.vssps.visualstudio.com/_apis/profile/profiles/me?api-version=7.1");
  CHECK(profile.headers[0].name == "Authorization");
  CHECK(profile.headers[0].value == "Bearer " + kAccessToken);
  REQUIRE(h.fake.http.respond(kProfileUrl, 200, profileBody()));

  // Then the accounts of that member.
  REQUIRE(h.fake.http.pending.size() == 1);
  CHECK(h.fake.http.pending.front().request.url ==
        "https://app.vssps.visualstudio.com/_apis/accounts"
        "?memberId=d6245f20-2af8-44f4-9451-8107cb2767db&api-version=7.1");
  CHECK(h.st().profileId == "d6245f20-2af8-44f4-9451-8107cb2767db");
  REQUIRE(h.fake.http.respond(kAccountsUrl, 200, accountsBody()));

  REQUIRE(h.st().organizations.size() == 2);
  CHECK(h.st().organizations[0].name == kOrgA);
  CHECK(h.st().organizations[1].name == kOrgB);
  CHECK(h.st().organizations[0].discovered);
  CHECK(h.st().createDraft.organization == kOrgA);
  CHECK_FALSE(h.st().organizationsLoading);

  // One active-token list per organization.
  REQUIRE(h.fake.http.pending.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    const std::string& url = h.fake.http.pending[i].request.url;
    CHECK(url.rfind(
              "https://vssps.dev.azure.com/" + h.st().organizations[i].name + "/_apis/tokens/pats?",
              0) == 0);
    CHECK(parseUrl(url).query.at("displayFilterOption") == "active");
  }
  CHECK(h.st().organizations[0].loading);
  CHECK(h.st().busy == 2);

  const int64_t now = h.now();
  REQUIRE(h.fake.http.respond(
      "/" + kOrgA + "/", 200,
      patPage({patJson("a-1", "build", "vso.build", now - 5 * kDay, now + 20 * kDay),
               patJson("a-2", "code", "vso.code_write", now - 5 * kDay, now + 40 * kDay)})));
  REQUIRE(h.fake.http.respond(
      "/" + kOrgB + "/", 200,
      patPage({patJson("b-1", "work", "vso.work_full", now - 1 * kDay, now + 3 * kDay)})));

  REQUIRE(h.st().tokens.size() == 3);
  CHECK(h.row("a-1")->pat.organization == kOrgA);
  CHECK(h.row("a-2")->pat.organization == kOrgA);
  CHECK(h.row("b-1")->pat.organization == kOrgB);
  CHECK(h.row("b-1")->pat.validToMs / 1000 == (now + 3 * kDay) / 1000);
  CHECK(h.st().busy == 0);
  CHECK_FALSE(h.st().organizations[0].loading);
  CHECK(h.st().organizations[0].tokensLoaded == 2);
  CHECK(h.st().organizations[1].tokensLoaded == 1);
  CHECK(h.a().visibleRows().size() == 3);
}

TEST_CASE("App sign-in response with a foreign state is refused and stays on sign-in") {
  AppHarness h;
  h.start();
  h.dispatch(intent::SignIn{});
  h.fake.navigation.url = kAppPage + "#code=CODE-1&state=not-the-stored-state";
  h.start();
  CHECK(h.st().screen == Screen::SignIn);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "auth.state_mismatch");
  CHECK(h.fake.http.sent.empty());
}

TEST_CASE("App sign-in with an id_token for another nonce is refused") {
  AppHarness h;
  h.start();
  h.dispatch(intent::SignIn{});
  const json p = h.pending();
  h.fake.navigation.url = kAppPage + "#code=CODE-1&state=" + p["state"].get<std::string>();
  h.start();
  REQUIRE(h.fake.http.respond("/token", 200, tokenResponseJson(forgeIdToken("other-nonce"))));
  CHECK(h.st().screen == Screen::SignIn);
  CHECK_FALSE(h.st().signedIn);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.fake.http.pending.empty());  // no profile request without a session
}

TEST_CASE("App still lists the configured organization when the profile cannot be read") {
  AppHarness h;
  h.signIn(appConfigJson(R"(, "defaultOrganization": "contoso")"));
  REQUIRE(h.fake.http.respond(kProfileUrl, 403, R"({"message":"no profile"})"));
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "devops.forbidden");
  REQUIRE(h.st().organizations.size() == 1);
  CHECK(h.st().organizations[0].name == "contoso");
  CHECK_FALSE(h.st().organizations[0].discovered);
  CHECK(h.st().createDraft.organization == "contoso");
  CHECK(h.sentMatching("GET", "/contoso/_apis/tokens/pats") == 1);
  CHECK(h.st().organizations[0].loading);
}

TEST_CASE("App goes back to sign-in when the refresh fails and keeps the create draft") {
  AppHarness h;
  h.signInWithTokens({patJson("a-1", "build", "vso.build", h.now() - kDay, h.now() + 20 * kDay)});
  h.dispatch(intent::OpenCreate{});
  h.editCreateDraft([&](CreateDraft& d) { d.name = "half-typed name"; });
  h.editCreateDraft([&](CreateDraft& d) { d.scope = "vso.code"; });
  h.dispatch(intent::Refresh{});  // a list is in flight when the session ends
  REQUIRE(h.st().busy == 2);

  // 3600 s token: the refresh is due at 80% of its lifetime.
  const size_t before = h.fake.http.sent.size();
  h.fake.clock.advance(2880 * 1000);
  REQUIRE(h.fake.http.sent.size() == before + 1);
  CHECK(h.fake.http.sent.back().url.find("/oauth2/v2.0/token") != std::string::npos);
  REQUIRE(h.fake.http.respond(
      "/oauth2/v2.0/token", 400,
      R"({"error":"invalid_grant","error_description":"AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00.","error_codes":[700084]})"));

  CHECK(h.st().screen == Screen::SignIn);
  CHECK_FALSE(h.st().signedIn);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "aadsts.700084");
  CHECK(h.st().createDraft.name == "half-typed name");
  CHECK(h.st().createDraft.scope == "vso.code");
  CHECK(h.st().createDraft.organization == kOrgA);
  CHECK(h.st().busy == 0);
  CHECK(h.st().busyLabel.empty());
  for (const auto& o : h.st().organizations) CHECK_FALSE(o.loading);

  // The dropped list answers late: nothing changes.
  const size_t rows = h.st().tokens.size();
  h.fake.http.respond("/" + kOrgA + "/", 200,
                      patPage({patJson("late", "late", "vso.build", h.now(), h.now() + kDay)}));
  CHECK(h.st().tokens.size() == rows);
  CHECK(h.row("late") == nullptr);

  // Without a session nothing reaches the network, and nothing crashes.
  const size_t sent = h.fake.http.sent.size();
  h.dispatch(intent::AddOrganization{"contoso"});
  h.dispatch(intent::Refresh{});
  h.dispatch(intent::SubmitCreate{});
  CHECK(h.fake.http.sent.size() == sent);
  CHECK(h.st().busy == 0);
}

TEST_CASE("App sign-out resets the state, wipes the secret and ignores late answers") {
  AppHarness h;
  h.signInWithTokens({patJson("a-1", "build", "vso.build", h.now() - kDay, h.now() + 20 * kDay)});
  h.dispatch(intent::SetClearClipboard{true});
  h.editCreateDraft([&](CreateDraft& d) { d.name = "ci"; });
  h.editCreateDraft([&](CreateDraft& d) { d.scope = "vso.build"; });
  h.dispatch(intent::SubmitCreate{});
  const std::string secret = "dip55dwf4vpitomw63jzvomefmi2jluguprzwwqwuc6xq4fhocwq";
  REQUIRE(h.fake.http.respond(
      "/" + kOrgA + "/", 200,
      patResult(patJson("new-1", "ci", "vso.build", h.now(), h.now() + 30 * kDay, secret))));
  REQUIRE(h.a().secret() == secret);

  h.dispatch(intent::Refresh{});  // two lists in flight at sign-out
  REQUIRE(h.fake.http.pending.size() == 2);
  h.dispatch(intent::SignOut{});

  CHECK(h.st().screen == Screen::SignIn);
  CHECK_FALSE(h.st().signedIn);
  CHECK(h.st().user.name.empty());
  CHECK(h.st().tokens.empty());
  CHECK(h.st().organizations.empty());
  CHECK(h.st().panel == Panel::None);
  CHECK(h.st().busy == 0);
  CHECK(h.st().createDraft.name.empty());
  CHECK(h.a().secret().empty());
  CHECK(h.st().clearClipboardAfter60s);  // a preference, like the theme

  REQUIRE(h.fake.http.respond(
      "/" + kOrgA + "/", 200,
      patPage({patJson("late", "late", "vso.build", h.now(), h.now() + kDay)})));
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/", 500, "{}"));
  h.fake.clock.advance(10 * 60 * 1000);
  CHECK(h.st().tokens.empty());
  CHECK(h.st().organizations.empty());
  CHECK_FALSE(h.st().lastError.has_value());
  CHECK(h.st().screen == Screen::SignIn);
  const json j = json::parse(h.json());
  CHECK(j["signedIn"] == false);
  CHECK(j["user"].is_null());
  CHECK(j["tokens"].empty());

  // The refresh timer of the old session is gone too.
  const size_t sent = h.fake.http.sent.size();
  h.fake.clock.advance(24LL * 3600 * 1000);
  CHECK(h.fake.http.sent.size() == sent);
}

TEST_CASE("App state JSON has the documented fields and never a secret") {
  AppHarness h;
  h.signInWithTokens({patJson("a-1", "build", "vso.build", h.now() - kDay, h.now() + 20 * kDay)});
  h.editCreateDraft([&](CreateDraft& d) { d.name = "deploy"; });
  h.editCreateDraft([&](CreateDraft& d) { d.scope = "vso.release_execute"; });
  h.dispatch(intent::SubmitCreate{});
  const std::string secret = "zq7newpatvaluezq7newpatvaluezq7newpatvaluezq7newpat";
  REQUIRE(h.fake.http.respond("/" + kOrgA + "/", 200,
                              patResult(patJson("new-1", "deploy", "vso.release_execute", h.now(),
                                                h.now() + 30 * kDay, secret))));
  h.dispatch(intent::ToggleReveal{});
  h.dispatch(intent::CopySecret{});
  REQUIRE(h.a().secret() == secret);
  REQUIRE(h.fake.clipboard.text == secret);
  const std::string beforeRefresh = h.json();
  h.dispatch(intent::Refresh{});  // busy, with the new row gone until the list answers

  const std::string text = h.json();
  const json j = json::parse(text);
  for (const char* key : {"screen", "signedIn", "user", "organizations", "tokens", "busy",
                          "lastError", "panel", "secretShown", "secretCopied"}) {
    CHECK_MESSAGE(j.contains(key), key);
  }
  CHECK(j["screen"] == "main");
  CHECK(j["signedIn"] == true);
  CHECK(j["user"]["username"] == "ana@contoso.com");
  CHECK(j["organizations"].size() == 2);
  CHECK(j["busy"] == true);
  CHECK(j["lastError"].is_null());
  CHECK(j["panel"] == "secret");
  CHECK(j["secretShown"] == true);
  CHECK(j["secretCopied"] == true);
  bool sawNew = false;
  const json earlier = json::parse(beforeRefresh);
  for (const auto& t : earlier["tokens"]) {
    CHECK_FALSE(t.contains("token"));
    sawNew = sawNew || t["id"] == "new-1";
  }
  CHECK(sawNew);

  // Not even a piece of the id_token (its payload part), nor the authorization code.
  const std::string idPayload = h.idToken.substr(h.idToken.find('.') + 1, 20);
  for (const std::string& doc : {beforeRefresh, text}) {
    for (const std::string& s :
         {secret, kAccessToken, kRefreshToken, h.idToken, idPayload, std::string("CODE-1")}) {
      CHECK_MESSAGE(doc.find(s) == std::string::npos, s);
    }
  }
}
