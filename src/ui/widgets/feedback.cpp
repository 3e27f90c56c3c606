// Busy spinner, per-step progress, inline field problems and section labels.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/app/selectors.h"

#include "ui/ui_internal.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {

void drawBusyAndProgress(Frame& f) {
  const app::AppState& st = f.state();
  if (st.busy > 0) BusyLine(st.busyLabel, f.scale);
  drawProgressSteps(f);
}

void drawProgressSteps(Frame& f) {
  for (const std::string& step : f.state().progressSteps) {
    ImGui::Bullet();
    TextItem(step);
  }
}

void drawFieldProblems(const std::vector<app::FieldProblem>& problems, const char* field) {
  for (const app::FieldProblem& problem : problems)
    if (problem.field == field) TextItem(problem.message, &palette().danger);
}

void sectionLabel(Frame& f, const std::string& text) {
  // Plain text, not a registry item: the field below it owns the label (e.g. "##Name").
  if (f.in.fonts.bodyBold) ImGui::PushFont(f.in.fonts.bodyBold);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  if (f.in.fonts.bodyBold) ImGui::PopFont();
}

void footerReason(const std::vector<app::FieldProblem>& problems) {
  if (problems.empty()) return;
  ImGui::SameLine();
  const float avail = ImGui::GetContentRegionAvail().x;
  std::string text = problems.front().message;
  if (ImGui::CalcTextSize(text.c_str()).x > avail) {
    const std::string ellipsis = "...";
    while (!text.empty() && ImGui::CalcTextSize((text + ellipsis).c_str()).x > avail) {
      text.pop_back();
      while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
        text.pop_back();  // never cut a UTF-8 sequence in half
    }
    if (text.empty()) return;
    text += ellipsis;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(palette().textMuted, "%s", text.c_str());
}

void nameFeedback(const std::vector<app::FieldProblem>& problems, const std::string& name,
                  bool showProblem) {
  size_t length = 0;
  for (unsigned char c : name) length += (c & 0xC0) != 0x80 ? 1 : 0;
  const std::string counter =
      std::to_string(length) + " / " + std::to_string(app::kMaxPatNameLength);
  const float counterWidth = ImGui::CalcTextSize(counter.c_str()).x;
  const float startX = ImGui::GetCursorPosX();
  const float avail = ImGui::GetContentRegionAvail().x;
  const app::FieldProblem* problem = nullptr;
  for (const app::FieldProblem& p : problems)
    if (p.field == "name" && !problem) problem = &p;
  // One line that is always there, so the form never jumps under the pointer when the
  // message appears (e.g. as the field loses focus on the very click that aims below it).
  if (showProblem && problem) {
    ImGui::PushTextWrapPos(startX +
                           std::max(1.0f, avail - counterWidth - ImGui::GetStyle().ItemSpacing.x));
    TextItem(problem->message, &palette().danger);
    ImGui::PopTextWrapPos();
    ImGui::SameLine();
  }
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), startX + avail - counterWidth));
  const ImVec4& color = length > app::kMaxPatNameLength ? palette().danger : palette().textMuted;
  ImGui::TextColored(color, "%s", counter.c_str());
}

void drawFormFooter(Frame& f, const char* submitLabel,
                    const std::vector<app::FieldProblem>& problems, bool enterPressed,
                    const app::Intent& submit, const FooterAction* extra) {
  beginPanelFooter(f);
  const bool canSubmit = problems.empty() && f.state().busy == 0;
  ImGui::BeginDisabled(!canSubmit);
  if (PrimaryButton(submitLabel) || (enterPressed && canSubmit)) f.emit(submit);
  ImGui::EndDisabled();
  if (!problems.empty()) TooltipOnHover(problems.front().message);
  ImGui::SameLine();
  if (QuietButton("Cancel")) f.emit(app::intent::ClosePanel{});
  if (extra) {
    SameLineIfFits(ImGui::CalcTextSize(extra->label).x + ImGui::GetStyle().FramePadding.x * 2);
    if (QuietButton(extra->label)) f.emit(extra->intent);
    if (extra->tooltip) TooltipOnHover(extra->tooltip);
  }
  if (!f.narrow) footerReason(problems);
  endPanel(f);
}

}  // namespace patdesk::ui
