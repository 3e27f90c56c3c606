#include "ui/widgets/theme.h"

#include "ui/app_ui.h"

namespace patdesk::ui {
namespace {

ImVec4 hex(unsigned rgb, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((rgb >> 16) & 0xFF) / 255.0f,
                static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                static_cast<float>(rgb & 0xFF) / 255.0f, alpha);
}

Palette lightPalette() {
  Palette p;
  p.text = hex(0x1B1B1F);
  p.textMuted = hex(0x5C6370);
  p.background = hex(0xF4F5F7);
  p.surface = hex(0xFFFFFF);
  p.surfaceAlt = hex(0xEEF1F5);
  p.border = hex(0xD9DDE3);
  p.primary = hex(0x0F6CBD);
  p.primaryHovered = hex(0x115EA3);
  p.primaryActive = hex(0x0C3B5E);
  p.onPrimary = hex(0xFFFFFF);
  p.danger = hex(0xC42B1C);
  p.dangerHovered = hex(0xA52315);
  p.dangerActive = hex(0x7E1A10);
  p.onDanger = hex(0xFFFFFF);
  p.dangerSurface = hex(0xFDE7E9);
  p.warning = hex(0x8A5300);
  p.warningSurface = hex(0xFFF4CE);
  p.success = hex(0x107C10);
  p.successSurface = hex(0xDFF6DD);
  p.info = hex(0x0F6CBD);
  p.infoSurface = hex(0xE6F1FB);
  p.rowCritical = hex(0xC42B1C, 0.10f);
  p.rowWarning = hex(0xF2A900, 0.14f);
  p.chartBar = hex(0x0F6CBD, 0.85f);
  p.overlayDim = hex(0x000000, 0.35f);
  p.toastSurface = hex(0x242A33);
  p.toastText = hex(0xFFFFFF);
  return p;
}

Palette darkPalette() {
  Palette p;
  p.text = hex(0xE8EAED);
  p.textMuted = hex(0x9BA3AF);
  p.background = hex(0x16181C);
  p.surface = hex(0x1F2228);
  p.surfaceAlt = hex(0x272B32);
  p.border = hex(0x343942);
  p.primary = hex(0x479EF5);
  p.primaryHovered = hex(0x62ABF5);
  p.primaryActive = hex(0x2886DE);
  p.onPrimary = hex(0x06192C);
  p.danger = hex(0xF1707B);
  p.dangerHovered = hex(0xF48C95);
  p.dangerActive = hex(0xD95862);
  p.onDanger = hex(0x2A0608);
  p.dangerSurface = hex(0x3B1B1E);
  p.warning = hex(0xF2C661);
  p.warningSurface = hex(0x3A3015);
  p.success = hex(0x6CCB5F);
  p.successSurface = hex(0x1D3321);
  p.info = hex(0x8CC4FA);
  p.infoSurface = hex(0x1A2B3D);
  p.rowCritical = hex(0xF1707B, 0.16f);
  p.rowWarning = hex(0xF2C661, 0.12f);
  p.chartBar = hex(0x479EF5, 0.85f);
  p.overlayDim = hex(0x000000, 0.55f);
  p.toastSurface = hex(0x323843);
  p.toastText = hex(0xF4F5F7);
  return p;
}

Palette& current() {
  static Palette p = darkPalette();
  return p;
}

bool& currentDark() {
  static bool dark = true;
  return dark;
}

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t,
                a.w + (b.w - a.w) * t);
}

}  // namespace

const Palette& palette() { return current(); }
bool themeIsDark() { return currentDark(); }

void applyTheme(bool dark, float scale) {
  if (scale <= 0.0f) scale = 1.0f;
  currentDark() = dark;
  current() = dark ? darkPalette() : lightPalette();
  const Palette& p = current();

  ImGuiStyle style;  // start from defaults so repeated calls never compound the scale
  style.WindowPadding = ImVec2(20, 16);
  style.FramePadding = ImVec2(10, 6);
  style.CellPadding = ImVec2(8, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.IndentSpacing = 20;
  style.ScrollbarSize = 12;
  style.GrabMinSize = 12;
  style.WindowRounding = 8;
  style.ChildRounding = 6;
  style.FrameRounding = 6;
  style.PopupRounding = 6;
  style.ScrollbarRounding = 6;
  style.GrabRounding = 6;
  style.TabRounding = 6;
  style.WindowBorderSize = 1;
  style.ChildBorderSize = 1;
  style.PopupBorderSize = 1;
  style.FrameBorderSize = 1;
  style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
  style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
  style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
  style.AntiAliasedLines = true;
  style.AntiAliasedFill = true;
  style.ScaleAllSizes(scale);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.textMuted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_FrameBgHovered] = p.surfaceAlt;
  c[ImGuiCol_FrameBgActive] = p.surfaceAlt;
  c[ImGuiCol_TitleBg] = p.surface;
  c[ImGuiCol_TitleBgActive] = p.surface;
  c[ImGuiCol_TitleBgCollapsed] = p.surface;
  c[ImGuiCol_MenuBarBg] = p.surface;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = mix(p.border, p.textMuted, 0.3f);
  c[ImGuiCol_ScrollbarGrabHovered] = mix(p.border, p.textMuted, 0.6f);
  c[ImGuiCol_ScrollbarGrabActive] = p.textMuted;
  c[ImGuiCol_CheckMark] = p.primary;
  c[ImGuiCol_SliderGrab] = p.primary;
  c[ImGuiCol_SliderGrabActive] = p.primaryActive;
  c[ImGuiCol_Button] = p.surfaceAlt;
  c[ImGuiCol_ButtonHovered] = mix(p.surfaceAlt, p.primary, 0.18f);
  c[ImGuiCol_ButtonActive] = mix(p.surfaceAlt, p.primary, 0.32f);
  c[ImGuiCol_Header] = mix(p.surface, p.primary, 0.14f);
  c[ImGuiCol_HeaderHovered] = mix(p.surface, p.primary, 0.20f);
  c[ImGuiCol_HeaderActive] = mix(p.surface, p.primary, 0.30f);
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_SeparatorHovered] = p.primary;
  c[ImGuiCol_SeparatorActive] = p.primaryActive;
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = p.primary;
  c[ImGuiCol_ResizeGripActive] = p.primaryActive;
  c[ImGuiCol_Tab] = p.surfaceAlt;
  c[ImGuiCol_TabHovered] = p.primaryHovered;
  c[ImGuiCol_TabActive] = p.primary;
  c[ImGuiCol_TabUnfocused] = p.surfaceAlt;
  c[ImGuiCol_TabUnfocusedActive] = p.surfaceAlt;
  c[ImGuiCol_PlotLines] = p.primary;
  c[ImGuiCol_PlotLinesHovered] = p.primaryHovered;
  c[ImGuiCol_PlotHistogram] = p.primary;
  c[ImGuiCol_PlotHistogramHovered] = p.primaryHovered;
  c[ImGuiCol_TableHeaderBg] = p.surfaceAlt;
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = mix(p.border, p.surface, 0.4f);
  c[ImGuiCol_TableRowBg] = p.surface;
  c[ImGuiCol_TableRowBgAlt] = mix(p.surface, p.surfaceAlt, 0.5f);
  c[ImGuiCol_TextSelectedBg] = ImVec4(p.primary.x, p.primary.y, p.primary.z, 0.35f);
  c[ImGuiCol_DragDropTarget] = p.primary;
  c[ImGuiCol_NavHighlight] = p.primary;
  c[ImGuiCol_NavWindowingHighlight] = p.primary;
  c[ImGuiCol_NavWindowingDimBg] = p.overlayDim;
  c[ImGuiCol_ModalWindowDimBg] = p.overlayDim;

  if (ImGui::GetCurrentContext()) ImGui::GetStyle() = style;
}

}  // namespace patdesk::ui
