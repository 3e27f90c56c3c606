#include "core/auth/token_response.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <utility>
#include "core/devops/http_errors.h"
#include "core/error_codes.h"
#include "core/text/json_fields.h"
#include "core/text/strings.h"

namespace patdesk::auth {
namespace {

using nlohmann::json;

Error badTokenResponse(const std::string& why, int status) {
  Error e =
      makeError(errc::kAuthBadTokenResponse,
                "Microsoft Entra's answer to the sign-in could not be understood (" + why + ").",
                "Sign in again. If it keeps happening, check that \"authority\" in "
                "config.json points at Microsoft Entra (https://login.microsoftonline.com/...).");
  e.httpStatus = status;
  return e;
}

// Longest accepted token lifetime (about 31 years); anything above is not a real answer.
constexpr int64_t kMaxExpiresIn = 1000000000;

// expires_in: a number or a numeric string. nullopt when present but unusable.
std::optional<int64_t> expiresIn(const json& obj) {
  auto it = obj.find("expires_in");
  if (it == obj.end() || it->is_null()) return 3600;
  // At most kMaxExpiresIn, whatever the form: the session computes now + expires_in * 1000.
  if (it->is_number_unsigned()) {
    const uint64_t u = it->get<uint64_t>();
    if (u > static_cast<uint64_t>(kMaxExpiresIn)) return std::nullopt;
    return static_cast<int64_t>(u);
  }
  if (it->is_number_integer()) {
    const int64_t v = it->get<int64_t>();
    if (v > kMaxExpiresIn) return std::nullopt;
    return v;  // <= 0 is rejected by the caller
  }
  if (it->is_number_float()) {
    const double d = it->get<double>();
    if (d < 0 || d > static_cast<double>(kMaxExpiresIn)) return std::nullopt;
    return static_cast<int64_t>(d);
  }
  if (it->is_string()) {
    const std::string s = it->get<std::string>();
    if (s.empty() || s.size() > 10) return std::nullopt;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    const int64_t v = std::strtoll(s.c_str(), nullptr, 10);
    if (v > kMaxExpiresIn) return std::nullopt;
    return v;
  }
  return std::nullopt;
}

Result<TokenSet> decode(const HttpResponse& response, const AuthErrorContext& context) {
  if (response.status == 0) {
    // The page's own CSP refused /token: not the app registration's fault, so not the
    // "registered as Web" explanation.
    if (response.blockedByCsp) return devops::cspBlockedError(response.origin);
    Error e = networkError(0);
    if (!response.origin.empty()) {
      e.action = "The request to " + response.origin +
                 " may be blocked by CORS, a proxy, or the network. " + e.action;
    }
    return e;
  }
  const json doc = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return networkError(response.status);

  if (doc.contains("error") || response.status < 200 || response.status >= 300) {
    OAuthError err;
    using Field = std::pair<std::string OAuthError::*, const char*>;
    for (const auto& [member, name] :
         {Field{&OAuthError::error, "error"},
          Field{&OAuthError::errorDescription, "error_description"},
          Field{&OAuthError::errorUri, "error_uri"}, Field{&OAuthError::traceId, "trace_id"},
          Field{&OAuthError::correlationId, "correlation_id"}})
      err.*member = text::stringMember(doc, name);
    err.httpStatus = response.status;
    auto codes = doc.find("error_codes");
    if (codes != doc.end() && codes->is_array()) {
      for (const auto& c : *codes) {
        if (c.is_number_integer()) err.errorCodes.push_back(c.get<long long>());
      }
    }
    if (err.error.empty() && err.errorDescription.empty() && err.errorCodes.empty()) {
      return badTokenResponse("HTTP " + std::to_string(response.status) + " without an error",
                              response.status);
    }
    return mapAuthError(err, context);
  }

  TokenSet t;
  for (auto [name, target] : {std::pair<const char*, std::string*>{"access_token", &t.accessToken},
                              {"refresh_token", &t.refreshToken},
                              {"id_token", &t.idToken},
                              {"scope", &t.scope},
                              {"token_type", &t.tokenType}}) {
    auto it = doc.find(name);
    if (it == doc.end() || it->is_null()) continue;
    if (!it->is_string()) return badTokenResponse(std::string(name) + " is not a string", 200);
    *target = it->get<std::string>();
  }
  if (t.accessToken.empty()) return badTokenResponse("no access_token", response.status);
  if (!t.tokenType.empty()) {
    if (!text::equalsIgnoreAsciiCase(t.tokenType, "bearer"))
      return badTokenResponse("token_type is not Bearer", response.status);
  }
  const auto expires = expiresIn(doc);
  if (!expires || *expires <= 0) return badTokenResponse("bad expires_in", response.status);
  t.expiresInSeconds = *expires;
  return t;
}

}  // namespace

Error networkError(int httpStatus) {
  Error e = makeError(
      errc::kAuthNetwork, "The browser blocked or lost the sign-in request.",
      "Likely causes: the redirect URI is registered as \"Web\" instead of \"Single-page "
      "application\" in the app registration (then the browser blocks the token request), the "
      "network is down or behind a proxy, an ad or privacy blocker stopped the request to "
      "login.microsoftonline.com, or \"authority\" in config.json is wrong. Fix what applies and "
      "sign in again.");
  e.httpStatus = httpStatus;
  if (httpStatus != 0) e.detail = "HTTP " + std::to_string(httpStatus) + " with a non-JSON body";
  return e;
}

Result<TokenSet> decodeTokenResponse(const HttpResponse& response,
                                     const AuthErrorContext& context) {
  try {
    return decode(response, context);
  } catch (const std::exception& ex) {
    Error e = badTokenResponse("unexpected JSON", response.status);
    e.detail = ex.what();
    return e;
  }
}

}  // namespace patdesk::auth
