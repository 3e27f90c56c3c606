// The error card: what happened, what to do, the technical details for support, Dismiss.
#include <imgui.h>

#include <string>

#include "ui/imgui_ext/semantics.h"
#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

void drawErrorPanel(Frame& f, const Error& error, float width) {
  const Palette& p = palette();
  if (width <= 0.0f) width = ImGui::GetContentRegionAvail().x;
  ImGui::PushID("error-panel");
  beginSemanticGroup("error-alert", ContainerRole::Alert);  // announced at once
  BeginCard(width, f.px(14));
  const std::string message = error.message.empty() ? "Something went wrong." : error.message;
  TextItemWithFont(f.in.fonts.bodyBold, message, &p.danger);
  if (!error.action.empty()) TextItem("What to do: " + error.action);

  const bool hasDetails = error.httpStatus != 0 || !error.serverMessage.empty() ||
                          !error.activityId.empty() || !error.code.empty() || !error.detail.empty();
  if (hasDetails && ImGui::TreeNode("Error details")) {
    if (error.httpStatus != 0) TextMuted("HTTP status: " + std::to_string(error.httpStatus));
    if (!error.serverMessage.empty()) TextMuted("Server message: " + error.serverMessage);
    if (!error.activityId.empty()) TextMuted("Activity ID: " + error.activityId);
    if (!error.code.empty()) TextMuted("Code: " + error.code);
    if (!error.detail.empty()) TextMuted("Detail: " + error.detail);
    ImGui::TreePop();
  }
  if (ImGui::Button("Dismiss")) f.emit(app::intent::DismissError{});
  EndCard(p.dangerSurface, ImVec4(p.danger.x, p.danger.y, p.danger.z, 0.45f), f.px(6));
  endSemanticGroup();
  ImGui::PopID();
  ImGui::Spacing();
}

}  // namespace patdesk::ui
