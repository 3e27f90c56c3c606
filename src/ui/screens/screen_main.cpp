// Main screen: header (name, user, organization selector, theme, sign out), banners,
// loading progress, filters, search, actions, expiry timeline and the token table.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/app/global_pats.h"
#include "core/app/selectors.h"
#include "core/devops/pat.h"
#include "core/text/strings.h"
#include "ui/imgui_ext/semantics.h"
#include "ui/imgui_ext/string_input.h"
#include "ui/imgui_ext/tab_order.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

using app::StatusFilter;

constexpr const char* kAllOrganizations = "All organizations";
constexpr const char* kAddOrganization = "Add organization\xE2\x80\xA6";

// "https://dev.azure.com/contoso/project" or "contoso.visualstudio.com" -> "contoso".
std::string normalizeOrganizationInput(const std::string& typed) {
  using text::lowerAscii;
  std::string org = text::trim(typed);
  for (const char* scheme : {"https://", "http://"})
    if (lowerAscii(org).rfind(scheme, 0) == 0) org = org.substr(std::string(scheme).size());
  if (lowerAscii(org).rfind("dev.azure.com/", 0) == 0) org = org.substr(14);
  const size_t vs = lowerAscii(org).find(".visualstudio.com");
  if (vs != std::string::npos) org = org.substr(0, vs);
  const size_t slash = org.find('/');
  if (slash != std::string::npos) org = org.substr(0, slash);
  return text::trim(org);
}

float buttonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void drawOrganizationSelector(Frame& f, float width) {
  const app::AppState& st = f.state();
  const std::string preview =
      st.selectedOrganization.empty() ? kAllOrganizations : st.selectedOrganization;
  if (ComboButton(labelSafe(preview).c_str(), "Choose organization", width,
                  ImGui::IsPopupOpen("##organization-popup")))
    ImGui::OpenPopup("##organization-popup");
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + f.px(4)));
  ImGui::SetNextWindowSizeConstraints(ImVec2(std::max(width, f.px(260)), 0),
                                      ImVec2(f.px(480), f.px(420)));
  if (!ImGui::BeginPopup("##organization-popup")) return;
  setNextItemSemantics({Role::Option, st.selectedOrganization.empty(), {}});
  if (ImGui::Selectable(kAllOrganizations, st.selectedOrganization.empty()))
    f.emit(app::intent::SelectOrganization{""});
  for (const app::OrganizationView& org : st.organizations) {
    ImGui::PushID(org.name.c_str());
    std::string status;
    if (org.loading) {
      status = "loading\xE2\x80\xA6";
    } else if (org.error) {
      status = "failed";
    } else {
      status = plural(org.tokensLoaded, "token", "tokens");
    }
    const float statusWidth = ImGui::CalcTextSize(status.c_str()).x + f.px(12);
    const std::string label = labelSafe(org.name) + "##org";
    setNextItemSemantics({Role::Option, st.selectedOrganization == org.name, {}});
    if (ImGui::Selectable(label.c_str(), st.selectedOrganization == org.name, 0,
                          ImVec2(ImGui::GetContentRegionAvail().x - statusWidth, 0)))
      f.emit(app::intent::SelectOrganization{org.name});
    if (org.error) TooltipOnHover(org.error->message + " " + org.error->action);
    ImGui::SameLine();
    if (org.error) {
      ImGui::TextColored(palette().danger, "%s", status.c_str());
    } else {
      ImGui::TextDisabled("%s", status.c_str());
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  setNextItemSemantics({Role::Option, false, {}});
  if (ImGui::Selectable(kAddOrganization)) {
    memory().showAddOrganization = true;
    memory().focusAddOrganization = true;
  }
  ImGui::EndPopup();
}

void drawAddOrganizationRow(Frame& f) {
  UiMemory& mem = memory();
  const app::AppState& st = f.state();
  const bool noneFound = st.organizations.empty() && !st.organizationsLoading;
  if (!mem.showAddOrganization && !noneFound) return;
  ImGui::PushID("add-organization");
  TextMuted(noneFound ? "No organizations were found for this account. If you are a guest in "
                        "an organization, add it by name (dev.azure.com/<name>):"
                      : "Add an organization you can reach as a guest (dev.azure.com/<name>):");
  const float addWidth = buttonWidth("Add");
  const float cancelWidth = buttonWidth("Cancel");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float fieldWidth = std::min(f.px(360), ImGui::GetContentRegionAvail().x);
  if (f.narrow)
    fieldWidth = ImGui::GetContentRegionAvail().x - addWidth - cancelWidth - spacing * 2;
  if (mem.focusAddOrganization) {
    focusNextItem(*ImGui::GetCurrentContext());
    mem.focusAddOrganization = false;
  }
  ImGui::SetNextItemWidth(std::max(f.px(120), fieldWidth));
  const bool enter =
      InputStringWithHint("##Organization name", "organization name", &mem.addOrganizationName,
                          ImGuiInputTextFlags_EnterReturnsTrue);
  const std::string name = normalizeOrganizationInput(mem.addOrganizationName);
  SameLineIfFits(addWidth);
  ImGui::BeginDisabled(name.empty());
  if (PrimaryButton("Add") || (enter && !name.empty())) {
    f.emit(app::intent::AddOrganization{name});
    mem.addOrganizationName.clear();
    mem.showAddOrganization = false;
  }
  ImGui::EndDisabled();
  if (!noneFound) {
    SameLineIfFits(cancelWidth);
    if (QuietButton("Cancel")) {
      mem.addOrganizationName.clear();
      mem.showAddOrganization = false;
    }
  }
  ImGui::PopID();
  ImGui::Spacing();
}

void drawHeader(Frame& f) {
  const app::AppState& st = f.state();
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* themeLabel = st.darkTheme ? "Light mode" : "Dark mode";
  const float rightButtons =
      buttonWidth(themeLabel) + buttonWidth("Sign out") + style.ItemSpacing.x;
  const float comboWidth = f.px(240);
  const float contentRight = ImGui::GetWindowContentRegionMax().x;

  const float titleY = ImGui::GetCursorPosY();
  setNextItemSemantics({Role::Heading, false, {}});
  TextItemWithFont(f.in.fonts.heading, "patdesk");
  std::string who = st.user.name;
  if (!st.user.username.empty())
    who += who.empty() ? st.user.username : " \xC2\xB7 " + st.user.username;
  if (!who.empty()) TextMuted(who);
  const float afterTitleY = ImGui::GetCursorPosY();

  // Right-aligned controls on the title line.
  ImGui::SetCursorPosY(titleY);
  float right = rightButtons;
  if (!f.narrow) right += comboWidth + style.ItemSpacing.x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), contentRight - right));
  if (!f.narrow) {
    drawOrganizationSelector(f, comboWidth);
    ImGui::SameLine();
  }
  if (QuietButton(themeLabel)) f.emit(app::intent::ToggleTheme{});
  ImGui::SameLine();
  if (QuietButton("Sign out")) f.emit(app::intent::SignOut{});
  ImGui::SetCursorPosY(std::max(afterTitleY, ImGui::GetCursorPosY()));

  if (f.narrow) drawOrganizationSelector(f, ImGui::GetContentRegionAvail().x);
  ImGui::Dummy(ImVec2(0, f.px(2)));
  drawAddOrganizationRow(f);
}

void drawBanners(Frame& f, const app::InventorySummary& summary) {
  const app::AppState& st = f.state();
  const Palette& p = palette();
  if (st.throttleRetryAtMs > 0) {
    // A read waits out a 429 whose Retry-After the page cannot read: say when it comes back.
    Banner(app::throttleText(st, f.in.nowMs), p.warning, p.warningSurface, f.scale);
    if (QuietButton("Retry now")) f.emit(app::intent::RetryThrottledNow{});
    ImGui::SameLine();
    if (QuietButton("Cancel##throttle")) f.emit(app::intent::CancelThrottled{});
    ImGui::Spacing();
  }
  const int globals = summary.activeGlobalTokens;
  if (globals > 0) {
    Banner(app::globalPatBanner(f.in.nowMs, globals), p.warning, p.warningSurface, f.scale);
    ImGui::Spacing();
  }
  for (const app::OrganizationView& org : st.organizations) drawOrganizationErrorRow(f, org);
  if (st.lastError) drawErrorPanel(f, *st.lastError);
}

void drawLoadingProgress(Frame& f) {
  const app::AppState& st = f.state();
  int loading = 0, pages = 0, tokens = 0;
  for (const app::OrganizationView& org : st.organizations) {
    if (org.loading) ++loading;
    pages += org.pagesLoaded;
    tokens += org.tokensLoaded;
  }
  if (!st.organizationsLoading && loading == 0) return;
  // While no organization is known yet, the busy line above already says "Finding your
  // organizations…" and the empty table says it again: a third line would only repeat it.
  if (st.organizationsLoading && st.organizations.empty()) return;
  const std::string text = "Loading tokens from " +
                           plural(loading, "organization", "organizations") + ": " +
                           plural(pages, "page", "pages") + ", " +
                           plural(tokens, "token", "tokens") + " so far\xE2\x80\xA6";
  Spinner(f.px(8), f.px(2.5f), palette().primary);
  ImGui::SameLine();
  TextItem(text);
  const int total = static_cast<int>(st.organizations.size());
  const float fraction = total > 0 ? static_cast<float>(total - loading) / total : 0.0f;
  ImGui::ProgressBar(fraction, ImVec2(-1.0f, f.px(4)), "");
  ImGui::Spacing();
}

void drawToolbar(Frame& f, const std::vector<size_t>& rows, size_t selectedCount) {
  const app::AppState& st = f.state();
  struct FilterChip {
    const char* label;
    StatusFilter filter;
  };
  const FilterChip chips[] = {{"Active", StatusFilter::Active},
                              {"Expired", StatusFilter::Expired},
                              {"Revoked", StatusFilter::Revoked},
                              {"All", StatusFilter::All}};
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(f.px(2), ImGui::GetStyle().ItemSpacing.y));
  for (size_t i = 0; i < 4; ++i) {
    if (i > 0) ImGui::SameLine();
    if (Chip(chips[i].label, chips[i].label, st.filter == chips[i].filter) &&
        st.filter != chips[i].filter)
      f.emit(app::intent::SetFilter{chips[i].filter});
  }
  ImGui::PopStyleVar();

  const float searchWidth = f.narrow ? ImGui::GetContentRegionAvail().x : f.px(300);
  if (!f.narrow) ImGui::SameLine(0.0f, f.px(16));
  ImGui::SetNextItemWidth(searchWidth);
  std::string search = st.search;
  InputStringWithHint("##Search", "Search name, scope or organization", &search);
  if (search != st.search) f.emit(app::intent::ChangeSearch{search});

  const std::string revokeLabel = "Revoke selected (" + std::to_string(selectedCount) + ")";

  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float actionsWidth = buttonWidth("New token") + buttonWidth("Refresh") + spacing;
  if (selectedCount > 0) actionsWidth += buttonWidth(revokeLabel.c_str()) + spacing;
  if (!f.narrow) {
    ImGui::SameLine();
    const float right = ImGui::GetWindowContentRegionMax().x - actionsWidth;
    if (right > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(right);
  }
  if (PrimaryButton("New token")) f.emit(app::intent::OpenCreate{});
  ImGui::SameLine();
  if (QuietButton("Refresh")) f.emit(app::intent::Refresh{});
  if (selectedCount > 0) {
    SameLineIfFits(buttonWidth(revokeLabel.c_str()));
    if (DangerButton(revokeLabel.c_str())) {
      std::vector<std::string> selected;
      for (size_t index : rows)
        if (st.tokens[index].selected) selected.push_back(st.tokens[index].pat.authorizationId);
      f.emit(app::intent::AskRevoke{selected});
    }
  }
}

std::string emptyMessage(Frame& f) {
  const app::AppState& st = f.state();
  if (st.organizations.empty()) {
    return st.organizationsLoading
               ? "Finding your organizations\xE2\x80\xA6"
               : "No organizations yet. Add one with Add organization\xE2\x80\xA6";
  }
  if (st.tokens.empty() && app::inventoryLoading(st)) return "Loading your tokens\xE2\x80\xA6";
  if (!st.search.empty()) return "No tokens match \"" + st.search + "\".";
  const std::string where =
      st.selectedOrganization.empty() ? "any organization" : st.selectedOrganization;
  switch (st.filter) {
    case StatusFilter::Active:
      return "No active tokens in " + where + ". Create one with New token.";
    case StatusFilter::Expired:
      return "No expired tokens in " + where + ".";
    case StatusFilter::Revoked:
      return "No revoked tokens in " + where + ".";
    case StatusFilter::All:
      break;
  }
  return "No tokens in " + where + ". Create one with New token.";
}

}  // namespace

void drawMainScreen(Frame& f) {
  const app::AppState& st = f.state();
  drawHeader(f);
  ImGui::Separator();
  ImGui::Spacing();
  constexpr int kTimelineWeeks = 13;
  const app::InventorySummary& summary = memory().summary.get(st, f.in.nowMs, kTimelineWeeks);
  drawBanners(f, summary);
  drawLoadingProgress(f);

  // Both memoised: re-sorted and re-counted only when the rows, filters or selection change.
  const std::vector<size_t>& rows = memory().visibleRows.rows(st, f.in.nowMs);
  const app::VisibleRowsCache::Counts& counts = memory().visibleRows.counts(st, f.in.nowMs);
  const size_t selectedCount = counts.selectedShown;
  drawToolbar(f, rows, selectedCount);
  if (st.busy > 0 || !st.progressSteps.empty()) drawBusyAndProgress(f);
  ImGui::Spacing();

  if (summary.anyUpcomingExpiry) {
    drawExpiryChart(f, summary.expiriesPerWeek, f.narrow ? f.px(92) : f.px(118));
    ImGui::Spacing();
  }

  if (rows.empty()) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(0, f.px(12)));
    BeginCard(width, f.px(24));
    const std::string message = emptyMessage(f);
    const float textWidth = ImGui::CalcTextSize(message.c_str()).x;
    if (textWidth < CardInnerWidth())
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (CardInnerWidth() - textWidth) * 0.5f);
    TextItem(message, &palette().textMuted);
    EndCard(palette().surface, palette().border, f.px(8));
    return;
  }
  drawInventoryActions(f, rows, counts);
  const float minHeight = f.px(260);
  const bool allSelected = selectedCount == rows.size();  // rows is not empty here
  drawInventoryTable(f, rows, allSelected, std::max(minHeight, ImGui::GetContentRegionAvail().y));
}

}  // namespace patdesk::ui
