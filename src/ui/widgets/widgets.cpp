// Widgets built from ImGui's public API (buttons, cards, banners, toasts); the ones that need
// ImGui internals live in ui/imgui_ext/custom_items.cpp.
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <cmath>

#include "ui/imgui_ext/semantics.h"
#include "ui/widgets/theme.h"

namespace patdesk::ui {
namespace {

struct CardFrame {
  ImDrawList* drawList;
  ImVec2 start;
  float width;
  float padding;
};

std::vector<CardFrame>& cards() {
  static std::vector<CardFrame> stack;
  return stack;
}

bool coloredButton(const char* label, const ImVec2& size, const ImVec4& base, const ImVec4& hovered,
                   const ImVec4& active, const ImVec4& text) {
  ImGui::PushStyleColor(ImGuiCol_Button, base);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hovered);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
  ImGui::PushStyleColor(ImGuiCol_Text, text);
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(5);
  return pressed;
}

}  // namespace

void TextItem(const std::string& text, const ImVec4* color) {
  TextItemWithFont(nullptr, text, color);
}

void TextItemColored(const ImVec4& color, const std::string& text) { TextItem(text, &color); }

void TextMuted(const std::string& text) { TextItem(text, &palette().textMuted); }

bool PrimaryButton(const char* label, const ImVec2& size) {
  const Palette& p = palette();
  return coloredButton(label, size, p.primary, p.primaryHovered, p.primaryActive, p.onPrimary);
}

bool DangerButton(const char* label, const ImVec2& size) {
  const Palette& p = palette();
  return coloredButton(label, size, p.danger, p.dangerHovered, p.dangerActive, p.onDanger);
}

bool QuietButton(const char* label, const ImVec2& size) {
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Border, p.border);
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(2);
  return pressed;
}

float ChipWidth(const char* text) {
  return ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void TooltipOnHover(const std::string& text) {
  if (text.empty() || !ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void BusyLine(const std::string& label, float scale) {
  Spinner(8.0f * scale, 2.5f * scale, palette().primary);
  ImGui::SameLine();
  setNextItemSemantics({Role::Status, false, {}});  // progress is announced politely
  TextItem(label.empty() ? std::string("Working\xE2\x80\xA6") : label);
}

void BeginCard(float width, float padding) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  cards().push_back({dl, start, width, padding});
  ImGui::SetCursorScreenPos(ImVec2(start.x + padding, start.y + padding));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - padding * 2.0f);
  ImGui::Dummy(ImVec2(width - padding * 2.0f, 0.0f));
  // The dummy only fixes the group's width; without this, its line spacing would push the
  // content down and the card would look padded more at the top than at the bottom.
  ImGui::SetCursorScreenPos(ImVec2(start.x + padding, start.y + padding));
}

float CardInnerWidth() {
  if (cards().empty()) return ImGui::GetContentRegionAvail().x;
  return cards().back().width - cards().back().padding * 2.0f;
}

void EndCard(const ImVec4& background, const ImVec4& border, float rounding) {
  IM_ASSERT(!cards().empty());
  const CardFrame card = cards().back();
  cards().pop_back();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const ImVec2 max(card.start.x + card.width, ImGui::GetItemRectMax().y + card.padding);
  card.drawList->ChannelsSetCurrent(0);
  card.drawList->AddRectFilled(card.start, max, toU32(background), rounding);
  if (border.w > 0.0f) card.drawList->AddRect(card.start, max, toU32(border), rounding);
  card.drawList->ChannelsMerge();
  ImGui::SetCursorScreenPos(card.start);
  ImGui::Dummy(ImVec2(card.width, max.y - card.start.y));
}

void Banner(const std::string& text, const ImVec4& fg, const ImVec4& bg, float scale) {
  const float width = ImGui::GetContentRegionAvail().x;
  BeginCard(width, 10.0f * scale);
  TextItem(text, &fg);
  EndCard(bg, ImVec4(fg.x, fg.y, fg.z, 0.35f), 6.0f * scale);
}

void CenterNext(float width) {
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
}

void DrawToasts(const std::vector<app::Toast>& toasts, int64_t nowMs, float scale) {
  std::vector<const app::Toast*> live;
  for (const auto& t : toasts)
    if (t.untilMs == 0 || t.untilMs > nowMs) live.push_back(&t);
  if (live.empty()) return;
  const Palette& p = palette();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float margin = 16.0f * scale;
  const float width = std::min(380.0f * scale, display.x - margin * 2.0f);
  ImGui::SetNextWindowPos(ImVec2(display.x - margin, display.y - margin), ImGuiCond_Always,
                          ImVec2(1.0f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, display.y * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, p.toastSurface);
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14.0f * scale, 12.0f * scale));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_AlwaysAutoResize;
  if (ImGui::Begin("##toasts", nullptr, flags)) {
    BringCurrentWindowToFront();
    ImGui::PushTextWrapPos(0.0f);
    for (size_t i = 0; i < live.size(); ++i) {
      if (i > 0) ImGui::Separator();
      TextItem(live[i]->text, &p.toastText);
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
}

}  // namespace patdesk::ui
