// The create pane: name, organization, expiration, scopes. "Create" stays disabled until
// selectors::validateCreate() has nothing to say; every problem shows under its field.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "core/app/global_pats.h"
#include "core/app/selectors.h"
#include "core/error_codes.h"
#include "ui/imgui_ext/semantics.h"
#include "ui/imgui_ext/string_input.h"
#include "ui/imgui_ext/tab_order.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

void organizationPicker(Frame& f, app::CreateDraft& draft) {
  const app::AppState& st = f.state();
  const std::string preview =
      draft.organization.empty() ? "Choose an organization" : labelSafe(draft.organization);
  if (ComboButton(preview.c_str(), "Organization", ImGui::GetContentRegionAvail().x,
                  ImGui::IsPopupOpen("##create-organization")))
    ImGui::OpenPopup("##create-organization");
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + f.px(4)));
  ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetItemRectSize().x, 0),
                                      ImVec2(ImGui::GetItemRectSize().x, f.px(360)));
  if (ImGui::BeginPopup("##create-organization")) {
    if (st.organizations.empty()) ImGui::TextDisabled("No organizations yet");
    for (const app::OrganizationView& org : st.organizations) {
      const std::string label = labelSafe(org.name) + "##create-org-" + org.name;
      setNextItemSemantics({Role::Option, draft.organization == org.name, {}});
      if (ImGui::Selectable(label.c_str(), draft.organization == org.name))
        draft.organization = org.name;
    }
    ImGui::EndPopup();
  }
}

}  // namespace

void drawCreatePanel(Frame& f) {
  const app::AppState& st = f.state();
  // The fields edit a copy; what changed goes back to the App as one intent, before the
  // footer's submit so that the App submits what the person sees.
  app::CreateDraft draft = st.createDraft;
  UiMemory& mem = memory();
  const std::vector<app::FieldProblem> problems = app::validateCreate(draft, f.in.nowMs);

  beginPanel(f, "New token###panel-create", PanelKind::Side, 560);
  if (draft.recreateOf.empty()) {
    panelTitle(f, "New personal access token",
               "A token lets scripts and tools call Azure DevOps as you, limited to the scopes "
               "you pick.");
  } else {
    panelTitle(f, "Recreate token",
               "The old token can no longer be changed. This creates a new one with the same "
               "name, organization and scopes and the expiry you pick; its secret is shown once, "
               "then you can revoke the old one.");
  }
  if (st.lastError) drawErrorPanel(f, *st.lastError);
  if (st.lastError && st.lastError->code == errc::kPolicyPackagingOnly) {
    if (QuietButton("Keep only packaging scopes")) f.emit(app::intent::KeepOnlyPackagingScopes{});
  }
  drawCreateLinkBanner(f, draft);

  // Name.
  sectionLabel(f, "Name");
  if (f.panelOpened) focusNextItem(*ImGui::GetCurrentContext());
  ImGui::SetNextItemWidth(-FLT_MIN);
  // Enter in a field submits the form when it is valid (as in a web form).
  bool enter = InputStringWithHint("##Name", "e.g. nightly build pipeline", &draft.name,
                                   ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited() || ImGui::IsItemDeactivated()) mem.createNameTouched = true;
  nameFeedback(problems, draft.name, mem.createNameTouched || !draft.name.empty());

  // Organization.
  sectionLabel(f, "Organization");
  organizationPicker(f, draft);
  drawFieldProblems(problems, "organization");
  TextMuted(app::globalPatCreateNote(f.in.nowMs));
  ImGui::Dummy(ImVec2(0, f.px(4)));

  // Expiration.
  sectionLabel(f, "Expiration");
  enter |= drawExpiryPicker(f, createExpiryChoices(), draft.expiryPresetDays, draft.customDate);
  drawExpiryOutcome(f, "UTC: ", app::requestedExpiryMs(draft, f.in.nowMs), problems);

  // Scopes.
  sectionLabel(f, "Scopes");
  bool chooseFull = false, chooseCustom = false;
  drawFullAccessChoice(f, draft.fullAccess, chooseFull, chooseCustom);
  if (chooseFull) draft.fullAccess = true;
  if (chooseCustom) draft.fullAccess = false;
  if (!draft.fullAccess)
    drawScopePicker(f, draft.scope, draft.showAllScopes, draft.scopeFilter,
                    draft.fromLink ? &draft.linkScopes : nullptr);
  drawHighPrivilegeConfirmation(f, draft);
  drawFieldProblems(problems, "scope");

  if (draft != st.createDraft) f.emit(app::intent::ChangeCreateDraft{draft});
  // "Copy link to this form" sits in the footer, always in view, after Create and Cancel.
  const FooterAction copyLink{"Copy link to this form", app::intent::CopyCreateLink{},
                              "A link that opens this form filled in with the name, "
                              "organization, scopes and expiry. Full access is never part of "
                              "a link."};
  drawFormFooter(f, "Create", problems, enter, app::intent::SubmitCreate{}, &copyLink);
}

}  // namespace patdesk::ui
