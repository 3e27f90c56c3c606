// Light and dark palettes, and the semantic colours screens use beyond ImGuiStyle.
#pragma once

#include <imgui.h>

namespace patdesk::ui {

struct Palette {
  ImVec4 text, textMuted, background, surface, surfaceAlt, border;
  ImVec4 primary, primaryHovered, primaryActive, onPrimary;
  ImVec4 danger, dangerHovered, dangerActive, onDanger, dangerSurface;
  ImVec4 warning, warningSurface;  // amber text / banner background
  ImVec4 success, successSurface;
  ImVec4 info, infoSurface;
  ImVec4 rowCritical, rowWarning;  // table row highlights
  ImVec4 chartBar, overlayDim, toastSurface, toastText;
};

// Colours/rounding/spacing for light or dark, scaled by `scale` (devicePixelRatio).
// Call when the theme or the scale changes.
void applyTheme(bool dark, float scale);
// The palette applyTheme() last installed (dark until it is first called).
const Palette& palette();
bool themeIsDark();

inline ImU32 toU32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

}  // namespace patdesk::ui
