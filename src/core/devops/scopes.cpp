#include "core/devops/scopes.h"
#include "core/text/strings.h"

#include <algorithm>

namespace patdesk::devops {
namespace {

struct Found {
  size_t group;
  int level;
};

std::vector<std::string> splitScopes(const std::string& scope) { return text::splitWords(scope); }

bool find(const std::string& scope, Found& found) {
  const auto& catalogue = scopeCatalogue();
  for (size_t g = 0; g < catalogue.size(); ++g) {
    const auto& levels = catalogue[g].levels;
    for (size_t l = 0; l < levels.size(); ++l) {
      if (levels[l].scope == scope) {
        found = Found{g, static_cast<int>(l)};
        return true;
      }
    }
  }
  return false;
}

void addUnique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

}  // namespace

ScopeSelection parseScopeString(const std::string& scope) {
  ScopeSelection selection;
  const auto& catalogue = scopeCatalogue();
  for (const auto& item : splitScopes(scope)) {
    Found f{};
    if (item == kFullAccessScope) {
      selection.fullAccess = true;
    } else if (find(item, f)) {
      const std::string& key = catalogue[f.group].key;
      auto it = selection.levelByGroup.find(key);
      if (it == selection.levelByGroup.end()) {
        selection.levelByGroup[key] = f.level;
      } else if (it->second != f.level) {
        // A second level of the same group (e.g. vso.gallery_acquire with vso.gallery_publish):
        // the picker holds one level per group, so the extra one is kept verbatim.
        addUnique(selection.unknown, item);
      }
    } else {
      addUnique(selection.unknown, item);
    }
  }
  return selection;
}

std::string toScopeString(const ScopeSelection& selection) {
  std::vector<std::string> parts;
  if (selection.fullAccess) {
    parts.push_back(kFullAccessScope);
  } else {
    for (const auto& group : scopeCatalogue()) {
      auto it = selection.levelByGroup.find(group.key);
      if (it == selection.levelByGroup.end()) continue;
      if (it->second < 0 || it->second >= static_cast<int>(group.levels.size())) continue;
      parts.push_back(group.levels[static_cast<size_t>(it->second)].scope);
    }
  }
  for (const auto& u : selection.unknown) {
    if (u.empty() || std::find(parts.begin(), parts.end(), u) != parts.end()) continue;
    // Full access implies every catalogue scope: like the levels, they are not repeated (a
    // second level of a group lands in `unknown`; keeping it would make the canonical string
    // change when parsed and printed again).
    Found f{};
    if (selection.fullAccess && (u == kFullAccessScope || find(u, f))) continue;
    parts.push_back(u);
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

std::string describeScopes(const std::string& scope) {
  const auto items = splitScopes(scope);
  if (std::find(items.begin(), items.end(), kFullAccessScope) != items.end()) {
    return "Full access";
  }
  const auto& catalogue = scopeCatalogue();
  std::vector<std::vector<int>> levelsByGroup(catalogue.size());
  std::vector<std::string> unknown;
  for (const auto& item : items) {
    Found f{};
    if (find(item, f)) {
      auto& levels = levelsByGroup[f.group];
      if (std::find(levels.begin(), levels.end(), f.level) == levels.end()) {
        levels.push_back(f.level);
      }
    } else {
      addUnique(unknown, item);
    }
  }
  std::string out;
  auto append = [&out](const std::string& part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  for (size_t g = 0; g < catalogue.size(); ++g) {
    auto& levels = levelsByGroup[g];
    if (levels.empty()) continue;
    std::sort(levels.begin(), levels.end());
    std::string labels;
    for (int l : levels) {
      if (!labels.empty()) labels += ", ";
      labels += catalogue[g].levels[static_cast<size_t>(l)].label;
    }
    append(catalogue[g].name + " (" + labels + ")");
  }
  for (const auto& u : unknown) append(u);
  return out.empty() ? "No scopes" : out;
}

std::string labelForScope(const std::string& scope) {
  if (scope == kFullAccessScope) return "Full access";
  Found f{};
  if (!find(scope, f)) return scope;
  const auto& group = scopeCatalogue()[f.group];
  return group.name + ": " + group.levels[static_cast<size_t>(f.level)].label;
}

bool isCatalogueScope(const std::string& scope) {
  Found f{};
  return find(scope, f);
}

bool isHighPrivilege(const std::string& scope) {
  // Also accepts a whole scope string: true when any of its scopes is high-privilege.
  for (const auto& item : splitScopes(scope)) {
    if (item == kFullAccessScope) return true;
    Found f{};
    if (find(item, f) &&
        scopeCatalogue()[f.group].levels[static_cast<size_t>(f.level)].highPrivilege) {
      return true;
    }
  }
  return false;
}

}  // namespace patdesk::devops
