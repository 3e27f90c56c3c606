// SecretVault: the one-time value of a newly created or rotated PAT. It is the only holder
// of that value (never in AppState), copies it to the clipboard, optionally clears the
// clipboard 60 s later, and wipes it when the person is done or signs out.
#pragma once

#include <string>

#include "core/app/app_context.h"
#include "core/app/intents.h"
#include "core/devops/pat.h"

namespace patdesk::app {

class SecretVault {
 public:
  explicit SecretVault(AppContext& ctx) : ctx_(ctx) {}
  ~SecretVault();
  SecretVault(const SecretVault&) = delete;
  SecretVault& operator=(const SecretVault&) = delete;

  // Takes the value out of `created` (wiping it there) and opens the copy-once panel.
  void show(devops::PatToken& created);
  // Overwrites the value and forgets everything about the copy-once panel.
  void wipe();
  const std::string& secret() const { return secret_; }

  void copy(const intent::CopySecret&);
  void toggleReveal(const intent::ToggleReveal&);
  void done(const intent::DoneWithSecret&);
  void forceClose(const intent::ForceCloseSecret&);
  // Closing (Escape, ×) the copy-once panel or its confirmation; false for other panels.
  bool closePanel();
  void setClearClipboard(const intent::SetClearClipboard& i);

 private:
  void scheduleClipboardClear(std::string value);
  // Wipes the secret, closes its panel, then offers a pending revoke (after a Recreate).
  void closeSecret();

  AppContext& ctx_;
  std::string secret_;
  int clipboardTimer_ = 0;
};

}  // namespace patdesk::app
