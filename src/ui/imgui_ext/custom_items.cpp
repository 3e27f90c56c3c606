// Custom ImGui items drawn through 1.86 internals (ItemAdd, ButtonBehavior, the window's
// cursor): text the item registry sees, chips, combo buttons, badges, the spinner.
#include "ui/imgui_ext/custom_items.h"

#include <algorithm>
#include <cmath>

#include "ui/imgui_ext/imgui_internals.h"
#include "ui/imgui_ext/semantics.h"
#include "ui/widgets/theme.h"

namespace patdesk::ui {

void TextItemWithFont(ImFont* font, const std::string& text, const ImVec4* color) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems || text.empty()) return;
  if (font) ImGui::PushFont(font);
  ImGuiContext& g = *GImGui;
  const char* begin = text.c_str();
  const char* end = begin + text.size();
  ImVec2 pos = window->DC.CursorPos;
  pos.y += window->DC.CurrLineTextBaseOffset;
  const float wrapWidth = window->DC.TextWrapPos >= 0.0f
                              ? ImGui::CalcWrapWidthForPos(pos, window->DC.TextWrapPos)
                              : std::max(1.0f, window->WorkRect.Max.x - pos.x);
  const ImVec2 size = ImGui::CalcTextSize(begin, end, false, wrapWidth);
  const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImGui::ItemSize(size, 0.0f);
  const ImGuiID id = window->GetID(begin, end);
  if (ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_NoNav | ImGuiItemFlags_NoNavDefaultFocus)) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    window->DrawList->AddText(g.Font, g.FontSize, bb.Min, ImGui::GetColorU32(ImGuiCol_Text), begin,
                              end, wrapWidth);
    if (color) ImGui::PopStyleColor();
    IMGUI_TEST_ENGINE_ITEM_INFO(id, text.c_str(), g.LastItemData.StatusFlags);
  }
  if (font) ImGui::PopFont();
}

namespace {

// A clickable item `size` big at the cursor, registered under `testLabel`; what Chip and
// ComboButton draw over. `visible` is false when it is clipped (draw nothing then).
struct ButtonItem {
  bool visible = false;
  ImRect bb;
  ImGuiID id = 0;
  bool hovered = false;
  bool held = false;
  bool pressed = false;
};

ButtonItem addButtonItem(const char* testLabel, const ImVec2& size) {
  ButtonItem item;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return item;
  item.id = window->GetID(testLabel);
  const ImVec2 pos = window->DC.CursorPos;
  item.bb = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImGui::ItemSize(size, ImGui::GetStyle().FramePadding.y);
  if (!ImGui::ItemAdd(item.bb, item.id)) return item;
  item.pressed = ImGui::ButtonBehavior(item.bb, item.id, &item.hovered, &item.held);
  item.visible = true;
  ImGui::RenderNavHighlight(item.bb, item.id);
  return item;
}

// The rounded frame of a chip or combo button.
void drawItemFrame(const ImRect& bb, const ImVec4& fill, const ImVec4& border) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(bb.Min, bb.Max, toU32(fill), style.FrameRounding);
  dl->AddRect(bb.Min, bb.Max, toU32(border), style.FrameRounding, 0,
              std::max(1.0f, style.FrameBorderSize));
}

}  // namespace

bool Chip(const char* text, const char* testLabel, bool active, const ImVec2& sizeArg) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const Palette& p = palette();
  const ImVec2 textSize = ImGui::CalcTextSize(text);
  const ImVec2 size = ImGui::CalcItemSize(sizeArg, textSize.x + style.FramePadding.x * 2.0f,
                                          textSize.y + style.FramePadding.y * 2.0f);
  const ButtonItem item = addButtonItem(testLabel, size);
  if (!item.visible) return false;
  ImVec4 bg = active ? p.primary : p.surface;
  const bool lit = item.hovered || item.held;
  if (!active && lit) bg = ImGui::GetStyleColorVec4(ImGuiCol_ButtonHovered);
  if (active && lit) bg = p.primaryHovered;
  drawItemFrame(item.bb, bg, active ? p.primary : p.border);
  ImGui::PushStyleColor(ImGuiCol_Text, active ? p.onPrimary : p.text);
  ImGui::RenderTextClipped(ImVec2(item.bb.Min.x + style.FramePadding.x, item.bb.Min.y),
                           ImVec2(item.bb.Max.x - style.FramePadding.x, item.bb.Max.y), text,
                           nullptr, &textSize, ImVec2(0.5f, 0.5f), &item.bb);
  ImGui::PopStyleColor();
  ImGuiContext& g = *GImGui;  // IMGUI_TEST_ENGINE_ITEM_INFO refers to `g`
  // Every chip row is a single choice (expiry, filter, scope level): radio buttons.
  setNextItemSemantics({Role::Radio, active, {}});
  IMGUI_TEST_ENGINE_ITEM_INFO(item.id, testLabel,
                              g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable |
                                  (active ? ImGuiItemStatusFlags_Checked : 0));
  return item.pressed;
}

bool ComboButton(const char* preview, const char* testLabel, float width, bool expanded) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const Palette& p = palette();
  const float height = ImGui::GetFrameHeight();
  const ButtonItem item = addButtonItem(testLabel, ImVec2(width, height));
  if (!item.visible) return false;
  const ImRect& bb = item.bb;
  drawItemFrame(bb, item.hovered ? p.surfaceAlt : p.surface, item.hovered ? p.primary : p.border);
  const float arrowSpace = height;
  ImGui::RenderTextClipped(ImVec2(bb.Min.x + style.FramePadding.x, bb.Min.y),
                           ImVec2(bb.Max.x - arrowSpace, bb.Max.y), preview, nullptr, nullptr,
                           ImVec2(0.0f, 0.5f), &bb);
  ImGui::RenderArrow(
      ImGui::GetWindowDrawList(),
      ImVec2(bb.Max.x - arrowSpace + style.FramePadding.y, bb.Min.y + style.FramePadding.y),
      ImGui::GetColorU32(ImGuiCol_Text), ImGuiDir_Down, 1.0f);
  ImGuiContext& g = *GImGui;  // IMGUI_TEST_ENGINE_ITEM_INFO refers to `g`
  setNextItemSemantics({Role::Combobox, expanded, preview});
  IMGUI_TEST_ENGINE_ITEM_INFO(item.id, testLabel, g.LastItemData.StatusFlags);
  return item.pressed;
}

void ReportLastItem(const char* label) {
  ImGuiContext& g = *GImGui;
  (void)g;
  if (g.LastItemData.ID != 0)
    IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label, g.LastItemData.StatusFlags);
}

void Badge(const char* text, const ImVec4& fg, const ImVec4& bg) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 textSize = ImGui::CalcTextSize(text);
  const float padX = style.FramePadding.x * 0.6f;
  const float padY = style.FramePadding.y * 0.35f;
  const ImVec2 size(textSize.x + padX * 2.0f, textSize.y + padY * 2.0f);
  ImVec2 pos = window->DC.CursorPos;
  // Align with text on the same line.
  pos.y += std::max(0.0f, window->DC.CurrLineTextBaseOffset - padY);
  const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImGui::ItemSize(size, 0.0f);
  if (!ImGui::ItemAdd(bb, 0)) return;
  window->DrawList->AddRectFilled(bb.Min, bb.Max, toU32(bg), size.y * 0.5f);
  window->DrawList->AddText(ImVec2(bb.Min.x + padX, bb.Min.y + padY), toU32(fg), text);
}

void SameLineIfFits(float width) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float nextX = window->DC.CursorPosPrevLine.x + spacing;
  // Same convention as PushTextWrapPos(): < 0 none (use the work rect), 0 the content edge.
  const float wrap = window->DC.TextWrapPos;
  const float limit =
      wrap > 0.0f ? std::min(window->WorkRect.Max.x, window->Pos.x + wrap - window->Scroll.x)
                  : window->WorkRect.Max.x;
  if (nextX + width <= limit + 0.5f) ImGui::SameLine();
}

void Spinner(float radius, float thickness, const ImVec4& color) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  const ImVec2 pos = window->DC.CursorPos;
  const float lineHeight = std::max(radius * 2.0f, ImGui::GetTextLineHeight());
  const ImVec2 size(radius * 2.0f, lineHeight);
  const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImGui::ItemSize(size, 0.0f);
  if (!ImGui::ItemAdd(bb, 0)) return;
  ImDrawList* dl = window->DrawList;
  const float t = static_cast<float>(ImGui::GetTime());
  const int segments = 30;
  const float start = std::fabs(std::sin(t * 1.8f)) * static_cast<float>(segments - 5);
  const float aMin = IM_PI * 2.0f * start / static_cast<float>(segments);
  const float aMax = IM_PI * 2.0f * static_cast<float>(segments - 3) / static_cast<float>(segments);
  const ImVec2 center(pos.x + radius, pos.y + lineHeight * 0.5f);
  const float r = radius - thickness * 0.5f;
  dl->AddCircle(center, r, toU32(ImVec4(color.x, color.y, color.z, color.w * 0.18f)), 0, thickness);
  dl->PathClear();
  for (int i = 0; i <= segments; ++i) {
    const float a = aMin + (static_cast<float>(i) / segments) * (aMax - aMin) + t * 8.0f;
    dl->PathLineTo(ImVec2(center.x + std::cos(a) * r, center.y + std::sin(a) * r));
  }
  dl->PathStroke(toU32(color), 0, thickness);
}

void BringCurrentWindowToFront() { ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow()); }

void PushNoTabStop() { ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true); }

void PopNoTabStop() { ImGui::PopItemFlag(); }

}  // namespace patdesk::ui
