// The centred card the setup and sign-in screens are drawn in, and the error card both
// end with.
#include <imgui.h>

#include <algorithm>

#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

float beginScreenCard(Frame& f, float cssWidth, float padding, float spaceAbove) {
  const float width = std::min(f.px(cssWidth), ImGui::GetContentRegionAvail().x);
  ImGui::Dummy(ImVec2(0, spaceAbove));
  CenterNext(width);
  BeginCard(width, padding);
  return width;
}

void endScreenCard(Frame& f, float width) {
  EndCard(palette().surface, palette().border, f.px(10));
  if (!f.state().lastError) return;
  ImGui::Spacing();
  CenterNext(width);
  drawErrorPanel(f, *f.state().lastError, width);
}

}  // namespace patdesk::ui
