// The application: owns the state, turns intents into platform calls, and folds the
// results back into the state. Pure C++; the web build drives it, and so do the tests.
// The work is done by units with one job each (Session, Inventory, TokenOperations,
// SecretVault, LinksAndFiles, Feedback over a shared AppContext); dispatch() routes each intent to
// one function of one unit.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/app/app_state.h"
#include "core/app/intents.h"
#include "core/platform/capabilities.h"

namespace patdesk::app {

struct AppUnits;

class App {
 public:
  explicit App(Platform platform);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Start-up: config.json's HTTP status (200 = found) and text.
  // `pageCsp`: the page's Content-Security-Policy (its meta tag), checked against config.json's
  // origins; "" skips the check.
  void start(int configHttpStatus, const std::string& configText,
             const std::string& pageCsp = std::string());

  // Everything drawn; read-only. Every change, typing included, goes through dispatch().
  const AppState& state() const;
  void dispatch(const Intent& intent);

  // The new PAT value for the copy-once panel; empty when none.
  const std::string& secret() const;

  // Rows after filter, search and sort (indices into state().tokens).
  std::vector<size_t> visibleRows() const;

  // Called whenever state changed asynchronously (network, timers), so the page can draw
  // a frame. Render-on-demand depends on it.
  void setOnChanged(std::function<void()> fn);
  // True while something animates (spinners): the page keeps drawing frames.
  bool animating() const;
  // Drops expired toasts; call once per frame.
  void tick();
  // Reads a create link (#new?…) or a token link (#token?id=…) from the address bar; the page
  // calls it again when the fragment changes in an open tab.
  void readAddressLink();

 private:
  std::unique_ptr<AppUnits> units_;
};

}  // namespace patdesk::app
