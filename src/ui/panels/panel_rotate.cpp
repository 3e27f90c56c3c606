// Confirm rotate: rotating revokes the current token, so nothing is sent until the person
// presses Rotate here (Cancel and Esc close it with no request).
#include <imgui.h>

#include <string>

#include "core/app/selectors.h"
#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

std::string rotateConfirmationText(const std::string& name) {
  return "Creates a new token named \"" + name +
         "\" with the same scopes and lifetime, shows its secret once, then revokes the current "
         "one: anything using the current token stops working.";
}

void drawRotatePanel(Frame& f) {
  const app::AppState& st = f.state();
  const app::TokenRow* row = app::findRow(st, st.panelTokenId);
  beginPanel(f, "Rotate###panel-rotate", PanelKind::Dialog, 520);
  panelTitle(f, "Rotate token?");
  if (row) {
    TextItem(rotateConfirmationText(row->pat.displayName), &palette().danger);
    TextMuted("Organization: " + row->pat.organization);
  } else {
    TextMuted("This token is no longer in the list.");
  }
  if (st.lastError) drawErrorPanel(f, *st.lastError);
  beginPanelFooter(f);
  ImGui::BeginDisabled(!row || st.busy > 0);
  if (DangerButton("Rotate")) f.emit(app::intent::ConfirmRotate{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (QuietButton("Cancel")) f.emit(app::intent::ClosePanel{});
  endPanel(f);
}

}  // namespace patdesk::ui
