// An organization's error row on the main screen: why its tokens could not be listed and,
// when the answer looks like "another directory" (a refused token, TF400813, VS30063), a
// field for the tenant it belongs to, so that it is listed with that tenant's token.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/app/organization_tenants.h"
#include "ui/imgui_ext/custom_items.h"
#include "ui/imgui_ext/string_input.h"
#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

void drawOrganizationErrorRow(Frame& f, const app::OrganizationView& org) {
  if (!org.error) return;
  const Palette& p = palette();
  std::string text = "Could not list tokens in " + org.name + ": " + org.error->message;
  if (!org.error->action.empty()) text += " " + org.error->action;
  TextItem(text, &p.danger);
  if (!app::belongsToAnotherDirectory(*org.error)) return;

  ImGui::PushID(org.name.c_str());
  TextItem("This organization belongs to another directory: enter its tenant (domain or ID)");
  // What is typed stays here (UI memory) until it is accepted, so a bad entry loses nothing.
  std::string& typed = memory().organizationTenantDrafts[org.name];
  if (typed.empty() && !org.tenant.empty()) typed = org.tenant;
  const std::string buttonLabel = "Use this tenant##" + org.name;
  const float useWidth =
      ImGui::CalcTextSize("Use this tenant").x + ImGui::GetStyle().FramePadding.x * 2.0f;
  float fieldWidth = std::min(f.px(360), ImGui::GetContentRegionAvail().x);
  if (f.narrow)
    fieldWidth = ImGui::GetContentRegionAvail().x - useWidth - ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetNextItemWidth(std::max(f.px(120), fieldWidth));
  const std::string fieldLabel = "##Tenant for " + org.name;
  const bool enter =
      InputStringWithHint(fieldLabel.c_str(), "woodgrove.onmicrosoft.com or tenant ID", &typed,
                          ImGuiInputTextFlags_EnterReturnsTrue);
  SameLineIfFits(useWidth);
  if (PrimaryButton(buttonLabel.c_str()) || enter) {
    f.emit(app::intent::SetOrganizationTenant{org.name, typed});
  }
  if (!org.tenantError.empty()) TextItem(org.tenantError, &p.danger);
  ImGui::PopID();
}

}  // namespace patdesk::ui
