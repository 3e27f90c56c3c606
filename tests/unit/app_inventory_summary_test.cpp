// The main screen's whole-inventory counts and their cache.
#include <doctest/doctest.h>

#include "core/app/inventory_summary.h"

using namespace patdesk;
using namespace patdesk::app;

namespace {

constexpr int64_t kNow = 1735732800000;  // 2025-01-01T12:00:00Z
constexpr int64_t kDay = 86400000;

TokenRow row(const std::string& id, const std::string& org, int64_t validToMs, bool global,
             bool revoked = false) {
  TokenRow r;
  r.pat.authorizationId = id;
  r.pat.organization = org;
  r.pat.validToMs = validToMs;
  r.pat.revoked = revoked;
  if (!global) r.pat.targetAccounts = std::vector<std::string>{org};
  return r;
}

}  // namespace

TEST_CASE("the inventory summary counts active global tokens and weekly expiries") {
  AppState s;
  s.tokens = {row("a", "x", kNow + 2 * kDay, true), row("b", "y", kNow + 9 * kDay, false),
              row("c", "x", kNow - kDay, true), row("d", "x", kNow + kDay, true, true)};
  const InventorySummary all = summarizeInventory(s, kNow, 13);
  CHECK(all.activeGlobalTokens == 1);  // c expired, d revoked
  CHECK(all.anyUpcomingExpiry);
  REQUIRE(all.expiriesPerWeek.size() == 13);
  CHECK(all.expiriesPerWeek[0] == 1);
  CHECK(all.expiriesPerWeek[1] == 1);
  s.selectedOrganization = "y";  // the timeline follows the organization, the banner does not
  const InventorySummary y = summarizeInventory(s, kNow, 13);
  CHECK(y.activeGlobalTokens == 1);
  CHECK(y.expiriesPerWeek[0] == 0);
  CHECK(y.expiriesPerWeek[1] == 1);
}

TEST_CASE("the inventory summary cache recounts when the rows, organization or minute change") {
  AppState s;
  s.tokens = {row("a", "x", kNow + 2 * kDay, true)};
  InventorySummaryCache cache;
  CHECK(cache.get(s, kNow, 13).activeGlobalTokens == 1);
  s.tokens.push_back(row("b", "x", kNow + 3 * kDay, true));  // the size changed
  CHECK(cache.get(s, kNow, 13).activeGlobalTokens == 2);
  s.tokens[1].pat.revoked = true;
  ++s.tokensRevision;  // what the Inventory does on every change
  CHECK(cache.get(s, kNow, 13).activeGlobalTokens == 1);
  s.tokens[0].pat.validToMs = kNow + 30000;
  ++s.tokensRevision;
  CHECK(cache.get(s, kNow, 13).activeGlobalTokens == 1);
  CHECK(cache.get(s, kNow + 60000, 13).activeGlobalTokens == 0);  // a minute later it expired
  CHECK_FALSE(cache.get(s, kNow + 60000, 13).anyUpcomingExpiry);
}
