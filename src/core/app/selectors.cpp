#include "core/app/selectors.h"

#include <algorithm>
#include <cctype>

#include "core/app/create_link_flow.h"
#include "core/app/inventory_files.h"
#include "core/devops/scopes.h"
#include "core/text/iso8601.h"
#include "core/text/strings.h"

namespace patdesk::app {
namespace {

constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

// Counts code points, not bytes: a name of 256 emoji is 256 characters to a person.
size_t utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::optional<FieldProblem> checkName(const std::string& name) {
  const std::string trimmed = trimmedName(name);
  if (trimmed.empty()) return FieldProblem{"name", "Give the token a name."};
  if (utf8Length(trimmed) > kMaxPatNameLength) {
    return FieldProblem{"name", "Names can be at most " + std::to_string(kMaxPatNameLength) +
                                    " characters (this one has " +
                                    std::to_string(utf8Length(trimmed)) + ")."};
  }
  return std::nullopt;
}

std::optional<FieldProblem> checkExpiry(int64_t expiryMs, int64_t nowMs, const std::string& typed,
                                        const char* field) {
  if (expiryMs == 0) {
    return FieldProblem{
        field, typed.empty() ? "Pick an expiry date."
                             : "\"" + typed + "\" is not a date: use YYYY-MM-DD, e.g. 2027-01-31."};
  }
  if (expiryMs <= nowMs) return FieldProblem{field, "The expiry date must be in the future."};
  if (expiryMs > nowMs + kMaxLifetimeDays * kDayMs + kDayMs) {
    return FieldProblem{field, "Azure DevOps allows at most one year: pick an earlier date."};
  }
  return std::nullopt;
}

}  // namespace

std::string trimmedName(const std::string& name) { return text::trim(name); }

ExpiryLevel expiryLevel(int64_t validToMs, int64_t nowMs) {
  if (validToMs <= nowMs) return ExpiryLevel::Expired;
  if (validToMs - nowMs <= 7 * kDayMs) return ExpiryLevel::Critical;
  if (validToMs - nowMs <= 30 * kDayMs) return ExpiryLevel::Warning;
  return ExpiryLevel::Ok;
}

TokenStatus tokenStatus(const devops::PatToken& pat, int64_t nowMs) {
  if (pat.revoked) return TokenStatus::Revoked;
  return pat.validToMs <= nowMs ? TokenStatus::Expired : TokenStatus::Active;
}

const char* statusLabel(TokenStatus status) {
  switch (status) {
    case TokenStatus::Revoked:
      return "Revoked";
    case TokenStatus::Expired:
      return "Expired";
    case TokenStatus::Active:
      break;
  }
  return "Active";
}

std::string statusLabel(const devops::PatToken& pat, int64_t nowMs) {
  return statusLabel(tokenStatus(pat, nowMs));
}

static int64_t fromDraftDate(int presetDays, const std::string& customDate, int64_t nowMs) {
  if (presetDays > 0) return nowMs + presetDays * kDayMs;
  auto parsed = text::parseDate(trimmedName(customDate));
  if (!parsed) return 0;
  // A chosen day means "valid through that day": the end of it, in UTC.
  return *parsed + kDayMs - 1000;
}

int64_t requestedExpiryMs(const CreateDraft& draft, int64_t nowMs) {
  return fromDraftDate(draft.expiryPresetDays, draft.customDate, nowMs);
}

int64_t requestedExtensionMs(const EditDraft& draft, int64_t nowMs) {
  if (draft.extendDays == 0) return 0;
  return fromDraftDate(draft.extendDays > 0 ? draft.extendDays : 0, draft.customDate, nowMs);
}

std::vector<FieldProblem> validateCreate(const CreateDraft& draft, int64_t nowMs) {
  std::vector<FieldProblem> problems;
  if (auto p = checkName(draft.name)) problems.push_back(*p);
  if (trimmedName(draft.organization).empty())
    problems.push_back({"organization", "Choose an organization."});
  if (auto p = checkExpiry(requestedExpiryMs(draft, nowMs), nowMs, draft.customDate, "expiry"))
    problems.push_back(*p);
  if (!draft.fullAccess && trimmedName(draft.scope).empty()) {
    problems.push_back({"scope", "Pick at least one scope, or choose Full access."});
  }
  if (!draft.highPrivilegeConfirmed && !pendingHighPrivilegeScopes(draft).empty()) {
    problems.push_back({"scope",
                        "The link asks for high-privilege scopes: tick the confirmation, or pick "
                        "lower levels."});
  }
  return problems;
}

std::vector<FieldProblem> validateEdit(const EditDraft& draft, int64_t nowMs) {
  std::vector<FieldProblem> problems;
  if (auto p = checkName(draft.name)) problems.push_back(*p);
  if (trimmedName(draft.scope).empty()) problems.push_back({"scope", "Pick at least one scope."});
  if (draft.extendDays != 0) {
    if (auto p =
            checkExpiry(requestedExtensionMs(draft, nowMs), nowMs, draft.customDate, "expiry")) {
      problems.push_back(*p);
    }
  }
  return problems;
}

namespace {

// The row passes the organization selection, the status filter and the search
// (`lowerNeedle`: the trimmed, lower-cased search text).
bool isVisible(const AppState& state, const devops::PatToken& pat, const std::string& lowerNeedle,
               int64_t nowMs) {
  if (!state.selectedOrganization.empty() && pat.organization != state.selectedOrganization)
    return false;
  const TokenStatus status = tokenStatus(pat, nowMs);
  if (state.filter == StatusFilter::Active && status != TokenStatus::Active) return false;
  if (state.filter == StatusFilter::Expired && status != TokenStatus::Expired) return false;
  if (state.filter == StatusFilter::Revoked && status != TokenStatus::Revoked) return false;
  using text::containsIgnoreAsciiCase;
  // An exact authorizationId finds its token: the calendar's links back search for it.
  return text::lowerAscii(pat.authorizationId) == lowerNeedle ||
         containsIgnoreAsciiCase(pat.displayName, lowerNeedle) ||
         containsIgnoreAsciiCase(pat.scope, lowerNeedle) ||
         containsIgnoreAsciiCase(pat.organization, lowerNeedle) ||
         containsIgnoreAsciiCase(devops::describeScopes(pat.scope), lowerNeedle);
}

std::string searchNeedle(const AppState& state) {
  return text::lowerAscii(text::trim(state.search));
}

}  // namespace

std::vector<size_t> visibleRows(const AppState& state, int64_t nowMs) {
  std::vector<size_t> rows;
  const std::string needle = searchNeedle(state);
  rows.reserve(state.tokens.size());
  for (size_t i = 0; i < state.tokens.size(); ++i) {
    if (isVisible(state, state.tokens[i].pat, needle, nowMs)) rows.push_back(i);
  }
  auto key = [&](size_t i) -> const devops::PatToken& { return state.tokens[i].pat; };
  auto less = [&](size_t a, size_t b) {
    const auto& x = key(a);
    const auto& y = key(b);
    switch (state.sortColumn) {
      case SortColumn::Name:
        return text::lowerAscii(x.displayName) < text::lowerAscii(y.displayName);
      case SortColumn::Organization:
        return x.organization < y.organization;
      case SortColumn::Scopes:
        return x.scope < y.scope;
      case SortColumn::Created:
        return x.validFromMs < y.validFromMs;
      case SortColumn::Expires:
        return x.validToMs < y.validToMs;
      case SortColumn::Status:
        return tokenStatus(x, nowMs) < tokenStatus(y, nowMs);
    }
    return false;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
    return state.sortAscending ? less(a, b) : less(b, a);
  });
  return rows;
}

size_t visibleRowCount(const AppState& state, int64_t nowMs) {
  const std::string needle = searchNeedle(state);
  size_t n = 0;
  for (const TokenRow& row : state.tokens) n += isVisible(state, row.pat, needle, nowMs) ? 1 : 0;
  return n;
}

bool inventoryLoading(const AppState& state) {
  if (state.organizationsLoading) return true;
  for (const OrganizationView& o : state.organizations)
    if (o.loading) return true;
  return false;
}

const std::vector<size_t>& VisibleRowsCache::rows(const AppState& state, int64_t nowMs) {
  Key key{state.tokensRevision,       state.tokens.size(), state.filter,
          state.sortColumn,           state.sortAscending, state.search,
          state.selectedOrganization, nowMs / 60000};
  if (!valid_ || key != key_) {
    rows_ = visibleRows(state, nowMs);
    key_ = std::move(key);
    valid_ = true;
    ++rowsGeneration_;
  }
  return rows_;
}

const VisibleRowsCache::Counts& VisibleRowsCache::counts(const AppState& state, int64_t nowMs) {
  const std::vector<size_t>& shown = rows(state, nowMs);
  if (countsValid_ && countsRowsGeneration_ == rowsGeneration_ &&
      countsSelectionRevision_ == state.selectionRevision)
    return counts_;
  Counts c;
  for (size_t index : shown) c.selectedShown += state.tokens[index].selected ? 1 : 0;
  for (const TokenRow& row : state.tokens) c.selectedTotal += row.selected ? 1 : 0;
  c.expiringSoon = expiringSoonRows(state, shown, nowMs).size();
  counts_ = c;
  countsValid_ = true;
  countsRowsGeneration_ = rowsGeneration_;
  countsSelectionRevision_ = state.selectionRevision;
  return counts_;
}

const TokenRow* findRow(const AppState& state, const std::string& id) {
  const size_t at = state.tokenIndex.find(state.tokens, id);
  return at < state.tokens.size() ? &state.tokens[at] : nullptr;
}

TokenRow* findRow(AppState& state, const std::string& id) {
  const size_t at = state.tokenIndex.find(state.tokens, id);
  return at < state.tokens.size() ? &state.tokens[at] : nullptr;
}

AllowedActions allowedActions(const devops::PatToken& pat, int64_t nowMs) {
  AllowedActions a;
  const TokenStatus status = tokenStatus(pat, nowMs);
  const bool global = pat.isGlobal();
  a.edit = status == TokenStatus::Active && !global;
  a.rotate = !pat.revoked && (!global || nowMs < devops::kGlobalPatRetirementMs);
  a.revoke = !pat.revoked;
  a.recreate = !pat.revoked && (status == TokenStatus::Expired || global);
  return a;
}

int64_t throttleSecondsLeft(const AppState& state, int64_t nowMs) {
  if (state.throttleRetryAtMs <= 0) return 0;
  const int64_t left = state.throttleRetryAtMs - nowMs;
  return left <= 0 ? 0 : (left + 999) / 1000;
}

std::string throttleText(const AppState& state, int64_t nowMs) {
  if (state.throttleRetryAtMs <= 0) return {};
  return "Azure DevOps is throttling: retrying in " +
         std::to_string(throttleSecondsLeft(state, nowMs)) + " s";
}

std::vector<int> expiriesPerWeek(const AppState& state, int64_t nowMs, int weeks) {
  std::vector<int> counts(static_cast<size_t>(weeks > 0 ? weeks : 0), 0);
  const int64_t weekMs = 7 * kDayMs;
  for (const auto& row : state.tokens) {
    const auto& pat = row.pat;
    if (pat.revoked || pat.validToMs <= nowMs) continue;
    if (!state.selectedOrganization.empty() && pat.organization != state.selectedOrganization)
      continue;
    const int64_t week = (pat.validToMs - nowMs) / weekMs;
    if (week < weeks) ++counts[static_cast<size_t>(week)];
  }
  return counts;
}

}  // namespace patdesk::app
