// LinksAndFiles: the App's unit for issue 15 — reading a create link or a token link from
// the address bar, "Copy link to this form", the inventory exports, calendar reminders and
// selecting the tokens that expire soon. One function per intent, over the shared context.
#pragma once

#include <string>
#include <vector>

#include "core/app/app_context.h"
#include "core/app/intents.h"
#include "core/app/inventory.h"
#include "core/app/inventory_files.h"

namespace patdesk::app {

class LinksAndFiles {
 public:
  LinksAndFiles(AppContext& ctx, Inventory& inventory) : ctx_(ctx), inventory_(inventory) {}

  // Reads "#new?…" (fills the create draft) or "#token?id=…" (searches for that token) from
  // the address bar, then removes the fragment from it. False when there was neither.
  bool readAddress();

  // Writes a create link to the current draft to the clipboard.
  void copyCreateLink(const intent::CopyCreateLink&);
  // Offers the rows shown (filter, search, organization) as a file.
  void exportInventory(const intent::ExportInventory& i);
  void exportReminders(const intent::ExportReminders&);
  void setReminderLeadDays(const intent::SetReminderLeadDays& i);
  // Selects exactly the shown rows that expire within 7 days.
  void selectExpiringSoon(const intent::SelectExpiringSoon&);

 private:
  void offer(const OfferedFile& file, const std::string& what);
  std::string pageUrl() const;

  AppContext& ctx_;
  Inventory& inventory_;
};

}  // namespace patdesk::app
