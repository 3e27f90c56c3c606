// Busy spinner, per-step progress, inline field problems and section labels.
#include <imgui.h>

#include "ui/theme.h"
#include "ui/ui_internal.h"
#include "ui/widgets.h"

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
  TextItemWithFont(f.in.fonts.bodyBold, text);
}

}  // namespace patdesk::ui
