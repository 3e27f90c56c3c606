// Turns Microsoft Entra / OAuth errors ("AADSTS50011: The redirect URI ...") into an Error a
// person can act on: a plain sentence, what to do, the ids support needs, the server's text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace patdesk::auth {

// What the error happened to: filled in by the caller, used in the advice.
struct AuthErrorContext {
  std::string redirectUri;  // the configured redirect URI (50011 and friends quote it)
  std::string clientId;     // for the admin-consent link
  std::string authority;  // effective authority, e.g. https://login.microsoftonline.com/contoso.com
};

// An OAuth error as received from the redirect (fragment) or the token endpoint (JSON).
struct OAuthError {
  std::string error;             // "invalid_grant", "access_denied", ...
  std::string errorDescription;  // usually starts with "AADSTSnnnnn: "
  std::string errorUri;
  std::string traceId;
  std::string correlationId;
  std::vector<long long> errorCodes;  // token endpoint "error_codes"
  int httpStatus = 0;
};

// The first "AADSTS<digits>" number in a description, if any.
std::optional<long long> aadstsNumber(std::string_view description);

// {authority}/adminconsent?client_id=...[&redirect_uri=...]
std::string adminConsentUrl(const AuthErrorContext& context);

// Code "aadsts.<number>" when an AADSTS number is known (from the description or
// error_codes), else "oauth.<error>". message/action are plain words; activityId is the
// correlation id (else the trace id) from the fields or the description text; serverMessage
// is the description verbatim; detail lists error, number, trace and correlation ids, error_uri.
Error mapAuthError(const OAuthError& error, const AuthErrorContext& context);

}  // namespace patdesk::auth
