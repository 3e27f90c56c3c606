// What patdesk says about global PATs ("All accessible organizations"), from the clock: they
// stopped working on 2026-12-01, so from that moment every sentence is in the past tense.
#pragma once

#include <cstdint>
#include <string>

namespace patdesk::app {

// True from 2026-12-01T00:00:00Z on.
bool globalPatsRetired(int64_t nowMs);
// The row badge: "Global" before the date, "Global · no longer works" after.
std::string globalPatBadge(int64_t nowMs);
// The badge's tooltip.
std::string globalPatTooltip(int64_t nowMs);
// The Details panel's "Applies to" text.
std::string globalPatDetails(int64_t nowMs);
// The inventory banner for `count` (> 0) global tokens.
std::string globalPatBanner(int64_t nowMs, int count);
// The create pane's note on why "All accessible organizations" is not offered.
std::string globalPatCreateNote(int64_t nowMs);

}  // namespace patdesk::app
