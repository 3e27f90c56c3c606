// The App's side of issue 15: reading a create link or a token link from the address bar,
// "Copy link to this form", the inventory exports, calendar reminders and selecting the
// tokens that expire soon. Kept apart from App so that App only forwards intents here.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/app/app_state.h"
#include "core/app/inventory_files.h"
#include "core/platform/capabilities.h"

namespace patdesk::app {

class LinksAndFiles {
 public:
  using Notify = std::function<void(const std::string&)>;
  // `platform` is read at each call (App builds this before its Platform is set). `toast`
  // shows a short confirmation; `changed` asks for a frame after async completions.
  LinksAndFiles(AppState& state, const Platform& platform, Notify toast,
                std::function<void()> changed);

  // Reads "#new?…" (fills the create draft) or "#token?id=…" (searches for that token) from
  // the address bar, then removes the fragment from it. False when there was neither.
  bool readAddress();
  // Writes a create link to the current draft to the clipboard.
  void copyCreateLink();
  // Offers the rows shown (filter, search, organization) as a file.
  void exportInventory(ExportFormat format, const std::vector<size_t>& visibleRows);
  void exportReminders(const std::vector<size_t>& visibleRows);
  void setReminderLeadDays(int days);
  // Selects exactly the shown rows that expire within 7 days.
  void selectExpiringSoon(const std::vector<size_t>& visibleRows);

 private:
  void offer(const OfferedFile& file, const std::string& what);
  std::string pageUrl() const;

  AppState& state_;
  const Platform& platform_;  // App's own, which outlives this
  Notify toast_;
  std::function<void()> changed_;
};

}  // namespace patdesk::app
