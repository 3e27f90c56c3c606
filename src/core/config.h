// config.json (next to index.html): the deploy-time settings. Contract fields:
// clientId, authority, redirectUri, scopes, devopsProfileBaseUrl, devopsTokensBaseUrl,
// defaultOrganization. Anything missing takes its documented default.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"

namespace patdesk {

struct AppConfig {
  std::string clientId;                                                       // required to sign in
  std::string authority = "https://login.microsoftonline.com/organizations";  // no trailing slash
  std::string redirectUri;  // default: the page URL without query or fragment
  std::vector<std::string> scopes = {"499b84ac-1321-427f-aa17-267ca6975798/.default"};
  std::string devopsProfileBaseUrl = "https://app.vssps.visualstudio.com";  // no trailing slash
  std::string devopsTokensBaseUrl = "https://vssps.dev.azure.com";          // no trailing slash
  std::string defaultOrganization;                                          // optional

  // True when the authority is a loopback host: the local identity sandbox.
  bool isSandbox() const;
};

// Parses config.json text. `pageUrl` is location.href, used for the redirectUri default.
// Errors (code "config.*") name the field and say what to fix; an empty clientId is NOT an
// error here (the app shows the setup screen for it), but wrong types, non-https URLs
// (loopback excepted) and invalid JSON are.
Result<AppConfig> parseConfig(const std::string& jsonText, const std::string& pageUrl);

// The error to show when config.json could not be fetched (code "config.missing").
// `httpStatus` is the response status (e.g. 404), or 0 when there was no response at all.
Error configMissingError(int httpStatus);

}  // namespace patdesk
