#include "core/auth/redirect_response.h"

#include <set>
#include <string_view>

#include "core/error_codes.h"
#include "core/text/strings.h"
#include "core/text/url.h"

namespace patdesk::auth {
namespace {

bool isResponseKey(std::string_view key) {
  return key == "code" || key == "error" || key == "state";
}

// Raw scan without decoding: true when some "name[=...]" segment names a response key.
bool namesResponseKey(std::string_view part) {
  size_t start = 0;
  while (start <= part.size()) {
    size_t end = part.find('&', start);
    if (end == std::string_view::npos) end = part.size();
    std::string_view segment = part.substr(start, end - start);
    segment = segment.substr(0, segment.find('='));
    if (isResponseKey(segment)) return true;
    start = end + 1;
  }
  return false;
}

Error badRedirect(const std::string& message) {
  return makeError(errc::kAuthBadRedirect, message,
                   "Start the sign-in again from patdesk's Sign in button.");
}

}  // namespace

bool looksLikeAuthResponse(const std::string& url) {
  const UrlParts parts = splitUrl(url);
  return (parts.hasFragment && namesResponseKey(parts.fragment)) ||
         (parts.hasQuery && namesResponseKey(parts.query));
}

bool isAdminConsentReturn(const std::string& url) {
  const UrlParts parts = splitUrl(url);
  for (const std::string* raw : {&parts.query, &parts.fragment}) {
    if (raw->empty() || raw->size() > kMaxRedirectPartBytes) continue;
    auto params = parseQuery(*raw);
    if (!params) continue;
    bool consent = false;
    bool state = false;
    for (const auto& [name, value] : *params) {
      if (name == "admin_consent") consent = text::equalsIgnoreAsciiCase(value, "true");
      if (name == "state") state = true;
    }
    if (consent && !state) return true;
  }
  return false;
}

Result<RedirectResponse> parseRedirectResponse(const std::string& url) {
  const UrlParts parts = splitUrl(url);
  const bool inFragment = parts.hasFragment && namesResponseKey(parts.fragment);
  const bool inQuery = parts.hasQuery && namesResponseKey(parts.query);
  if (inFragment && inQuery) {
    return badRedirect(
        "The sign-in response arrived twice in the page address (in both the query and the "
        "fragment), so patdesk ignored it.");
  }
  if (!inFragment && !inQuery) {
    return badRedirect("The page address does not carry a sign-in response.");
  }
  const std::string& raw = inFragment ? parts.fragment : parts.query;
  if (raw.size() > kMaxRedirectPartBytes) {
    return badRedirect("The sign-in response in the page address is too large (" +
                       std::to_string(raw.size()) + " bytes), so patdesk ignored it.");
  }
  auto params = parseQuery(raw);
  if (!params) {
    return badRedirect("The sign-in response in the page address is garbled (a bad %-escape).");
  }

  RedirectResponse r;
  struct Field {
    const char* name;
    std::string* target;
    bool seen;
  };
  Field fields[] = {{"code", &r.code, false},
                    {"state", &r.state, false},
                    {"error", &r.error, false},
                    {"error_description", &r.errorDescription, false},
                    {"error_uri", &r.errorUri, false},
                    {"session_state", &r.sessionState, false},
                    {"correlation_id", &r.correlationId, false},
                    {"trace_id", &r.traceId, false}};
  std::set<std::string> names;
  for (const auto& [name, value] : *params) {
    if (!names.insert(name).second) {
      return badRedirect("The sign-in response names \"" + name +
                         "\" more than once, so patdesk ignored it.");
    }
    for (Field& f : fields) {
      if (name == f.name) *f.target = value;
    }
  }
  if (r.code.empty() && r.error.empty()) {
    return badRedirect("The sign-in response has neither a code nor an error.");
  }
  if (!r.code.empty() && !r.error.empty()) {
    return badRedirect("The sign-in response has both a code and an error, so patdesk ignored it.");
  }
  if (r.state.empty()) {
    return makeError(errc::kAuthStateMissing,
                     "The sign-in response has no state, so patdesk cannot tell whether this tab "
                     "started it; it was ignored.",
                     "Start the sign-in again from patdesk's Sign in button.");
  }
  return r;
}

}  // namespace patdesk::auth
