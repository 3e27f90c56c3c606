#include <doctest/doctest.h>

#include "core/auth/aadsts_errors.h"

using namespace patdesk;
using namespace patdesk::auth;

namespace {

const char* kRedirect = "https://patdesk.example/app/";
const char* kClientId = "11111111-2222-3333-4444-555555555555";

AuthErrorContext ctx(
    const std::string& authority = "https://login.microsoftonline.com/organizations") {
  return {kRedirect, kClientId, authority};
}

Error mapNumber(long long n, const std::string& error = "invalid_request",
                const AuthErrorContext& context = ctx()) {
  OAuthError in;
  in.error = error;
  in.errorDescription = "AADSTS" + std::to_string(n) +
                        ": Server text.\r\nTrace ID: 0a1b2c3d-0000-4000-8000-000000000001\r\n"
                        "Correlation ID: 9f8e7d6c-0000-4000-8000-000000000002\r\nTimestamp: "
                        "2026-11-18 10:00:00Z";
  in.httpStatus = 400;
  return mapAuthError(in, context);
}

Error mapName(const std::string& error, const std::string& description = "") {
  OAuthError in;
  in.error = error;
  in.errorDescription = description;
  return mapAuthError(in, ctx());
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the AADSTS number is taken from the description") {
  CHECK(aadstsNumber("AADSTS50011: The redirect URI ...") == 50011);
  CHECK(aadstsNumber("Error: AADSTS9002326: Cross-origin ...") == 9002326);
  CHECK_FALSE(aadstsNumber("AADSTS: none").has_value());
  CHECK_FALSE(aadstsNumber("").has_value());
}

TEST_CASE("every mapped error carries the ids and the server's own words") {
  Error e = mapNumber(50011);
  CHECK(e.activityId == "9f8e7d6c-0000-4000-8000-000000000002");
  CHECK(has(e.detail, "0a1b2c3d-0000-4000-8000-000000000001"));
  CHECK(has(e.detail, "AADSTS50011"));
  CHECK(e.serverMessage.rfind("AADSTS50011: Server text.", 0) == 0);
  CHECK(e.httpStatus == 400);
}

TEST_CASE("AADSTS50011 says which redirect URI to register as a Single-page application") {
  Error e = mapNumber(50011);
  CHECK(e.code == "aadsts.50011");
  CHECK(has(e.message, "redirect URI"));
  CHECK(has(e.action, kRedirect));
  CHECK(has(e.action, "\"Single-page application\""));
}

TEST_CASE("redirect URI registration problems all point to the Single-page application platform") {
  for (long long n : {500113LL, 9002326LL, 7000218LL}) {
    CAPTURE(n);
    Error e = mapNumber(n);
    CHECK(e.code == "aadsts." + std::to_string(n));
    CHECK(has(e.action, kRedirect));
    CHECK(has(e.action, "Single-page application"));
  }
  CHECK(has(mapNumber(9002326).message, "\"Web\""));
  CHECK(has(mapNumber(7000218).message, "client secret"));
}

TEST_CASE("AADSTS9002327 explains the missing Origin header") {
  Error e = mapNumber(9002327);
  CHECK(e.code == "aadsts.9002327");
  CHECK(has(e.message, "Origin"));
}

TEST_CASE("consent errors explain consent, and admin approval comes with the admin-consent link") {
  Error consent = mapNumber(65001, "invalid_grant");
  CHECK(consent.code == "aadsts.65001");
  CHECK(has(consent.message, "permission"));
  Error consentByName = mapName("consent_required");
  CHECK(consentByName.code == "oauth.consent_required");
  CHECK(consentByName.message == consent.message);

  Error admin = mapNumber(90094);
  CHECK(admin.code == "aadsts.90094");
  CHECK(has(admin.message, "administrator"));
  CHECK(
      has(admin.action, "https://login.microsoftonline.com/organizations/adminconsent?client_id=" +
                            std::string(kClientId)));
  Error tenantAdmin =
      mapNumber(90094, "access_denied", ctx("https://login.microsoftonline.com/contoso.com"));
  CHECK(has(tenantAdmin.action,
            "https://login.microsoftonline.com/contoso.com/adminconsent?client_id=" +
                std::string(kClientId)));
}

TEST_CASE("MFA errors ask to complete or set up multi-factor authentication") {
  Error e = mapNumber(50076, "interaction_required");
  CHECK(e.code == "aadsts.50076");
  CHECK(has(e.message, "multi-factor"));
  Error setup = mapNumber(50079, "interaction_required");
  CHECK(setup.code == "aadsts.50079");
  CHECK(has(setup.action, "register"));
}

TEST_CASE("Conditional Access errors name the device or policy reason") {
  CHECK(has(mapNumber(53000).message, "compliant"));
  CHECK(has(mapNumber(53001).message, "domain"));
  CHECK(has(mapNumber(53002).message, "approved client apps"));
  Error blocked = mapNumber(53003, "access_denied");
  CHECK(blocked.code == "aadsts.53003");
  CHECK(has(blocked.message, "Conditional Access"));
  for (long long n : {53000LL, 53001LL, 53002LL, 53003LL}) {
    CHECK(has(mapNumber(n).action, "administrator"));
  }
}

TEST_CASE("AADSTS50105 explains the app requires assignment") {
  Error e = mapNumber(50105);
  CHECK(e.code == "aadsts.50105");
  CHECK(has(e.message, "not assigned"));
  CHECK(has(e.action, "assign"));
}

TEST_CASE("wrong-tenant errors ask for the tenant in the tenant field") {
  for (long long n : {50020LL, 50034LL}) {
    CAPTURE(n);
    Error e = mapNumber(n);
    CHECK(e.code == "aadsts." + std::to_string(n));
    CHECK(has(e.action, "tenant field"));
  }
}

TEST_CASE("expired sessions and used or expired codes ask to sign in again") {
  for (long long n : {700084LL, 700082LL, 70008LL, 54005LL}) {
    CAPTURE(n);
    Error e = mapNumber(n, "invalid_grant");
    CHECK(e.code == "aadsts." + std::to_string(n));
    CHECK(has(e.action, "Sign in again"));
  }
  CHECK(has(mapNumber(700084).message, "24 hours"));
  CHECK(has(mapNumber(54005).message, "already used"));
}

TEST_CASE("a PKCE mismatch and an unknown client ID are explained") {
  Error pkce = mapNumber(501481, "invalid_grant");
  CHECK(pkce.code == "aadsts.501481");
  CHECK(has(pkce.message, "PKCE"));
  Error app = mapNumber(700016, "unauthorized_client");
  CHECK(app.code == "aadsts.700016");
  CHECK(has(app.action, "clientId"));
}

TEST_CASE("a cancelled sign-in is reported gently") {
  Error e = mapName("access_denied", "The user has cancelled.");
  CHECK(e.code == "oauth.access_denied");
  CHECK(e.message == "Sign-in was cancelled.");
  CHECK(has(e.action, "try again"));
  Error declined = mapNumber(65004, "access_denied");
  CHECK(declined.code == "aadsts.65004");
  CHECK(has(declined.message, "declined"));
}

TEST_CASE("OAuth errors without an AADSTS number map by name") {
  CHECK(mapName("interaction_required").code == "oauth.interaction_required");
  CHECK(has(mapName("interaction_required").action, "Sign in again"));
  CHECK(mapName("login_required").code == "oauth.login_required");
  CHECK(has(mapName("login_required").action, "Sign in again"));
  CHECK(mapName("temporarily_unavailable").code == "oauth.temporarily_unavailable");
  CHECK(has(mapName("temporarily_unavailable").action, "try again"));
  CHECK(mapName("invalid_grant").code == "oauth.invalid_grant");
  CHECK(has(mapName("invalid_grant").action, "Sign in again"));
  CHECK(mapName("invalid_request").code == "oauth.invalid_request");
  CHECK(has(mapName("invalid_request").action, "config.json"));
}

TEST_CASE("an unknown AADSTS number still shows the number and the server's text") {
  Error e = mapNumber(123456, "");
  CHECK(e.code == "aadsts.123456");
  CHECK(has(e.message, "AADSTS123456"));
  CHECK(has(e.action, "https://login.microsoftonline.com/error?code=123456"));
  CHECK(e.serverMessage.rfind("AADSTS123456: Server text.", 0) == 0);
}

TEST_CASE("an unknown error name is generic but keeps a safe code") {
  Error e = mapName("Weird Error<script>", "Something odd");
  CHECK(e.code == "oauth.weirderrorscript");
  CHECK(has(e.message, "weirderrorscript"));
  CHECK(e.serverMessage == "Something odd");
  CHECK(mapName("").code == "oauth.unknown");
}

TEST_CASE("explicit trace and correlation ids win over the description's") {
  OAuthError in;
  in.error = "invalid_grant";
  in.errorDescription = "AADSTS70008: expired. Trace ID: aaaa Correlation ID: bbbb";
  in.correlationId = "cccc";
  Error e = mapAuthError(in, ctx());
  CHECK(e.activityId == "cccc");
  CHECK(has(e.detail, "trace ID: aaaa"));
  in.correlationId.clear();
  CHECK(mapAuthError(in, ctx()).activityId == "bbbb");
}

TEST_CASE(
    "an unknown AADSTS number under a known error name keeps the name's advice and the number") {
  Error e = mapNumber(999999, "temporarily_unavailable");
  CHECK(e.code == "aadsts.999999");
  CHECK(has(e.message, "temporary"));
  CHECK(has(e.message, "AADSTS999999"));
  CHECK(has(e.action, "https://login.microsoftonline.com/error?code=999999"));
}
