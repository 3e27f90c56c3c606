// Everything the UI draws, and nothing secret. window.patdesk.state() serialises a
// subset of it (see state_json.h). The secret of a freshly created PAT is NOT here:
// it lives in App::secret() only, until the person presses Done.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/row_index.h"
#include "core/auth/auth_session.h"
#include "core/devops/pat.h"
#include "core/error.h"

namespace patdesk::app {

enum class Screen {
  Loading,    // config.json not read yet
  Setup,      // config missing/invalid or no clientId: app-registration steps
  SignIn,     // welcome + "Sign in with Microsoft"
  SigningIn,  // redirecting away, or redeeming the code after coming back
  Main,       // signed in: inventory
};

enum class StatusFilter { Active, Expired, Revoked, All };

enum class SortColumn { Name, Organization, Scopes, Created, Expires, Status };

enum class Panel {
  None,
  Create,              // create pane
  Details,             // one token, every field
  Edit,                // rename / change scopes / extend
  ConfirmRevoke,       // revoke one or many, with the list
  Secret,              // copy-once panel for a new or rotated token
  ConfirmCloseSecret,  // "you have not copied it" confirmation
  ConfirmRotate,       // rotate asks first: the current token stops working afterwards
};

struct OrganizationView {
  std::string name;
  bool discovered = true;  // false: typed in by the person (guest access)
  bool loading = false;
  int pagesLoaded = 0;
  int tokensLoaded = 0;
  std::optional<Error> error;  // the last list failure for this organization
  // The Entra tenant it belongs to (domain or ID) when it is not the signed-in one: learned
  // from a refusal's headers or typed by the person (guest organizations). Never a token.
  std::string tenant;
  // The inline error under the tenant field when what was typed is not a tenant.
  std::string tenantError;
};

// One row of the inventory. `pat.token` is always empty here.
struct TokenRow {
  devops::PatToken pat;
  bool selected = false;
};

// The create pane's draft. Survives failures: a failed create keeps everything typed.
struct CreateDraft {
  std::string name;
  std::string organization;
  int expiryPresetDays = 30;  // 7, 30, 60, 90, 180, 365; 0 = custom date
  std::string customDate;     // "YYYY-MM-DD" (UTC) when expiryPresetDays == 0
  bool fullAccess = false;
  std::string scope;  // the custom scope string (space-separated)
  bool showAllScopes = false;
  std::string scopeFilter;
  // Filled in from a create link (#new?…): the pane shows a banner, highlights the scopes the
  // link set and asks for one extra tick when any of them is high-privilege. Never secret.
  bool fromLink = false;
  std::vector<std::string> linkScopes;
  std::vector<std::string> linkHighPrivilegeScopes;
  std::vector<std::string> linkMessages;  // what the link asked for that was left out or changed
  bool highPrivilegeConfirmed = false;
  bool linkOrganizationPending = false;  // checked against the organizations once they are known
  // Recreate: the authorizationId of the expired (or global) token this draft replaces. Such a
  // token can no longer be changed, so the create pane makes a new one and, once its secret
  // has been seen, offers to revoke the old one.
  std::string recreateOf;
};

// The edit pane's draft for one existing token.
struct EditDraft {
  std::string authorizationId;
  std::string organization;
  std::string name;
  std::string scope;
  int extendDays = 30;     // new expiry = now + extendDays (0 = keep)
  std::string customDate;  // "YYYY-MM-DD" when extendDays == -1
  bool showAllScopes = false;
  std::string scopeFilter;
};

bool operator==(const CreateDraft& a, const CreateDraft& b);
inline bool operator!=(const CreateDraft& a, const CreateDraft& b) { return !(a == b); }
bool operator==(const EditDraft& a, const EditDraft& b);
inline bool operator!=(const EditDraft& a, const EditDraft& b) { return !(a == b); }

struct Toast {
  std::string text;
  int64_t untilMs = 0;
};

// A validation result for a form: empty map of problems = valid.
struct FieldProblem {
  std::string field;    // "name", "organization", "expiry", "scope"
  std::string message;  // shown inline under the field
};

struct AppState {
  Screen screen = Screen::Loading;
  bool sandbox = false;                // running against the local sandbox: show a banner
  std::optional<Error> setupProblem;   // why the setup screen shows (config problem)
  std::string tenant;                  // the sign-in screen's tenant field (guests)
  bool offerMicrosoftSignOut = false;  // just signed out: offer "Sign out of Microsoft too"
  std::string
      signInNotice;  // good news on the sign-in screen, e.g. "Consent granted: sign in again."

  bool signedIn = false;
  auth::User user;
  std::string profileId;

  std::vector<OrganizationView> organizations;
  std::string selectedOrganization;  // "" = all organizations at once
  bool organizationsLoading = false;

  std::vector<TokenRow> tokens;
  RowIndex tokenIndex;  // tokens by authorizationId (findRow() in selectors.h)
  // Bumped whenever rows are added, removed or change in a way that can move them between
  // filters or sort positions; keys the visible-rows cache. Only grows, even on sign-out.
  uint64_t tokensRevision = 0;
  // Bumped whenever any row's `selected` changes; keys the memoised selection counts, so the
  // toolbar's "Revoke selected (n)" does not scan every row on every frame.
  uint64_t selectionRevision = 0;
  StatusFilter filter = StatusFilter::Active;
  SortColumn sortColumn = SortColumn::Expires;
  bool sortAscending = true;
  std::string search;

  Panel panel = Panel::None;
  std::string panelTokenId;                // Details / Edit target
  std::vector<std::string> revokeTargets;  // ConfirmRevoke targets (authorizationIds)
  // After a Recreate: the old token to offer revoking once the new secret's panel closes.
  std::string revokeOfferId;
  CreateDraft createDraft;
  EditDraft editDraft;

  // Copy-once panel (the secret itself is App::secret()).
  std::string secretTokenName;
  std::string secretOrganization;
  bool secretCopied = false;
  bool secretRevealed = false;
  std::vector<std::string> notices;  // e.g. lifespan clamp, rotation revoke failure

  int busy = 0;                            // network actions in flight
  std::string busyLabel;                   // what the spinner is for, e.g. "Creating token…"
  std::vector<std::string> progressSteps;  // rotate / bulk revoke per-step results
  // A read waiting out a 429 with no readable Retry-After: when it is sent again (0 = none)
  // and how long that wait is in all. The page counts down; Retry now / Cancel end it.
  int64_t throttleRetryAtMs = 0;
  int64_t throttleWaitMs = 0;
  std::optional<Error> lastError;
  std::vector<Toast> toasts;
  bool darkTheme = true;
  bool clearClipboardAfter60s = false;
  int reminderLeadDays = 7;  // calendar reminders: days before expiry (1, 3, 7 or 14)
};

const char* screenName(Screen s);
const char* filterName(StatusFilter f);
const char* panelName(Panel p);

}  // namespace patdesk::app
