// Scopes accepted by the PAT APIs. Unknown scope names are rejected with patTokenError invalidScope.
export const KNOWN_SCOPES = new Set(`app_token
vso.advsec vso.advsec_write vso.advsec_manage vso.agentpools vso.agentpools_manage vso.analytics vso.auditlog
vso.auditstreams_manage vso.build vso.build_execute vso.code vso.code_write vso.code_manage vso.code_full vso.code_status
vso.connected_server vso.dashboards vso.dashboards_manage vso.entitlements vso.environment_manage vso.extension
vso.extension_manage vso.extension.data vso.extension.data_write vso.gallery vso.gallery_acquire vso.gallery_publish
vso.gallery_manage vso.graph vso.graph_manage vso.identity vso.identity_manage vso.machinegroup_manage
vso.memberentitlementmanagement vso.memberentitlementmanagement_write vso.notification vso.notification_write
vso.notification_manage vso.notification_diagnostics vso.packaging vso.packaging_write vso.packaging_manage vso.pats
vso.pats_manage vso.pipelineresources_use vso.pipelineresources_manage vso.profile vso.profile_write vso.project
vso.project_write vso.project_manage vso.release vso.release_execute vso.release_manage vso.secure_files_read
vso.secure_files_write vso.secure_files_manage vso.security_manage vso.serviceendpoint vso.serviceendpoint_query
vso.serviceendpoint_manage vso.settings vso.settings_write vso.symbols vso.symbols_write vso.symbols_manage
vso.taskgroups_read vso.taskgroups_write vso.taskgroups_manage vso.test vso.test_write vso.threads_full vso.tokens
vso.tokenadministration vso.variablegroups_read vso.variablegroups_write vso.variablegroups_manage vso.wiki
vso.wiki_write vso.work vso.work_write vso.work_full`.split(/\s+/));

// Space-separated list; every entry known, no empties.
export function parseScopes(scope) {
  if (typeof scope !== 'string' || !scope.trim()) return null;
  const list = scope.trim().split(/\s+/);
  return list.every((s) => KNOWN_SCOPES.has(s)) ? list : null;
}
