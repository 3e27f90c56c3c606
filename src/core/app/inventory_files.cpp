#include "core/app/inventory_files.h"

#include <algorithm>

#include "core/app/selectors.h"
#include "core/export/expiry_reminders.h"
#include "core/export/inventory_export.h"

namespace patdesk::app {
namespace {

constexpr int64_t kDayMs = 86400000;

bool isActive(const devops::PatToken& pat, int64_t nowMs) {
  return !pat.revoked && pat.validToMs > nowMs;
}

// A copy without the secret field, whatever happened before (rows never hold one, but a
// file must not depend on that).
devops::PatToken summaryOf(const devops::PatToken& pat) {
  devops::PatToken copy = pat;
  copy.token.clear();
  return copy;
}

}  // namespace

std::vector<size_t> expiringSoonRows(const AppState& state, const std::vector<size_t>& rows,
                                     int64_t nowMs) {
  std::vector<size_t> out;
  for (size_t i : rows) {
    const auto& pat = state.tokens[i].pat;
    if (isActive(pat, nowMs) && pat.validToMs - nowMs <= kExpiringSoonDays * kDayMs)
      out.push_back(i);
  }
  return out;
}

OfferedFile inventoryFile(const AppState& state, const std::vector<size_t>& rows,
                          ExportFormat format, int64_t nowMs) {
  std::vector<exporting::InventoryRow> out;
  out.reserve(rows.size());
  for (size_t i : rows) {
    const auto& pat = state.tokens[i].pat;
    out.push_back(exporting::inventoryRow(summaryOf(pat), statusLabel(pat, nowMs)));
  }
  OfferedFile file;
  file.tokenCount = out.size();
  if (format == ExportFormat::Csv) {
    file.name = exporting::exportFileName(nowMs, "csv");
    file.mimeType = "text/csv;charset=utf-8";
    file.content = exporting::inventoryCsv(out);
  } else {
    file.name = exporting::exportFileName(nowMs, "json");
    file.mimeType = "application/json";
    file.content = exporting::inventoryJson(out, nowMs);
  }
  return file;
}

std::vector<size_t> reminderRows(const AppState& state, const std::vector<size_t>& rows,
                                 int64_t nowMs) {
  const bool anySelected =
      std::any_of(rows.begin(), rows.end(), [&](size_t i) { return state.tokens[i].selected; });
  std::vector<size_t> out;
  for (size_t i : rows) {
    if (anySelected && !state.tokens[i].selected) continue;
    if (isActive(state.tokens[i].pat, nowMs)) out.push_back(i);
  }
  return out;
}

OfferedFile remindersFile(const AppState& state, const std::vector<size_t>& rows,
                          const std::string& pageUrl, int64_t nowMs) {
  std::vector<devops::PatToken> tokens;
  tokens.reserve(rows.size());
  for (size_t i : rows) tokens.push_back(summaryOf(state.tokens[i].pat));
  exporting::ReminderOptions options;
  options.leadDays = state.reminderLeadDays;
  options.pageUrl = pageUrl;
  options.nowMs = nowMs;
  OfferedFile file;
  file.tokenCount = tokens.size();
  file.name = exporting::remindersFileName(nowMs);
  file.mimeType = "text/calendar;charset=utf-8";
  file.content = exporting::expiryRemindersIcs(tokens, options);
  return file;
}

}  // namespace patdesk::app
