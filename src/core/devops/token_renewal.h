// When Azure DevOps refuses the bearer token, what patdesk does about it: one silent refresh
// and a replay (a 401, whatever its WWW-Authenticate says, or a 203 sign-in page: both refuse
// before acting, so a POST is replayed too), or, for a continuous access evaluation claims
// challenge, an interactive sign-in with those claims.
#pragma once

#include <functional>
#include <string>

#include "core/platform/http.h"

namespace patdesk::devops {

// How the client keeps its token usable. Every member is optional.
struct TokenRenewal {
  // Before each request: done(ok) once the token is not about to expire (refreshing first
  // when it is; concurrent callers share one refresh).
  std::function<void(std::function<void(bool ok)>)> ensureFresh;
  // After a refused bearer: refresh now (single-flight), then done(ok).
  std::function<void(std::function<void(bool ok)>)> refreshNow;
  // A 401 carrying a claims challenge: the decoded claims JSON, for the authorize request.
  std::function<void(const std::string& claims)> onClaimsChallenge;

  // Guest organizations (issue 11 §1): the tenant an organization belongs to ("" for the
  // signed-in tenant, or not known yet). Requests for an organization with a tenant use
  // that tenant's token, through the three members after it.
  std::function<std::string(const std::string& organization)> tenantOf;
  std::function<void(const std::string& tenant, std::function<void(bool ok)>)> ensureFreshFor;
  std::function<void(const std::string& tenant, std::function<void(bool ok)>)> refreshNowFor;
  std::function<std::string(const std::string& tenant)> accessTokenFor;
  // A refusal said which tenant the organization belongs to (X-VSS-ResourceTenant or the
  // WWW-Authenticate authorization_uri, when CORS lets the page read them).
  std::function<void(const std::string& organization, const std::string& tenant)> onTenantLearned;
};

// 401, or 203 (the sign-in page Azure DevOps answers a bad bearer with).
bool refusesBearer(const HttpResponse& response);

// The claims of a `WWW-Authenticate: Bearer ... claims="<base64 JSON>"` challenge on a 401,
// decoded (standard base64 or base64url); "" when there is none or it does not decode to a
// JSON object.
std::string claimsChallengeOf(const HttpResponse& response);

}  // namespace patdesk::devops
