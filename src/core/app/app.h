// The application: owns the state, turns intents into platform calls, and folds the
// results back into the state. Pure C++; the web build drives it, and so do the tests.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/app/app_state.h"
#include "core/app/intents.h"
#include "core/config.h"
#include "core/platform/capabilities.h"

namespace patdesk::app {

class App {
 public:
  explicit App(Platform platform);
  ~App();

  // Start-up: the config.json text (nullopt-like `status` != 200 means missing).
  void start(int configHttpStatus, const std::string& configText);

  const AppState& state() const { return state_; }
  // Drafts are edited in place by text fields; everything else goes through dispatch().
  CreateDraft& createDraft() { return state_.createDraft; }
  EditDraft& editDraft() { return state_.editDraft; }
  std::string& tenantField() { return state_.tenant; }
  std::string& searchField() { return state_.search; }

  void dispatch(const Intent& intent);
  // The initial theme follows prefers-color-scheme; the person can toggle it.
  void setDarkTheme(bool dark) { state_.darkTheme = dark; }
  // The person's choice to clear the clipboard 60 s after copying a new token.
  void setClearClipboardAfter60s(bool on) { state_.clearClipboardAfter60s = on; }

  // The new PAT value for the copy-once panel; empty when none.
  const std::string& secret() const { return secret_; }

  // Rows after filter, search and sort (indices into state().tokens).
  std::vector<size_t> visibleRows() const;

  // Called by the platform whenever state changed asynchronously (network, timers),
  // so the page can draw a frame. Render-on-demand depends on it.
  void setOnChanged(std::function<void()> fn) { onChanged_ = std::move(fn); }
  // True while something animates (spinners): the page keeps drawing frames.
  bool animating() const { return state_.busy > 0 || !state_.toasts.empty(); }
  // Drops expired toasts; call once per frame.
  void tick();
  // Reads a create link (#new?…) or a token link (#token?id=…) from the address bar; the page
  // calls it again when the fragment changes in an open tab.
  void readAddressLink();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Platform platform_;
  AppState state_;
  std::string secret_;
  std::function<void()> onChanged_;
  friend struct Impl;
};

}  // namespace patdesk::app
