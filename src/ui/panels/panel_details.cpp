// Details: every field of one token, with its scopes spelled out, and its actions.
#include <imgui.h>

#include <string>

#include "core/app/global_pats.h"
#include "core/app/selectors.h"
#include "core/devops/scopes.h"
#include "core/text/strings.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

void field(Frame& f, const char* name, const std::string& value, ImFont* font = nullptr) {
  TextItem(name, &palette().textMuted);
  TextItemWithFont(font, value.empty() ? std::string("\xE2\x80\x94") : value);
  ImGui::Dummy(ImVec2(0, f.px(4)));
}

}  // namespace

void drawDetailsPanel(Frame& f) {
  const app::AppState& st = f.state();
  const Palette& p = palette();
  const app::TokenRow* row = app::findRow(st, st.panelTokenId);

  beginPanel(f, "Token details###panel-details", PanelKind::Side, 560);
  if (!row) {
    panelTitle(f, "Token details");
    TextMuted(
        "This token is no longer in the list. It may have been revoked or the list "
        "refreshed.");
    beginPanelFooter(f);
    if (PrimaryButton("Close")) f.emit(app::intent::ClosePanel{});
    endPanel(f);
    return;
  }
  const devops::PatToken& pat = row->pat;
  const app::TokenStatus status = app::tokenStatus(pat, f.in.nowMs);
  const app::AllowedActions allowed = app::allowedActions(pat, f.in.nowMs);
  panelTitle(f, pat.displayName.empty() ? "(unnamed)" : pat.displayName, "Token details");
  if (st.lastError) drawErrorPanel(f, *st.lastError);

  field(f, "Status",
        app::statusLabel(status) +
            (status == app::TokenStatus::Active
                 ? " \xC2\xB7 expires " + relativeExpiry(pat.validToMs, f.in.nowMs)
                 : std::string()));
  field(f, "Organization", pat.organization);
  field(f, "Authorization ID", pat.authorizationId, f.in.fonts.mono);
  field(
      f, "Valid from",
      formatDateTimeUtc(pat.validFromMs) + " (local " + formatDateTimeLocal(pat.validFromMs) + ")");
  field(f, "Valid to",
        formatDateTimeUtc(pat.validToMs) + " (local " + formatDateTimeLocal(pat.validToMs) + ")");
  if (pat.isGlobal()) {
    TextItem("Applies to", &p.textMuted);
    TextItem(app::globalPatDetails(f.in.nowMs), &p.warning);
    ImGui::Dummy(ImVec2(0, f.px(4)));
  } else {
    std::string accounts;
    for (const std::string& a : *pat.targetAccounts) accounts += (accounts.empty() ? "" : ", ") + a;
    field(f, "Applies to", accounts.empty() ? pat.organization : accounts);
  }
  field(f, "Scope string", pat.scope, f.in.fonts.mono);

  TextItem("Scopes", &p.textMuted);
  const std::vector<std::string> scopes = text::splitWords(pat.scope);
  for (const std::string& one : scopes) {
    ImGui::Bullet();
    TextItem(devops::labelForScope(one) + "  (" + one + ")");
    if (devops::isHighPrivilege(one)) {
      ImGui::SameLine();
      Badge("high privilege", p.danger, p.dangerSurface);
    }
  }
  if (scopes.empty()) TextMuted("No scopes");

  beginPanelFooter(f);
  if (allowed.edit) {
    if (QuietButton("Edit")) f.emit(app::intent::OpenEdit{pat.authorizationId});
    ImGui::SameLine();
  }
  if (allowed.recreate) {
    if (QuietButton("Recreate")) f.emit(app::intent::OpenRecreate{pat.authorizationId});
    ImGui::SameLine();
  }
  if (allowed.rotate) {
    if (QuietButton("Rotate")) f.emit(app::intent::Rotate{pat.authorizationId});
    ImGui::SameLine();
  }
  if (allowed.revoke) {
    if (DangerButton("Revoke")) f.emit(app::intent::AskRevoke{{pat.authorizationId}});
    ImGui::SameLine();
  }
  if (PrimaryButton("Close")) f.emit(app::intent::ClosePanel{});
  endPanel(f);
}

}  // namespace patdesk::ui
