// The refresh-and-replay rules of the Azure DevOps client, the claims challenge decoder, and
// the AuthSession's single-flight refresh behind them.
#include <doctest/doctest.h>

#include "core/devops/devops_client.h"
#include "core/devops/token_renewal.h"
#include "core/text/base64url.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::devops;
using namespace patdesk::testing;

namespace {

// A client whose renewal counts what it is asked and answers refreshes when the test says.
struct ReplayFixture {
  FakePlatform fake;
  std::string token = "AT-1";
  int freshChecks = 0;
  std::vector<std::function<void(bool)>> refreshes;  // pending refreshNow callbacks
  std::vector<std::string> claims;
  std::unique_ptr<DevOpsClient> client;

  ReplayFixture() {
    client = std::make_unique<DevOpsClient>("https://app.vssps.visualstudio.com",
                                            "https://vssps.dev.azure.com", fake.platform(),
                                            [this] { return token; });
    TokenRenewal r;
    r.ensureFresh = [this](std::function<void(bool)> done) {
      ++freshChecks;
      done(true);
    };
    r.refreshNow = [this](std::function<void(bool)> done) { refreshes.push_back(done); };
    r.onClaimsChallenge = [this](const std::string& c) { claims.push_back(c); };
    client->setTokenRenewal(r);
  }
  // The refresh answers: a new token, then every waiter goes on.
  void finishRefresh(bool ok) {
    if (ok) token = "AT-2";
    auto waiting = std::move(refreshes);
    refreshes.clear();
    for (auto& w : waiting) w(ok);
  }
  std::string bearerOf(size_t i);
};

std::string headerOf(const HttpRequest& r, const std::string& name) {
  for (const auto& h : r.headers)
    if (h.name == name) return h.value;
  return "";
}

const std::string kRefused =
    R"({"message":"TF400813: The user is not authorized to access this resource."})";

std::string ReplayFixture::bearerOf(size_t i) {
  return headerOf(fake.http.sent.at(i), "Authorization");
}

CreatePatRequest newPat() {
  CreatePatRequest r;
  r.displayName = "ci";
  r.scope = "vso.code";
  r.validToMs = 1797000000000;
  return r;
}

}  // namespace

TEST_CASE("a 401 on a GET refreshes once and replays the same request with the new token") {
  ReplayFixture f;
  std::optional<Result<Profile>> got;
  f.client->getProfile([&](Result<Profile> p) { got = std::move(p); });
  CHECK(f.freshChecks == 1);
  REQUIRE(f.fake.http.respond("", 401, kRefused, {{"www-authenticate", "Bearer"}}));
  CHECK_FALSE(got.has_value());
  REQUIRE(f.refreshes.size() == 1);
  f.finishRefresh(true);
  REQUIRE(f.fake.http.sent.size() == 2);
  CHECK(f.fake.http.sent[1].url == f.fake.http.sent[0].url);
  CHECK(f.bearerOf(0) == "Bearer AT-1");
  CHECK(f.bearerOf(1) == "Bearer AT-2");
  REQUIRE(f.fake.http.respond("", 200, profileBody()));
  REQUIRE(got.has_value());
  CHECK(got->ok());
}

TEST_CASE("a 203 sign-in page is treated like a 401: one refresh and one replay") {
  ReplayFixture f;
  std::optional<Result<Profile>> got;
  f.client->getProfile([&](Result<Profile> p) { got = std::move(p); });
  REQUIRE(f.fake.http.respond("", 203, "<html>Sign in</html>", {{"content-type", "text/html"}}));
  f.finishRefresh(true);
  REQUIRE(f.fake.http.respond("", 200, profileBody()));
  REQUIRE(got.has_value());
  CHECK(got->ok());
}

TEST_CASE(
    "a create refused with 401 is sent once more after the refresh, since nothing was "
    "created") {
  ReplayFixture f;
  std::optional<Result<PatToken>> got;
  f.client->createPat("contoso", newPat(), [&](Result<PatToken> t) { got = std::move(t); });
  REQUIRE(f.fake.http.respond("", 401, kRefused));
  f.finishRefresh(true);
  REQUIRE(f.fake.http.sent.size() == 2);
  CHECK(f.fake.http.sent[1].method == "POST");
  CHECK(f.fake.http.sent[1].body == f.fake.http.sent[0].body);
  nlohmann::json token = {{"authorizationId", "id-1"},
                          {"displayName", "ci"},
                          {"scope", "vso.code"},
                          {"targetAccounts", {"org"}},
                          {"validFrom", "2026-11-18T11:06:40Z"},
                          {"validTo", "2026-12-18T11:06:40Z"},
                          {"token", "secret-value"}};
  REQUIRE(f.fake.http.respond(
      "", 200, nlohmann::json{{"patToken", token}, {"patTokenError", "none"}}.dump()));
  REQUIRE(got.has_value());
  REQUIRE(got->ok());
  CHECK(got->value().token == "secret-value");
}

TEST_CASE("any other failure of a POST is never replayed") {
  for (int status : {500, 400, 403, 429}) {
    ReplayFixture f;
    std::optional<Result<PatToken>> got;
    f.client->createPat("contoso", newPat(), [&](Result<PatToken> t) { got = std::move(t); });
    REQUIRE(f.fake.http.respond("", status, kRefused));
    CHECK(f.refreshes.empty());
    CHECK(f.fake.http.sent.size() == 1);
    REQUIRE(got.has_value());
    CHECK_FALSE(got->ok());
  }
}

TEST_CASE("when the replay is refused too, the refusal surfaces and there is no third try") {
  ReplayFixture f;
  std::optional<Result<Profile>> got;
  f.client->getProfile([&](Result<Profile> p) { got = std::move(p); });
  REQUIRE(f.fake.http.respond("", 401, kRefused));
  f.finishRefresh(true);
  REQUIRE(f.fake.http.respond("", 401, kRefused));
  CHECK(f.refreshes.empty());
  CHECK(f.fake.http.sent.size() == 2);
  REQUIRE(got.has_value());
  CHECK(got->error().code == "devops.unauthorized");
}

TEST_CASE("when the refresh fails, the original refusal surfaces without a replay") {
  ReplayFixture f;
  std::optional<Result<Profile>> got;
  f.client->getProfile([&](Result<Profile> p) { got = std::move(p); });
  REQUIRE(f.fake.http.respond("", 401, kRefused));
  f.finishRefresh(false);
  CHECK(f.fake.http.sent.size() == 1);
  REQUIRE(got.has_value());
  CHECK(got->error().code == "devops.unauthorized");
  CHECK(f.client->inFlight() == 0);
}

TEST_CASE(
    "a claims challenge is not replayed: it asks for an interactive sign-in with the "
    "claims") {
  ReplayFixture f;
  const std::string claimsJson = R"({"access_token":{"nbf":{"essential":true,"value":"1"}}})";
  std::optional<Result<Profile>> got;
  f.client->getProfile([&](Result<Profile> p) { got = std::move(p); });
  REQUIRE(f.fake.http.respond(
      "", 401, kRefused,
      {{"www-authenticate", R"(Bearer authorization_uri="https://login.example/x", )"
                            R"(error="insufficient_claims", claims=")" +
                                base64Encode(claimsJson) + "\""}}));
  CHECK(f.refreshes.empty());
  REQUIRE(f.claims.size() == 1);
  CHECK(f.claims[0] == claimsJson);
  REQUIRE(got.has_value());
  CHECK_FALSE(got->ok());
}

TEST_CASE("claimsChallengeOf reads quoted or bare claims and ignores what is not JSON") {
  auto withHeader = [](int status, const std::string& value) {
    HttpResponse r;
    r.status = status;
    r.headers.push_back({"www-authenticate", value});
    return r;
  };
  const std::string json = R"({"id_token":{"acrs":{"essential":true}}})";
  CHECK(claimsChallengeOf(withHeader(401, "Bearer claims=\"" + base64Encode(json) + "\"")) == json);
  CHECK(claimsChallengeOf(withHeader(401, "Bearer claims=" + base64UrlEncode(json))) == json);
  CHECK(claimsChallengeOf(withHeader(401, "Bearer error=\"invalid_token\"")).empty());
  CHECK(claimsChallengeOf(withHeader(401, "Bearer claims=\"bm90IGpzb24=\"")).empty());
  CHECK(claimsChallengeOf(withHeader(403, "Bearer claims=\"" + base64Encode(json) + "\"")).empty());
  CHECK(
      claimsChallengeOf(withHeader(401, "Bearer xclaims=\"" + base64Encode(json) + "\"")).empty());
}

TEST_CASE("concurrent calls near expiry wait for one single refresh") {
  AppHarness h;
  h.signIn();  // a 3600 s token
  REQUIRE(h.fake.http.respond(kProfileUrl, 200, profileBody()));
  REQUIRE(h.fake.http.respond(kAccountsUrl, 200, accountsBody()));
  REQUIRE(h.fake.http.respond("/" + kOrgA + "/_apis/tokens/pats", 200, patPage({})));
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/_apis/tokens/pats", 200, patPage({})));
  // The tab slept: the timer did not fire, and the token now has 2 minutes left.
  h.fake.clock.now += (3600 - 120) * 1000;
  h.dispatch(app::intent::Refresh{});
  // Two list calls, one refresh grant; no list is sent before the refresh answers.
  CHECK(h.sentMatching("POST", "/oauth2/v2.0/token") == 2);  // the code, then one refresh
  CHECK(h.fake.http.pending.size() == 1);
  nlohmann::json fresh = nlohmann::json::parse(tokenResponseJson(""));
  fresh.erase("id_token");
  fresh["access_token"] = "AT-after-refresh";
  REQUIRE(h.fake.http.respond("/oauth2/v2.0/token", 200, fresh.dump()));
  REQUIRE(h.fake.http.pending.size() == 2);
  for (const auto& p : h.fake.http.pending)
    CHECK(headerOf(p.request, "Authorization") == "Bearer AT-after-refresh");
}

TEST_CASE("a token with more than the margin left is used without a refresh") {
  AppHarness h;
  h.signInWithOrganizations();
  CHECK(h.sentMatching("POST", "/oauth2/v2.0/token") == 1);  // the code redemption only
  CHECK(h.sentMatching("GET", "/_apis/tokens/pats") == 2);
}
