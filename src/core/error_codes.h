// Every fixed Error::code patdesk produces, in one place: tests, state() and the UI compare
// against these, so a code is spelled once. Codes built at run time ("pat.<value>" from a
// patTokenError, "aadsts.<number>" / "oauth.<error>" from Entra) follow the prefixes below.
#pragma once

namespace patdesk::errc {

// config.json
inline constexpr char kConfigMissing[] = "config.missing";
inline constexpr char kConfigNotJson[] = "config.not_json";
inline constexpr char kConfigNotObject[] = "config.not_object";
inline constexpr char kConfigWrongType[] = "config.wrong_type";
inline constexpr char kConfigBadUrl[] = "config.bad_url";
inline constexpr char kConfigInsecureUrl[] = "config.insecure_url";
// An origin config.json needs is not in the page's CSP connect-src (config_csp.h).
inline constexpr char kConfigCspMissingOrigin[] = "config.csp_missing_origin";

// Sign-in (PKCE, redirect, token endpoint, ID token)
inline constexpr char kAuthNoSecureRandom[] = "auth.no_secure_random";
inline constexpr char kAuthBadRedirect[] = "auth.bad_redirect";
inline constexpr char kAuthStateMissing[] = "auth.state_missing";
inline constexpr char kAuthStateMismatch[] = "auth.state_mismatch";
inline constexpr char kAuthPlatformMissing[] = "auth.platform_missing";
inline constexpr char kAuthBadIdToken[] = "auth.bad_id_token";
inline constexpr char kAuthNonceMismatch[] = "auth.nonce_mismatch";
inline constexpr char kAuthBadTokenResponse[] = "auth.bad_token_response";
inline constexpr char kAuthNetwork[] = "auth.network";
inline constexpr char kAuthSessionEnded[] = "auth.session_ended";
inline constexpr char kAuthCancelled[] = "auth.cancelled";
inline constexpr char kAuthBadTenant[] = "auth.bad_tenant";
inline constexpr char kAuthNoClientId[] = "auth.no_client_id";
inline constexpr char kAuthBadPrompt[] = "auth.bad_prompt";
// The sign-in lacks the Azure DevOps permission vso.pats_manage (token scope, or a 401/403).
inline constexpr char kAuthPendingExpired[] = "auth.pending_expired";
inline constexpr char kAuthPersonalAccount[] = "auth.personal_account";
inline constexpr char kAuthIdTokenAudience[] = "auth.id_token_audience";
inline constexpr char kAuthIdTokenIssuer[] = "auth.id_token_issuer";
inline constexpr char kAuthIdTokenExpired[] = "auth.id_token_expired";
inline constexpr char kAuthMissingPermission[] = "auth.missing_permission";

// OAuth errors Entra returns without an AADSTS number ("oauth.<error>").
inline constexpr char kOauthTemporarilyUnavailable[] = "oauth.temporarily_unavailable";
inline constexpr char kOauthServerError[] = "oauth.server_error";

// Azure DevOps responses
inline constexpr char kDevopsNetwork[] = "devops.network";
// Status 0 because the page's own CSP refused the connection (devops and sign-in alike).
inline constexpr char kCspBlocked[] = "csp.blocked";
inline constexpr char kDevopsSignInPage[] = "devops.sign_in_page";
inline constexpr char kDevopsUnauthorized[] = "devops.unauthorized";
inline constexpr char kDevopsForbidden[] = "devops.forbidden";
inline constexpr char kDevopsOrgNotFound[] = "devops.org_not_found";
inline constexpr char kDevopsThrottled[] = "devops.throttled";
inline constexpr char kDevopsServer[] = "devops.server";
inline constexpr char kDevopsRejected[] = "devops.rejected";
inline constexpr char kDevopsMalformed[] = "devops.malformed";
inline constexpr char kDevopsUnexpectedResponse[] = "devops.unexpected_response";
inline constexpr char kDevopsCreateAmbiguous[] = "devops.create_ambiguous";
inline constexpr char kDevopsBadOrganizationName[] = "devops.bad_organization_name";
// A create refused because the organization allows packaging scopes only (see http_errors.cpp).
inline constexpr char kPolicyPackagingOnly[] = "policy.packaging_only";

// Browser capabilities
inline constexpr char kClipboardDenied[] = "clipboard.denied";
inline constexpr char kDownloadFailed[] = "download.failed";

// Calendar reminders asked for when no active token is shown or selected.
inline constexpr char kRemindersNone[] = "reminders.none";

// Prefixes of codes built at run time.
inline constexpr char kPatErrorPrefix[] = "pat.";
inline constexpr char kAadstsPrefix[] = "aadsts.";
inline constexpr char kOauthPrefix[] = "oauth.";

}  // namespace patdesk::errc
