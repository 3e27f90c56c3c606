#include "core/app/inventory.h"

#include <algorithm>

#include "core/app/create_link_flow.h"
#include "core/app/selectors.h"
#include "core/devops/resource_tenant.h"
#include "core/error_codes.h"
#include "core/text/secure_wipe.h"

namespace patdesk::app {

namespace {

devops::DisplayFilter toApiFilter(StatusFilter f) {
  switch (f) {
    case StatusFilter::Active:
      return devops::DisplayFilter::Active;
    case StatusFilter::Expired:
      return devops::DisplayFilter::Expired;
    case StatusFilter::Revoked:
      return devops::DisplayFilter::Revoked;
    case StatusFilter::All:
      return devops::DisplayFilter::All;
  }
  return devops::DisplayFilter::Active;
}

OrganizationView organizationView(const std::string& name, bool discovered,
                                  OrganizationTenants& tenants) {
  OrganizationView view;
  view.name = name;
  view.discovered = discovered;
  view.tenant = tenants.tenantOf(name);  // remembered for this tab
  return view;
}

}  // namespace

// ---- discovery

void Inventory::discover() {
  AppState& s = ctx_.state;
  s.organizationsLoading = true;
  ctx_.feedback.beginBusy("Finding your organizations…");
  ctx_.devops->getProfile(ctx_.guard([this](Result<devops::Profile> profile) {
    AppState& s = ctx_.state;
    if (!profile) {
      ctx_.feedback.endBusy();
      s.organizationsLoading = false;
      ctx_.feedback.fail(profile.error());
      organizationsKnown();  // the configured organization still works without a profile
      return;
    }
    s.profileId = profile.value().id;
    ctx_.devops->listOrganizations(
        profile.value().id, ctx_.guard([this](Result<std::vector<devops::Organization>> orgs) {
          AppState& s = ctx_.state;
          ctx_.feedback.endBusy();
          s.organizationsLoading = false;
          if (!orgs) {
            ctx_.feedback.fail(orgs.error());
          } else {
            discovered_ = true;
            for (const auto& o : orgs.value()) {
              if (!findOrganization(o.name))
                s.organizations.push_back(organizationView(o.name, true, tenants_));
            }
          }
          organizationsKnown();
        }));
  }));
}

// Discovery is over (or failed): add the configured organization and list tokens.
void Inventory::organizationsKnown() {
  AppState& s = ctx_.state;
  const std::string& configured = ctx_.config.defaultOrganization;
  if (!configured.empty() && !findOrganization(configured))
    s.organizations.push_back(organizationView(configured, false, tenants_));
  checkLinkOrganization(s);
  chooseDefaultOrganization();
  listAll();
}

void Inventory::chooseDefaultOrganization() {
  AppState& s = ctx_.state;
  if (!s.createDraft.organization.empty()) return;
  if (!s.selectedOrganization.empty()) {
    s.createDraft.organization = s.selectedOrganization;
  } else if (!ctx_.config.defaultOrganization.empty()) {
    s.createDraft.organization = ctx_.config.defaultOrganization;
  } else if (!s.organizations.empty()) {
    s.createDraft.organization = s.organizations.front().name;
  }
}

void Inventory::forget() {
  discovered_ = false;
  tenants_.clear();
  lastToggledId_.clear();
  lists_.clear();
}

void Inventory::stopLoading() {
  AppState& s = ctx_.state;
  s.organizationsLoading = false;
  for (auto& o : s.organizations) o.loading = false;
}

OrganizationView* Inventory::findOrganization(const std::string& name) {
  for (auto& o : ctx_.state.organizations) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

// ---- lists

void Inventory::listAll() {
  if (!ctx_.devops) return;
  for (auto& org : ctx_.state.organizations) {
    const std::string& selected = ctx_.state.selectedOrganization;
    if (!selected.empty() && org.name != selected) continue;
    listOrganization(org.name);
  }
}

void Inventory::listOrganization(const std::string& name) {
  AppState& s = ctx_.state;
  OrganizationView* org = findOrganization(name);
  if (!org || !ctx_.devops) return;
  ListInFlight& current = lists_[name];
  if (org->loading) {
    if (current.filter == s.filter) return;  // the list on its way is the one wanted
    // The filter changed meanwhile: that list answers the wrong question. Drop it.
    ctx_.feedback.endBusy();
  }
  const int listId = ++current.id;
  current.filter = s.filter;
  org->loading = true;
  org->pagesLoaded = 0;
  org->tokensLoaded = 0;
  org->error.reset();
  // Replace this organization's rows with what the server says now.
  auto& rows = s.tokens;
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [&](const TokenRow& r) { return r.pat.organization == name; }),
             rows.end());
  s.tokenIndex.clear();  // rebuilt on the next lookup
  rowsChanged();
  ctx_.feedback.beginBusy("Loading tokens…");
  devops::ListQuery query;
  query.filter = toApiFilter(s.filter);
  ctx_.devops->listPats(
      name, query,
      ctx_.guard([this, name, listId](std::vector<devops::PatToken> page, int pageNumber) {
        OrganizationView* o = findOrganization(name);
        if (!o || lists_[name].id != listId) return;
        o->pagesLoaded = pageNumber;
        o->tokensLoaded += static_cast<int>(page.size());
        for (auto& pat : page) addOrReplaceRow(std::move(pat));
      }),
      ctx_.guard([this, name, listId](Status status) {
        if (lists_[name].id != listId) return;  // superseded: its busy count is gone already
        ctx_.feedback.endBusy();
        OrganizationView* o = findOrganization(name);
        if (!o) return;
        o->loading = false;
        if (!status) {
          o->error = status.error();
          ctx_.feedback.fail(status.error());
        }
      }));
}

// ---- rows

TokenRow* Inventory::findRow(const std::string& id) { return app::findRow(ctx_.state, id); }

void Inventory::addOrReplaceRow(devops::PatToken pat) {
  AppState& s = ctx_.state;
  secureWipe(pat.token);
  rowsChanged();
  if (TokenRow* row = findRow(pat.authorizationId)) {
    const bool selected = row->selected;
    *row = TokenRow{std::move(pat), selected};
  } else {
    s.tokenIndex.add(pat.authorizationId, s.tokens.size());
    s.tokens.push_back(TokenRow{std::move(pat), false});
  }
}

void Inventory::markRevoked(const std::string& id) {
  if (TokenRow* row = findRow(id)) {
    row->pat.revoked = true;
    row->selected = false;
    rowsChanged();
    selectionChanged();
  }
}

std::vector<size_t> Inventory::visibleRows() const {
  return app::visibleRows(ctx_.state, ctx_.now());
}

void Inventory::clearSelection() {
  for (auto& r : ctx_.state.tokens) r.selected = false;
  selectionChanged();
}

// ---- intents

void Inventory::selectOrganization(const intent::SelectOrganization& i) {
  AppState& s = ctx_.state;
  s.selectedOrganization = i.name;
  clearSelection();
  if (!i.name.empty()) s.createDraft.organization = i.name;
}

void Inventory::addOrganization(const intent::AddOrganization& i) {
  AppState& s = ctx_.state;
  const std::string name = trimmedName(i.name);
  if (name.empty()) return;
  // "." and ".." would become dot segments that the browser's URL parser removes
  // (even as %2E%2E), sending the request to another path: refuse them.
  if (name == "." || name == "..") {
    ctx_.feedback.fail(makeError(errc::kDevopsBadOrganizationName,
                                 "\"" + name + "\" is not an organization name.",
                                 "Type the name as it appears in dev.azure.com/<name>."));
    return;
  }
  if (!findOrganization(name)) s.organizations.push_back(organizationView(name, false, tenants_));
  s.selectedOrganization = name;
  s.createDraft.organization = name;
  listOrganization(name);
}

std::string Inventory::tenantOf(const std::string& organization) {
  return tenants_.tenantOf(organization);
}

void Inventory::learnTenant(const std::string& organization, const std::string& tenant) {
  tenants_.set(organization, tenant);
  if (OrganizationView* org = findOrganization(organization)) {
    org->tenant = tenant;
    org->tenantError.clear();
  }
}

void Inventory::setOrganizationTenant(const intent::SetOrganizationTenant& i) {
  OrganizationView* org = findOrganization(i.organization);
  if (!org) return;
  const std::string tenant = devops::normalizeOrganizationTenant(i.typed);
  if (tenant.empty()) {
    // Said under the field; what was typed stays there to be corrected.
    org->tenantError = badTenantSentence(i.typed);
    return;
  }
  learnTenant(org->name, tenant);
  ctx_.feedback.dismissError();
  listOrganization(org->name);
}

void Inventory::refresh(const intent::Refresh&) {
  ctx_.feedback.dismissError();
  // When discovery itself failed there is nothing to list yet: discover again.
  if (!discovered_ && !ctx_.state.organizationsLoading && ctx_.devops) {
    discover();
  } else {
    listAll();
  }
}

void Inventory::setFilter(const intent::SetFilter& i) {
  AppState& s = ctx_.state;
  if (s.filter == i.filter) return;
  s.filter = i.filter;
  clearSelection();
  listAll();
}

void Inventory::setSort(const intent::SetSort& i) {
  ctx_.state.sortColumn = i.column;
  ctx_.state.sortAscending = i.ascending;
}

void Inventory::setSearch(const intent::ChangeSearch& i) { ctx_.state.search = i.text; }

void Inventory::toggleRow(const intent::ToggleRow& i) {
  AppState& s = ctx_.state;
  TokenRow* row = findRow(i.authorizationId);
  if (!row) return;
  const bool target = !row->selected;
  if (i.shiftRange && !lastToggledId_.empty()) {
    const std::vector<size_t> rows = visibleRows();
    int a = -1, b = -1;
    for (size_t k = 0; k < rows.size(); ++k) {
      const auto& id = s.tokens[rows[k]].pat.authorizationId;
      if (id == lastToggledId_) a = static_cast<int>(k);
      if (id == i.authorizationId) b = static_cast<int>(k);
    }
    if (a >= 0 && b >= 0) {
      for (int k = std::min(a, b); k <= std::max(a, b); ++k) s.tokens[rows[k]].selected = target;
    }
  }
  row->selected = target;
  lastToggledId_ = i.authorizationId;
  selectionChanged();
}

void Inventory::selectAllVisible(const intent::SelectAllVisible& i) {
  for (size_t k : visibleRows()) ctx_.state.tokens[k].selected = i.selected;
  selectionChanged();
}

void Inventory::retryThrottledNow(const intent::RetryThrottledNow&) {
  if (ctx_.devops) ctx_.devops->retryThrottledNow();
}

void Inventory::cancelThrottled(const intent::CancelThrottled&) {
  if (ctx_.devops) ctx_.devops->cancelThrottled();
}

void Inventory::onThrottle(const devops::ThrottleStatus& status) {
  ctx_.state.throttleRetryAtMs = status.waiting ? status.retryAtMs : 0;
  ctx_.state.throttleWaitMs = status.waiting ? status.waitMs : 0;
}

}  // namespace patdesk::app
