// Inventory: which organizations there are (discovery plus the ones typed in), the token
// rows listed from each (paged, superseded lists ignored), the row index, the filter, sort,
// search and selection, and the organization a new token goes to by default.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/app/app_context.h"
#include "core/app/intents.h"
#include "core/app/organization_tenants.h"

namespace patdesk::app {

class Inventory {
 public:
  explicit Inventory(AppContext& ctx) : ctx_(ctx) {}

  // Signed in: discover the organizations, then list every one's tokens.
  void discover();
  // Forgets everything session-bound (sign-out); the state itself is reset by the Session.
  void forget();
  // The session's requests were dropped: nothing is loading any more.
  void stopLoading();

  void selectOrganization(const intent::SelectOrganization& i);
  void addOrganization(const intent::AddOrganization& i);
  void setOrganizationTenant(const intent::SetOrganizationTenant& i);
  // Guest organizations: the tenant to get a token from for an organization ("" = the
  // signed-in one), and one a refusal named (remembered, shown, used from now on).
  std::string tenantOf(const std::string& organization);
  void learnTenant(const std::string& organization, const std::string& tenant);
  void refresh(const intent::Refresh&);
  void setFilter(const intent::SetFilter& i);
  void setSort(const intent::SetSort& i);
  void setSearch(const intent::ChangeSearch& i);
  void toggleRow(const intent::ToggleRow& i);
  void selectAllVisible(const intent::SelectAllVisible& i);
  // Reads waiting out a 429 (the countdown): send them now, or give up.
  void retryThrottledNow(const intent::RetryThrottledNow&);
  void cancelThrottled(const intent::CancelThrottled&);
  // The client's throttle listener: the countdown in the state follows it.
  void onThrottle(const devops::ThrottleStatus& status);

  // Fills the create draft's organization when it has none: the one being viewed, else the
  // configured default, else the first known. The only place that choice is made.
  void chooseDefaultOrganization();

  // Rows. A created, read-back or updated token replaces its row (keeping its selection).
  TokenRow* findRow(const std::string& id);
  void addOrReplaceRow(devops::PatToken pat);
  void markRevoked(const std::string& id);
  // Rows after filter, search and sort (indices into state.tokens).
  std::vector<size_t> visibleRows() const;

 private:
  struct ListInFlight {
    int id = 0;
    StatusFilter filter = StatusFilter::Active;
  };

  OrganizationView* findOrganization(const std::string& name);
  void organizationsKnown();
  void listAll();
  void listOrganization(const std::string& name);
  void clearSelection();
  void rowsChanged() { ++ctx_.state.tokensRevision; }
  void selectionChanged() { ++ctx_.state.selectionRevision; }

  AppContext& ctx_;
  OrganizationTenants tenants_{ctx_.platform.session};
  bool discovered_ = false;    // organization discovery (profile + accounts) succeeded
  std::string lastToggledId_;  // anchor for shift-click range selection
  // The latest list request per organization; answers to older ones are ignored.
  std::map<std::string, ListInFlight> lists_;
};

}  // namespace patdesk::app
