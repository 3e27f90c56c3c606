// The copy-once panel for a new or rotated token, and the "you have not copied it"
// confirmation. The secret is drawn as plain text only (never registered as a labelled
// item), masked unless the person asked to reveal it.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/text/base64url.h"
#include "ui/imgui_ext/semantics.h"
#include "ui/ui_internal.h"
#include "ui/widgets/format.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace patdesk::ui {
namespace {

std::string mask(const std::string& secret) {
  ImFont* font = ImGui::GetFont();
  const bool hasBullet = font && font->FindGlyphNoFallback(0x2022) != nullptr;
  const size_t n = std::min<size_t>(std::max<size_t>(secret.size(), 8), 52);
  std::string out;
  for (size_t i = 0; i < n; ++i) out += hasBullet ? "\xE2\x80\xA2" : "*";
  return out;
}

void monoBlock(Frame& f, const std::string& text) {
  if (f.in.fonts.mono) ImGui::PushFont(f.in.fonts.mono);
  const float width = ImGui::GetContentRegionAvail().x;
  BeginCard(width, f.px(10));
  // Deliberately not a TextItem: the registry must never hold the secret.
  ImGui::TextWrapped("%s", text.c_str());
  EndCard(palette().surfaceAlt, palette().border, f.px(6));
  if (f.in.fonts.mono) ImGui::PopFont();
}

}  // namespace

void drawSecretPanel(Frame& f) {
  const app::AppState& st = f.state();
  const Palette& p = palette();
  beginPanel(f, "Your new token###panel-secret", PanelKind::Dialog, 620);
  std::string subtitle = st.secretTokenName;
  if (!st.secretOrganization.empty())
    subtitle += (subtitle.empty() ? "" : " \xC2\xB7 ") + st.secretOrganization;
  panelTitle(f, "Your new token", subtitle);
  Banner("Copy it now \xE2\x80\x94 it will not be shown again.", p.warning, p.warningSurface,
         f.scale);
  ImGui::Spacing();

  ImFont* mono = f.in.fonts.mono;
  if (mono) ImGui::PushFont(mono);
  const std::string masked = mask(f.in.secret);
  if (mono) ImGui::PopFont();
  const std::string& token = st.secretRevealed ? f.in.secret : masked;
  monoBlock(f, token);
  // The mirror gets a named, empty, read-only field: the secret never enters the DOM.
  reportConcealedField("token-value", "Token value, hidden: use Copy", ImGui::GetItemRectMin(),
                       ImGui::GetItemRectMax());

  const char* copyLabel = st.secretCopied ? "Copied##copy-secret" : "Copy##copy-secret";
  if (PrimaryButton(copyLabel, ImVec2(f.px(150), f.px(40)))) f.emit(app::intent::CopySecret{});
  ImGui::SameLine();
  if (QuietButton(st.secretRevealed ? "Hide##reveal" : "Reveal##reveal", ImVec2(0, f.px(40))))
    f.emit(app::intent::ToggleReveal{});
  // Opt-in clipboard hygiene: checked before copying, it clears the clipboard 60 s later
  // (only if it still holds this token).
  bool clearLater = st.clearClipboardAfter60s;
  if (ImGui::Checkbox("Clear the clipboard 60 s after copying", &clearLater))
    f.emit(app::intent::SetClearClipboard{clearLater});
  if (st.secretCopied) {
    std::string text = "Copied to the clipboard.";
    if (st.clearClipboardAfter60s) text += " The clipboard is cleared after 60 seconds.";
    TextItem(text, &p.success);
  }

  for (const std::string& notice : st.notices) {
    Badge("i", p.info, p.infoSurface);
    ImGui::SameLine();
    TextItem(notice, &p.info);
  }
  drawProgressSteps(f);
  if (st.lastError) drawErrorPanel(f, *st.lastError);

  ImGui::Spacing();
  if (ImGui::CollapsingHeader("Ready-to-paste snippets")) {
    const std::string org =
        st.secretOrganization.empty() ? "<organization>" : st.secretOrganization;
    TextMuted("Clone a repository over HTTPS (any user name works):");
    monoBlock(
        f, "git clone https://pat:" + token + "@dev.azure.com/" + org + "/<project>/_git/<repo>");
    TextMuted("Azure CLI (az devops) reads the token from this variable:");
    monoBlock(f, "export AZURE_DEVOPS_EXT_PAT=" + token);
    TextMuted("npm with an Azure Artifacts feed: ~/.npmrc wants the token base64-encoded:");
    const std::string encoded = st.secretRevealed ? base64Encode(f.in.secret) : masked;
    const std::string registry = "//pkgs.dev.azure.com/" + org + "/_packaging/<feed>/npm/registry/";
    monoBlock(f, registry + ":username=" + org + "\n" + registry + ":_password=" + encoded + "\n" +
                     registry + ":email=npm requires email to be set but doesn't use it");
    if (!st.secretRevealed) TextMuted("Reveal the token to see the snippets with it filled in.");
  }

  beginPanelFooter(f);
  if (st.secretCopied ? PrimaryButton("Done") : QuietButton("Done"))
    f.emit(app::intent::DoneWithSecret{});
  if (!st.secretCopied) {
    ImGui::SameLine();
    TextMuted("Not copied yet");
  }
  endPanel(f);
}

void drawConfirmCloseSecretPanel(Frame& f) {
  beginPanel(f, "Close without copying###panel-confirm-close", PanelKind::Dialog, 460);
  panelTitle(f, "Close without copying?");
  TextItem("You have not copied this token. Close anyway?");
  TextMuted(
      "Once closed it cannot be shown again: you would have to create or rotate another "
      "token.");
  beginPanelFooter(f);
  if (DangerButton("Close anyway")) f.emit(app::intent::ForceCloseSecret{});
  ImGui::SameLine();
  if (PrimaryButton("Go back")) f.emit(app::intent::ClosePanel{});
  endPanel(f);
}

}  // namespace patdesk::ui
