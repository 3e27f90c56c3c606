// Sign-in: what patdesk is, one big "Sign in with Microsoft", an optional tenant for guests.
#include <imgui.h>

#include <algorithm>

#include "ui/imgui_ext/semantics.h"
#include "ui/imgui_ext/string_input.h"
#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

// The four-square Microsoft logo, drawn inside the button left of its label.
void drawMicrosoftLogo(const ImVec2& topLeft, float size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float gap = std::max(1.0f, size * 0.08f);
  const float cell = (size - gap) * 0.5f;
  const ImU32 colors[4] = {IM_COL32(0xF2, 0x50, 0x22, 255), IM_COL32(0x7F, 0xBA, 0x00, 255),
                           IM_COL32(0x00, 0xA4, 0xEF, 255), IM_COL32(0xFF, 0xB9, 0x00, 255)};
  for (int i = 0; i < 4; ++i) {
    const float x = topLeft.x + static_cast<float>(i % 2) * (cell + gap);
    const float y = topLeft.y + static_cast<float>(i / 2) * (cell + gap);
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cell, y + cell), colors[i]);
  }
}

}  // namespace

void drawSignInScreen(Frame& f) {
  const Palette& p = palette();
  const float spaceAbove = std::max(0.0f, (ImGui::GetContentRegionAvail().y - f.px(460)) * 0.4f);
  const float width =
      beginScreenCard(f, 480, f.narrow ? f.px(18) : f.px(32), std::max(f.px(8), spaceAbove));
  const float inner = CardInnerWidth();

  setNextItemSemantics({Role::Heading, false, {}});

  TextItemWithFont(f.in.fonts.heading, "patdesk");
  TextItem(
      "Create, copy, rotate and revoke your Azure DevOps personal access tokens across every "
      "organization \xE2\x80\x94 nothing to install.",
      &p.textMuted);
  ImGui::Dummy(ImVec2(0, f.px(12)));

  if (!f.state().signInNotice.empty()) {
    TextItem(f.state().signInNotice, &p.success);
    ImGui::Dummy(ImVec2(0, f.px(8)));
  }

  const float buttonHeight = f.px(44);
  if (PrimaryButton("Sign in with Microsoft", ImVec2(inner, buttonHeight)))
    f.emit(app::intent::SignIn{});
  {
    const ImVec2 min = ImGui::GetItemRectMin();
    const float logo = f.px(18);
    const float labelWidth = ImGui::CalcTextSize("Sign in with Microsoft").x;
    const float labelStart = min.x + (inner - labelWidth) * 0.5f;
    drawMicrosoftLogo(ImVec2(labelStart - logo - f.px(10), min.y + (buttonHeight - logo) * 0.5f),
                      logo);
  }
  ImGui::Dummy(ImVec2(0, f.px(10)));

  sectionLabel(f, "Tenant (for guests)");
  TextMuted("Leave empty unless you are a guest in another organization's directory.");
  ImGui::SetNextItemWidth(inner);
  std::string tenant = f.state().tenant;
  const bool enter =
      InputStringWithHint("##Tenant (for guests)", "contoso.onmicrosoft.com or tenant ID", &tenant,
                          ImGuiInputTextFlags_EnterReturnsTrue);
  if (tenant != f.state().tenant) f.emit(app::intent::ChangeTenant{tenant});
  if (enter) f.emit(app::intent::SignIn{});
  ImGui::Dummy(ImVec2(0, f.px(10)));

  if (f.state().offerMicrosoftSignOut) {
    // Sign out ends patdesk's session only; Entra may still remember the account in this
    // browser (a shared PC): offer to end that too.
    TextMuted(
        "You signed out of patdesk. Microsoft may still remember your account in this browser.");
    if (QuietButton("Sign out of Microsoft too")) f.emit(app::intent::SignOutOfMicrosoft{});
    ImGui::Dummy(ImVec2(0, f.px(10)));
  }

  TextItem(
      "Your tokens stay in this tab's memory only: nothing is written to disk or storage, and "
      "patdesk has no server of its own.",
      &p.textMuted);
  endScreenCard(f, width);
}

}  // namespace patdesk::ui
