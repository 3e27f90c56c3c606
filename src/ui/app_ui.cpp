// drawApp(): the root window, the screen for the app state, the open panel above a dimmed
// background, keyboard shortcuts that apply everywhere, and toasts on top.
#include "ui/app_ui.h"

#include <algorithm>

#include "ui/imgui_ext/tab_order.h"
#include "ui/imgui_ext/visible_items.h"
#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

UiMemory& memory() {
  static UiMemory m;
  return m;
}

namespace {

using app::Panel;
using app::Screen;

void drawSandboxBanner(Frame& f) {
  const Palette& p = palette();
  Banner(
      "Sandbox: this page talks to a local test identity and Azure DevOps on this machine, not "
      "to Microsoft. Tokens made here are not real.",
      p.warning, p.warningSurface, f.scale);
  ImGui::Spacing();
}

void drawDimmer() {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  // Not NoInputs: the dimmer swallows clicks meant for the screen underneath. No background:
  // it sits below the root window in ImGui's order, and its dim colour was never seen while
  // the root window painted an opaque background over it. Since the canvas clear paints that
  // background instead, a dim colour here would show in the gaps between the screen's items.
  ImGui::Begin("##dimmer", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoBackground);
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void drawPanel(Frame& f, Panel panel) {
  switch (panel) {
    case Panel::Create:
      drawCreatePanel(f);
      break;
    case Panel::Details:
      drawDetailsPanel(f);
      break;
    case Panel::Edit:
      drawEditPanel(f);
      break;
    case Panel::ConfirmRevoke:
      drawRevokePanel(f);
      break;
    case Panel::Secret:
      drawSecretPanel(f);
      break;
    case Panel::ConfirmCloseSecret:
      drawConfirmCloseSecretPanel(f);
      break;
    case Panel::ConfirmRotate:
      drawRotatePanel(f);
      break;
    case Panel::None:
      break;
  }
}

void handleEscape(Frame& f, Panel panel, bool escapePressed) {
  if (!escapePressed || panel == Panel::None) return;
  if (panel == Panel::Secret) {
    f.emit(app::intent::DoneWithSecret{});
  } else {
    f.emit(app::intent::ClosePanel{});
  }
}

}  // namespace

void drawApp(const UiFrameInput& in, std::vector<app::Intent>& intents) {
  ImGuiContext* context = ImGui::GetCurrentContext();
  UiMemory& mem = memory();
  if (mem.context != context || ImGui::GetFrameCount() < mem.frame) {
    mem = UiMemory{};
    mem.context = context;
  }
  mem.frame = ImGui::GetFrameCount();
  // Tab / Shift-Tab / Enter over every control, before anything is drawn this frame.
  applyKeyboardFocus(*context);
  ImGuiIO& io = ImGui::GetIO();
  Frame f{in, intents};
  f.scale = in.scale > 0.0f ? in.scale : 1.0f;
  f.cssWidth = io.DisplaySize.x / f.scale;
  f.narrow = f.cssWidth < 700.0f;

  const app::AppState& st = in.state;
  const Panel panel = st.screen == Screen::Main ? st.panel : Panel::None;
  f.panelOpened = panel != Panel::None && panel != mem.lastPanel;
  if (f.panelOpened && panel == Panel::Create && mem.lastPanel == Panel::None)
    mem.createNameTouched = false;
  if (f.panelOpened && panel == Panel::Edit) mem.editCustomScope.clear();

  const int escapeKey = ImGui::GetKeyIndex(ImGuiKey_Escape);
  const bool escapePressed =
      escapeKey >= 0 && ImGui::IsKeyPressed(escapeKey, false) && !mem.escapeBlocked;

  if (in.fonts.body) ImGui::PushFont(in.fonts.body);

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  // No background quad: the platform clears the canvas to the theme's WindowBg instead (same
  // pixels). A full-canvas blended, textured quad is the most expensive thing in a frame under
  // software GL, and the clear paints every pixel anyway.
  ImGui::Begin("patdesk##root", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar(2);

  // Under an open panel the screen is only scenery: keep its items out of the registry so
  // every label a test can click belongs to the panel in front.
  const bool hooks = setItemHooksEnabled(context, false);
  if (panel == Panel::None) setItemHooksEnabled(context, hooks);

  if (st.sandbox) drawSandboxBanner(f);
  f.topInset = st.sandbox ? ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y : 0.0f;

  switch (st.screen) {
    case Screen::Loading:
      drawCenteredSpinner(f, "Loading patdesk\xE2\x80\xA6");
      break;
    case Screen::Setup:
      drawSetupScreen(f);
      break;
    case Screen::SignIn:
      drawSignInScreen(f);
      break;
    case Screen::SigningIn:
      drawCenteredSpinner(f, "Signing you in\xE2\x80\xA6");
      break;
    case Screen::Main:
      drawMainScreen(f);
      break;
  }
  ImGui::End();
  setItemHooksEnabled(context, hooks);

  if (panel != Panel::None) {
    drawDimmer();
    drawPanel(f, panel);
    handleEscape(f, panel, escapePressed);
  }

  DrawToasts(st.toasts, in.nowMs, f.scale);

  if (in.fonts.body) ImGui::PopFont();

  mem.lastPanel = panel;
  mem.escapeBlocked = ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId);
}

void drawCenteredSpinner(Frame& f, const char* label) {
  const float radius = f.px(18.0f);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float textWidth = ImGui::CalcTextSize(label).x;
  const float blockHeight = radius * 2.0f + ImGui::GetTextLineHeightWithSpacing() + f.px(16);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (avail.y - blockHeight) * 0.45f));
  CenterNext(radius * 2.0f);
  Spinner(radius, f.px(3.5f), palette().primary);
  ImGui::Dummy(ImVec2(0, f.px(8)));
  CenterNext(textWidth);
  TextItem(label);
  if (f.state().lastError) {
    ImGui::Dummy(ImVec2(0, f.px(16)));
    const float width = std::min(f.px(560), ImGui::GetContentRegionAvail().x);
    CenterNext(width);
    drawErrorPanel(f, *f.state().lastError, width);
  }
}

}  // namespace patdesk::ui
