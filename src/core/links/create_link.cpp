#include "core/links/create_link.h"

#include <algorithm>
#include <cstdint>

#include "core/devops/scopes.h"
#include "core/links/url_search_params.h"
#include "core/text/strings.h"
#include "core/text/url.h"

namespace patdesk::links {
namespace {

constexpr std::string_view kPrefix = "new";

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
    --e;
  return s.substr(b, e - b);
}

// An optionally signed decimal integer, saturated far outside 1..365 so that clamping
// still works for absurd values; nullopt for anything else ("30.5", "ten", "").
std::optional<int64_t> parseInteger(const std::string& text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  if (i == text.size()) return std::nullopt;
  int64_t value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    if (value < 1000000) value = value * 10 + (text[i] - '0');
  }
  return negative ? -value : value;
}

void readScopes(const std::string& text, CreateLinkRequest& out) {
  std::vector<std::string> fullAccess, unknown;
  for (const auto& name : text::splitWords(text)) {
    if (name == devops::kFullAccessScope) {
      if (!contains(fullAccess, name)) fullAccess.push_back(name);
    } else if (!devops::isCatalogueScope(name)) {
      if (!contains(unknown, name)) unknown.push_back(name);
    } else if (!contains(out.scopes, name)) {
      out.scopes.push_back(name);
      if (devops::isHighPrivilege(name)) out.highPrivilegeScopes.push_back(name);
    }
  }
  for (const auto& n : fullAccess) out.droppedScopes.push_back(n);
  for (const auto& n : unknown) out.droppedScopes.push_back(n);
  if (!fullAccess.empty()) {
    out.messages.push_back(
        "The link asked for full access (app_token); it was left out: a link cannot ask for "
        "full access.");
  }
  if (!unknown.empty()) {
    out.messages.push_back(
        std::string(unknown.size() == 1 ? "An unknown scope was" : "Unknown scopes were") +
        " left out: " + joinNames(unknown) + ".");
  }
}

void readDays(const std::string& raw, CreateLinkRequest& out) {
  const std::string text = trim(raw);
  if (text.empty()) return;
  const auto value = parseInteger(text);
  if (!value) {
    out.messages.push_back("The link's days value \"" + text +
                           "\" is not a whole number; the usual expiry is kept.");
    return;
  }
  if (*value < kMinLinkDays) {
    out.days = kMinLinkDays;
    out.messages.push_back("The link asked for " + text +
                           " days; a token lasts at least 1 day, so 1 day is filled in.");
  } else if (*value > kMaxLinkDays) {
    out.days = kMaxLinkDays;
    out.messages.push_back("The link asked for " + text +
                           " days; 365 days is the longest, so 365 days is filled in.");
  } else {
    out.days = static_cast<int>(*value);
  }
}

}  // namespace

bool isCreateLinkFragment(std::string_view fragment) {
  if (fragment.substr(0, kPrefix.size()) != kPrefix) return false;
  return fragment.size() == kPrefix.size() || fragment[kPrefix.size()] == '?';
}

std::optional<CreateLinkRequest> parseCreateLink(std::string_view fragment) {
  if (!isCreateLinkFragment(fragment)) return std::nullopt;
  const std::string_view query = fragment.substr(std::min(fragment.size(), kPrefix.size() + 1));
  const SearchParams params = parseSearchParams(query);
  CreateLinkRequest out;
  if (auto name = firstValue(params, "name")) out.name = *name;
  if (auto org = firstValue(params, "org")) {
    const std::string trimmed = trim(*org);
    if (!trimmed.empty()) out.organization = trimmed;
  }
  if (auto scopes = firstValue(params, "scopes")) readScopes(*scopes, out);
  if (auto days = firstValue(params, "days")) readDays(*days, out);
  return out;
}

std::string buildCreateLink(std::string_view pageUrl, const CreateLinkFields& fields) {
  SearchParams params;
  if (!fields.name.empty()) params.emplace_back("name", fields.name);
  if (!fields.organization.empty()) params.emplace_back("org", fields.organization);
  std::string scopes;
  for (const auto& scope : text::splitWords(fields.scope)) {
    if (scope == devops::kFullAccessScope) continue;  // a link cannot carry full access
    if (!scopes.empty()) scopes += ' ';
    scopes += scope;
  }
  if (!scopes.empty()) params.emplace_back("scopes", scopes);
  if (fields.days > 0) params.emplace_back("days", std::to_string(fields.days));
  std::string link = splitUrl(pageUrl).base + "#new";
  if (!params.empty()) link += "?" + serializeSearchParams(params);
  return link;
}

}  // namespace patdesk::links
