#include "core/app/create_link_flow.h"

#include <algorithm>

#include "core/app/selectors.h"
#include "core/devops/scopes.h"

namespace patdesk::app {
namespace {

constexpr int64_t kDayMs = 86400000;

bool hasScope(const std::string& scopeString, const std::string& scope) {
  size_t start = 0;
  while (start <= scopeString.size()) {
    size_t end = scopeString.find(' ', start);
    if (end == std::string::npos) end = scopeString.size();
    if (scopeString.compare(start, end - start, scope) == 0) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

void applyCreateLink(const links::CreateLinkRequest& link, AppState& state) {
  CreateDraft draft;
  draft.name = link.name.value_or("");
  draft.organization = link.organization.value_or("");
  draft.linkOrganizationPending = link.organization.has_value();
  if (link.days) draft.expiryPresetDays = *link.days;
  std::string scope;
  for (const auto& s : link.scopes) scope += (scope.empty() ? "" : " ") + s;
  // Canonical order, as the picker writes it; a second level of one group is kept verbatim.
  draft.scope = devops::toScopeString(devops::parseScopeString(scope));
  draft.fromLink = true;
  draft.linkScopes = link.scopes;
  draft.linkHighPrivilegeScopes = link.highPrivilegeScopes;
  draft.linkMessages = link.messages;
  state.createDraft = draft;
  state.panel = Panel::Create;
  // Signed in already (the address changed in an open tab): check the organization now.
  if (!state.organizations.empty() && !state.organizationsLoading) checkLinkOrganization(state);
}

void checkLinkOrganization(AppState& state) {
  CreateDraft& draft = state.createDraft;
  if (!draft.linkOrganizationPending) return;
  draft.linkOrganizationPending = false;
  const auto& orgs = state.organizations;
  const bool member = std::any_of(orgs.begin(), orgs.end(), [&](const OrganizationView& o) {
    return o.name == draft.organization;
  });
  if (member) return;
  const std::string first = orgs.empty() ? std::string() : orgs.front().name;
  std::string message = "The link asked for the organization \"" + draft.organization +
                        "\", which you do not belong to";
  message += first.empty() ? "; choose an organization." : "; " + first + " is chosen instead.";
  draft.linkMessages.push_back(message);
  draft.organization = first;
}

std::vector<std::string> pendingHighPrivilegeScopes(const CreateDraft& draft) {
  std::vector<std::string> out;
  if (draft.fullAccess) return out;
  for (const auto& s : draft.linkHighPrivilegeScopes) {
    if (hasScope(draft.scope, s)) out.push_back(s);
  }
  return out;
}

std::string createLinkForDraft(const CreateDraft& draft, const std::string& pageUrl,
                               int64_t nowMs) {
  links::CreateLinkFields fields;
  fields.name = draft.name;
  fields.organization = trimmedName(draft.organization);
  fields.scope = draft.fullAccess ? std::string() : draft.scope;
  if (draft.expiryPresetDays > 0) {
    fields.days = draft.expiryPresetDays;
  } else if (const int64_t expiry = requestedExpiryMs(draft, nowMs); expiry > nowMs) {
    // A custom date: the whole days from now to the end of that day, within the link's range.
    const int64_t days = (expiry - nowMs + kDayMs - 1) / kDayMs;
    fields.days =
        static_cast<int>(std::clamp<int64_t>(days, links::kMinLinkDays, links::kMaxLinkDays));
  }
  return links::buildCreateLink(pageUrl, fields);
}

void clearLinkPrefill(CreateDraft& draft) {
  draft.fromLink = false;
  draft.linkScopes.clear();
  draft.linkHighPrivilegeScopes.clear();
  draft.linkMessages.clear();
  draft.highPrivilegeConfirmed = false;
  draft.linkOrganizationPending = false;
}

}  // namespace patdesk::app
