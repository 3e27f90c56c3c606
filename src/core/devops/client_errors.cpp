#include "core/devops/client_errors.h"

#include <string>

#include "core/devops/http_errors.h"
#include "core/error_codes.h"

namespace patdesk::devops {

Error fromResponse(Error e, const HttpResponse& r) {
  if (e.httpStatus == 0) e.httpStatus = r.status;
  if (e.activityId.empty()) e.activityId = activityIdOf(r);
  return e;
}

Error createAmbiguous(const Error& cause) {
  Error e = cause;
  e.code = errc::kDevopsCreateAmbiguous;
  e.message = "It is not known whether Azure DevOps created the token: " + cause.message;
  e.action =
      "Refresh the token list before trying again: the token may already exist (revoke it if "
      "you cannot use it).";
  e.detail = cause.code + (cause.detail.empty() ? "" : ": " + cause.detail);
  return e;
}

bool isTokenGone(const Error& e) {
  return e.code == std::string(errc::kPatErrorPrefix) + "authorizationNotFound" ||
         e.code == std::string(errc::kPatErrorPrefix) + "tokenNotFound";
}

bool isAmbiguousCreateFailure(const Error& e) {
  return e.code == errc::kDevopsNetwork || e.code == errc::kDevopsServer ||
         e.code == errc::kDevopsMalformed;
}

}  // namespace patdesk::devops
