// Small reusable widgets on top of ImGui: text that the item registry can see, buttons
// with semantic colours, chips (segmented radio buttons), badges, cards, spinner, toasts.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/app/app_state.h"

namespace patdesk::ui {

// Wrapped text that also appears in window.patdesk.items() (labelled with the text itself),
// so tests can find headings, warnings and messages. Not a navigation stop.
void TextItem(const std::string& text, const ImVec4* color = nullptr);
void TextItemColored(const ImVec4& color, const std::string& text);
void TextMuted(const std::string& text);
// Text in another font (nullptr = current font).
void TextItemWithFont(ImFont* font, const std::string& text, const ImVec4* color = nullptr);

// Buttons. `size` as ImGui::Button (0 = fit the label, -1 = fill the width).
bool PrimaryButton(const char* label, const ImVec2& size = ImVec2(0, 0));
bool DangerButton(const char* label, const ImVec2& size = ImVec2(0, 0));
bool QuietButton(const char* label, const ImVec2& size = ImVec2(0, 0));
// A pill that shows `text` but registers as `testLabel` (unique per screen, e.g.
// "Code: Read & write" for a chip that reads "Read & write"). Returns true when clicked.
bool Chip(const char* text, const char* testLabel, bool active, const ImVec2& size = ImVec2(0, 0));
float ChipWidth(const char* text);
// A button that looks like a combo box (ImGui's own combo is invisible to the item registry).
bool ComboButton(const char* preview, const char* testLabel, float width);
// Registers the last item (e.g. a table header) in the item registry under `label`.
void ReportLastItem(const char* label);

// A small rounded tag, e.g. "Global" or "!".
void Badge(const char* text, const ImVec4& fg, const ImVec4& bg);
// Tooltip with wrapped text when the last item is hovered.
void TooltipOnHover(const std::string& text);
// Moves to a new line unless an item `width` wide still fits on this one.
void SameLineIfFits(float width);

// A spinner drawn with the draw list; `radius` in device pixels.
void Spinner(float radius, float thickness, const ImVec4& color);
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
