// Panel chrome: side sheets (create, details, edit) hug the right edge at full height with a
// scrolling body and a fixed footer; dialogs (secret, confirmations) are centered and sized
// to their content. Under ~700 CSS px both take the whole viewport.
#include <imgui.h>

#include <algorithm>

#include "ui/imgui_ext/semantics.h"
#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

struct PanelFrameState {
  PanelKind kind = PanelKind::Dialog;
  bool bodyChild = false;
  bool inFooter = false;
};

PanelFrameState& frameState() {
  static PanelFrameState s;
  return s;
}

float footerHeight(Frame& f) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float h = ImGui::GetFrameHeight() + style.ItemSpacing.y * 3.0f + style.WindowPadding.y * 0.5f;
  if (f.state().busy > 0) h += std::max(f.px(16), ImGui::GetTextLineHeight()) + style.ItemSpacing.y;
  return h;
}

}  // namespace

bool beginPanel(Frame& f, const char* windowId, PanelKind kind, float cssWidth) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float top = f.topInset;
  const float margin = f.px(24);
  PanelFrameState& fs = frameState();
  fs = PanelFrameState{};
  fs.kind = kind;
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                           ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                           ImGuiWindowFlags_NoSavedSettings;
  float rounding = f.px(10);
  if (f.narrow || kind == PanelKind::Side) {
    const float width = f.narrow ? display.x : std::min(f.px(cssWidth), display.x);
    ImGui::SetNextWindowPos(ImVec2(display.x - width, top));
    ImGui::SetNextWindowSize(ImVec2(width, std::max(1.0f, display.y - top)));
    flags |= ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    fs.bodyChild = true;
    rounding = 0.0f;
  } else {
    const float width = std::min(f.px(cssWidth), display.x - margin * 2.0f);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, top + (display.y - top) * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(
        ImVec2(width, 0.0f), ImVec2(width, std::max(f.px(200), display.y - top - margin * 2.0f)));
    flags |= ImGuiWindowFlags_AlwaysAutoResize;
  }
  if (f.panelOpened) ImGui::SetNextWindowFocus();
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
  ImGui::PushStyleColor(ImGuiCol_Border, p.border);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, rounding);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(f.px(24), f.px(20)));
  const bool open = ImGui::Begin(windowId, nullptr, flags);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  if (fs.bodyChild) {
    ImGui::BeginChild("##panel-body", ImVec2(0, -footerHeight(f)), false,
                      ImGuiWindowFlags_NoSavedSettings);
  }
  ImGui::PushTextWrapPos(0.0f);
  return open;
}

void panelTitle(Frame& f, const std::string& title, const std::string& subtitle) {
  nameCurrentDialog(title);
  setNextItemSemantics({Role::Heading, false, {}});  // names the dialog (aria-labelledby)
  TextItemWithFont(f.in.fonts.heading, title);
  if (!subtitle.empty()) TextMuted(subtitle);
  ImGui::Dummy(ImVec2(0, f.px(6)));
}

void beginPanelFooter(Frame& f) {
  PanelFrameState& fs = frameState();
  ImGui::PopTextWrapPos();
  if (fs.bodyChild) ImGui::EndChild();
  fs.inFooter = true;
  ImGui::Separator();
  ImGui::Dummy(ImVec2(0, f.px(2)));
  if (f.state().busy > 0) BusyLine(f.state().busyLabel, f.scale);
}

void endPanel(Frame&) {
  PanelFrameState& fs = frameState();
  if (!fs.inFooter) {
    ImGui::PopTextWrapPos();
    if (fs.bodyChild) ImGui::EndChild();
  }
  ImGui::End();
  fs = PanelFrameState{};
}

}  // namespace patdesk::ui
