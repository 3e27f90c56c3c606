#include "core/app/return_to.h"

#include <nlohmann/json.hpp>

namespace patdesk::app {

std::string encodeReturnTo(const AppState& s) {
  const CreateDraft& d = s.createDraft;
  const bool drafting = s.panel == Panel::Create || !d.name.empty() || !d.scope.empty();
  if (!drafting) return {};
  nlohmann::json j = {{"panel", "create"},
                      {"name", d.name},
                      {"organization", d.organization},
                      {"expiryPresetDays", d.expiryPresetDays},
                      {"customDate", d.customDate},
                      {"fullAccess", d.fullAccess},
                      {"scope", d.scope}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void restoreReturnTo(const std::string& returnTo, AppState& s) {
  if (returnTo.empty()) return;
  const auto j = nlohmann::json::parse(returnTo, nullptr, false);
  if (!j.is_object() || j.value("panel", "") != "create") return;
  auto text = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  CreateDraft d;
  d.name = text("name");
  d.organization = text("organization");
  d.customDate = text("customDate");
  d.scope = text("scope");
  auto days = j.find("expiryPresetDays");
  if (days != j.end() && days->is_number_integer()) d.expiryPresetDays = days->get<int>();
  auto full = j.find("fullAccess");
  if (full != j.end() && full->is_boolean()) d.fullAccess = full->get<bool>();
  s.createDraft = d;
  s.panel = Panel::Create;
}

}  // namespace patdesk::app
