#include "core/devops/decoders.h"

#include <nlohmann/json.hpp>

#include "core/error_codes.h"
#include "core/text/iso8601.h"

namespace patdesk::devops {
namespace {

using nlohmann::json;

// Parses without exceptions; strips a UTF-8 BOM. Discarded value = malformed.
json parseJson(const std::string& body) {
  std::string_view view(body);
  if (view.size() >= 3 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  return json::parse(view.begin(), view.end(), nullptr, /*allow_exceptions=*/false);
}

// Optional string member: "" when absent or null; false when present with another type.
bool optString(const json& obj, const char* key, std::string& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    out.clear();
    return true;
  }
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool parseDateField(const json& obj, const char* key, std::string& text, int64_t& ms) {
  if (!optString(obj, key, text)) return false;
  if (text.empty()) {
    ms = 0;
    return true;
  }
  auto parsed = text::parseIso8601(text);
  if (!parsed) return false;
  ms = *parsed;
  return true;
}

Result<PatToken> patTokenFromJson(const json& j) {
  if (!j.is_object()) return malformedError("a token is not a JSON object");
  PatToken t;
  if (!optString(j, "authorizationId", t.authorizationId) || t.authorizationId.empty()) {
    return malformedError("a token has no authorizationId");
  }
  if (!optString(j, "displayName", t.displayName)) return malformedError("displayName");
  if (!optString(j, "scope", t.scope)) return malformedError("scope");
  if (!optString(j, "token", t.token)) return malformedError("token");
  if (!parseDateField(j, "validFrom", t.validFrom, t.validFromMs)) {
    return malformedError("validFrom is not an ISO-8601 date");
  }
  if (!parseDateField(j, "validTo", t.validTo, t.validToMs)) {
    return malformedError("validTo is not an ISO-8601 date");
  }
  auto it = j.find("targetAccounts");
  if (it != j.end() && !it->is_null()) {
    if (!it->is_array()) return malformedError("targetAccounts is not a list");
    std::vector<std::string> accounts;
    for (const auto& a : *it) {
      if (!a.is_string()) return malformedError("targetAccounts holds a non-string");
      accounts.push_back(a.get<std::string>());
    }
    t.targetAccounts = std::move(accounts);
  }
  return t;
}

// coreAttributes.<name>.value as a string, or "".
std::string coreAttribute(const json& j, const char* name) {
  auto attrs = j.find("coreAttributes");
  if (attrs == j.end() || !attrs->is_object()) return {};
  auto attr = attrs->find(name);
  if (attr == attrs->end() || !attr->is_object()) return {};
  auto value = attr->find("value");
  if (value == attr->end() || !value->is_string()) return {};
  return value->get<std::string>();
}

}  // namespace

Error malformedError(const std::string& what) {
  Error e = makeError(errc::kDevopsMalformed,
                      "Azure DevOps sent a response patdesk could not read (" + what + ").",
                      "Try again. If it keeps happening, the service may have changed: report it "
                      "with the details below.");
  e.detail = what;
  return e;
}

Result<Profile> decodeProfile(const std::string& body) {
  const json j = parseJson(body);
  if (!j.is_object()) return malformedError("the profile is not a JSON object");
  Profile p;
  if (!optString(j, "id", p.id) || p.id.empty()) return malformedError("the profile has no id");
  if (!optString(j, "displayName", p.displayName)) return malformedError("profile displayName");
  if (!optString(j, "emailAddress", p.email)) return malformedError("profile emailAddress");
  if (p.displayName.empty()) p.displayName = coreAttribute(j, "DisplayName");
  if (p.email.empty()) p.email = coreAttribute(j, "EmailAddress");
  return p;
}

Result<std::vector<Organization>> decodeAccounts(const std::string& body) {
  const json j = parseJson(body);
  const json* list = nullptr;
  if (j.is_array()) {
    list = &j;
  } else if (j.is_object()) {
    auto it = j.find("value");
    if (it != j.end() && it->is_array()) list = &*it;
  }
  if (!list) return malformedError("the organization list is neither a list nor {count, value}");
  std::vector<Organization> orgs;
  for (const auto& a : *list) {
    if (!a.is_object()) return malformedError("an organization is not a JSON object");
    Organization o;
    if (!optString(a, "accountName", o.name) || o.name.empty()) {
      return malformedError("an organization has no accountName");
    }
    if (!optString(a, "accountId", o.id)) return malformedError("accountId");
    orgs.push_back(std::move(o));
  }
  return orgs;
}

Result<PatPage> decodePatPage(const std::string& body) {
  const json j = parseJson(body);
  if (!j.is_object()) return malformedError("the token list is not a JSON object");
  PatPage page;
  if (!optString(j, "continuationToken", page.continuationToken)) {
    return malformedError("continuationToken");
  }
  auto it = j.find("patTokens");
  if (it != j.end() && !it->is_null()) {
    if (!it->is_array()) return malformedError("patTokens is not a list");
    for (const auto& t : *it) {
      auto token = patTokenFromJson(t);
      if (!token) return token.error();
      page.tokens.push_back(std::move(token.value()));
    }
  }
  return page;
}

Result<PatTokenResult> decodePatTokenResult(const std::string& body) {
  const json j = parseJson(body);
  if (!j.is_object()) return malformedError("the token result is not a JSON object");
  PatTokenResult r;
  std::string error;
  if (!optString(j, "patTokenError", error)) return malformedError("patTokenError");
  if (!error.empty()) r.patTokenError = error;
  if (!optString(j, "patTokenErrorMessage", r.patTokenErrorMessage)) {
    return malformedError("patTokenErrorMessage");
  }
  auto it = j.find("patToken");
  // A failed call may carry an empty patToken object; only decode one that identifies a token.
  if (it != j.end() && it->is_object() && it->contains("authorizationId") &&
      !it->find("authorizationId")->is_null()) {
    auto token = patTokenFromJson(*it);
    if (!token) return token.error();
    r.patToken = std::move(token.value());
  } else if (it != j.end() && !it->is_null() && !it->is_object()) {
    return malformedError("patToken is not a JSON object");
  }
  return r;
}

Result<PatToken> decodePatToken(const std::string& body) {
  return patTokenFromJson(parseJson(body));
}

}  // namespace patdesk::devops
