// What the main screen says about the whole inventory rather than the visible rows: active
// global tokens (the retirement banner), whether anything still expires, and the expiry
// timeline. Recomputed only when the rows, the organization or the minute change, instead
// of scanning every token on every frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/app/app_state.h"

namespace patdesk::app {

struct InventorySummary {
  int activeGlobalTokens = 0;        // not revoked, not expired, allOrgs (every organization)
  bool anyUpcomingExpiry = false;    // a token not revoked and not expired (every organization)
  std::vector<int> expiriesPerWeek;  // the selected organization's, as expiriesPerWeek()
};

InventorySummary summarizeInventory(const AppState& state, int64_t nowMs, int weeks);

class InventorySummaryCache {
 public:
  const InventorySummary& get(const AppState& state, int64_t nowMs, int weeks);

 private:
  bool valid_ = false;
  uint64_t revision_ = 0;
  size_t size_ = 0;
  std::string organization_;
  int64_t minute_ = 0;
  int weeks_ = 0;
  InventorySummary summary_;
};

}  // namespace patdesk::app
