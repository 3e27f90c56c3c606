// Setup: shown when config.json is missing, invalid or has no clientId. Says exactly how to
// register the app in Microsoft Entra ID, with the redirect URI and a config.json snippet.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/imgui_ext/semantics.h"
#include "ui/imgui_ext/string_input.h"
#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

void stepNumber(Frame& f, int n) {
  const Palette& p = palette();
  const float radius = ImGui::GetTextLineHeight() * 0.65f;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(radius * 2.0f, radius * 2.0f));
  const ImVec2 center(pos.x + radius, pos.y + radius);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(center, radius, toU32(p.primary));
  const std::string text = std::to_string(n);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  dl->AddText(ImVec2(center.x - size.x * 0.5f, center.y - size.y * 0.5f), toU32(p.onPrimary),
              text.c_str());
  ImGui::SameLine(0.0f, f.px(10));
}

// A read-only, selectable field in the mono font (select + Ctrl+C copies it). Its registry
// label is the value itself, so tests can find it.
void copyableValue(Frame& f, const std::string& value, bool multiline, float width) {
  static std::string buffer;
  buffer = value;
  if (f.in.fonts.mono) ImGui::PushFont(f.in.fonts.mono);
  const std::string label = "##" + value;
  if (multiline) {
    const float lines = static_cast<float>(std::count(value.begin(), value.end(), '\n') + 1);
    InputStringMultiline(label.c_str(), &buffer,
                         ImVec2(width, ImGui::GetTextLineHeight() * lines +
                                           ImGui::GetStyle().FramePadding.y * 2.0f + f.px(2)),
                         ImGuiInputTextFlags_ReadOnly);
  } else {
    ImGui::SetNextItemWidth(width);
    InputString(label.c_str(), &buffer, ImGuiInputTextFlags_ReadOnly);
  }
  if (f.in.fonts.mono) ImGui::PopFont();
}

}  // namespace

void drawSetupScreen(Frame& f) {
  const Palette& p = palette();
  const app::AppState& st = f.state();
  const float width =
      beginScreenCard(f, 720, f.narrow ? f.px(16) : f.px(28), f.narrow ? f.px(4) : f.px(28));
  const float inner = CardInnerWidth();

  setNextItemSemantics({Role::Heading, false, {}});

  TextItemWithFont(f.in.fonts.heading, "patdesk needs an app registration");
  TextMuted(
      "patdesk signs you in with Microsoft Entra ID through an app registration of your own. "
      "An administrator sets it up once, in about five minutes:");
  if (st.setupProblem) {
    ImGui::Spacing();
    TextItem(st.setupProblem->message, &p.danger);
    if (!st.setupProblem->action.empty()) TextItem("What to do: " + st.setupProblem->action);
  }
  ImGui::Dummy(ImVec2(0, f.px(8)));

  const float stepIndent = ImGui::GetTextLineHeight() * 1.3f + f.px(10);
  auto stepBody = [&](int n, const std::string& text) {
    stepNumber(f, n);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + inner - stepIndent);
    TextItem(text);
  };
  auto stepEnd = [&]() {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, f.px(6)));
  };

  stepBody(1,
           "Register an application in Microsoft Entra ID: Azure portal > Microsoft Entra ID > "
           "App registrations > New registration. Supported account types: accounts in any "
           "organizational directory (or only yours).");
  stepEnd();

  stepBody(2,
           "Under Authentication, add a platform of type Single-page application with this "
           "redirect URI:");
  copyableValue(f, f.in.redirectUri, false, inner - stepIndent);
  TextMuted(
      "Not \"Web\": patdesk uses the authorization code flow with PKCE, which needs the "
      "Single-page application platform.");
  stepEnd();

  stepBody(3,
           "Under API permissions, add a permission: Azure DevOps > Delegated permissions > "
           "vso.pats_manage and vso.profile (they replace the older user_impersonation). Some "
           "tenants require admin consent for them.");
  stepEnd();

  stepBody(4,
           "Copy the Application (client) ID from the registration's Overview into config.json "
           "next to index.html:");
  const std::string snippet =
      "{\n  \"clientId\": \"00000000-0000-0000-0000-000000000000\",\n  \"redirectUri\": \"" +
      f.in.redirectUri + "\"\n}";
  copyableValue(f, snippet, true, inner - stepIndent);
  stepEnd();

  TextMuted("Then reload this page.");
  endScreenCard(f, width);
}

}  // namespace patdesk::ui
