// Small reusable widgets on top of ImGui: text, buttons with semantic colours, cards,
// banners, toasts; also re-exports the custom items of ui/imgui_ext/custom_items.h.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/app/app_state.h"
#include "ui/imgui_ext/custom_items.h"

namespace patdesk::ui {

// Wrapped text that also appears in window.patdesk.items() (labelled with the text itself),
// so tests can find headings, warnings and messages. Not a navigation stop.
void TextItem(const std::string& text, const ImVec4* color = nullptr);
void TextItemColored(const ImVec4& color, const std::string& text);
void TextMuted(const std::string& text);

// Buttons. `size` as ImGui::Button (0 = fit the label, -1 = fill the width).
bool PrimaryButton(const char* label, const ImVec2& size = ImVec2(0, 0));
bool DangerButton(const char* label, const ImVec2& size = ImVec2(0, 0));
bool QuietButton(const char* label, const ImVec2& size = ImVec2(0, 0));

// Tooltip with wrapped text when the last item is hovered.
void TooltipOnHover(const std::string& text);

// A spinner and a label on one line.
void BusyLine(const std::string& label, float scale);

// A rounded panel behind whatever is drawn between BeginCard and EndCard (not nestable).
void BeginCard(float width, float padding);
void EndCard(const ImVec4& background, const ImVec4& border, float rounding);
// Inner width of the current card.
float CardInnerWidth();

// A full-width coloured banner with wrapped text.
void Banner(const std::string& text, const ImVec4& fg, const ImVec4& bg, float scale);

// Toasts stacked bottom-right, above everything.
void DrawToasts(const std::vector<app::Toast>& toasts, int64_t nowMs, float scale);

// Puts the cursor so that an item `width` wide is centered in the remaining width.
void CenterNext(float width);

}  // namespace patdesk::ui
