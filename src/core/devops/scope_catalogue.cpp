// The Azure DevOps PAT scopes (vso.*), grouped and labelled as on the Azure DevOps
// "Create a new personal access token" page, with their real scope names.
//
// `common` marks the groups that page shows before "Show all scopes" is chosen.
// `highPrivilege` marks levels that can change security, identities, credentials, pipelines or
// other people's access, or delete/overwrite data wholesale:
//   *_manage / *_full of code, work, project, packaging, release, symbols, build-related
//   resources (agent pools, environments, deployment groups, pipeline resources, secure files,
//   task groups, variable groups, service connections), graph/identity/member entitlement
//   writes, security_manage, tokens, tokenadministration, auditstreams_manage,
//   extension_manage, gallery_publish/manage, advsec_manage, notification_manage;
//   and build_execute / release_execute (a queued run executes code with the project's
//   service connections and secrets).
// Read-only and plain read & write levels are not flagged.
//
// The catalogue is constant data (string literals in a constexpr table), not code that builds
// strings: scopeCatalogue() turns it into ScopeGroups with one small loop on first use.
#include <cstddef>
#include <vector>

#include "core/devops/scopes.h"

namespace patdesk::devops {

namespace {

constexpr bool kHigh = true;
constexpr size_t kMaxLevels = 4;  // the most any group has (Code, Marketplace, Notifications)

struct LevelData {
  const char* scope;
  const char* label;
  bool highPrivilege = false;
};

struct GroupData {
  const char* key;
  const char* name;
  const char* description;
  bool common;
  LevelData levels[kMaxLevels];  // unused slots stay {nullptr, nullptr, false}
};

constexpr GroupData kCatalogue[] = {
    {"advsec",
     "Advanced Security",
     "Alerts and analysis results of Advanced Security",
     false,
     {{"vso.advsec", "Read"},
      {"vso.advsec_write", "Read & write"},
      {"vso.advsec_manage", "Read, write & manage", kHigh}}},
    {"agentpools",
     "Agent Pools",
     "Agent pools, queues, agents and their jobs",
     false,
     {{"vso.agentpools", "Read"}, {"vso.agentpools_manage", "Read & manage", kHigh}}},
    {"analytics", "Analytics", "Query Analytics data", false, {{"vso.analytics", "Read"}}},
    {"auditlog",
     "Auditing",
     "The organization's audit log and audit streams",
     false,
     {{"vso.auditlog", "Read audit log"},
      {"vso.auditstreams_manage", "Manage audit streams", kHigh}}},
    {"build",
     "Build",
     "Build artifacts, definitions, results; queue builds",
     true,
     {{"vso.build", "Read"}, {"vso.build_execute", "Read & execute", kHigh}}},
    {"code",
     "Code",
     "Source code, commits, branches, pull requests and other version control data",
     true,
     {{"vso.code", "Read"},
      {"vso.code_write", "Read & write"},
      {"vso.code_manage", "Read, write & manage", kHigh},
      {"vso.code_full", "Full", kHigh}}},
    {"code_status",
     "Code Status",
     "Read and write commit and pull request status",
     true,
     {{"vso.code_status", "Status"}}},
    {"connected_server",
     "Connected Server",
     "Access endpoints from a connected server",
     false,
     {{"vso.connected_server", "Connected server"}}},
    {"machinegroup",
     "Deployment Groups",
     "Deployment groups and their agents",
     false,
     {{"vso.machinegroup_manage", "Read & manage", kHigh}}},
    {"entitlements",
     "Entitlements",
     "Your licensing entitlements",
     false,
     {{"vso.entitlements", "Read"}}},
    {"environment",
     "Environment",
     "Pipeline environments, with agent pools",
     false,
     {{"vso.environment_manage", "Read & manage", kHigh}}},
    {"extension_data",
     "Extension Data",
     "Data stored by installed extensions",
     false,
     {{"vso.extension.data", "Read"}, {"vso.extension.data_write", "Read & write"}}},
    {"extension",
     "Extensions",
     "Installed extensions",
     false,
     {{"vso.extension", "Read"}, {"vso.extension_manage", "Read & manage", kHigh}}},
    {"graph",
     "Graph",
     "Users, groups, scopes and group membership",
     false,
     {{"vso.graph", "Read"}, {"vso.graph_manage", "Read & manage", kHigh}}},
    {"identity",
     "Identity",
     "Identities and groups",
     false,
     {{"vso.identity", "Read"}, {"vso.identity_manage", "Read & manage", kHigh}}},
    {"loadtest",
     "Load Test",
     "Load test runs, results and APM artifacts",
     false,
     {{"vso.loadtest", "Read"}, {"vso.loadtest_write", "Read & write"}}},
    {"gallery",
     "Marketplace",
     "Visual Studio Marketplace items and publishers",
     false,
     {{"vso.gallery", "Read"},
      {"vso.gallery_acquire", "Acquire"},
      {"vso.gallery_publish", "Publish", kHigh},
      {"vso.gallery_manage", "Manage", kHigh}}},
    {"memberentitlementmanagement",
     "Member Entitlement Management",
     "Users, their licenses and what they can access",
     false,
     {{"vso.memberentitlementmanagement", "Read"},
      {"vso.memberentitlementmanagement_write", "Read & write", kHigh}}},
    {"notification",
     "Notifications",
     "Notification subscriptions and events",
     false,
     {{"vso.notification", "Read"},
      {"vso.notification_write", "Write"},
      {"vso.notification_manage", "Manage", kHigh},
      {"vso.notification_diagnostics", "Diagnostics"}}},
    {"packaging",
     "Packaging",
     "Feeds and packages",
     true,
     {{"vso.packaging", "Read"},
      {"vso.packaging_write", "Read & write"},
      {"vso.packaging_manage", "Read, write & manage", kHigh}}},
    {"pipelineresources",
     "Pipeline Resources",
     "Use and manage pools, secure files, service connections and variable groups in "
     "pipelines",
     false,
     {{"vso.pipelineresources_use", "Use"},
      {"vso.pipelineresources_manage", "Use & manage", kHigh}}},
    {"project",
     "Project and Team",
     "Projects and teams",
     false,
     {{"vso.project", "Read"},
      {"vso.project_write", "Read & write"},
      {"vso.project_manage", "Read, write & manage", kHigh}}},
    {"threads",
     "Pull Request Threads",
     "Pull request comment threads",
     false,
     {{"vso.threads_full", "Read & write"}}},
    {"release",
     "Release",
     "Release definitions, releases and deployments",
     true,
     {{"vso.release", "Read"},
      {"vso.release_execute", "Read, write & execute", kHigh},
      {"vso.release_manage", "Read, write, execute & manage", kHigh}}},
    {"securefiles",
     "Secure Files",
     "Secure files for pipelines",
     false,
     {{"vso.securefiles_read", "Read"},
      {"vso.securefiles_write", "Read & create"},
      {"vso.securefiles_manage", "Read, create & manage", kHigh}}},
    {"security",
     "Security",
     "Security permissions and access control lists",
     false,
     {{"vso.security_manage", "Read & manage", kHigh}}},
    {"serviceendpoint",
     "Service Connections",
     "Service connections (endpoints)",
     false,
     {{"vso.serviceendpoint", "Read"},
      {"vso.serviceendpoint_query", "Read & query"},
      {"vso.serviceendpoint_manage", "Read, query & manage", kHigh}}},
    {"hooks",
     "Service Hooks",
     "Service hook subscriptions and events",
     false,
     {{"vso.hooks", "Read"},
      {"vso.hooks_write", "Read & write"},
      {"vso.hooks_interact", "Interact"}}},
    {"settings",
     "Settings",
     "Project and organization settings",
     false,
     {{"vso.settings", "Read"}, {"vso.settings_write", "Read & write"}}},
    {"symbols",
     "Symbols",
     "Symbols and symbol requests",
     false,
     {{"vso.symbols", "Read"},
      {"vso.symbols_write", "Read & write"},
      {"vso.symbols_manage", "Read, write & manage", kHigh}}},
    {"taskgroups",
     "Task Groups",
     "Task groups of pipelines",
     false,
     {{"vso.taskgroups_read", "Read"},
      {"vso.taskgroups_write", "Read & create"},
      {"vso.taskgroups_manage", "Read, create & manage", kHigh}}},
    {"dashboards",
     "Team Dashboard",
     "Team dashboards and widgets",
     false,
     {{"vso.dashboards", "Read"}, {"vso.dashboards_manage", "Read & manage"}}},
    {"test",
     "Test Management",
     "Test plans, cases, results and other test artifacts",
     true,
     {{"vso.test", "Read"}, {"vso.test_write", "Read & write"}}},
    {"tokenadministration",
     "Token Administration",
     "List and revoke other users' tokens (organization administrators)",
     false,
     {{"vso.tokenadministration", "Read & manage", kHigh}}},
    {"tokens",
     "Tokens",
     "Your personal access tokens and other user tokens",
     false,
     {{"vso.tokens", "Read & manage", kHigh}}},
    {"profile",
     "User Profile",
     "Your profile",
     false,
     {{"vso.profile", "Read"}, {"vso.profile_write", "Read & write"}}},
    {"variablegroups",
     "Variable Groups",
     "Variable groups of pipelines",
     false,
     {{"vso.variablegroups_read", "Read"},
      {"vso.variablegroups_write", "Read & create"},
      {"vso.variablegroups_manage", "Read, create & manage", kHigh}}},
    {"wiki",
     "Wiki",
     "Wikis, wiki pages and attachments",
     false,
     {{"vso.wiki", "Read"}, {"vso.wiki_write", "Read & write"}}},
    {"work",
     "Work Items",
     "Work items, queries, boards, area and iteration paths",
     true,
     {{"vso.work", "Read"},
      {"vso.work_write", "Read & write"},
      {"vso.work_full", "Read, write & manage", kHigh}}},
};

std::vector<ScopeGroup> buildCatalogue() {
  std::vector<ScopeGroup> out;
  out.reserve(sizeof kCatalogue / sizeof kCatalogue[0]);
  for (const GroupData& data : kCatalogue) {
    ScopeGroup& g = out.emplace_back();
    g.key = data.key;
    g.name = data.name;
    g.description = data.description;
    g.common = data.common;
    for (const LevelData& level : data.levels) {
      if (!level.scope) break;
      g.levels.push_back({level.scope, level.label, level.highPrivilege});
    }
  }
  return out;
}

}  // namespace

const std::vector<ScopeGroup>& scopeCatalogue() {
  static const std::vector<ScopeGroup> catalogue = buildCatalogue();
  return catalogue;
}

}  // namespace patdesk::devops
