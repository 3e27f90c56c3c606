// The scope picker shared by the create and edit panes: one row per scope group with a
// chip per level (None, Read, Read & write, ...). The scope string is the source of truth:
// it is parsed every frame and rewritten only when the person picks another level.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/devops/scopes.h"
#include "core/text/strings.h"
#include "ui/imgui_ext/string_input.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

bool groupMatches(const devops::ScopeGroup& group, const std::string& filter) {
  if (filter.empty()) return true;
  using text::containsIgnoreAsciiCase;
  if (containsIgnoreAsciiCase(group.name, filter) ||
      containsIgnoreAsciiCase(group.description, filter) ||
      containsIgnoreAsciiCase(group.key, filter))
    return true;
  for (const devops::ScopeLevel& level : group.levels)
    if (containsIgnoreAsciiCase(level.scope, filter) ||
        containsIgnoreAsciiCase(level.label, filter))
      return true;
  return false;
}

std::string highPrivilegeNote(const std::string& scope) {
  return "High privilege: " + scope +
         " can change or delete far more than it reads. Grant it only when the tool really "
         "needs it, and prefer a short expiry.";
}

}  // namespace

void drawFullAccessChoice(Frame& f, bool fullAccess, bool& chooseFull, bool& chooseCustom) {
  chooseFull = false;
  chooseCustom = false;
  if (Chip("Custom defined", "Custom defined", !fullAccess) && fullAccess) chooseCustom = true;
  ImGui::SameLine(0.0f, f.px(4));
  if (Chip("Full access", "Full access", fullAccess) && !fullAccess) chooseFull = true;
  if (fullAccess) {
    TextItem("Full access can do anything you can \xE2\x80\x94 prefer custom scopes.",
             &palette().danger);
  }
}

void drawScopePicker(Frame& f, std::string& scope, bool& showAll, std::string& filter,
                     const std::vector<std::string>* highlighted) {
  const Palette& p = palette();
  const ImGuiStyle& style = ImGui::GetStyle();
  const std::vector<devops::ScopeGroup>& catalogue = devops::scopeCatalogue();
  devops::ScopeSelection selection = devops::parseScopeString(scope);
  bool changed = false;

  ImGui::PushID("scope-picker");
  const float avail = ImGui::GetContentRegionAvail().x;
  const float checkWidth =
      ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize("Show all scopes").x;
  ImGui::SetNextItemWidth(
      f.narrow
          ? avail
          : std::max(f.px(160), std::min(f.px(280), avail - checkWidth - style.ItemSpacing.x)));
  InputStringWithHint("##Filter scopes", "Filter scopes", &filter);
  SameLineIfFits(checkWidth);
  ImGui::Checkbox("Show all scopes", &showAll);
  ImGui::Dummy(ImVec2(0, f.px(4)));

  int shown = 0;
  for (const devops::ScopeGroup& group : catalogue) {
    const auto found = selection.levelByGroup.find(group.key);
    const int current = found == selection.levelByGroup.end() ? -1 : found->second;
    if (!group.common && !showAll && current < 0) continue;
    if (!groupMatches(group, filter)) continue;
    ++shown;
    ImGui::PushID(group.key.c_str());
    TextItemWithFont(f.in.fonts.bodyBold, group.name);
    if (!group.description.empty()) TextMuted(group.description);

    const std::string noneLabel = group.name + ": None";
    if (Chip("None", noneLabel.c_str(), current < 0) && current >= 0) {
      selection.levelByGroup.erase(group.key);
      changed = true;
    }
    for (size_t i = 0; i < group.levels.size(); ++i) {
      const devops::ScopeLevel& level = group.levels[i];
      const std::string testLabel = group.name + ": " + level.label;
      const bool fromLink = highlighted && std::find(highlighted->begin(), highlighted->end(),
                                                     level.scope) != highlighted->end();
      float badgeWidth = level.highPrivilege ? ImGui::CalcTextSize("!").x + f.px(14) : 0.0f;
      if (fromLink) badgeWidth += ImGui::CalcTextSize("from link").x + f.px(14);
      SameLineIfFits(ChipWidth(level.label.c_str()) + badgeWidth);
      const bool active = current == static_cast<int>(i);
      if (Chip(level.label.c_str(), testLabel.c_str(), active) && !active) {
        selection.levelByGroup[group.key] = static_cast<int>(i);
        changed = true;
      }
      TooltipOnHover(level.highPrivilege ? highPrivilegeNote(level.scope) : level.scope);
      if (level.highPrivilege) {
        ImGui::SameLine(0.0f, f.px(3));
        Badge("!", p.danger, p.dangerSurface);
        TooltipOnHover(highPrivilegeNote(level.scope));
      }
      if (fromLink) {
        // Marks what the create link set, so the person checks exactly those.
        ImGui::SameLine(0.0f, f.px(3));
        Badge("from link", p.info, p.infoSurface);
        TooltipOnHover("The link you opened set " + level.scope + ".");
      }
    }
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, f.px(4)));
  }
  if (shown == 0) {
    TextMuted(filter.empty() ? std::string("No scope groups to show.")
                             : "No scopes match \"" + filter + "\".");
  }
  if (!selection.unknown.empty()) {
    std::string kept;
    for (const std::string& s : selection.unknown) kept += (kept.empty() ? "" : " ") + s;
    TextMuted("Also kept (not in patdesk's catalogue): " + kept);
  }
  if (changed) scope = devops::toScopeString(selection);

  ImGui::Dummy(ImVec2(0, f.px(2)));
  sectionLabel(f, "Scope string");
  TextItemWithFont(f.in.fonts.mono, scope.empty() ? std::string("(no scopes selected)") : scope,
                   &p.textMuted);
  ImGui::PopID();
}

}  // namespace patdesk::ui
