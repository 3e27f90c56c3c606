// The line above the token table: how many tokens are shown and how many of them expire
// within 7 days (with a button that selects exactly those), the exports of the rows shown,
// and calendar reminders with their lead time.
#include <imgui.h>

#include <string>

#include "core/app/inventory_files.h"
#include "ui/imgui_ext/semantics.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

constexpr int kLeadDays[] = {1, 3, 7, 14};

float quietWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void drawReminderControls(Frame& f, size_t selectedTotal) {
  const app::AppState& st = f.state();
  TextMuted("Remind me");
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(f.px(2), ImGui::GetStyle().ItemSpacing.y));
  for (int days : kLeadDays) {
    const std::string text = plural(days, "day", "days");
    const std::string testLabel = "Remind " + text + " before";
    SameLineIfFits(ChipWidth(text.c_str()));
    if (Chip(text.c_str(), testLabel.c_str(), st.reminderLeadDays == days))
      f.emit(app::intent::SetReminderLeadDays{days});
  }
  ImGui::PopStyleVar();
  // On the same line only when it fits whole: squeezed, the text would wrap letter by letter.
  SameLineIfFits(ImGui::CalcTextSize("before expiry").x);
  TextMuted("before expiry");
  const bool anySelected = selectedTotal > 0;
  SameLineIfFits(quietWidth("Add reminders to calendar"));
  if (QuietButton("Add reminders to calendar")) f.emit(app::intent::ExportReminders{});
  TooltipOnHover(anySelected ? "An .ics file with one event per selected active token."
                             : "An .ics file with one event per active token shown.");
}

}  // namespace

void drawInventoryActions(Frame& f, const std::vector<size_t>& rows,
                          const app::VisibleRowsCache::Counts& counts) {
  const size_t soon = counts.expiringSoon;
  TextMuted(plural(static_cast<int64_t>(rows.size()), "token shown", "tokens shown"));
  ImGui::SameLine();
  const std::string soonText =
      std::to_string(soon) + (soon == 1 ? " expires" : " expire") + " within 7 days";
  // The summary a screen reader announces when it changes ("3 tokens, 1 expires within 7 days").
  announce("inventory-summary",
           plural(static_cast<int64_t>(rows.size()), "token", "tokens") + ", " + soonText);
  if (soon > 0) {
    TextItem(soonText, &palette().danger);
    SameLineIfFits(quietWidth("Select expiring soon"));
    if (QuietButton("Select expiring soon")) f.emit(app::intent::SelectExpiringSoon{});
    TooltipOnHover("Selects exactly the tokens shown that expire within 7 days.");
  } else {
    TextMuted(soonText);
  }

  SameLineIfFits(quietWidth("Export CSV") + quietWidth("Export JSON") + f.px(8));
  ImGui::BeginDisabled(rows.empty());
  if (QuietButton("Export CSV")) f.emit(app::intent::ExportInventory{app::ExportFormat::Csv});
  ImGui::SameLine();
  if (QuietButton("Export JSON")) f.emit(app::intent::ExportInventory{app::ExportFormat::Json});
  ImGui::EndDisabled();
  if (!f.narrow) ImGui::SameLine(0.0f, f.px(16));
  drawReminderControls(f, counts.selectedTotal);
}

}  // namespace patdesk::ui
