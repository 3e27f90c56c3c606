// What the UI asks for. The UI never calls the network or mutates app state: even typing
// arrives as an intent (the changed draft or text), applied after the frame.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/app/app_state.h"
#include "core/app/inventory_files.h"

namespace patdesk::app {

namespace intent {
struct ChangeTenant {
  std::string text;
};                 // the sign-in screen's tenant field
struct SignIn {};  // uses state.tenant when not empty
struct SignOut {};
struct SignOutOfMicrosoft {};  // after Sign out: end the Microsoft session in this browser too
struct SelectOrganization {
  std::string name;
};  // "" = all
struct AddOrganization {
  std::string name;
};  // typed (guest access)
// The tenant typed on an organization's error row (guest organizations): validated as a
// domain or a tenant ID, then the organization is listed again with that tenant's token.
struct SetOrganizationTenant {
  std::string organization;
  std::string typed;
};
struct Refresh {};
struct SetFilter {
  StatusFilter filter;
};
struct ChangeSearch {
  std::string text;
};
struct SetSort {
  SortColumn column;
  bool ascending;
};
struct ToggleRow {
  std::string authorizationId;
  bool shiftRange = false;
};
struct SelectAllVisible {
  bool selected;
};
struct OpenCreate {};
struct ChangeCreateDraft {
  CreateDraft draft;
};  // the create pane's fields as the person left them this frame
struct SubmitCreate {};
struct KeepOnlyPackagingScopes {};  // the packaging-only policy's offer: drop the other scopes
struct OpenDetails {
  std::string authorizationId;
};
struct OpenEdit {
  std::string authorizationId;
};
struct ChangeEditDraft {
  EditDraft draft;
};
struct SubmitEdit {};
struct Rotate {
  std::string authorizationId;
};                        // opens the rotate confirmation; nothing is sent yet
struct ConfirmRotate {};  // the confirmation's Rotate: create the clone, then revoke the old one
struct OpenRecreate {
  std::string authorizationId;
};  // an expired or global token: the create pane, filled in from it
struct AskRevoke {
  std::vector<std::string> authorizationIds;
};
struct ConfirmRevoke {};
struct CopySecret {};
struct ToggleReveal {};
struct DoneWithSecret {};    // asks for confirmation when not copied
struct ForceCloseSecret {};  // the confirmation's "close anyway"
struct ClosePanel {};
struct DismissError {};
struct RetryThrottledNow {};  // the throttling countdown's "Retry now"
struct CancelThrottled {};    // its "Cancel": the waiting reads give up with their 429
struct ToggleTheme {};
struct SetDarkTheme {
  bool dark;
};  // the initial theme, from prefers-color-scheme
struct SetClearClipboard {
  bool on;
};                         // clear the clipboard 60 s after a copy
struct CopyCreateLink {};  // "Copy link to this form" in the create pane
struct ExportInventory {
  ExportFormat format;
};                          // the rows shown, as a file
struct ExportReminders {};  // .ics for the selected (or all active shown) tokens
struct SetReminderLeadDays {
  int days;
};                             // 1, 3, 7 or 14
struct SelectExpiringSoon {};  // select exactly the shown tokens expiring within 7 days
}  // namespace intent

using Intent = std::variant<
    intent::ChangeTenant, intent::SignIn, intent::SignOut, intent::SelectOrganization,
    intent::AddOrganization, intent::SetOrganizationTenant, intent::Refresh, intent::SetFilter,
    intent::ChangeSearch, intent::SetSort, intent::ToggleRow, intent::SelectAllVisible,
    intent::OpenCreate, intent::ChangeCreateDraft, intent::SubmitCreate,
    intent::KeepOnlyPackagingScopes, intent::OpenDetails, intent::OpenEdit, intent::ChangeEditDraft,
    intent::SubmitEdit, intent::Rotate, intent::ConfirmRotate, intent::OpenRecreate,
    intent::AskRevoke, intent::ConfirmRevoke, intent::CopySecret, intent::ToggleReveal,
    intent::DoneWithSecret, intent::ForceCloseSecret, intent::ClosePanel, intent::DismissError,
    intent::RetryThrottledNow, intent::CancelThrottled, intent::ToggleTheme, intent::SetDarkTheme,
    intent::SetClearClipboard, intent::CopyCreateLink, intent::ExportInventory,
    intent::ExportReminders, intent::SetReminderLeadDays, intent::SelectExpiringSoon,
    intent::SignOutOfMicrosoft>;

}  // namespace patdesk::app
