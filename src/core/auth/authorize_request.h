// The URLs and request bodies of the Microsoft identity platform v2.0 endpoints used by a
// single-page app: authorize (code + PKCE), token (authorization_code, refresh_token), logout.
#pragma once

#include <string>
#include <vector>

#include "core/config.h"
#include "core/error.h"
#include "core/platform/http.h"

namespace patdesk::auth {

// Scopes always requested besides the configured ones (ID token, profile, refresh token).
inline constexpr const char* kOidcScopes[] = {"openid", "profile", "offline_access"};

// Configured scopes followed by openid profile offline_access, without duplicates, in order.
std::vector<std::string> signInScopes(const std::vector<std::string>& configured);
// The same, space-separated: the `scope` parameter.
std::string signInScopeString(const std::vector<std::string>& configured);

// A tenant a person may type: a tenant ID (GUID), a domain such as contoso.onmicrosoft.com
// or contoso.com, or one of common / organizations / consumers.
bool isValidTenant(const std::string& tenant);

// The authority with its last path segment (e.g. "organizations") replaced by `tenant`.
// An empty (or all-blank) tenant returns the authority unchanged. Error "auth.bad_tenant"
// when the tenant is not valid.
Result<std::string> authorityForTenant(const std::string& authority, const std::string& tenant);

// The tenant segment of an authority ("organizations" for the default), or "".
std::string tenantOfAuthority(const std::string& authority);

struct AuthorizeParams {
  std::string authority;  // effective authority (after any tenant override), no trailing slash
  std::string state;
  std::string nonce;
  std::string codeChallenge;
  std::string clientRequestId;
  std::string loginHint;   // optional
  std::string domainHint;  // optional
  std::string prompt;      // optional: login, select_account, consent, none, create
  std::string claims;      // optional: a claims challenge (JSON), sent as `claims`
};

// {authority}/oauth2/v2.0/authorize?client_id=...&response_type=code&redirect_uri=...&scope=...
// &response_mode=fragment&state=...&nonce=...&code_challenge=...&code_challenge_method=S256
// &client-request-id=...[&login_hint=...][&domain_hint=...][&prompt=...]
// Errors: "auth.no_client_id" (empty clientId), "auth.bad_prompt".
Result<std::string> buildAuthorizeUrl(const AppConfig& config, const AuthorizeParams& params);

// {authority}/oauth2/v2.0/token
std::string tokenEndpoint(const std::string& authority);

// application/x-www-form-urlencoded bodies for the token endpoint.
std::string buildAuthorizationCodeBody(const AppConfig& config, const std::string& code,
                                       const std::string& codeVerifier);
std::string buildRefreshTokenBody(const AppConfig& config, const std::string& refreshToken);
// The POST of `body` to the token endpoint of `authority`.
HttpRequest tokenEndpointRequest(const std::string& authority, std::string body);

// {authority}/oauth2/v2.0/logout?post_logout_redirect_uri=...&client_id=...[&logout_hint=...]
// (the v2 end_session_endpoint; logout_hint is the id token's login_hint claim, when given).
std::string buildEndSessionUrl(const AppConfig& config, const std::string& authority,
                               const std::string& logoutHint = "");

}  // namespace patdesk::auth
