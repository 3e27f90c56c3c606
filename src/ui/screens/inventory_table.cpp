// The token table: sortable headers, selection checkboxes, expiry highlights, scope tooltips
// and per-row actions. ImGuiListClipper submits only the rows on screen, so 10,000 tokens
// cost the same per frame as 30.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/app/global_pats.h"
#include "core/app/selectors.h"
#include "core/devops/scopes.h"
#include "core/text/strings.h"
#include "ui/imgui_ext/semantics.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

using app::SortColumn;

enum Column { kSelect, kName, kOrganization, kScopes, kCreated, kExpires, kStatus, kActions };

struct ColumnSpec {
  Column column;
  const char* name;
  ImGuiTableColumnFlags flags;
  float cssWidth;  // fixed width in CSS px; 0 = stretch
  SortColumn sort;
};

std::string scopeTooltip(const std::string& scope) {
  std::string lines;
  for (const std::string& one : text::splitWords(scope)) {
    if (!lines.empty()) lines += '\n';
    lines += devops::labelForScope(one);
    if (devops::isHighPrivilege(one)) lines += "  (high privilege)";
  }
  return lines.empty() ? "No scopes" : lines;
}

void statusCell(app::TokenStatus status, bool narrow) {
  const Palette& p = palette();
  ImVec4 fg = p.success, bg = p.successSurface;
  if (status == app::TokenStatus::Expired) {
    fg = p.warning;
    bg = p.warningSurface;
  } else if (status == app::TokenStatus::Revoked) {
    fg = p.textMuted;
    bg = p.surfaceAlt;
  }
  (void)narrow;
  Badge(app::statusLabel(status), fg, bg);
  describeLastItem(app::statusLabel(status));
}

void actionButtons(Frame& f, const devops::PatToken& pat, const app::AllowedActions& allowed) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(f.px(8), ImGui::GetStyle().FramePadding.y * 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(f.px(4), ImGui::GetStyle().ItemSpacing.y));
  if (allowed.details && QuietButton("Details##row"))
    f.emit(app::intent::OpenDetails{pat.authorizationId});
  if (allowed.edit) {
    ImGui::SameLine();
    if (QuietButton("Edit##row")) f.emit(app::intent::OpenEdit{pat.authorizationId});
  }
  if (allowed.recreate) {
    ImGui::SameLine();
    if (QuietButton("Recreate##row")) f.emit(app::intent::OpenRecreate{pat.authorizationId});
    TooltipOnHover(
        "This token can no longer be changed: create a new one with the same name, "
        "organization and scopes and a new expiry, then revoke this one.");
  }
  if (allowed.rotate) {
    ImGui::SameLine();
    if (QuietButton("Rotate##row")) f.emit(app::intent::Rotate{pat.authorizationId});
    TooltipOnHover(
        "Create a replacement with the same name, scopes and lifetime, then revoke "
        "this one. Global tokens become single-organization tokens.");
  }
  if (allowed.revoke) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    if (QuietButton("Revoke##row")) f.emit(app::intent::AskRevoke{{pat.authorizationId}});
    ImGui::PopStyleColor();
  }
  ImGui::PopStyleVar(2);
}

void actionsMenu(Frame& f, const devops::PatToken& pat, const app::AllowedActions& allowed) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(f.px(8), ImGui::GetStyle().FramePadding.y * 0.5f));
  if (QuietButton("More##row")) ImGui::OpenPopup("##row-actions");
  ImGui::PopStyleVar();
  if (ImGui::BeginPopup("##row-actions")) {
    if (allowed.details && ImGui::MenuItem("Details"))
      f.emit(app::intent::OpenDetails{pat.authorizationId});
    if (allowed.edit && ImGui::MenuItem("Edit")) f.emit(app::intent::OpenEdit{pat.authorizationId});
    if (allowed.recreate && ImGui::MenuItem("Recreate"))
      f.emit(app::intent::OpenRecreate{pat.authorizationId});
    if (allowed.rotate && ImGui::MenuItem("Rotate"))
      f.emit(app::intent::Rotate{pat.authorizationId});
    if (allowed.revoke) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
      if (ImGui::MenuItem("Revoke")) f.emit(app::intent::AskRevoke{{pat.authorizationId}});
      ImGui::PopStyleColor();
    }
    ImGui::EndPopup();
  }
}

void drawRow(Frame& f, const app::TokenRow& row, const std::vector<ColumnSpec>& columns,
             float rowHeight) {
  const Palette& p = palette();
  const devops::PatToken& pat = row.pat;
  const int64_t now = f.in.nowMs;
  const app::TokenStatus status = app::tokenStatus(pat, now);
  const bool active = status == app::TokenStatus::Active;
  ImGui::TableNextRow(ImGuiTableRowFlags_None, rowHeight);
  if (active) {
    const app::ExpiryLevel level = app::expiryLevel(pat.validToMs, now);
    if (level == app::ExpiryLevel::Critical) {
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, toU32(p.rowCritical));
    } else if (level == app::ExpiryLevel::Warning) {
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, toU32(p.rowWarning));
    }
  }
  ImGui::PushID(pat.authorizationId.c_str());
  const std::string name = pat.displayName.empty() ? "(unnamed)" : labelSafe(pat.displayName);
  for (size_t c = 0; c < columns.size(); ++c) {
    ImGui::TableSetColumnIndex(static_cast<int>(c));
    switch (columns[c].column) {
      case kSelect: {
        bool selected = row.selected;
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(f.px(3), f.px(3)));
        const std::string label = "##Select " + name;
        if (ImGui::Checkbox(label.c_str(), &selected))
          f.emit(app::intent::ToggleRow{pat.authorizationId, ImGui::GetIO().KeyShift});
        ImGui::PopStyleVar();
        break;
      }
      case kName: {
        const std::string label = name + "##name";
        const std::string badgeText = app::globalPatBadge(now);
        const float badge =
            pat.isGlobal() ? ImGui::CalcTextSize(badgeText.c_str()).x + f.px(16) : 0.0f;
        const float width = std::max(f.px(40), std::min(ImGui::CalcTextSize(name.c_str()).x,
                                                        ImGui::GetContentRegionAvail().x - badge));
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(width, 0)))
          f.emit(app::intent::OpenDetails{pat.authorizationId});
        TooltipOnHover(pat.displayName + "\nShow every field");
        if (pat.isGlobal()) {
          ImGui::SameLine();
          Badge(badgeText.c_str(), p.warning, p.warningSurface);
          TooltipOnHover(app::globalPatTooltip(now));
        }
        break;
      }
      case kOrganization:
        ImGui::TextUnformatted(pat.organization.c_str());
        describeLastItem(pat.organization);
        break;
      case kScopes: {
        const std::string text = devops::describeScopes(pat.scope);
        ImGui::TextUnformatted(text.c_str());
        describeLastItem(text);
        TooltipOnHover(scopeTooltip(pat.scope));
        break;
      }
      case kCreated:
        ImGui::TextUnformatted(pat.validFromMs > 0 ? formatDateUtc(pat.validFromMs).c_str() : "");
        if (pat.validFromMs > 0) describeLastItem(formatDateUtc(pat.validFromMs));
        TooltipOnHover(pat.validFromMs > 0 ? formatDateTimeUtc(pat.validFromMs) +
                                                 "\nlocal: " + formatDateTimeLocal(pat.validFromMs)
                                           : std::string());
        break;
      case kExpires: {
        const std::string relative = relativeExpiry(pat.validToMs, now);
        const ImVec4* color = nullptr;
        if (active) {
          const app::ExpiryLevel level = app::expiryLevel(pat.validToMs, now);
          if (level == app::ExpiryLevel::Critical) color = &p.danger;
          if (level == app::ExpiryLevel::Warning) color = &p.warning;
        } else {
          color = &p.textMuted;
        }
        std::string text = f.narrow ? (pat.revoked ? std::string("Revoked") : relative)
                                    : formatDateUtc(pat.validToMs) + "  " + relative;
        if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
        ImGui::TextUnformatted(text.c_str());
        describeLastItem(text);
        if (color) ImGui::PopStyleColor();
        TooltipOnHover(formatDateTimeUtc(pat.validToMs) + "\nlocal: " +
                       formatDateTimeLocal(pat.validToMs) + "\n" + app::statusLabel(status));
        break;
      }
      case kStatus:
        statusCell(status, f.narrow);
        break;
      case kActions:
        if (f.narrow) {
          actionsMenu(f, pat, app::allowedActions(pat, now));
        } else {
          actionButtons(f, pat, app::allowedActions(pat, now));
        }
        break;
    }
  }
  ImGui::PopID();
}

void handleSorting(Frame& f) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || !specs->SpecsDirty) return;
  if (specs->SpecsCount > 0) {
    const auto column = static_cast<SortColumn>(specs->Specs[0].ColumnUserID);
    const bool ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    const app::AppState& st = f.state();
    if (column != st.sortColumn || ascending != st.sortAscending)
      f.emit(app::intent::SetSort{column, ascending});
  }
  specs->SpecsDirty = false;
}

}  // namespace

void drawInventoryTable(Frame& f, const std::vector<size_t>& rows, bool allSelected, float height) {
  const app::AppState& st = f.state();
  // The actions column fits its four small buttons (see actionButtons()).
  float actionsWidth = f.px(4) * 3.0f + f.px(2);
  for (const char* label : {"Details", "Edit", "Rotate", "Revoke"})
    actionsWidth += ImGui::CalcTextSize(label).x + f.px(8) * 2.0f;
  const float actionsCss = actionsWidth / f.scale;

  std::vector<ColumnSpec> columns;
  const ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed;
  columns.push_back({kSelect, "##select",
                     fixed | ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_NoResize |
                         ImGuiTableColumnFlags_NoHide,
                     26, SortColumn::Name});
  columns.push_back({kName, "Name",
                     ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoHide, 0,
                     SortColumn::Name});
  if (!f.narrow) {
    columns.push_back({kOrganization, "Organization", fixed, 130, SortColumn::Organization});
    columns.push_back(
        {kScopes, "Scopes", ImGuiTableColumnFlags_WidthStretch, 0, SortColumn::Scopes});
    columns.push_back({kCreated, "Created", fixed, 92, SortColumn::Created});
  }
  columns.push_back({kExpires, "Expires", fixed, f.narrow ? 112.0f : 190.0f, SortColumn::Expires});
  if (!f.narrow) columns.push_back({kStatus, "Status", fixed, 74, SortColumn::Status});
  columns.push_back({kActions, "Actions",
                     fixed | ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_NoResize,
                     f.narrow ? 58.0f : actionsCss, SortColumn::Name});

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_PadOuterX | ImGuiTableFlags_SizingFixedFit;
  const char* id = f.narrow ? "##tokens-narrow" : "##tokens";
  if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), flags, ImVec2(0, height))) return;
  for (const ColumnSpec& col : columns) {
    ImGuiTableColumnFlags colFlags = col.flags;
    if (!(colFlags & ImGuiTableColumnFlags_NoSort) && col.sort == st.sortColumn) {
      colFlags |= ImGuiTableColumnFlags_DefaultSort |
                  (st.sortAscending ? ImGuiTableColumnFlags_PreferSortAscending
                                    : ImGuiTableColumnFlags_PreferSortDescending);
    }
    const float width = col.cssWidth > 0 ? f.px(col.cssWidth) : (col.column == kName ? 2.0f : 1.5f);
    ImGui::TableSetupColumn(col.name, colFlags, width, static_cast<ImGuiID>(col.sort));
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  handleSorting(f);

  // Header row, with a "select all visible" checkbox in the first column.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (size_t c = 0; c < columns.size(); ++c) {
    if (!ImGui::TableSetColumnIndex(static_cast<int>(c))) continue;
    if (columns[c].column == kSelect) {
      bool value = allSelected;
      ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(f.px(3), f.px(3)));
      if (ImGui::Checkbox("##Select all visible", &value))
        f.emit(app::intent::SelectAllVisible{value});
      ImGui::PopStyleVar();
      TooltipOnHover(allSelected ? "Clear the selection" : "Select every row shown");
      continue;
    }
    ImGui::TableHeader(columns[c].name);
    ReportLastItem(columns[c].name);
  }

  const float rowHeight = ImGui::GetFrameHeight() + f.px(4);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));  // row height measured from the first row
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      drawRow(f, st.tokens[rows[static_cast<size_t>(i)]], columns, rowHeight);
  }
  ImGui::EndTable();
}

}  // namespace patdesk::ui
