#include "core/config.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "core/auth/authorize_request.h"
#include "core/auth/personal_accounts.h"
#include "core/error_codes.h"
#include "core/text/strings.h"
#include "core/text/url.h"

namespace patdesk {
namespace {

using nlohmann::json;

using text::trim;

std::string stripTrailingSlashes(std::string s) {
  // Keep "scheme://" intact even for a degenerate "https://".
  const size_t sep = s.find("://");
  const size_t floor = sep == std::string::npos ? 0 : sep + 3;
  while (s.size() > floor && s.back() == '/') s.pop_back();
  return s;
}

Error wrongType(const std::string& field, const std::string& expected) {
  Error e =
      makeError(errc::kConfigWrongType, "config.json: \"" + field + "\" must be " + expected + ".",
                "Fix \"" + field + "\" in config.json (next to index.html) and reload.");
  e.detail = "field: " + field;
  return e;
}

// Reads an optional string field. Absent or null keeps `out` (the default); an empty or
// all-blank string also keeps it.
std::optional<Error> readString(const json& obj, const char* field, std::string& out) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) return wrongType(field, "a string");
  std::string value = trim(it->get<std::string>());
  if (!value.empty()) out = std::move(value);
  return std::nullopt;
}

// Checks an absolute URL used as a base (authority, DevOps endpoints, redirect URI).
std::optional<Error> checkUrl(const std::string& field, const std::string& url) {
  const UrlParts parts = splitUrl(url);
  if (!urlHost(url) || parts.hasQuery || parts.hasFragment) {
    Error e =
        makeError(errc::kConfigBadUrl,
                  "config.json: \"" + field + "\" is not a valid absolute URL: \"" + url + "\".",
                  "Use a full address such as https://example.com/path (no query or fragment) "
                  "in config.json and reload.");
    e.detail = "field: " + field;
    return e;
  }
  if (!isHttpsOrLoopback(url)) {
    Error e = makeError(errc::kConfigInsecureUrl,
                        "config.json: \"" + field + "\" must use https: \"" + url + "\".",
                        "Change \"" + field +
                            "\" in config.json to an https:// address (plain http is only allowed "
                            "for localhost, 127.0.0.1 and [::1]) and reload.");
    e.detail = "field: " + field;
    return e;
  }
  return std::nullopt;
}

void addScopes(const std::string& list, std::vector<std::string>& out) {
  for (std::string& scope : text::splitWords(list)) {
    if (std::find(out.begin(), out.end(), scope) == out.end()) out.push_back(std::move(scope));
  }
}

Result<AppConfig> parseObject(const json& obj, const std::string& pageUrl) {
  AppConfig config;
  for (auto [field, target] : {std::pair<const char*, std::string*>{"clientId", &config.clientId},
                               {"authority", &config.authority},
                               {"redirectUri", &config.redirectUri},
                               {"devopsProfileBaseUrl", &config.devopsProfileBaseUrl},
                               {"devopsTokensBaseUrl", &config.devopsTokensBaseUrl},
                               {"defaultOrganization", &config.defaultOrganization}}) {
    if (auto err = readString(obj, field, *target)) return *err;
  }

  auto scopes = obj.find("scopes");
  if (scopes != obj.end() && !scopes->is_null()) {
    const char* expected = "an array of strings or a space-separated string";
    std::vector<std::string> list;
    if (scopes->is_string()) {
      addScopes(scopes->get<std::string>(), list);
    } else if (scopes->is_array()) {
      for (const auto& item : *scopes) {
        if (!item.is_string()) return wrongType("scopes", expected);
        addScopes(item.get<std::string>(), list);
      }
    } else {
      return wrongType("scopes", expected);
    }
    if (!list.empty()) config.scopes = std::move(list);  // empty: keep the default
  }

  config.authority = stripTrailingSlashes(config.authority);
  config.devopsProfileBaseUrl = stripTrailingSlashes(config.devopsProfileBaseUrl);
  config.devopsTokensBaseUrl = stripTrailingSlashes(config.devopsTokensBaseUrl);

  for (auto [field, value] :
       {std::pair<const char*, const std::string*>{"authority", &config.authority},
        {"devopsProfileBaseUrl", &config.devopsProfileBaseUrl},
        {"devopsTokensBaseUrl", &config.devopsTokensBaseUrl}}) {
    if (auto err = checkUrl(field, *value)) return *err;
  }

  if (text::equalsIgnoreAsciiCase(auth::tenantOfAuthority(config.authority), "consumers")) {
    Error e = auth::personalAccountError(
        "Set \"authority\" in config.json to https://login.microsoftonline.com/organizations "
        "(or your tenant), not /consumers.");
    e.detail = "authority: " + config.authority;
    return e;
  }

  if (config.redirectUri.empty()) {
    // The page itself, as the browser will return to it: without query or fragment.
    config.redirectUri = splitUrl(pageUrl).base;
  } else if (auto err = checkUrl("redirectUri", config.redirectUri)) {
    return *err;
  }
  return config;
}

}  // namespace

bool AppConfig::isSandbox() const {
  const auto host = urlHost(authority);
  return host && isLoopbackHost(*host);
}

Result<AppConfig> parseConfig(const std::string& jsonText, const std::string& pageUrl) {
  try {
    const json doc = json::parse(jsonText, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
      return makeError(
          errc::kConfigNotJson,
          trim(jsonText).empty() ? "config.json is empty." : "config.json is not valid JSON.",
          "Fix config.json (next to index.html): it must be a JSON object such as "
          "{\"clientId\": \"...\"}. Then reload.");
    }
    if (!doc.is_object()) {
      return makeError(errc::kConfigNotObject,
                       "config.json must contain a JSON object ({ ... }), not a " +
                           std::string(doc.type_name()) + ".",
                       "Fix config.json (next to index.html) and reload.");
    }
    return parseObject(doc, pageUrl);
  } catch (const std::exception& ex) {
    // Not expected (parse does not throw here), but nothing may escape.
    Error e = makeError(errc::kConfigNotJson, "config.json could not be read.",
                        "Fix config.json (next to index.html) and reload.");
    e.detail = ex.what();
    return e;
  }
}

Error configMissingError(int httpStatus) {
  Error e;
  e.code = errc::kConfigMissing;
  e.httpStatus = httpStatus;
  if (httpStatus == 0) {
    e.message = "config.json could not be loaded: the browser got no response.";
    e.action =
        "Check your network connection and reload. If you deploy patdesk, make sure "
        "config.json is served from the same folder as index.html.";
  } else {
    e.message = "config.json could not be loaded (HTTP " + std::to_string(httpStatus) + ").";
    e.action =
        "Whoever deploys patdesk must put config.json next to index.html, with at least "
        "{\"clientId\": \"<Application (client) ID>\"}. Then reload.";
  }
  return e;
}

}  // namespace patdesk
