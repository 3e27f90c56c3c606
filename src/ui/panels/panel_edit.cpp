// The edit pane: rename, change scopes (same picker as create) and extend the expiry.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "core/app/selectors.h"
#include "core/devops/scopes.h"
#include "ui/imgui_ext/string_input.h"
#include "ui/imgui_ext/tab_order.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

struct Extension {
  int days;
  const char* label;
};

}  // namespace

void drawEditPanel(Frame& f) {
  const app::AppState& st = f.state();
  // The fields edit a copy; what changed goes back to the App as one intent (see create).
  app::EditDraft draft = st.editDraft;
  UiMemory& mem = memory();
  const std::string& id = draft.authorizationId.empty() ? st.panelTokenId : draft.authorizationId;
  const app::TokenRow* row = app::findRow(st, id);
  const std::vector<app::FieldProblem> problems = app::validateEdit(draft, f.in.nowMs);

  beginPanel(f, "Edit token###panel-edit", PanelKind::Side, 560);
  std::string subtitle;
  if (row) subtitle = row->pat.displayName + " \xC2\xB7 " + row->pat.organization;
  panelTitle(f, "Edit token", subtitle);
  if (st.lastError) drawErrorPanel(f, *st.lastError);

  sectionLabel(f, "Name");
  if (f.panelOpened) focusNextItem(*ImGui::GetCurrentContext());
  ImGui::SetNextItemWidth(-FLT_MIN);
  // Enter in a field submits the form when it is valid (as in a web form).
  bool enter = InputString("##Name", &draft.name, ImGuiInputTextFlags_EnterReturnsTrue);
  nameFeedback(problems, draft.name, true);

  sectionLabel(f, "Expiration");
  if (row) {
    TextMuted("Currently expires " + formatDateTimeUtc(row->pat.validToMs) + " (" +
              relativeExpiry(row->pat.validToMs, f.in.nowMs) + ").");
  }
  const Extension options[] = {{0, "Keep current expiry"},
                               {30, "30 days"},
                               {60, "60 days"},
                               {90, "90 days"},
                               {365, "1 year"},
                               {-1, "Custom date"}};
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(f.px(4), f.px(4)));
  for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); ++i) {
    if (i > 0) SameLineIfFits(ChipWidth(options[i].label));
    if (Chip(options[i].label, options[i].label, draft.extendDays == options[i].days))
      draft.extendDays = options[i].days;
  }
  ImGui::PopStyleVar();
  if (draft.extendDays == -1) {
    ImGui::SetNextItemWidth(f.px(170));
    enter |= InputStringWithHint(
        "##New expiry date", "YYYY-MM-DD", &draft.customDate,
        ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    TextMuted("(UTC, end of day)");
  }
  if (draft.extendDays != 0) {
    const int64_t expiry = app::requestedExtensionMs(draft, f.in.nowMs);
    if (expiry > 0) {
      TextMuted("New expiry UTC: " + formatDateTimeUtc(expiry) + " / local: " +
                formatDateTimeLocal(expiry) + " (" + relativeExpiry(expiry, f.in.nowMs) + ")");
    }
  }
  drawFieldProblems(problems, "expiry");
  ImGui::Dummy(ImVec2(0, f.px(4)));

  sectionLabel(f, "Scopes");
  const bool fullAccess = draft.scope == devops::kFullAccessScope;
  bool chooseFull = false, chooseCustom = false;
  drawFullAccessChoice(f, fullAccess, chooseFull, chooseCustom);
  if (chooseFull) {
    mem.editCustomScope = draft.scope;
    draft.scope = devops::kFullAccessScope;
  }
  if (chooseCustom) draft.scope = mem.editCustomScope;
  if (draft.scope != devops::kFullAccessScope)
    drawScopePicker(f, draft.scope, draft.showAllScopes, draft.scopeFilter);
  drawFieldProblems(problems, "scope");

  if (draft != st.editDraft) f.emit(app::intent::ChangeEditDraft{draft});
  drawFormFooter(f, "Save", problems, enter, app::intent::SubmitEdit{});
}

}  // namespace patdesk::ui
