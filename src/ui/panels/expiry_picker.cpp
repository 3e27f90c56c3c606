// The expiry picker of the create and edit panes: one chip per choice, a date field when
// the custom choice is picked, and the resulting expiry in UTC and local time.
#include <imgui.h>

#include <string>

#include "ui/imgui_ext/string_input.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

const ExpiryPicker& createExpiryChoices() {
  static const ExpiryPicker choices{{{7, "7 days"},
                                     {30, "30 days"},
                                     {60, "60 days"},
                                     {90, "90 days"},
                                     {180, "180 days"},
                                     {365, "1 year"},
                                     {0, "Custom"}},
                                    0,
                                    "##Expiration date"};
  return choices;
}

const ExpiryPicker& editExpiryChoices() {
  static const ExpiryPicker choices{{{0, "Keep current expiry"},
                                     {30, "30 days"},
                                     {60, "60 days"},
                                     {90, "90 days"},
                                     {365, "1 year"},
                                     {-1, "Custom date"}},
                                    -1,
                                    "##New expiry date"};
  return choices;
}

bool drawExpiryPicker(Frame& f, const ExpiryPicker& picker, int& days, std::string& customDate) {
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(f.px(4), f.px(4)));
  for (size_t i = 0; i < picker.choices.size(); ++i) {
    const ExpiryChoice& choice = picker.choices[i];
    if (i > 0) SameLineIfFits(ChipWidth(choice.label));
    if (Chip(choice.label, choice.label, days == choice.days)) days = choice.days;
  }
  ImGui::PopStyleVar();
  bool enter = false;
  if (days == picker.customDays) {
    ImGui::SetNextItemWidth(f.px(170));
    enter = InputStringWithHint(
        picker.dateFieldId, "YYYY-MM-DD", &customDate,
        ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    TextMuted("(UTC, end of day)");
  }
  return enter;
}

void drawExpiryOutcome(Frame& f, const char* prefix, int64_t expiryMs,
                       const std::vector<app::FieldProblem>& problems) {
  if (expiryMs > 0) {
    TextMuted(std::string(prefix) + formatDateTimeUtc(expiryMs) + " / local: " +
              formatDateTimeLocal(expiryMs) + " (" + relativeExpiry(expiryMs, f.in.nowMs) + ")");
  }
  drawFieldProblems(problems, "expiry");
  ImGui::Dummy(ImVec2(0, f.px(4)));
}

}  // namespace patdesk::ui
