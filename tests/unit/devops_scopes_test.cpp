#include <doctest/doctest.h>

#include <set>

#include "core/devops/scopes.h"

using namespace patdesk::devops;

TEST_CASE("every catalogue scope round-trips through a selection back to the same string") {
  int scopes = 0;
  for (const auto& group : scopeCatalogue()) {
    for (size_t i = 0; i < group.levels.size(); ++i) {
      const std::string& scope = group.levels[i].scope;
      CAPTURE(scope);
      const ScopeSelection sel = parseScopeString(scope);
      CHECK_FALSE(sel.fullAccess);
      CHECK(sel.unknown.empty());
      REQUIRE(sel.levelByGroup.size() == 1);  // a level implies nothing else
      CHECK(sel.levelByGroup.at(group.key) == static_cast<int>(i));
      CHECK(toScopeString(sel) == scope);
      CHECK(labelForScope(scope) == group.name + ": " + group.levels[i].label);
      ++scopes;
    }
  }
  CHECK(scopes >= 80);
}

TEST_CASE("the catalogue is well formed and names the scopes Azure DevOps defines") {
  std::set<std::string> keys, names, all;
  for (const auto& g : scopeCatalogue()) {
    CAPTURE(g.key);
    CHECK(keys.insert(g.key).second);
    CHECK(names.insert(g.name).second);
    CHECK_FALSE(g.description.empty());
    CHECK_FALSE(g.levels.empty());
    for (const auto& l : g.levels) {
      CHECK(l.scope.rfind("vso.", 0) == 0);
      CHECK_FALSE(l.label.empty());
      CHECK(all.insert(l.scope).second);
    }
  }
  for (const char* s : {"vso.agentpools",
                        "vso.agentpools_manage",
                        "vso.analytics",
                        "vso.auditlog",
                        "vso.auditstreams_manage",
                        "vso.build",
                        "vso.build_execute",
                        "vso.code",
                        "vso.code_write",
                        "vso.code_manage",
                        "vso.code_full",
                        "vso.code_status",
                        "vso.connected_server",
                        "vso.entitlements",
                        "vso.extension",
                        "vso.extension_manage",
                        "vso.extension.data",
                        "vso.extension.data_write",
                        "vso.graph",
                        "vso.graph_manage",
                        "vso.identity",
                        "vso.identity_manage",
                        "vso.loadtest",
                        "vso.loadtest_write",
                        "vso.machinegroup_manage",
                        "vso.memberentitlementmanagement",
                        "vso.memberentitlementmanagement_write",
                        "vso.notification",
                        "vso.notification_write",
                        "vso.notification_manage",
                        "vso.notification_diagnostics",
                        "vso.packaging",
                        "vso.packaging_write",
                        "vso.packaging_manage",
                        "vso.project",
                        "vso.project_write",
                        "vso.project_manage",
                        "vso.release",
                        "vso.release_execute",
                        "vso.release_manage",
                        "vso.securefiles_read",
                        "vso.securefiles_write",
                        "vso.securefiles_manage",
                        "vso.security_manage",
                        "vso.serviceendpoint",
                        "vso.serviceendpoint_query",
                        "vso.serviceendpoint_manage",
                        "vso.symbols",
                        "vso.symbols_write",
                        "vso.symbols_manage",
                        "vso.taskgroups_read",
                        "vso.taskgroups_write",
                        "vso.taskgroups_manage",
                        "vso.test",
                        "vso.test_write",
                        "vso.threads_full",
                        "vso.tokens",
                        "vso.tokenadministration",
                        "vso.variablegroups_read",
                        "vso.variablegroups_write",
                        "vso.variablegroups_manage",
                        "vso.wiki",
                        "vso.wiki_write",
                        "vso.work",
                        "vso.work_write",
                        "vso.work_full",
                        "vso.profile",
                        "vso.profile_write",
                        "vso.environment_manage",
                        "vso.hooks",
                        "vso.hooks_write",
                        "vso.hooks_interact",
                        "vso.advsec",
                        "vso.advsec_write",
                        "vso.advsec_manage",
                        "vso.pipelineresources_use",
                        "vso.pipelineresources_manage",
                        "vso.dashboards",
                        "vso.dashboards_manage",
                        "vso.settings",
                        "vso.settings_write",
                        "vso.gallery",
                        "vso.gallery_acquire",
                        "vso.gallery_publish",
                        "vso.gallery_manage"}) {
    CAPTURE(s);
    CHECK(all.count(s) == 1);
  }
  for (const char* n : {"Agent Pools",
                        "Analytics",
                        "Auditing",
                        "Build",
                        "Code",
                        "Connected Server",
                        "Entitlements",
                        "Extension Data",
                        "Extensions",
                        "Graph",
                        "Identity",
                        "Load Test",
                        "Marketplace",
                        "Member Entitlement Management",
                        "Notifications",
                        "Packaging",
                        "Pipeline Resources",
                        "Project and Team",
                        "Release",
                        "Secure Files",
                        "Security",
                        "Service Connections",
                        "Symbols",
                        "Task Groups",
                        "Team Dashboard",
                        "Test Management",
                        "Tokens",
                        "User Profile",
                        "Variable Groups",
                        "Wiki",
                        "Work Items"}) {
    CAPTURE(n);
    CHECK(names.count(n) == 1);
  }
}

TEST_CASE("the common groups are the ones shown before Show all scopes") {
  std::set<std::string> common;
  for (const auto& g : scopeCatalogue()) {
    if (g.common) common.insert(g.key);
  }
  CHECK(common == std::set<std::string>{"build", "code", "code_status", "packaging", "release",
                                        "test", "work"});
}

TEST_CASE("high-privilege scopes are flagged and ordinary ones are not") {
  for (const char* s :
       {"app_token", "vso.code_full", "vso.code_manage", "vso.project_manage",
        "vso.security_manage", "vso.tokens", "vso.tokenadministration", "vso.identity_manage",
        "vso.graph_manage", "vso.memberentitlementmanagement_write", "vso.serviceendpoint_manage",
        "vso.packaging_manage", "vso.build_execute", "vso.work_full"}) {
    CAPTURE(s);
    CHECK(isHighPrivilege(s));
  }
  for (const char* s : {"vso.code", "vso.code_write", "vso.work", "vso.work_write", "vso.build",
                        "vso.packaging", "vso.profile", "vso.unknown_thing", ""}) {
    CAPTURE(s);
    CHECK_FALSE(isHighPrivilege(s));
  }
  CHECK(isHighPrivilege("vso.work vso.code_full"));
}

TEST_CASE("full access and several groups convert to a canonical string") {
  const auto full = parseScopeString("app_token");
  CHECK(full.fullAccess);
  CHECK(full.levelByGroup.empty());
  CHECK(toScopeString(full) == "app_token");

  const auto sel = parseScopeString("  vso.work_write\tvso.code vso.build_execute vso.code  ");
  CHECK(sel.levelByGroup.size() == 3);
  CHECK(toScopeString(sel) == "vso.build_execute vso.code vso.work_write");

  ScopeSelection empty;
  CHECK(toScopeString(empty).empty());
  ScopeSelection outOfRange;
  outOfRange.levelByGroup["code"] = 99;
  CHECK(toScopeString(outOfRange).empty());
}

TEST_CASE("unknown scopes are kept verbatim and reappear in the scope string") {
  const auto sel =
      parseScopeString("vso.code vso.brand_new_thing vso.drop_write vso.brand_new_thing");
  CHECK(sel.unknown == std::vector<std::string>{"vso.brand_new_thing", "vso.drop_write"});
  CHECK(toScopeString(sel) == "vso.code vso.brand_new_thing vso.drop_write");
  CHECK(labelForScope("vso.brand_new_thing") == "vso.brand_new_thing");
  // A second level of one group is kept too, so nothing is lost.
  const auto two = parseScopeString("vso.gallery_acquire vso.gallery_publish");
  CHECK(toScopeString(two) == "vso.gallery_acquire vso.gallery_publish");
  const auto withFull = parseScopeString("app_token vso.custom");
  CHECK(toScopeString(withFull) == "app_token vso.custom");
}

TEST_CASE("scopes are described in short form for tables") {
  CHECK(describeScopes("app_token") == "Full access");
  CHECK(describeScopes("vso.work vso.code_write") == "Code (Read & write), Work Items (Read)");
  CHECK(describeScopes("vso.code_write vso.code_status vso.x") ==
        "Code (Read & write), Code Status (Status), vso.x");
  CHECK(describeScopes("vso.gallery_publish vso.gallery") == "Marketplace (Read, Publish)");
  CHECK(describeScopes("") == "No scopes");
  CHECK(labelForScope("app_token") == "Full access");
  CHECK(labelForScope("vso.work_full") == "Work Items: Read, write & manage");
}
