#include "core/app/inventory_summary.h"

#include "core/app/selectors.h"

namespace patdesk::app {

InventorySummary summarizeInventory(const AppState& state, int64_t nowMs, int weeks) {
  InventorySummary s;
  for (const TokenRow& row : state.tokens) {
    const devops::PatToken& pat = row.pat;
    if (pat.revoked || pat.validToMs <= nowMs) continue;
    s.anyUpcomingExpiry = true;
    if (pat.isGlobal()) ++s.activeGlobalTokens;
  }
  s.expiriesPerWeek = expiriesPerWeek(state, nowMs, weeks);
  return s;
}

const InventorySummary& InventorySummaryCache::get(const AppState& state, int64_t nowMs,
                                                   int weeks) {
  const int64_t minute = nowMs / 60000;
  if (!valid_ || revision_ != state.tokensRevision || size_ != state.tokens.size() ||
      organization_ != state.selectedOrganization || minute_ != minute || weeks_ != weeks) {
    summary_ = summarizeInventory(state, nowMs, weeks);
    valid_ = true;
    revision_ = state.tokensRevision;
    size_ = state.tokens.size();
    organization_ = state.selectedOrganization;
    minute_ = minute;
    weeks_ = weeks;
  }
  return summary_;
}

}  // namespace patdesk::app
