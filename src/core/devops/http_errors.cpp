#include "core/devops/http_errors.h"

#include <nlohmann/json.hpp>

#include "core/auth/permissions.h"
#include "core/devops/decoders.h"
#include "core/error_codes.h"
#include "core/text/strings.h"

namespace patdesk::devops {
namespace {

using nlohmann::json;

struct PatErrorText {
  const char* value;
  const char* message;
  const char* action;
};

// Every value of SessionTokenError (PatTokenResult.patTokenError) in tokens 7.2, except "none".
const PatErrorText kPatErrors[] = {
    {"displayNameRequired", "The token needs a name.", "Enter a name and try again."},
    {"invalidDisplayName", "Azure DevOps did not accept the token name.",
     "Use a shorter name without unusual characters and try again."},
    {"invalidValidTo", "Azure DevOps did not accept the expiration date.",
     "Pick an expiration date in the future, within the lifespan your organization allows."},
    {"invalidScope", "Azure DevOps did not accept the selected scopes.",
     "Choose the scopes again from the list and try again."},
    {"userIdRequired", "Azure DevOps could not tell which user the token is for.",
     "Sign in again and try again."},
    {"invalidUserId", "Azure DevOps did not recognise your user account for this token.",
     "Sign in again with the account that owns the token."},
    {"invalidUserType", "This kind of account cannot have personal access tokens.",
     "Sign in with a regular member account of the organization (not a guest or service "
     "account)."},
    {"accessDenied", "Azure DevOps refused access to this token.",
     "Check that you own the token and are a member of the organization, then sign in again."},
    {"failedToIssueAccessToken", "Azure DevOps could not issue the token.",
     "Refresh the list to see whether it was created, then try again in a few minutes."},
    {"invalidClient", "Azure DevOps did not accept the application making the request.",
     "Sign in again. If it persists, your organization may block third-party application "
     "access: ask an organization administrator."},
    {"invalidClientType", "Azure DevOps does not allow this kind of application to manage tokens.",
     "Ask the person who deployed patdesk to check its app registration."},
    {"invalidClientId", "Azure DevOps did not recognise the application's client id.",
     "Ask the person who deployed patdesk to check the client id in config.json."},
    {"invalidTargetAccounts", "The token's organization is not valid for this account.",
     "Pick an organization you are a member of and try again."},
    {"hostAuthorizationNotFound", "Azure DevOps found no authorization for this organization.",
     "Refresh the list: the token may have been revoked, or the organization moved."},
    {"authorizationNotFound", "That token no longer exists (it may have been revoked).",
     "Refresh the list."},
    {"failedToUpdateAccessToken", "Azure DevOps could not update the token.",
     "Refresh the list and try again."},
    {"sourceNotSupported", "Azure DevOps does not support managing tokens from this source.",
     "Manage the token on the Azure DevOps web page (User settings, Personal access tokens)."},
    {"invalidSourceIP",
     "Azure DevOps blocked the request because of the network address it came from.",
     "Connect from a network your organization allows (for example the company VPN) and try "
     "again."},
    {"invalidSource", "Azure DevOps did not accept where the request came from.",
     "Sign in again; if it persists, manage the token on the Azure DevOps web page."},
    {"duplicateHash", "Azure DevOps generated a token that clashed with an existing one.",
     "Refresh the list, then try again."},
    {"sshPolicyDisabled", "Your organization's policy disables SSH key authentication.",
     "Ask an organization administrator, or use another way to authenticate."},
    {"invalidToken", "Azure DevOps says the token is not valid.",
     "Refresh the list; create a new token if you still need one."},
    {"tokenNotFound", "That token was not found.",
     "Refresh the list: it may have been revoked or removed."},
    {"invalidAuthorizationId", "Azure DevOps did not accept the token's id.",
     "Refresh the list and try again."},
    {"failedToReadTenantPolicy",
     "Azure DevOps could not read your Microsoft Entra tenant's token policies.",
     "Try again in a few minutes."},
    {"globalPatPolicyViolation",
     "Your organization's policy does not allow tokens for all accessible organizations.",
     "Choose one organization for the token instead of all organizations."},
    {"fullScopePatPolicyViolation", "Your organization's policy does not allow full-access tokens.",
     "Pick custom scopes (only what you need) instead of Full access."},
    {"patLifespanPolicyViolation",
     "The expiration date is later than the maximum lifespan your organization allows.",
     "Shorten the expiry and try again."},
    {"invalidTokenType", "Azure DevOps did not accept this type of token for the operation.",
     "Refresh the list; manage the token on the Azure DevOps web page if it persists."},
    {"invalidAudience", "The sign-in was issued for another service, not Azure DevOps.",
     "Sign in again. If it persists, ask the person who deployed patdesk to check the Azure "
     "DevOps scope in config.json."},
    {"invalidSubject", "The sign-in does not identify a user Azure DevOps knows.",
     "Sign in again with an account that is a member of the organization."},
    {"deploymentHostNotSupported",
     "This Azure DevOps host does not support managing tokens through this API.",
     "Use an organization (dev.azure.com/<organization>) rather than a deployment-level host."},
    {"disablePatCreationPolicyViolation", "Your organization restricts who may create PATs.",
     "Ask a Project Collection Administrator to add you to the allow-list, or use Entra-based "
     "Git credentials (git config --global credential.azreposCredentialType oauth)."},
    {"failedToReadOrgPolicy", "Azure DevOps could not read the organization's token policies.",
     "Try again in a few minutes."},
    {"globalPATCreationBlocked",
     "Azure DevOps no longer creates tokens for all accessible organizations: global PATs "
     "stopped working on 1 December 2026.",
     "Create a token for one organization instead (one token per organization you need)."},
    {"expiredPatCannotBeExtended",
     "This token has expired, and since 31 March 2026 Azure DevOps no longer lets an expired "
     "token be extended or modified.",
     "Use Recreate: a new token with the same name, organization and scopes, and an expiry you "
     "pick. Then revoke the expired one."},
};

json parseBody(const std::string& body) {
  std::string_view view(body);
  if (view.size() >= 3 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  return json::parse(view.begin(), view.end(), nullptr, /*allow_exceptions=*/false);
}

std::string stringMember(const json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

using text::trim;

bool contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

Error withContext(Error e, const HttpResponse& r, const json& body) {
  e.httpStatus = r.status;
  if (e.serverMessage.empty()) {
    e.serverMessage = stringMember(body, "message");
    if (e.serverMessage.empty()) e.serverMessage = stringMember(body, "patTokenErrorMessage");
  }
  if (e.activityId.empty()) e.activityId = activityIdOf(r);
  if (e.detail.empty()) e.detail = stringMember(body, "typeKey");
  return e;
}

Error signInPageError() {
  return makeError(errc::kDevopsSignInPage,
                   "Azure DevOps did not accept the sign-in: it answered with a sign-in page "
                   "instead of data.",
                   "Sign in again, and check the organization is connected to this Microsoft "
                   "Entra tenant.");
}

// A guess, documented in the README: Azure DevOps' "Restrict personal access token creation"
// policy can allow packaging scopes only (isPackagingScopeEnabled). Neither the 7.2 spec nor
// its examples show the answer to a create with other scopes; we expect the same
// disablePatCreationPolicyViolation with a message that mentions packaging, and read it so.
bool isPackagingOnlyMessage(const std::string& serverMessage) {
  return text::containsIgnoreAsciiCase(serverMessage, "packaging");
}

Error packagingOnlyError(Error e) {
  e.code = errc::kPolicyPackagingOnly;
  e.message =
      "Your organization allows new tokens with packaging scopes only, and this token asks for "
      "other scopes.";
  e.action =
      "Keep only the packaging scopes (Packaging: Read, Read & write, or Read, write & manage) "
      "and create it again, or ask a Project Collection Administrator to add you to the "
      "allow-list.";
  return e;
}

// "... limits personal access tokens to 90 days." -> 90: the number right before "day".
std::optional<int> maximumLifespanDays(const std::string& serverMessage) {
  const std::string lower = text::lowerAscii(serverMessage);
  for (size_t at = lower.find("day"); at != std::string::npos; at = lower.find("day", at + 1)) {
    size_t end = at;
    while (end > 0 && lower[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && lower[begin - 1] >= '0' && lower[begin - 1] <= '9') --begin;
    if (begin == end || end - begin > 5) continue;
    const int days = std::stoi(lower.substr(begin, end - begin));
    if (days > 0) return days;
  }
  return std::nullopt;
}

}  // namespace

std::string activityIdOf(const HttpResponse& response) {
  std::string id = response.header("ActivityId");
  if (id.empty()) id = response.header("X-VSS-E2EID");
  if (id.empty()) id = stringMember(parseBody(response.body), "activityId");
  return id;
}

std::string serverMessageOf(const HttpResponse& response) {
  const json j = parseBody(response.body);
  std::string m = stringMember(j, "message");
  if (m.empty()) m = stringMember(j, "patTokenErrorMessage");
  return m;
}

std::optional<int64_t> retryAfterMs(const HttpResponse& response) {
  const std::string v = trim(response.header("Retry-After"));
  if (v.empty() || v.size() > 9) return std::nullopt;
  int64_t seconds = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;  // HTTP-date form: use our own backoff
    seconds = seconds * 10 + (c - '0');
  }
  return seconds * 1000;
}

bool hasSpecificPatTokenErrorMapping(const std::string& value) {
  for (const auto& e : kPatErrors) {
    if (value == e.value) return true;
  }
  return false;
}

Error patTokenError(const std::string& value, const std::string& serverMessage) {
  Error e;
  for (const auto& known : kPatErrors) {
    if (value == known.value) {
      e = makeError(errc::kPatErrorPrefix + value, known.message, known.action);
      break;
    }
  }
  if (e.code.empty()) {
    e = makeError(errc::kPatErrorPrefix + value,
                  "Azure DevOps could not complete the token operation (" + value + ").",
                  "Refresh the list and try again; the server's message below may say more.");
  }
  e.serverMessage = serverMessage;
  e.detail = value;
  if (value == "disablePatCreationPolicyViolation" && isPackagingOnlyMessage(serverMessage)) {
    e = packagingOnlyError(e);
  } else if (value == "patLifespanPolicyViolation") {
    if (auto days = maximumLifespanDays(serverMessage)) {
      const std::string max = std::to_string(*days) + (*days == 1 ? " day" : " days");
      e.message =
          "The expiration date is later than the maximum lifespan your organization "
          "allows (" +
          max + ").";
      e.action = "Shorten the expiry to at most " + max + " and try again.";
    }
  }
  return e;
}

Error cspBlockedError(const std::string& origin) {
  return makeError(errc::kCspBlocked,
                   "config.json points to " + origin +
                       ", but this page's Content-Security-Policy does not allow connections "
                       "there: see Deploy in the README.",
                   "Run bash scripts/configure-site.sh with this config.json (it stamps the "
                   "origins into the CSP), or fix config.json.");
}

Status classifyResponse(const HttpResponse& r) {
  if (r.status == 0) {
    if (r.blockedByCsp) return cspBlockedError(r.origin);
    const std::string where = r.origin.empty() ? std::string() : " (" + r.origin + ")";
    Error e = makeError(
        errc::kDevopsNetwork,
        "The browser blocked or lost the request to Azure DevOps" + where + ".",
        "It may be CORS, a proxy, or the network" +
            (r.origin.empty() ? std::string() : " between this page and " + r.origin) +
            ". Check your network connection and try again. Likely causes: the network is offline; "
            "an ad-blocker or privacy extension blocked Azure DevOps; the organization URL is "
            "wrong; or the browser refused the call (CORS).");
    return e;
  }
  if (r.status == 203) return withContext(signInPageError(), r, json());

  const std::string body = trim(r.body);
  const json j = parseBody(body);
  const bool isJson = !body.empty() && !j.is_discarded();

  if (isJson && j.is_object()) {
    const std::string patError = stringMember(j, "patTokenError");
    if (!patError.empty() && patError != "none") {
      return withContext(patTokenError(patError, stringMember(j, "patTokenErrorMessage")), r, j);
    }
  }

  if (r.status >= 200 && r.status < 300) {
    if (body.empty() || isJson) return okStatus();
    // Broken JSON is malformed; anything else (an HTML sign-in page, text) means the request
    // never reached the API with a valid sign-in.
    if (body[0] == '{' || body[0] == '[') {
      return withContext(malformedError("invalid JSON"), r, json());
    }
    return withContext(signInPageError(), r, json());
  }

  const std::string serverMessage = isJson ? serverMessageOf(r) : std::string();
  const bool tenantOrAccess =
      contains(serverMessage, "TF400813") || contains(serverMessage, "VS30063");
  Error e;
  if ((r.status == 401 || r.status == 403) &&
      (auth::namesMissingScope(serverMessage) ||
       auth::namesMissingScope(r.header("WWW-Authenticate")))) {
    // Refusing for a missing scope is a registration problem, not an expired sign-in: say
    // exactly which permission to add (signing in again would not help).
    e = auth::missingPatPermissionError("");
  } else if (r.status == 401) {
    e = tenantOrAccess
            ? makeError(errc::kDevopsUnauthorized,
                        "Azure DevOps did not let this account into the organization (wrong "
                        "tenant or no access).",
                        "Check the organization is connected to the Microsoft Entra tenant you "
                        "signed in with and that you are a member of it, or sign in with another "
                        "account.")
            : makeError(errc::kDevopsUnauthorized,
                        "Azure DevOps did not accept the sign-in (it may have expired).",
                        "Sign in again.");
  } else if (r.status == 403) {
    e = makeError(
        errc::kDevopsForbidden,
        tenantOrAccess
            ? "Azure DevOps refused access to the organization (wrong tenant or no access)."
            : "Azure DevOps refused access (no permission).",
        "Check the organization is connected to the Microsoft Entra tenant you signed in with "
        "and that you are a member of it; ask an organization administrator for access.");
  } else if (r.status == 404) {
    e = makeError(errc::kDevopsOrgNotFound, "Azure DevOps could not find this organization.",
                  "Check the organization name (as in dev.azure.com/<name>) and that it still "
                  "exists.");
  } else if (r.status == 429) {
    const auto wait = retryAfterMs(r);
    e = makeError(errc::kDevopsThrottled, "Azure DevOps is limiting how fast patdesk may call it.",
                  wait ? "Wait " + std::to_string(*wait / 1000) + " seconds, then try again."
                       : "Wait a minute, then try again.");
    if (wait) e.detail = "Retry-After: " + std::to_string(*wait / 1000);
  } else if (r.status >= 500 && r.status < 600) {
    e = makeError(errc::kDevopsServer,
                  "Azure DevOps had a problem on its side (HTTP " + std::to_string(r.status) + ").",
                  "Try again in a few minutes; if it persists, check status.dev.azure.com.");
  } else {
    e = makeError(errc::kDevopsRejected,
                  "Azure DevOps rejected the request (HTTP " + std::to_string(r.status) + ").",
                  "Check the values you entered and try again; the server's message below may "
                  "say more.");
  }
  if (!isJson && !body.empty() && body[0] != '<') e.serverMessage = body.substr(0, 300);
  return withContext(std::move(e), r, isJson ? j : json());
}

}  // namespace patdesk::devops
