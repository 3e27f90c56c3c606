// config.json against the page's own Content-Security-Policy: every origin the app will
// connect to (the authority's token endpoint, the profile and tokens APIs) must be allowed by
// connect-src, or the browser blocks the request and the person sees a baffling failure.
// Checked at start-up, before any sign-in; a miss shows the setup screen naming the origin.
#pragma once

#include <optional>
#include <string>

#include "core/config.h"
#include "core/error.h"

namespace patdesk {

// "https://host[:port]" of an absolute URL, lower-cased, the default port dropped; "" when
// the URL has no "scheme://host".
std::string originOf(const std::string& url);

// True when the CSP text's connect-src (default-src when there is none; anything when neither
// is there) allows connections to `origin`. `pageOrigin` is what 'self' means.
bool cspAllowsConnect(const std::string& csp, const std::string& origin,
                      const std::string& pageOrigin);

// The first origin of `config` that `csp` does not allow (code config.csp_missing_origin,
// naming the origin and the field); nullopt when all are allowed or there is no CSP text.
std::optional<Error> cspMissingOrigin(const AppConfig& config, const std::string& csp,
                                      const std::string& pageUrl);

}  // namespace patdesk
