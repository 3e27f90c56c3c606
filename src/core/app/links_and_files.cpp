#include "core/app/links_and_files.h"

#include "core/app/create_link_flow.h"
#include "core/error_codes.h"
#include "core/export/expiry_reminders.h"
#include "core/links/create_link.h"
#include "core/links/token_link.h"
#include "core/text/url.h"

namespace patdesk::app {
namespace {

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

LinksAndFiles::LinksAndFiles(AppState& state, const Platform& platform, Notify toast,
                             std::function<void()> changed)
    : state_(state), platform_(platform), toast_(std::move(toast)), changed_(std::move(changed)) {}

std::string LinksAndFiles::pageUrl() const {
  // The page itself: no query (an OAuth response never stays there) and no fragment.
  return platform_.navigation ? splitUrl(platform_.navigation->currentUrl()).base : std::string();
}

bool LinksAndFiles::readAddress() {
  if (!platform_.navigation) return false;
  const std::string url = platform_.navigation->currentUrl();
  const UrlParts parts = splitUrl(url);
  if (!parts.hasFragment) return false;
  bool read = false;
  if (auto link = links::parseCreateLink(parts.fragment)) {
    applyCreateLink(*link, state_);
    read = true;
  } else if (auto id = links::parseTokenLink(parts.fragment)) {
    state_.search = *id;
    read = true;
  }
  if (read) {
    // Once read, the link leaves the address bar: a reload must not fill the form again.
    platform_.navigation->replaceUrl(parts.base + (parts.hasQuery ? "?" + parts.query : ""));
  }
  return read;
}

void LinksAndFiles::copyCreateLink() {
  if (!platform_.clipboard || !platform_.clock) return;
  const std::string link =
      createLinkForDraft(state_.createDraft, pageUrl(), platform_.clock->nowMs());
  platform_.clipboard->writeText(link, [this](bool ok) {
    if (ok) {
      toast_("Link to this form copied");
    } else {
      state_.lastError =
          makeError(errc::kClipboardDenied, "The browser did not let patdesk copy the link.",
                    "Allow clipboard access for this page, then try again.");
    }
    if (changed_) changed_();
  });
}

void LinksAndFiles::offer(const OfferedFile& file, const std::string& what) {
  if (!platform_.download || !platform_.download->save(file.name, file.mimeType, file.content)) {
    state_.lastError =
        makeError(errc::kDownloadFailed, "The browser did not accept the file " + file.name + ".",
                  "Allow downloads for this page, then try again.");
    return;
  }
  toast_(what + " " + file.name);
}

void LinksAndFiles::exportInventory(ExportFormat format, const std::vector<size_t>& visibleRows) {
  if (!platform_.clock) return;
  const OfferedFile file = inventoryFile(state_, visibleRows, format, platform_.clock->nowMs());
  offer(file, "Exported " + plural(file.tokenCount, "token", "tokens") + " to");
}

void LinksAndFiles::exportReminders(const std::vector<size_t>& visibleRows) {
  if (!platform_.clock) return;
  const int64_t now = platform_.clock->nowMs();
  const std::vector<size_t> rows = reminderRows(state_, visibleRows, now);
  if (rows.empty()) {
    state_.lastError = makeError(errc::kRemindersNone, "No active token is shown to remind you of.",
                                 "Show or select active tokens, then add the reminders.");
    return;
  }
  const OfferedFile file = remindersFile(state_, rows, pageUrl(), now);
  offer(file, plural(file.tokenCount, "reminder", "reminders") + " in");
}

void LinksAndFiles::setReminderLeadDays(int days) {
  if (exporting::isReminderLeadDays(days)) state_.reminderLeadDays = days;
}

void LinksAndFiles::selectExpiringSoon(const std::vector<size_t>& visibleRows) {
  if (!platform_.clock) return;
  for (auto& row : state_.tokens) row.selected = false;
  for (size_t i : expiringSoonRows(state_, visibleRows, platform_.clock->nowMs()))
    state_.tokens[i].selected = true;
}

}  // namespace patdesk::app
