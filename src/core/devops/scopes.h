// Catalogue of Azure DevOps PAT scopes and conversion between a scope string
// ("vso.code_write vso.work") and the create form's picker state.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace patdesk::devops {

inline constexpr const char* kFullAccessScope = "app_token";

struct ScopeLevel {
  std::string scope;           // e.g. "vso.code_write"
  std::string label;           // e.g. "Read & write"
  bool highPrivilege = false;  // e.g. vso.code_full, vso.project_manage
};

struct ScopeGroup {
  std::string key;                 // stable, e.g. "code"
  std::string name;                // e.g. "Code"
  std::string description;         // one line
  bool common = true;              // false = only shown with "Show all scopes"
  std::vector<ScopeLevel> levels;  // ordered from least to most privilege (None is implicit)
};

const std::vector<ScopeGroup>& scopeCatalogue();

struct ScopeSelection {
  bool fullAccess = false;
  std::map<std::string, int> levelByGroup;  // group key -> index into levels; absent = None
  std::vector<std::string> unknown;         // scopes not in the catalogue, kept verbatim
};

ScopeSelection parseScopeString(const std::string& scope);
std::string toScopeString(const ScopeSelection& selection);  // canonical, stable order
// Short form for tables, e.g. "Code (Read & write), Work Items (Read)" or "Full access".
std::string describeScopes(const std::string& scope);
// Label for one scope, e.g. "Code: Read & write"; the scope itself when unknown.
std::string labelForScope(const std::string& scope);
bool isHighPrivilege(const std::string& scope);
// True when `scope` is one level of the catalogue (app_token is not: it is no group's level).
bool isCatalogueScope(const std::string& scope);

}  // namespace patdesk::devops
