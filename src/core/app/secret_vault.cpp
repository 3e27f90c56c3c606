#include "core/app/secret_vault.h"

#include <memory>
#include <optional>

#include "core/app/selectors.h"
#include "core/error_codes.h"
#include "core/text/secure_wipe.h"

namespace patdesk::app {

namespace {
constexpr int64_t kClipboardClearMs = 60000;
}

SecretVault::~SecretVault() { secureWipe(secret_); }

void SecretVault::show(devops::PatToken& created) {
  wipe();
  AppState& s = ctx_.state;
  secret_ = created.token;
  secureWipe(created.token);  // the only copy is now this one
  s.secretTokenName = created.displayName;
  s.secretOrganization = created.organization;
  s.panel = Panel::Secret;
}

void SecretVault::wipe() {
  AppState& s = ctx_.state;
  secureWipe(secret_);
  s.secretCopied = false;
  s.secretRevealed = false;
  s.secretTokenName.clear();
  s.secretOrganization.clear();
  s.notices.clear();
}

void SecretVault::copy(const intent::CopySecret&) {
  if (secret_.empty()) return;
  ctx_.platform.clipboard->writeText(secret_, ctx_.guard([this](bool ok) {
    if (!ok) {
      ctx_.feedback.fail(
          makeError(errc::kClipboardDenied, "The browser did not let patdesk copy the token.",
                    "Reveal the token and copy it by hand (select it, then Ctrl+C)."));
      return;
    }
    ctx_.state.secretCopied = true;
    ctx_.feedback.toast("Copied to the clipboard");
    if (ctx_.state.clearClipboardAfter60s) scheduleClipboardClear(secret_);
  }));
}

// Clears the clipboard after 60 s, but only when it still holds our value and the
// browser lets us read it; otherwise it does nothing, silently.
void SecretVault::scheduleClipboardClear(std::string value) {
  if (clipboardTimer_) ctx_.timers.cancel(clipboardTimer_);
  auto held = std::make_shared<std::string>(std::move(value));
  clipboardTimer_ = ctx_.timers.schedule(kClipboardClearMs, [this, held] {
    clipboardTimer_ = 0;
    Clipboard* clipboard = ctx_.platform.clipboard;
    clipboard->readText([clipboard, held](std::optional<std::string> current) {
      if (current && *current == *held) clipboard->writeText("", [](bool) {});
      secureWipe(*held);
    });
  });
}

void SecretVault::toggleReveal(const intent::ToggleReveal&) {
  ctx_.state.secretRevealed = !ctx_.state.secretRevealed;
}

void SecretVault::done(const intent::DoneWithSecret&) {
  if (!ctx_.state.secretCopied) {
    ctx_.state.panel = Panel::ConfirmCloseSecret;
  } else {
    closeSecret();
  }
}

void SecretVault::forceClose(const intent::ForceCloseSecret&) { closeSecret(); }

// After a Recreate the old token still exists: once the new secret is dealt with, the revoke
// confirmation opens for it (Cancel keeps it).
void SecretVault::closeSecret() {
  AppState& s = ctx_.state;
  wipe();
  s.panel = Panel::None;
  if (s.revokeOfferId.empty()) return;
  if (findRow(s, s.revokeOfferId)) {
    s.revokeTargets = {s.revokeOfferId};
    s.panel = Panel::ConfirmRevoke;
  }
  s.revokeOfferId.clear();
}

bool SecretVault::closePanel() {
  AppState& s = ctx_.state;
  if (s.panel == Panel::ConfirmCloseSecret) {
    s.panel = Panel::Secret;
  } else if (s.panel == Panel::Secret) {
    if (s.secretCopied) {
      closeSecret();
    } else {
      s.panel = Panel::ConfirmCloseSecret;
    }
  } else {
    return false;
  }
  return true;
}

void SecretVault::setClearClipboard(const intent::SetClearClipboard& i) {
  ctx_.state.clearClipboardAfter60s = i.on;
}

}  // namespace patdesk::app
