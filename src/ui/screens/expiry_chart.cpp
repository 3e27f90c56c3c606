// The expiry timeline: how many tokens expire in each of the next 13 weeks, as bars drawn
// with the draw list; red for this week, amber within a month. Hover a bar for the count.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/app/selectors.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

void drawExpiryChart(Frame& f, float height) {
  const app::AppState& st = f.state();
  const Palette& p = palette();
  constexpr int kWeeks = 13;
  const std::vector<int> counts = app::expiriesPerWeek(st, f.in.nowMs, kWeeks);
  int total = 0, maxCount = 0;
  for (int c : counts) {
    total += c;
    maxCount = std::max(maxCount, c);
  }

  const float width = ImGui::GetContentRegionAvail().x;
  BeginCard(width, f.px(12));
  const float inner = CardInnerWidth();
  TextItemWithFont(f.in.fonts.bodyBold, "Expiring in the next 13 weeks");
  ImGui::SameLine();
  TextMuted(total == 0 ? std::string("none") : plural(total, "token", "tokens"));

  const float axisLeft = ImGui::CalcTextSize("000").x + f.px(6);
  const float labelHeight = ImGui::GetTextLineHeight() + f.px(4);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(inner, height);
  // Hover-only (its tooltip): not a Tab stop, since neither Enter nor Space does anything.
  PushNoTabStop();
  ImGui::InvisibleButton("##Expiry timeline", size);
  PopNoTabStop();
  ReportLastItem("Expiry timeline");
  const bool hovered = ImGui::IsItemHovered();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float plotLeft = origin.x + axisLeft;
  const float plotRight = origin.x + size.x;
  const float plotTop = origin.y + f.px(4);
  const float plotBottom = origin.y + size.y - labelHeight;
  const float plotHeight = std::max(1.0f, plotBottom - plotTop);
  const float slot = (plotRight - plotLeft) / kWeeks;
  const float barWidth = std::max(f.px(3), slot * 0.62f);
  const ImU32 axisColor = toU32(p.border);
  const ImU32 labelColor = toU32(p.textMuted);

  // Y axis: the maximum and zero, with a faint gridline at the maximum.
  const int scaleMax = std::max(1, maxCount);
  const std::string maxLabel = std::to_string(scaleMax);
  dl->AddText(ImVec2(plotLeft - f.px(6) - ImGui::CalcTextSize(maxLabel.c_str()).x,
                     plotTop - ImGui::GetTextLineHeight() * 0.5f),
              labelColor, maxLabel.c_str());
  dl->AddText(ImVec2(plotLeft - f.px(6) - ImGui::CalcTextSize("0").x,
                     plotBottom - ImGui::GetTextLineHeight() * 0.5f),
              labelColor, "0");
  dl->AddLine(ImVec2(plotLeft, plotTop), ImVec2(plotRight, plotTop),
              toU32(ImVec4(p.border.x, p.border.y, p.border.z, 0.5f)));
  dl->AddLine(ImVec2(plotLeft, plotBottom), ImVec2(plotRight, plotBottom), axisColor);

  // X axis labels: as many week starts as fit.
  const float labelWidth = ImGui::CalcTextSize("Mmm 00").x + f.px(8);
  const int every = std::max(1, static_cast<int>(labelWidth / slot) + 1);
  int hoveredWeek = -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (int w = 0; w < kWeeks; ++w) {
    const float x0 = plotLeft + slot * w + (slot - barWidth) * 0.5f;
    const float h = counts[static_cast<size_t>(w)] * plotHeight / static_cast<float>(scaleMax);
    const bool isHovered =
        hovered && mouse.x >= plotLeft + slot * w && mouse.x < plotLeft + slot * (w + 1);
    if (isHovered) {
      hoveredWeek = w;
      dl->AddRectFilled(ImVec2(plotLeft + slot * w, plotTop),
                        ImVec2(plotLeft + slot * (w + 1), plotBottom),
                        toU32(ImVec4(p.primary.x, p.primary.y, p.primary.z, 0.08f)), f.px(4));
    }
    ImVec4 color = p.chartBar;
    if (w == 0)
      color = p.danger;
    else if (w < 4)
      color = p.warning;
    if (counts[static_cast<size_t>(w)] > 0) {
      dl->AddRectFilled(ImVec2(x0, plotBottom - std::max(h, f.px(2))),
                        ImVec2(x0 + barWidth, plotBottom), toU32(color), f.px(3),
                        ImDrawFlags_RoundCornersTop);
    }
    if (w % every == 0) {
      const std::string label =
          formatShortDateUtc(f.in.nowMs + static_cast<int64_t>(w) * 7 * kDayMs);
      const float tw = ImGui::CalcTextSize(label.c_str()).x;
      dl->AddText(ImVec2(plotLeft + slot * w + (slot - tw) * 0.5f, plotBottom + f.px(3)),
                  labelColor, label.c_str());
    }
  }
  if (hoveredWeek >= 0) {
    const int n = counts[static_cast<size_t>(hoveredWeek)];
    const int64_t weekStart = f.in.nowMs + static_cast<int64_t>(hoveredWeek) * 7 * kDayMs;
    ImGui::BeginTooltip();
    ImGui::Text(
        "%s in week of %s",
        (n == 1 ? std::string("1 token expires") : std::to_string(n) + " tokens expire").c_str(),
        formatDateUtc(weekStart).c_str());
    ImGui::EndTooltip();
  }
  EndCard(p.surface, p.border, f.px(8));
}

}  // namespace patdesk::ui
