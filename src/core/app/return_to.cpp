#include "core/app/return_to.h"

#include <nlohmann/json.hpp>

namespace patdesk::app {
namespace {

nlohmann::json strings(const std::vector<std::string>& list) { return list; }

std::vector<std::string> stringsAt(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

std::string encodeReturnTo(const AppState& s) {
  const CreateDraft& d = s.createDraft;
  const bool drafting = s.panel == Panel::Create || !d.name.empty() || !d.scope.empty();
  nlohmann::json j = nlohmann::json::object();
  if (drafting) {
    j = {{"panel", "create"},
         {"name", d.name},
         {"organization", d.organization},
         {"expiryPresetDays", d.expiryPresetDays},
         {"customDate", d.customDate},
         {"fullAccess", d.fullAccess},
         {"scope", d.scope}};
    if (d.fromLink) {
      // A create link's banner, highlights and messages come back with the draft.
      j["link"] = {{"scopes", strings(d.linkScopes)},
                   {"highPrivilegeScopes", strings(d.linkHighPrivilegeScopes)},
                   {"messages", strings(d.linkMessages)},
                   {"confirmed", d.highPrivilegeConfirmed},
                   {"organizationPending", d.linkOrganizationPending}};
    }
  }
  // A link back to one token (#token?id=…) opened signed out searches for it after sign-in.
  if (!s.search.empty()) j["search"] = s.search;
  if (j.empty()) return {};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void restoreReturnTo(const std::string& returnTo, AppState& s) {
  if (returnTo.empty()) return;
  const auto j = nlohmann::json::parse(returnTo, nullptr, false);
  if (!j.is_object()) return;
  auto text = [&](const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto flag = [&](const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_boolean() && it->get<bool>();
  };
  if (j.contains("search")) s.search = text(j, "search");
  if (j.value("panel", "") != "create") return;
  CreateDraft d;
  d.name = text(j, "name");
  d.organization = text(j, "organization");
  d.customDate = text(j, "customDate");
  d.scope = text(j, "scope");
  auto days = j.find("expiryPresetDays");
  if (days != j.end() && days->is_number_integer()) d.expiryPresetDays = days->get<int>();
  d.fullAccess = flag(j, "fullAccess");
  auto link = j.find("link");
  if (link != j.end() && link->is_object()) {
    d.fromLink = true;
    d.linkScopes = stringsAt(*link, "scopes");
    d.linkHighPrivilegeScopes = stringsAt(*link, "highPrivilegeScopes");
    d.linkMessages = stringsAt(*link, "messages");
    d.highPrivilegeConfirmed = flag(*link, "confirmed");
    d.linkOrganizationPending = flag(*link, "organizationPending");
  }
  s.createDraft = d;
  s.panel = Panel::Create;
}

}  // namespace patdesk::app
