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

std::string LinksAndFiles::pageUrl() const {
  // The page itself: no query (an OAuth response never stays there) and no fragment.
  return ctx_.platform.navigation ? splitUrl(ctx_.platform.navigation->currentUrl()).base
                                  : std::string();
}

bool LinksAndFiles::readAddress() {
  if (!ctx_.platform.navigation) return false;
  const std::string url = ctx_.platform.navigation->currentUrl();
  const UrlParts parts = splitUrl(url);
  if (!parts.hasFragment) return false;
  bool read = false;
  if (auto link = links::parseCreateLink(parts.fragment)) {
    applyCreateLink(*link, ctx_.state);
    // Signed in already (an open tab): a link without an organization gets the default one.
    if (!ctx_.state.organizations.empty()) inventory_.chooseDefaultOrganization();
    read = true;
  } else if (auto id = links::parseTokenLink(parts.fragment)) {
    ctx_.state.search = *id;
    read = true;
  }
  if (read) {
    // Once read, the link leaves the address bar: a reload must not fill the form again.
    ctx_.platform.navigation->replaceUrl(parts.base + (parts.hasQuery ? "?" + parts.query : ""));
  }
  return read;
}

void LinksAndFiles::copyCreateLink(const intent::CopyCreateLink&) {
  if (!ctx_.platform.clipboard || !ctx_.platform.clock) return;
  const std::string link = createLinkForDraft(ctx_.state.createDraft, pageUrl(), ctx_.now());
  ctx_.platform.clipboard->writeText(link, [this](bool ok) {
    if (ok) {
      ctx_.feedback.toast("Link to this form copied");
    } else {
      ctx_.feedback.fail(makeError(errc::kClipboardDenied,
                                   "The browser did not let patdesk copy the link.",
                                   "Allow clipboard access for this page, then try again."));
    }
    ctx_.changed();
  });
}

void LinksAndFiles::offer(const OfferedFile& file, const std::string& what) {
  if (!ctx_.platform.download ||
      !ctx_.platform.download->save(file.name, file.mimeType, file.content)) {
    ctx_.feedback.fail(makeError(errc::kDownloadFailed,
                                 "The browser did not accept the file " + file.name + ".",
                                 "Allow downloads for this page, then try again."));
    return;
  }
  ctx_.feedback.toast(what + " " + file.name);
}

void LinksAndFiles::exportInventory(const intent::ExportInventory& i) {
  if (!ctx_.platform.clock) return;
  const OfferedFile file =
      inventoryFile(ctx_.state, inventory_.visibleRows(), i.format, ctx_.now());
  offer(file, "Exported " + plural(file.tokenCount, "token", "tokens") + " to");
}

void LinksAndFiles::exportReminders(const intent::ExportReminders&) {
  if (!ctx_.platform.clock) return;
  const int64_t now = ctx_.now();
  const std::vector<size_t> rows = reminderRows(ctx_.state, inventory_.visibleRows(), now);
  if (rows.empty()) {
    ctx_.feedback.fail(makeError(errc::kRemindersNone, "No active token is shown to remind you of.",
                                 "Show or select active tokens, then add the reminders."));
    return;
  }
  const OfferedFile file = remindersFile(ctx_.state, rows, pageUrl(), now);
  offer(file, plural(file.tokenCount, "reminder", "reminders") + " in");
}

void LinksAndFiles::setReminderLeadDays(const intent::SetReminderLeadDays& i) {
  if (exporting::isReminderLeadDays(i.days)) ctx_.state.reminderLeadDays = i.days;
}

void LinksAndFiles::selectExpiringSoon(const intent::SelectExpiringSoon&) {
  if (!ctx_.platform.clock) return;
  for (auto& row : ctx_.state.tokens) row.selected = false;
  for (size_t i : expiringSoonRows(ctx_.state, inventory_.visibleRows(), ctx_.now()))
    ctx_.state.tokens[i].selected = true;
  ++ctx_.state.selectionRevision;
}

}  // namespace patdesk::app
