// Shared between the screen and panel files: the per-frame context and UI-only memory.
#pragma once

#include <imgui.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/app/app_state.h"
#include "core/app/intents.h"
#include "core/app/inventory_summary.h"
#include "core/app/selectors.h"
#include "core/error.h"
#include "ui/app_ui.h"

namespace patdesk::ui {

// Everything a screen needs for one frame.
struct Frame {
  const UiFrameInput& in;
  std::vector<app::Intent>& intents;
  float scale = 1.0f;        // device pixels per CSS pixel
  float cssWidth = 0.0f;     // viewport width in CSS pixels
  bool narrow = false;       // under ~700 CSS px: stack controls, hide minor columns
  bool panelOpened = false;  // the current panel appeared this frame (focus its first field)
  float topInset = 0.0f;     // height of the sandbox banner (panels start below it)

  const app::AppState& state() const { return in.state; }
  float px(float v) const { return v * scale; }
  void emit(app::Intent intent) { intents.push_back(std::move(intent)); }
};

// UI-only memory that outlives a frame (never app state). Reset when the ImGui context changes.
struct UiMemory {
  ImGuiContext* context = nullptr;
  int frame =
      0;  // ImGui frame count at the last draw (a new context at a reused address restarts it)
  app::Panel lastPanel = app::Panel::None;
  bool escapeBlocked = false;  // a popup was open or an item active at the end of last frame
  bool showAddOrganization = false;
  bool focusAddOrganization = false;
  std::string addOrganizationName;
  // The tenant typed on each organization's error row (kept until it is accepted).
  std::map<std::string, std::string> organizationTenantDrafts;
  bool createNameTouched = false;
  std::string createCustomScope;  // restored when "Custom defined" is chosen again
  std::string editCustomScope;
  app::VisibleRowsCache visibleRows;   // the table's rows, re-sorted only when they change
  app::InventorySummaryCache summary;  // banner and timeline counts, recounted on change
};
UiMemory& memory();

// Screens.
void drawSetupScreen(Frame& f);
void drawSignInScreen(Frame& f);
void drawMainScreen(Frame& f);
// Under the banners: an organization's list failure, with the tenant field when it looks
// like the organization belongs to another directory.
void drawOrganizationErrorRow(Frame& f, const app::OrganizationView& org);
void drawCenteredSpinner(Frame& f, const char* label);
// The centred card of the setup and sign-in screens: `spaceAbove` (device px), then a card at
// most `cssWidth` wide; returns its width. endScreenCard closes it and shows the last error,
// if any, under it.
float beginScreenCard(Frame& f, float cssWidth, float padding, float spaceAbove);
void endScreenCard(Frame& f, float width);

// Parts of the main screen.
// `allSelected`: every one of `rows` is selected (the header checkbox shows it).
void drawInventoryTable(Frame& f, const std::vector<size_t>& rows, bool allSelected, float height);
// Counts (expiring within 7 days, select them), exports and calendar reminders.
void drawInventoryActions(Frame& f, const std::vector<size_t>& rows,
                          const app::VisibleRowsCache::Counts& counts);
// `perWeek`: how many tokens expire in each coming week (InventorySummary).
void drawExpiryChart(Frame& f, const std::vector<int>& perWeek, float height);

// Panels (each draws its own window).
void drawCreatePanel(Frame& f);
// The create pane's create-link parts (create_link_ui.cpp).
void drawCreateLinkBanner(Frame& f, const app::CreateDraft& draft);
void drawHighPrivilegeConfirmation(Frame& f, app::CreateDraft& draft);
void drawSecretPanel(Frame& f);
void drawConfirmCloseSecretPanel(Frame& f);
void drawDetailsPanel(Frame& f);
void drawEditPanel(Frame& f);
void drawRevokePanel(Frame& f);
void drawRotatePanel(Frame& f);
// The rotate confirmation's sentence for a token named `name`.
std::string rotateConfirmationText(const std::string& name);

// Panel chrome: a side sheet (create, details, edit) or a centered dialog. Between
// beginPanel and beginPanelFooter goes the scrolling body; then the footer buttons.
enum class PanelKind { Side, Dialog };
bool beginPanel(Frame& f, const char* windowId, PanelKind kind, float cssWidth);
void panelTitle(Frame& f, const std::string& title, const std::string& subtitle = {});
void beginPanelFooter(Frame& f);
void endPanel(Frame& f);

// The expiry picker shared by create and edit: chips for `choices`, and a date field
// (`dateFieldId`) while the choice is `customDays`. Returns true when Enter was pressed there.
struct ExpiryChoice {
  int days;
  const char* label;
};
struct ExpiryPicker {
  std::vector<ExpiryChoice> choices;
  int customDays;
  const char* dateFieldId;
};
const ExpiryPicker& createExpiryChoices();  // 7 days to 1 year, or a custom date (0)
const ExpiryPicker& editExpiryChoices();    // keep (0), 30 days to 1 year, or a date (-1)
bool drawExpiryPicker(Frame& f, const ExpiryPicker& picker, int& days, std::string& customDate);
// Under the picker: "<prefix>2025-03-01 14:05 UTC / local: 2025-03-01 15:05 (in 30 days)"
// (nothing for 0), then the "expiry" problems.
void drawExpiryOutcome(Frame& f, const char* prefix, int64_t expiryMs,
                       const std::vector<app::FieldProblem>& problems);

// The scope picker shared by create and edit. Edits `scope` (the source of truth).
// `highlighted` scopes (those a create link set) are marked "from link".
void drawScopePicker(Frame& f, std::string& scope, bool& showAll, std::string& filter,
                     const std::vector<std::string>* highlighted = nullptr);
// "Full access" vs "Custom defined" chips with the full-access warning.
void drawFullAccessChoice(Frame& f, bool fullAccess, bool& chooseFull, bool& chooseCustom);

// Feedback shared by screens and panels.
// A red card: message, what to do, technical details, Dismiss. width 0 = available width.
void drawErrorPanel(Frame& f, const Error& error, float width = 0.0f);

void drawBusyAndProgress(Frame& f);  // spinner + busyLabel, then the progress steps
void drawProgressSteps(Frame& f);
void drawFieldProblems(const std::vector<app::FieldProblem>& problems, const char* field);
// Beside a disabled submit button: the first thing still to fix.
void footerReason(const std::vector<app::FieldProblem>& problems);
// The footer of a form panel (create, edit): the primary submit button, disabled until the
// form is valid and nothing is in flight (Enter submits too), Cancel, and the reason.
// `extra`, when given, is a quiet button after Cancel (the create pane's "Copy link").
struct FooterAction {
  const char* label;
  app::Intent intent;
  const char* tooltip = nullptr;
};
void drawFormFooter(Frame& f, const char* submitLabel,
                    const std::vector<app::FieldProblem>& problems, bool enterPressed,
                    const app::Intent& submit, const FooterAction* extra = nullptr);
// The line under a name field: its problem (when `showProblem`) and a right-aligned
// "12 / 256" counter (characters, not bytes). Always one line high.
void nameFeedback(const std::vector<app::FieldProblem>& problems, const std::string& name,
                  bool showProblem);
// A section label above a field (bold font when available; not a registry item).
void sectionLabel(Frame& f, const std::string& text);

}  // namespace patdesk::ui
