#include "core/auth/authorize_request.h"

#include <cctype>
#include <utility>

#include "core/auth/personal_accounts.h"
#include "core/error_codes.h"
#include "core/text/strings.h"
#include "core/text/url.h"

namespace patdesk::auth {
namespace {

using text::trim;

bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool isGuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !isHex(s[i])) return false;
  }
  return true;
}

bool isDomain(const std::string& s) {
  if (s.empty() || s.size() > 253) return false;
  size_t labels = 0;
  size_t start = 0;
  std::string lastLabel;
  while (start <= s.size()) {
    size_t end = s.find('.', start);
    if (end == std::string::npos) end = s.size();
    const std::string label = s.substr(start, end - start);
    if (label.empty() || label.size() > 63) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (!(std::isalnum(u) || c == '-')) return false;
    }
    ++labels;
    lastLabel = label;
    start = end + 1;
  }
  if (labels < 2 || lastLabel.size() < 2) return false;
  for (char c : lastLabel) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> signInScopes(const std::vector<std::string>& configured) {
  std::vector<std::string> out;
  auto add = [&out](const std::string& scope) {
    if (scope.empty()) return;
    for (const auto& s : out) {
      if (s == scope) return;
    }
    out.push_back(scope);
  };
  for (const auto& s : configured) add(s);
  for (const char* s : kOidcScopes) add(s);
  return out;
}

std::string signInScopeString(const std::vector<std::string>& configured) {
  std::string out;
  for (const auto& s : signInScopes(configured)) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

bool isValidTenant(const std::string& tenant) {
  const std::string t = text::lowerAscii(tenant);
  if (t == "common" || t == "organizations" || t == "consumers") return true;
  return isGuid(t) || isDomain(t);
}

std::string tenantOfAuthority(const std::string& authority) {
  const UrlParts parts = splitUrl(authority);
  const size_t sep = parts.base.find("://");
  if (sep == std::string::npos) return {};
  const size_t pathStart = parts.base.find('/', sep + 3);
  if (pathStart == std::string::npos) return {};
  std::string path = parts.base.substr(pathStart);
  while (!path.empty() && path.back() == '/') path.pop_back();
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(slash + 1);
}

Result<std::string> authorityForTenant(const std::string& authority, const std::string& tenant) {
  const std::string typed = trim(tenant);
  if (typed.empty()) return authority;
  if (text::equalsIgnoreAsciiCase(typed, "consumers")) {
    return personalAccountError(
        "Leave the tenant field empty, or enter your organization's tenant ID or domain.");
  }
  if (!isValidTenant(typed)) {
    return makeError(errc::kAuthBadTenant,
                     "\"" + typed + "\" is not a tenant patdesk can sign in to.",
                     "Enter your organization's tenant ID (a GUID such as "
                     "72f988bf-86f1-41af-91ab-2d7cd011db47) or its domain (such as "
                     "contoso.onmicrosoft.com or contoso.com), or leave the tenant field empty.");
  }
  std::string base = authority;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const size_t sep = base.find("://");
  const size_t pathStart = sep == std::string::npos ? std::string::npos : base.find('/', sep + 3);
  if (pathStart == std::string::npos) return base + "/" + text::lowerAscii(typed);
  return base.substr(0, base.rfind('/')) + "/" + text::lowerAscii(typed);
}

Result<std::string> buildAuthorizeUrl(const AppConfig& config, const AuthorizeParams& p) {
  if (trim(config.clientId).empty()) {
    return makeError(errc::kAuthNoClientId,
                     "patdesk is not set up yet: config.json has no clientId.",
                     "Whoever deploys patdesk must register it in Microsoft Entra ID and put the "
                     "Application (client) ID into config.json as \"clientId\".");
  }
  const std::string prompt = trim(p.prompt);
  if (!prompt.empty() && prompt != "login" && prompt != "select_account" && prompt != "consent" &&
      prompt != "none" && prompt != "create") {
    return makeError(errc::kAuthBadPrompt,
                     "\"" + prompt + "\" is not a sign-in prompt Entra knows.",
                     "Use login, select_account, consent, none or create.");
  }
  QueryParams q = {
      {"client_id", config.clientId},
      {"response_type", "code"},
      {"redirect_uri", config.redirectUri},
      {"scope", signInScopeString(config.scopes)},
      {"response_mode", "fragment"},
      {"state", p.state},
      {"nonce", p.nonce},
      {"code_challenge", p.codeChallenge},
      {"code_challenge_method", "S256"},
      {"client-request-id", p.clientRequestId},
  };
  if (!trim(p.loginHint).empty()) q.emplace_back("login_hint", trim(p.loginHint));
  if (!trim(p.domainHint).empty()) q.emplace_back("domain_hint", trim(p.domainHint));
  if (!prompt.empty()) q.emplace_back("prompt", prompt);
  if (!p.claims.empty()) q.emplace_back("claims", p.claims);
  return p.authority + "/oauth2/v2.0/authorize?" + buildQuery(q);
}

std::string tokenEndpoint(const std::string& authority) { return authority + "/oauth2/v2.0/token"; }

std::string buildAuthorizationCodeBody(const AppConfig& config, const std::string& code,
                                       const std::string& codeVerifier) {
  return buildQuery({{"client_id", config.clientId},
                     {"grant_type", "authorization_code"},
                     {"code", code},
                     {"redirect_uri", config.redirectUri},
                     {"code_verifier", codeVerifier},
                     {"scope", signInScopeString(config.scopes)}});
}

std::string buildRefreshTokenBody(const AppConfig& config, const std::string& refreshToken) {
  return buildQuery({{"client_id", config.clientId},
                     {"grant_type", "refresh_token"},
                     {"refresh_token", refreshToken},
                     {"scope", signInScopeString(config.scopes)}});
}

HttpRequest tokenEndpointRequest(const std::string& authority, std::string body) {
  HttpRequest r;
  r.method = "POST";
  r.url = tokenEndpoint(authority);
  // The only header: keeps the request CORS-simple (no preflight). The browser adds Origin.
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  r.body = std::move(body);
  return r;
}

std::string buildEndSessionUrl(const AppConfig& config, const std::string& authority,
                               const std::string& logoutHint) {
  QueryParams q = {{"post_logout_redirect_uri", config.redirectUri},
                   {"client_id", config.clientId}};
  // Without the hint Entra asks which account to sign out of.
  if (!trim(logoutHint).empty()) q.emplace_back("logout_hint", trim(logoutHint));
  return authority + "/oauth2/v2.0/logout?" + buildQuery(q);
}

}  // namespace patdesk::auth
