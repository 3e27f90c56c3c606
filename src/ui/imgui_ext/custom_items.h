// Custom ImGui items that need 1.86 internals: text the item registry can see, chips
// (segmented radio buttons), combo-looking buttons, badges, the spinner, and the few
// internal calls other widgets need (window to front, no-Tab-stop items).
#pragma once

#include <imgui.h>

#include <string>

namespace patdesk::ui {

// Text in another font (nullptr = current font).
void TextItemWithFont(ImFont* font, const std::string& text, const ImVec4* color = nullptr);

// A pill that shows `text` but registers as `testLabel` (unique per screen, e.g.
// "Code: Read & write" for a chip that reads "Read & write"). Returns true when clicked.
bool Chip(const char* text, const char* testLabel, bool active, const ImVec2& size = ImVec2(0, 0));
float ChipWidth(const char* text);
// A button that looks like a combo box (ImGui's own combo is invisible to the item registry);
// a combobox in the registry, `expanded` while its popup is open.
bool ComboButton(const char* preview, const char* testLabel, float width, bool expanded = false);
// Registers the last item (e.g. a table header) in the item registry under `label`.
void ReportLastItem(const char* label);

// A small rounded tag, e.g. "Global" or "!".
void Badge(const char* text, const ImVec4& fg, const ImVec4& bg);

// Moves to a new line unless an item `width` wide still fits on this one.
void SameLineIfFits(float width);

// A spinner drawn with the draw list; `radius` in device pixels.
void Spinner(float radius, float thickness, const ImVec4& color);

// Raises the window being drawn above every other (toasts).
void BringCurrentWindowToFront();
// Items submitted between these are skipped by Tab (hover-only items).
void PushNoTabStop();
void PopNoTabStop();

}  // namespace patdesk::ui
