// The create pane's parts for create links: the "filled in from a link" banner with what the
// link could not have, and the extra confirmation for high-privilege scopes the link set.
// ("Copy link to this form" is in the pane's footer, see drawFormFooter.)
#include <imgui.h>

#include <string>

#include "core/app/create_link_flow.h"
#include "core/devops/scopes.h"
#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

void drawCreateLinkBanner(Frame& f, const app::CreateDraft& draft) {
  if (!draft.fromLink) return;
  const Palette& p = palette();
  Banner(app::kLinkBanner, p.info, p.infoSurface, f.scale);
  for (const std::string& message : draft.linkMessages) TextItem(message, &p.warning);
  ImGui::Dummy(ImVec2(0, f.px(4)));
}

void drawHighPrivilegeConfirmation(Frame& f, app::CreateDraft& draft) {
  const std::vector<std::string> pending = app::pendingHighPrivilegeScopes(draft);
  if (pending.empty()) return;
  std::string labels;
  for (const std::string& scope : pending)
    labels += (labels.empty() ? "" : ", ") + devops::labelForScope(scope);
  ImGui::Dummy(ImVec2(0, f.px(2)));
  TextItem("The link asks for high-privilege scopes: " + labels + ".", &palette().danger);
  ImGui::Checkbox("I need these high-privilege scopes", &draft.highPrivilegeConfirmed);
  ImGui::Dummy(ImVec2(0, f.px(2)));
}

}  // namespace patdesk::ui
