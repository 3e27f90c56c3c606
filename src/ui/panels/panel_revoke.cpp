// Confirm revoke: how many, which ones (name and organization), then Revoke or Cancel.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/app/selectors.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

void drawRevokePanel(Frame& f) {
  const app::AppState& st = f.state();
  const Palette& p = palette();
  const size_t n = st.revokeTargets.size();

  beginPanel(f, "Revoke###panel-revoke", PanelKind::Dialog, 520);
  panelTitle(f, "Revoke " + plural(static_cast<int64_t>(n), "token", "tokens") + "?");
  TextItem("Apps, scripts and pipelines that use " + std::string(n == 1 ? "it" : "them") +
               " stop working immediately. This cannot be undone.",
           &p.danger);
  ImGui::Spacing();

  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float listHeight = std::min(static_cast<float>(n) * line + f.px(12), f.px(220));
  ImGui::BeginChild("##revoke-list", ImVec2(0, listHeight), true);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(n));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::string& id = st.revokeTargets[static_cast<size_t>(i)];
      const app::TokenRow* row = app::findRow(st, id);
      ImGui::Bullet();
      if (row) {
        TextItem(row->pat.displayName + " \xC2\xB7 " + row->pat.organization);
      } else {
        TextMuted(id);
      }
    }
  }
  ImGui::EndChild();
  if (st.lastError) drawErrorPanel(f, *st.lastError);
  drawProgressSteps(f);

  beginPanelFooter(f);
  ImGui::BeginDisabled(n == 0 || st.busy > 0);
  if (DangerButton("Revoke")) f.emit(app::intent::ConfirmRevoke{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (QuietButton("Cancel")) f.emit(app::intent::ClosePanel{});
  endPanel(f);
}

}  // namespace patdesk::ui
