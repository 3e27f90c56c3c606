// Classification of Azure DevOps responses into typed, plain-words errors.
// Codes: devops.network (status 0), devops.sign_in_page (203 or a non-JSON 2xx body),
// devops.unauthorized (401), devops.forbidden (403), devops.org_not_found (404),
// devops.throttled (429), devops.server (5xx), devops.rejected (any other non-2xx),
// devops.malformed (a 2xx with broken JSON), pat.<patTokenError> (PatTokenResult errors).
// Every error keeps the server's message and the activity id for support.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/platform/http.h"

namespace patdesk::devops {

// Ok for a usable success: a 2xx other than 203 whose body is JSON (or empty), without a
// patTokenError other than "none". Otherwise the typed Error.
Status classifyResponse(const HttpResponse& response);

// The error for one PatTokenResult.patTokenError value ("pat.<value>"); never call with "none".
Error patTokenError(const std::string& value, const std::string& serverMessage = {});
// True when `value` has its own sentence (not the generic fallback).
bool hasSpecificPatTokenErrorMapping(const std::string& value);

// ActivityId / X-VSS-E2EID header, else "activityId" in a JSON body; "" when none.
std::string activityIdOf(const HttpResponse& response);
// `message` or `patTokenErrorMessage` from a JSON body; "" when none.
std::string serverMessageOf(const HttpResponse& response);
// The error for a request the page's own Content-Security-Policy blocked (code csp.blocked).
Error cspBlockedError(const std::string& origin);

// Retry-After in whole seconds, as milliseconds; nullopt when absent or not a number.
std::optional<int64_t> retryAfterMs(const HttpResponse& response);

}  // namespace patdesk::devops
