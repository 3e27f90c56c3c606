#include "ui/widgets/theme.h"

#include <initializer_list>

#include "ui/app_ui.h"

namespace patdesk::ui {
namespace {

ImVec4 hex(unsigned rgb, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((rgb >> 16) & 0xFF) / 255.0f,
                static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                static_cast<float>(rgb & 0xFF) / 255.0f, alpha);
}

// Every colour once, light and dark side by side, so that a change to one theme is seen next
// to the other (two hand-written palettes drifted apart and repeated each other line by line).
struct Rgba {
  unsigned rgb;
  float alpha;
};
struct ColourRow {
  ImVec4 Palette::*field;
  Rgba light, dark;
};
constexpr ColourRow kColours[] = {
    {&Palette::text, {0x1B1B1F, 1.0f}, {0xE8EAED, 1.0f}},
    {&Palette::textMuted, {0x5C6370, 1.0f}, {0x9BA3AF, 1.0f}},
    {&Palette::background, {0xF4F5F7, 1.0f}, {0x16181C, 1.0f}},
    {&Palette::surface, {0xFFFFFF, 1.0f}, {0x1F2228, 1.0f}},
    {&Palette::surfaceAlt, {0xEEF1F5, 1.0f}, {0x272B32, 1.0f}},
    {&Palette::border, {0xD9DDE3, 1.0f}, {0x343942, 1.0f}},
    {&Palette::primary, {0x0F6CBD, 1.0f}, {0x479EF5, 1.0f}},
    {&Palette::primaryHovered, {0x115EA3, 1.0f}, {0x62ABF5, 1.0f}},
    {&Palette::primaryActive, {0x0C3B5E, 1.0f}, {0x2886DE, 1.0f}},
    {&Palette::onPrimary, {0xFFFFFF, 1.0f}, {0x06192C, 1.0f}},
    {&Palette::danger, {0xC42B1C, 1.0f}, {0xF1707B, 1.0f}},
    {&Palette::dangerHovered, {0xA52315, 1.0f}, {0xF48C95, 1.0f}},
    {&Palette::dangerActive, {0x7E1A10, 1.0f}, {0xD95862, 1.0f}},
    {&Palette::onDanger, {0xFFFFFF, 1.0f}, {0x2A0608, 1.0f}},
    {&Palette::dangerSurface, {0xFDE7E9, 1.0f}, {0x3B1B1E, 1.0f}},
    {&Palette::warning, {0x8A5300, 1.0f}, {0xF2C661, 1.0f}},
    {&Palette::warningSurface, {0xFFF4CE, 1.0f}, {0x3A3015, 1.0f}},
    {&Palette::success, {0x107C10, 1.0f}, {0x6CCB5F, 1.0f}},
    {&Palette::successSurface, {0xDFF6DD, 1.0f}, {0x1D3321, 1.0f}},
    {&Palette::info, {0x0F6CBD, 1.0f}, {0x8CC4FA, 1.0f}},
    {&Palette::infoSurface, {0xE6F1FB, 1.0f}, {0x1A2B3D, 1.0f}},
    {&Palette::rowCritical, {0xC42B1C, 0.10f}, {0xF1707B, 0.16f}},
    {&Palette::rowWarning, {0xF2A900, 0.14f}, {0xF2C661, 0.12f}},
    {&Palette::chartBar, {0x0F6CBD, 0.85f}, {0x479EF5, 0.85f}},
    {&Palette::overlayDim, {0x000000, 0.35f}, {0x000000, 0.55f}},
    {&Palette::toastSurface, {0x242A33, 1.0f}, {0x323843, 1.0f}},
    {&Palette::toastText, {0xFFFFFF, 1.0f}, {0xF4F5F7, 1.0f}},
};

Palette makePalette(bool dark) {
  Palette p;
  for (const ColourRow& row : kColours) {
    const Rgba& c = dark ? row.dark : row.light;
    p.*row.field = hex(c.rgb, c.alpha);
  }
  return p;
}

Palette& current() {
  static Palette p = makePalette(true);
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
  current() = makePalette(dark);
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

  // Each palette role, then every ImGui colour slot that takes it: one line per role, so a
  // role changes in one place and no slot is set twice.
  ImVec4* c = style.Colors;
  const auto paint = [c](const ImVec4& colour, std::initializer_list<ImGuiCol> slots) {
    for (ImGuiCol slot : slots) c[slot] = colour;
  };
  paint(p.text, {ImGuiCol_Text});
  paint(p.textMuted, {ImGuiCol_TextDisabled, ImGuiCol_ScrollbarGrabActive});
  paint(p.background, {ImGuiCol_WindowBg});
  paint(ImVec4(0, 0, 0, 0),
        {ImGuiCol_ChildBg, ImGuiCol_BorderShadow, ImGuiCol_ScrollbarBg, ImGuiCol_ResizeGrip});
  paint(p.surface, {ImGuiCol_PopupBg, ImGuiCol_FrameBg, ImGuiCol_TitleBg, ImGuiCol_TitleBgActive,
                    ImGuiCol_TitleBgCollapsed, ImGuiCol_MenuBarBg, ImGuiCol_TableRowBg});
  paint(p.border, {ImGuiCol_Border, ImGuiCol_Separator, ImGuiCol_TableBorderStrong});
  paint(p.surfaceAlt,
        {ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive, ImGuiCol_Button, ImGuiCol_Tab,
         ImGuiCol_TabUnfocused, ImGuiCol_TabUnfocusedActive, ImGuiCol_TableHeaderBg});
  paint(mix(p.border, p.textMuted, 0.3f), {ImGuiCol_ScrollbarGrab});
  paint(mix(p.border, p.textMuted, 0.6f), {ImGuiCol_ScrollbarGrabHovered});
  paint(p.primary,
        {ImGuiCol_CheckMark, ImGuiCol_SliderGrab, ImGuiCol_SeparatorHovered,
         ImGuiCol_ResizeGripHovered, ImGuiCol_TabActive, ImGuiCol_PlotLines, ImGuiCol_PlotHistogram,
         ImGuiCol_DragDropTarget, ImGuiCol_NavHighlight, ImGuiCol_NavWindowingHighlight});
  paint(p.primaryActive,
        {ImGuiCol_SliderGrabActive, ImGuiCol_SeparatorActive, ImGuiCol_ResizeGripActive});
  paint(mix(p.surfaceAlt, p.primary, 0.18f), {ImGuiCol_ButtonHovered});
  paint(mix(p.surfaceAlt, p.primary, 0.32f), {ImGuiCol_ButtonActive});
  paint(mix(p.surface, p.primary, 0.14f), {ImGuiCol_Header});
  paint(mix(p.surface, p.primary, 0.20f), {ImGuiCol_HeaderHovered});
  paint(mix(p.surface, p.primary, 0.30f), {ImGuiCol_HeaderActive});
  paint(p.primaryHovered,
        {ImGuiCol_TabHovered, ImGuiCol_PlotLinesHovered, ImGuiCol_PlotHistogramHovered});
  paint(mix(p.border, p.surface, 0.4f), {ImGuiCol_TableBorderLight});
  paint(mix(p.surface, p.surfaceAlt, 0.5f), {ImGuiCol_TableRowBgAlt});
  paint(ImVec4(p.primary.x, p.primary.y, p.primary.z, 0.35f), {ImGuiCol_TextSelectedBg});
  paint(p.overlayDim, {ImGuiCol_NavWindowingDimBg, ImGuiCol_ModalWindowDimBg});

  if (ImGui::GetCurrentContext()) ImGui::GetStyle() = style;
}

}  // namespace patdesk::ui
