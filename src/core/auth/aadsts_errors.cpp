#include "core/auth/aadsts_errors.h"

#include <cctype>
#include "core/auth/personal_accounts.h"
#include "core/error_codes.h"
#include "core/text/url.h"

namespace patdesk::auth {
namespace {

struct Advice {
  std::string message;
  std::string action;
};

bool isIdChar(char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == '-'; }

// "Trace ID: 0f3c...-..." inside an Entra error description.
std::string idAfter(std::string_view text, std::string_view label) {
  const size_t at = text.find(label);
  if (at == std::string_view::npos) return {};
  size_t i = at + label.size();
  while (i < text.size() && (text[i] == ' ' || text[i] == ':')) ++i;
  size_t j = i;
  while (j < text.size() && isIdChar(text[j])) ++j;
  return std::string(text.substr(i, j - i));
}

std::string sanitizeErrorName(const std::string& error) {
  std::string out;
  for (char c : error) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '_') out += static_cast<char>(std::tolower(u));
    if (out.size() >= 64) break;
  }
  return out.empty() ? "unknown" : out;
}

std::string registerSpaAction(const AuthErrorContext& ctx) {
  const std::string uri = ctx.redirectUri.empty() ? "this page's address" : ctx.redirectUri;
  return "In the Azure portal, open App registrations > this app > Authentication > \"Add a "
         "platform\" > \"Single-page application\" and add this exact redirect URI: " +
         uri + " — and remove it from any \"Web\" platform entry; then sign in again.";
}

std::string tenantFieldAction() {
  return "Type your organization's tenant (its domain, such as contoso.com, or its tenant ID) in "
         "the tenant field and sign in again. If you picked the wrong account, choose a different "
         "one.";
}

std::optional<Advice> byNumber(long long n, const AuthErrorContext& ctx) {
  switch (n) {
    case 50011:
      return Advice{
          "Microsoft Entra refused to send you back to patdesk because this page's "
          "address is not registered as a redirect URI for the app.",
          registerSpaAction(ctx)};
    case 500113:
      return Advice{
          "The app registration has no redirect URI, so Microsoft Entra does not know "
          "where to send you back.",
          registerSpaAction(ctx)};
    case 9002326:
      return Advice{
          "The redirect URI is registered for a \"Web\" app, so Microsoft Entra does not "
          "let the browser finish the sign-in.",
          registerSpaAction(ctx)};
    case 9002327:
      return Advice{
          "The sign-in code belongs to a single-page app but was redeemed without the "
          "browser's Origin header.",
          "Open patdesk directly in a normal browser tab (not through a proxy or tool "
          "that strips the Origin header) and sign in again."};
    case 7000218:
      return Advice{
          "Microsoft Entra expects a client secret, which means the redirect URI is "
          "registered as a \"Web\" app instead of a single-page application.",
          registerSpaAction(ctx)};
    case 65001:
      return Advice{"patdesk has not been given permission to use Azure DevOps on your behalf yet.",
                    "Sign in again and accept the permissions prompt. If you are not allowed to "
                    "accept it, ask an administrator to grant consent: " +
                        adminConsentUrl(ctx)};
    case 65004:
      return Advice{"You declined the permissions patdesk asked for, so sign-in stopped.",
                    "When you are ready, select Sign in again and accept the permissions prompt."};
    case 90094:
    case 90095:
      return Advice{
          "An administrator in your organization must approve patdesk before you can "
          "use it.",
          "Ask your Microsoft Entra administrator to grant admin consent with this link: " +
              adminConsentUrl(ctx)};
    case 50076:
      return Advice{"Your organization requires multi-factor authentication for this sign-in.",
                    "Sign in again and complete the multi-factor prompt (authenticator app, text "
                    "or call)."};
    case 50079:
      return Advice{"Your organization requires you to set up multi-factor authentication first.",
                    "Sign in again and follow the prompts to register a second factor (or visit "
                    "https://aka.ms/mfasetup), then try again."};
    case 53000:
      return Advice{
          "Your organization only allows access from managed, compliant devices, and "
          "this device is not recognized as one.",
          "Use a device your organization manages (or enroll this one), or ask your IT "
          "administrator; give them the correlation ID below."};
    case 53001:
      return Advice{
          "Your organization only allows access from devices joined to its domain, and "
          "this device is not.",
          "Use a domain-joined work device, or ask your IT administrator; give them the "
          "correlation ID below."};
    case 53002:
      return Advice{"Your organization only allows approved client apps to reach this resource.",
                    "Ask your IT administrator whether patdesk may be allowed; give them the "
                    "correlation ID below."};
    case 53003:
      return Advice{"A Conditional Access policy in your organization blocked this sign-in.",
                    "Ask your IT administrator which policy blocked it; give them the correlation "
                    "ID and time below."};
    case 50105:
      return Advice{
          "Your account is not assigned to patdesk in your organization, and the app "
          "requires assignment.",
          "Ask an administrator to assign you (or a group you are in) to the app under "
          "Enterprise applications > patdesk > Users and groups."};
    case 500200:  // "User account is a personal Microsoft account..."
      return Advice{kPersonalAccountSentence,
                    "Select Sign in again and pick your work or school account (or use another "
                    "browser profile)."};
    case 50020:
      return Advice{
          "Your account belongs to a different organization than the one you are "
          "signing in to, and is not a guest there.",
          tenantFieldAction()};
    case 50034:
      return Advice{"That account does not exist in the organization you are signing in to.",
                    tenantFieldAction()};
    case 90072:
      return Advice{"Your account is not a guest in the organization you are signing in to.",
                    tenantFieldAction()};
    case 700084:
      return Advice{
          "Your sign-in session has ended: browser apps must sign in again every 24 "
          "hours.",
          "Sign in again."};
    case 700082:
      return Advice{"Your sign-in session expired because it was not used for a while.",
                    "Sign in again."};
    case 70008:
      return Advice{"The sign-in code or session expired before patdesk could use it.",
                    "Sign in again."};
    case 54005:
      return Advice{
          "This sign-in code was already used (for example, the page was reloaded "
          "during sign-in).",
          "Sign in again."};
    case 501481:
      return Advice{
          "The two halves of the sign-in did not match (the PKCE check failed), so "
          "Microsoft Entra refused it.",
          "Sign in again in this tab, and don't start signing in from two tabs at once."};
    case 700016:
      return Advice{"Microsoft Entra does not know patdesk's client ID in this organization.",
                    "Check that \"clientId\" in config.json is the app registration's Application "
                    "(client) ID. If you sign in from another organization, the app must be "
                    "registered as multi-tenant (or enter the app's home tenant in the tenant "
                    "field)."};
    case 50058:
      return Advice{"You are not signed in to Microsoft in this browser any more.",
                    "Sign in again."};
    case 50173:
    case 50133:
      return Advice{"Your session is no longer valid (for example, your password was changed).",
                    "Sign in again."};
    case 70011:
      return Advice{"Microsoft Entra did not accept the permissions (scopes) patdesk asked for.",
                    "Check \"scopes\" in config.json; the server's message below names the "
                    "problem."};
    case 700054:
    case 700051:
      return Advice{
          "The app registration does not allow this kind of sign-in.",
          "Register the redirect URI as a \"Single-page application\" platform: " +
              (ctx.redirectUri.empty() ? std::string("this page's address") : ctx.redirectUri)};
    default:
      return std::nullopt;
  }
}

std::optional<Advice> byErrorName(const std::string& error, const AuthErrorContext& ctx) {
  if (error == "access_denied") {
    return Advice{"Sign-in was cancelled.", "When you are ready, select Sign in to try again."};
  }
  if (error == "consent_required") return byNumber(65001, ctx);
  if (error == "interaction_required") {
    return Advice{"Microsoft needs you to sign in interactively again.", "Sign in again."};
  }
  if (error == "login_required") {
    return Advice{"You need to sign in again.", "Sign in again."};
  }
  if (error == "temporarily_unavailable" || error == "server_error") {
    return Advice{"Microsoft Entra is having a temporary problem.",
                  "Wait a minute or two and try again."};
  }
  if (error == "invalid_grant") {
    return Advice{
        "Microsoft Entra no longer accepts this sign-in (it expired, was revoked or was "
        "already used).",
        "Sign in again."};
  }
  if (error == "invalid_request") {
    return Advice{"Microsoft Entra rejected the sign-in request as invalid.",
                  "Check config.json (clientId, authority, redirectUri, scopes); the server's "
                  "message below names the problem."};
  }
  if (error == "invalid_client" || error == "unauthorized_client") {
    return Advice{"Microsoft Entra does not accept patdesk's app registration for this sign-in.",
                  "Check \"clientId\" in config.json and that the redirect URI is registered as a "
                  "\"Single-page application\"."};
  }
  if (error == "invalid_scope") return byNumber(70011, ctx);
  return std::nullopt;
}

}  // namespace

std::optional<long long> aadstsNumber(std::string_view description) {
  size_t at = description.find("AADSTS");
  while (at != std::string_view::npos) {
    size_t i = at + 6;
    long long n = 0;
    size_t digits = 0;
    while (i < description.size() && std::isdigit(static_cast<unsigned char>(description[i])) &&
           digits < 12) {
      n = n * 10 + (description[i] - '0');
      ++i;
      ++digits;
    }
    if (digits > 0) return n;
    at = description.find("AADSTS", at + 6);
  }
  return std::nullopt;
}

std::string adminConsentUrl(const AuthErrorContext& ctx) {
  std::string authority = ctx.authority.empty()
                              ? std::string("https://login.microsoftonline.com/organizations")
                              : ctx.authority;
  while (!authority.empty() && authority.back() == '/') authority.pop_back();
  std::string clientId;
  for (char c : ctx.clientId) {
    // A client ID is a GUID; keep the link clean even if config.json holds something odd.
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') clientId += c;
  }
  std::string url = authority + "/adminconsent?client_id=" + clientId;
  // Back to patdesk afterwards: it recognises the return (admin_consent=True, no state).
  if (!ctx.redirectUri.empty()) url += "&redirect_uri=" + percentEncode(ctx.redirectUri);
  return url;
}

Error mapAuthError(const OAuthError& in, const AuthErrorContext& ctx) {
  std::optional<long long> number = aadstsNumber(in.errorDescription);
  if (!number && !in.errorCodes.empty()) number = in.errorCodes.front();
  const std::string errorName = sanitizeErrorName(in.error);

  std::optional<Advice> advice;
  if (number) advice = byNumber(*number, ctx);
  if (!advice) {
    advice = byErrorName(errorName, ctx);
    if (advice && number) {
      // An AADSTS number we have no words for, under a familiar error: keep the number visible.
      const std::string n = std::to_string(*number);
      advice->message += " (AADSTS" + n + ")";
      advice->action += " If it keeps happening, look up AADSTS" + n +
                        " at https://login.microsoftonline.com/error?code=" + n;
    }
  }
  if (!advice) {
    if (number) {
      const std::string n = std::to_string(*number);
      advice = Advice{"Microsoft Entra stopped the sign-in with error AADSTS" + n + ".",
                      "Look it up at https://login.microsoftonline.com/error?code=" + n +
                          " and share the server message and correlation ID below with whoever "
                          "supports patdesk."};
    } else {
      advice = Advice{"Microsoft Entra stopped the sign-in (" + errorName + ").",
                      "Try signing in again; if it keeps failing, share the server message and "
                      "correlation ID below with whoever supports patdesk."};
    }
  }

  Error e;
  e.code = number ? errc::kAadstsPrefix + std::to_string(*number) : errc::kOauthPrefix + errorName;
  e.message = std::move(advice->message);
  e.action = std::move(advice->action);
  e.httpStatus = in.httpStatus;
  e.serverMessage = in.errorDescription.empty() ? in.error : in.errorDescription;

  std::string trace = in.traceId.empty() ? idAfter(in.errorDescription, "Trace ID") : in.traceId;
  std::string correlation =
      in.correlationId.empty() ? idAfter(in.errorDescription, "Correlation ID") : in.correlationId;
  e.activityId = correlation.empty() ? trace : correlation;

  e.detail = "error: " + (in.error.empty() ? std::string("(none)") : in.error);
  if (number) e.detail += "; AADSTS" + std::to_string(*number);
  if (!trace.empty()) e.detail += "; trace ID: " + trace;
  if (!correlation.empty()) e.detail += "; correlation ID: " + correlation;
  if (!in.errorUri.empty()) e.detail += "; error_uri: " + in.errorUri;
  return e;
}

}  // namespace patdesk::auth
