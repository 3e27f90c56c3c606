// The loose ends of the redirect: stale round-trip entries, personal Microsoft accounts,
// and the id token claims that need no keys.
#include <doctest/doctest.h>

#include "core/auth/aadsts_errors.h"
#include "core/auth/authorize_request.h"
#include "core/auth/id_token.h"
#include "core/auth/personal_accounts.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::testing;

namespace {

const std::string kAuthority = "https://login.microsoftonline.com/organizations";

auth::IdTokenClaims goodClaims() {
  auth::IdTokenClaims c;
  c.tenantId = "tenant-1";
  c.audience = kAppClientId;
  c.issuer = "https://login.microsoftonline.com/tenant-1/v2.0";
  c.expiresAt = 1795003600;
  return c;
}

const int64_t kNow = 1795000000000;

}  // namespace

TEST_CASE(
    "id token claims pass with the client as audience, the own tenant's issuer and a "
    "future exp") {
  CHECK(auth::checkIdTokenClaims(goodClaims(), kAppClientId, kAuthority, kNow).ok());
  CHECK(auth::checkIdTokenClaims(goodClaims(), kAppClientId,
                                 "https://login.microsoftonline.com/contoso.com", kNow)
            .ok());
}

TEST_CASE("an id token for another client fails with auth.id_token_audience") {
  auto c = goodClaims();
  c.audience = "99999999-2222-3333-4444-555555555555";
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).error().code ==
        "auth.id_token_audience");
  c.audience = "";
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).error().code ==
        "auth.id_token_audience");
}

TEST_CASE("an id token from another tenant's or host's issuer fails with auth.id_token_issuer") {
  auto c = goodClaims();
  c.issuer = "https://login.microsoftonline.com/tenant-2/v2.0";
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).error().code ==
        "auth.id_token_issuer");
  c.issuer = "https://evil.example/tenant-1/v2.0";
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).error().code ==
        "auth.id_token_issuer");
  c.issuer = "https://sts.windows.net/tenant-1/";  // the v1 issuer
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).error().code ==
        "auth.id_token_issuer");
  c = goodClaims();
  c.tenantId = "";
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).error().code ==
        "auth.id_token_issuer");
}

TEST_CASE("an expired or exp-less id token fails with auth.id_token_expired") {
  auto c = goodClaims();
  c.expiresAt = kNow / 1000 - 301;
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).error().code ==
        "auth.id_token_expired");
  c.expiresAt = kNow / 1000 - 60;  // within the allowed clock skew
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).ok());
  c.expiresAt = 0;
  CHECK(auth::checkIdTokenClaims(c, kAppClientId, kAuthority, kNow).error().code ==
        "auth.id_token_expired");
}

TEST_CASE("decodeIdToken reads aud as a string or the first of an array, and iss") {
  auto jwt = [](const std::string& payload) {
    return base64UrlEncode(R"({"alg":"none"})") + "." + base64UrlEncode(payload) + ".c2ln";
  };
  auto a = auth::decodeIdToken(jwt(R"({"aud":"A","iss":"I"})"));
  REQUIRE(a.ok());
  CHECK(a.value().audience == "A");
  CHECK(a.value().issuer == "I");
  auto b = auth::decodeIdToken(jwt(R"({"aud":["B","C"]})"));
  REQUIRE(b.ok());
  CHECK(b.value().audience == "B");
}

TEST_CASE("a sign-in whose id token is for another client is refused and nobody is signed in") {
  AppHarness h;
  h.start();
  h.dispatch(app::intent::SignIn{});
  const nlohmann::json p = h.pending();
  h.fake.navigation.url = kAppPage + "#code=C&state=" + p["state"].get<std::string>();
  h.start();
  nlohmann::json payload = {{"tid", "tenant-1"},
                            {"nonce", p["nonce"]},
                            {"aud", "someone-else"},
                            {"iss", "https://login.microsoftonline.com/tenant-1/v2.0"},
                            {"exp", 1795003600}};
  const std::string idToken =
      base64UrlEncode(R"({"alg":"RS256"})") + "." + base64UrlEncode(payload.dump()) + ".c2ln";
  REQUIRE(h.fake.http.respond("/oauth2/v2.0/token", 200, tokenResponseJson(idToken)));
  CHECK_FALSE(h.st().signedIn);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "auth.id_token_audience");
}

TEST_CASE("a pending sign-in entry older than 10 minutes is deleted unused") {
  AppHarness h;
  h.start();
  h.dispatch(app::intent::SignIn{});
  const nlohmann::json p = h.pending();
  h.fake.clock.advance(10 * 60 * 1000 + 1);
  h.fake.navigation.url = kAppPage + "#code=C&state=" + p["state"].get<std::string>();
  h.start();
  CHECK(h.fake.session.values.count(auth::kPendingSignInKey) == 0);
  CHECK(h.sentMatching("POST", "/oauth2/v2.0/token") == 0);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "auth.pending_expired");
  CHECK(h.st().screen == app::Screen::SignIn);
}

TEST_CASE("a pending entry found on a start without a response is deleted unused") {
  AppHarness h;
  h.start();
  h.dispatch(app::intent::SignIn{});
  REQUIRE(h.fake.session.values.count(auth::kPendingSignInKey) == 1);
  h.fake.navigation.url = kAppPage;  // Back from Entra's error page
  h.start();
  CHECK(h.fake.session.values.count(auth::kPendingSignInKey) == 0);
  CHECK(h.st().screen == app::Screen::SignIn);
  CHECK_FALSE(h.st().lastError.has_value());
}

TEST_CASE("a consumers authority in config.json is refused with the personal-account sentence") {
  auto c = parseConfig(
      R"({"clientId":"x","authority":"https://login.microsoftonline.com/consumers"})", kAppPage);
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().code == "auth.personal_account");
  CHECK(c.error().message == auth::kPersonalAccountSentence);
}

TEST_CASE("consumers in the tenant field is refused with the same sentence, and no redirect") {
  AppHarness h;
  h.start();
  h.dispatch(app::intent::ChangeTenant{"Consumers"});
  h.dispatch(app::intent::SignIn{});
  CHECK(h.fake.navigation.redirects.empty());
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->message == auth::kPersonalAccountSentence);
  CHECK(h.st().tenant == "Consumers");  // what was typed is kept
}

TEST_CASE("Entra's personal-account sign-in error is explained in the same words") {
  auth::OAuthError e;
  e.error = "invalid_request";
  e.errorDescription =
      "AADSTS500200: User account 'a@outlook.com' is a personal Microsoft account. Personal "
      "Microsoft accounts are not supported for this application unless explicitly invited to "
      "an organization.";
  const Error mapped = auth::mapAuthError(e, auth::AuthErrorContext{});
  CHECK(mapped.code == "aadsts.500200");
  CHECK(mapped.message == auth::kPersonalAccountSentence);
}
