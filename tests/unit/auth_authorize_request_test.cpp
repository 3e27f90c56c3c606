#include <doctest/doctest.h>

#include "core/auth/authorize_request.h"
#include "core/text/url.h"

using namespace patdesk;
using namespace patdesk::auth;

namespace {

AppConfig testConfig() {
  AppConfig c;
  c.clientId = "11111111-2222-3333-4444-555555555555";
  c.redirectUri = "https://patdesk.example/app/";
  return c;
}

AuthorizeParams testParams() {
  AuthorizeParams p;
  p.authority = "https://login.microsoftonline.com/organizations";
  p.state = "STATE";
  p.nonce = "NONCE";
  p.codeChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  p.clientRequestId = "60616263-6465-4667-a869-6a6b6c6d6e6f";
  return p;
}

std::string param(const std::string& formOrQuery, const std::string& name) {
  auto q = parseQuery(formOrQuery);
  REQUIRE(q.has_value());
  for (const auto& [k, v] : *q) {
    if (k == name) return v;
  }
  return "<absent>";
}

}  // namespace

TEST_CASE("the authorize URL carries exactly the code + PKCE parameters, in order") {
  auto url = buildAuthorizeUrl(testConfig(), testParams());
  REQUIRE(url.ok());
  CHECK(url.value() ==
        "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"
        "?client_id=11111111-2222-3333-4444-555555555555"
        "&response_type=code"
        "&redirect_uri=https%3A%2F%2Fpatdesk.example%2Fapp%2F"
        "&scope=499b84ac-1321-427f-aa17-267ca6975798%2F.default%20openid%20profile%20offline_access"
        "&response_mode=fragment"
        "&state=STATE"
        "&nonce=NONCE"
        "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        "&code_challenge_method=S256"
        "&client-request-id=60616263-6465-4667-a869-6a6b6c6d6e6f");
}

TEST_CASE("optional hints and prompt are appended when given") {
  AuthorizeParams p = testParams();
  p.loginHint = "ana@contoso.com";
  p.domainHint = "contoso.com";
  p.prompt = "select_account";
  auto url = buildAuthorizeUrl(testConfig(), p);
  REQUIRE(url.ok());
  const std::string query = splitUrl(url.value()).query;
  CHECK(param(query, "login_hint") == "ana@contoso.com");
  CHECK(param(query, "domain_hint") == "contoso.com");
  CHECK(param(query, "prompt") == "select_account");
  CHECK(url.value().find(
            "&login_hint=ana%40contoso.com&domain_hint=contoso.com&prompt=select_account") !=
        std::string::npos);
}

TEST_CASE("an unknown prompt or a missing client ID is refused") {
  AuthorizeParams p = testParams();
  p.prompt = "always";
  CHECK(buildAuthorizeUrl(testConfig(), p).error().code == "auth.bad_prompt");
  AppConfig c = testConfig();
  c.clientId = "";
  CHECK(buildAuthorizeUrl(c, testParams()).error().code == "auth.no_client_id");
}

TEST_CASE("sign-in scopes add openid profile offline_access once, after the configured ones") {
  CHECK(signInScopeString({"a/.default"}) == "a/.default openid profile offline_access");
  CHECK(signInScopeString({"openid", "a", "a", "offline_access"}) ==
        "openid a offline_access profile");
  CHECK(signInScopeString({}) == "openid profile offline_access");
}

TEST_CASE("a typed tenant replaces the authority's last path segment") {
  const std::string authority = "https://login.microsoftonline.com/organizations";
  CHECK(authorityForTenant(authority, "").value() == authority);
  CHECK(authorityForTenant(authority, "   ").value() == authority);
  CHECK(authorityForTenant(authority, "Contoso.com").value() ==
        "https://login.microsoftonline.com/contoso.com");
  CHECK(authorityForTenant(authority, " contoso.onmicrosoft.com ").value() ==
        "https://login.microsoftonline.com/contoso.onmicrosoft.com");
  CHECK(authorityForTenant(authority, "72F988BF-86F1-41AF-91AB-2D7CD011DB47").value() ==
        "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47");
  CHECK(authorityForTenant("http://localhost:9000/sandbox-tenant", "common").value() ==
        "http://localhost:9000/common");
  CHECK(authorityForTenant("http://localhost:9000", "contoso.com").value() ==
        "http://localhost:9000/contoso.com");
  CHECK(tenantOfAuthority(authority) == "organizations");
  CHECK(tenantOfAuthority("https://login.microsoftonline.com/contoso.com/") == "contoso.com");
  CHECK(tenantOfAuthority("http://localhost:9000") == "");
}

TEST_CASE("a tenant that is neither a GUID nor a domain is auth.bad_tenant") {
  const std::string authority = "https://login.microsoftonline.com/organizations";
  for (const char* bad : {"contoso", "../evil", "evil.com/x", "contoso.com?x=1", "a b.com",
                          "-contoso.com", "contoso.c", "contoso.123", "72f988bf-86f1-41af-91ab",
                          "contoso..com", "https://contoso.com"}) {
    CAPTURE(bad);
    auto r = authorityForTenant(authority, bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "auth.bad_tenant");
    CHECK_FALSE(r.error().action.empty());
  }
}

TEST_CASE("the authorization-code token body is form-urlencoded with the verifier") {
  const std::string body = buildAuthorizationCodeBody(testConfig(), "c0de+/=", "VERIFIER");
  CHECK(
      body ==
      "client_id=11111111-2222-3333-4444-555555555555&grant_type=authorization_code"
      "&code=c0de%2B%2F%3D&redirect_uri=https%3A%2F%2Fpatdesk.example%2Fapp%2F"
      "&code_verifier=VERIFIER"
      "&scope=499b84ac-1321-427f-aa17-267ca6975798%2F.default%20openid%20profile%20offline_access");
  CHECK(param(body, "code") == "c0de+/=");
}

TEST_CASE("the refresh-token body asks for the same scopes") {
  const std::string body = buildRefreshTokenBody(testConfig(), "RT/1");
  CHECK(param(body, "grant_type") == "refresh_token");
  CHECK(param(body, "refresh_token") == "RT/1");
  CHECK(param(body, "client_id") == "11111111-2222-3333-4444-555555555555");
  CHECK(param(body, "scope") ==
        "499b84ac-1321-427f-aa17-267ca6975798/.default openid profile offline_access");
  CHECK(param(body, "code_verifier") == "<absent>");
}

TEST_CASE("the token and end-session endpoints hang off the authority") {
  CHECK(tokenEndpoint("https://login.microsoftonline.com/contoso.com") ==
        "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token");
  CHECK(buildEndSessionUrl(testConfig(), "https://login.microsoftonline.com/organizations") ==
        "https://login.microsoftonline.com/organizations/oauth2/v2.0/logout"
        "?post_logout_redirect_uri=https%3A%2F%2Fpatdesk.example%2Fapp%2F"
        "&client_id=11111111-2222-3333-4444-555555555555");
}
