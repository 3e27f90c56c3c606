// Pure functions of the state that both the App and the UI need: validation,
// filtering/sorting, expiry classification. No side effects, easy to test.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "core/app/app_state.h"

namespace patdesk::app {

inline constexpr size_t kMaxPatNameLength = 256;  // longer names are refused inline
inline constexpr int kMaxLifetimeDays = 365;

// Expiry awareness for highlights: red within 7 days, amber within 30.
enum class ExpiryLevel { Expired, Critical, Warning, Ok };
ExpiryLevel expiryLevel(int64_t validToMs, int64_t nowMs);

// A token's status; the order is the sort order of the Status column.
enum class TokenStatus { Active, Expired, Revoked };
TokenStatus tokenStatus(const devops::PatToken& pat, int64_t nowMs);
// The word shown for it: "Active", "Expired", "Revoked".
const char* statusLabel(TokenStatus status);
std::string statusLabel(const devops::PatToken& pat, int64_t nowMs);

// The expiry the create draft asks for, in Unix ms; 0 when the draft's date is invalid.
int64_t requestedExpiryMs(const CreateDraft& draft, int64_t nowMs);
int64_t requestedExtensionMs(const EditDraft& draft, int64_t nowMs);

std::vector<FieldProblem> validateCreate(const CreateDraft& draft, int64_t nowMs);
std::vector<FieldProblem> validateEdit(const EditDraft& draft, int64_t nowMs);
// The trimmed name the create/edit request will send.
std::string trimmedName(const std::string& name);

// Indices into state.tokens after the organization selection, status filter,
// search (name, scope, organization; case-insensitive) and sort.
std::vector<size_t> visibleRows(const AppState& state, int64_t nowMs);
// How many rows visibleRows() would return, without sorting them.
size_t visibleRowCount(const AppState& state, int64_t nowMs);

// Organizations are still being found, or any of them is still listing its tokens.
bool inventoryLoading(const AppState& state);

// visibleRows(), memoised: recomputed only when the rows (tokensRevision), the filters, the
// sort, the search text or the minute change. Per-frame callers (the table) keep one so
// 10,000 rows are not re-sorted on every frame.
class VisibleRowsCache {
 public:
  const std::vector<size_t>& rows(const AppState& state, int64_t nowMs);

  // Counts over the rows above, recomputed only when those rows or the selection
  // (selectionRevision) change.
  struct Counts {
    size_t selectedShown = 0;  // selected rows among the visible ones
    size_t selectedTotal = 0;  // selected rows anywhere, shown or not
    size_t expiringSoon = 0;   // visible active rows that expire within 7 days
  };
  const Counts& counts(const AppState& state, int64_t nowMs);

 private:
  // What the rows depend on: tokensRevision, row count, filter, sort column and direction,
  // search text, organization and the minute (expiry moves rows between filters).
  using Key = std::tuple<uint64_t, size_t, StatusFilter, SortColumn, bool, std::string, std::string,
                         int64_t>;
  bool valid_ = false;
  Key key_;
  std::vector<size_t> rows_;
  uint64_t rowsGeneration_ = 0;  // bumped each time rows_ is recomputed
  bool countsValid_ = false;
  uint64_t countsRowsGeneration_ = 0;
  uint64_t countsSelectionRevision_ = 0;
  Counts counts_;
};

// A row by authorizationId through the state's index; nullptr when there is none.
const TokenRow* findRow(const AppState& state, const std::string& id);
TokenRow* findRow(AppState& state, const std::string& id);

// What a token allows. The row buttons, the compact row menu and Details all ask this.
struct AllowedActions {
  bool details = true;  // always: every field, read back from the server
  bool edit = false;    // rename, rescope, extend: active single-organization tokens only
  bool rotate = false;  // replace and revoke: anything not revoked yet (global: before retirement)
  bool revoke = false;
  // A new token like this one (same name, organization, scopes; a new expiry): for tokens
  // that can no longer be changed, i.e. expired ones (since 2026-03-31 Azure DevOps refuses
  // to extend or modify them) and global ones (they stopped working on 2026-12-01).
  bool recreate = false;
};
AllowedActions allowedActions(const devops::PatToken& pat, int64_t nowMs);

// The throttling countdown: whole seconds until the waiting read is sent again (0 when none
// waits), and its sentence, "Azure DevOps is throttling: retrying in 24 s".
int64_t throttleSecondsLeft(const AppState& state, int64_t nowMs);
std::string throttleText(const AppState& state, int64_t nowMs);

// How many tokens expire in each of the next `weeks` weeks (for the timeline chart).
std::vector<int> expiriesPerWeek(const AppState& state, int64_t nowMs, int weeks = 13);

}  // namespace patdesk::app
