#include "core/app/state_json.h"

#include <nlohmann/json.hpp>

#include "core/app/inventory_files.h"
#include "core/app/selectors.h"

namespace patdesk::app {

std::string stateJson(const AppState& s, int64_t nowMs) {
  using nlohmann::json;
  json j;
  j["screen"] = screenName(s.screen);
  j["sandbox"] = s.sandbox;
  // Why the setup screen shows (a config.json problem), or null.
  j["setupProblem"] = s.setupProblem ? json{{"code", s.setupProblem->code},
                                            {"message", s.setupProblem->message},
                                            {"detail", s.setupProblem->detail}}
                                     : json(nullptr);
  j["signedIn"] = s.signedIn;
  j["user"] = s.signedIn ? json{{"name", s.user.name},
                                {"username", s.user.username},
                                {"tenantId", s.user.tenantId}}
                         : json(nullptr);
  json orgs = json::array();
  for (const auto& o : s.organizations) {
    orgs.push_back({{"name", o.name},
                    {"discovered", o.discovered},
                    {"loading", o.loading},
                    {"pagesLoaded", o.pagesLoaded},
                    {"tokensLoaded", o.tokensLoaded},
                    {"error", o.error ? json(o.error->code) : json(nullptr)},
                    {"tenant", o.tenant},
                    {"tenantError", o.tenantError}});
  }
  j["organizations"] = orgs;
  j["selectedOrganization"] = s.selectedOrganization;
  j["filter"] = filterName(s.filter);
  j["search"] = s.search;
  json tokens = json::array();
  // Summaries only: the PatToken.token field (the secret) is never read here.
  for (const auto& row : s.tokens) {
    const auto& p = row.pat;
    tokens.push_back({{"id", p.authorizationId},
                      {"name", p.displayName},
                      {"organization", p.organization},
                      {"scope", p.scope},
                      {"validFrom", p.validFrom},
                      {"validTo", p.validTo},
                      {"global", p.isGlobal()},
                      {"status", statusLabel(p, nowMs)},
                      {"selected", row.selected}});
  }
  j["tokens"] = tokens;
  j["visibleTokenCount"] = visibleRowCount(s, nowMs);
  j["expiringSoonCount"] = expiringSoonRows(s, visibleRows(s, nowMs), nowMs).size();
  j["reminderLeadDays"] = s.reminderLeadDays;
  j["panel"] = panelName(s.panel);
  // The drafts hold nothing secret; tests check that a failure keeps what was typed.
  j["createDraft"] = {{"name", s.createDraft.name},
                      {"organization", s.createDraft.organization},
                      {"expiryPresetDays", s.createDraft.expiryPresetDays},
                      {"customDate", s.createDraft.customDate},
                      {"fullAccess", s.createDraft.fullAccess},
                      {"scope", s.createDraft.scope},
                      {"fromLink", s.createDraft.fromLink},
                      {"linkScopes", s.createDraft.linkScopes},
                      {"linkHighPrivilegeScopes", s.createDraft.linkHighPrivilegeScopes},
                      {"linkMessages", s.createDraft.linkMessages},
                      {"highPrivilegeConfirmed", s.createDraft.highPrivilegeConfirmed},
                      {"recreateOf", s.createDraft.recreateOf}};
  j["panelTokenId"] = s.panelTokenId;
  j["editDraft"] = {{"authorizationId", s.editDraft.authorizationId},
                    {"name", s.editDraft.name},
                    {"scope", s.editDraft.scope},
                    {"extendDays", s.editDraft.extendDays}};
  j["secretShown"] = s.panel == Panel::Secret || s.panel == Panel::ConfirmCloseSecret;
  j["secretCopied"] = s.secretCopied;
  j["notices"] = s.notices;
  j["progressSteps"] = s.progressSteps;
  j["busy"] = s.busy > 0;
  j["busyLabel"] = s.busyLabel;
  // The throttling countdown: when the waiting read is sent again, and the wait in all.
  j["throttle"] = s.throttleRetryAtMs > 0 ? json{{"retryAtMs", s.throttleRetryAtMs},
                                                 {"waitMs", s.throttleWaitMs},
                                                 {"secondsLeft", throttleSecondsLeft(s, nowMs)},
                                                 {"text", throttleText(s, nowMs)}}
                                          : json(nullptr);
  j["lastError"] = s.lastError ? json{{"code", s.lastError->code},
                                      {"message", s.lastError->message},
                                      {"action", s.lastError->action},
                                      {"httpStatus", s.lastError->httpStatus}}
                               : json(nullptr);
  json toasts = json::array();
  for (const auto& t : s.toasts) toasts.push_back(t.text);
  j["toasts"] = toasts;
  j["signInNotice"] = s.signInNotice;
  j["offerMicrosoftSignOut"] = s.offerMicrosoftSignOut;
  j["theme"] = s.darkTheme ? "dark" : "light";
  // Never throw on odd bytes in names: replace invalid UTF-8.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace patdesk::app
