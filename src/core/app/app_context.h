// What the App's units share: the platform, the state they all write, the configuration,
// the Azure DevOps client of the signed-in session, timers and feedback. Each unit owns its
// own part of the state (see docs/ARCHITECTURE.md); this struct only holds the common ground.
#pragma once

#include <functional>
#include <memory>
#include <utility>

#include "core/app/app_state.h"
#include "core/app/feedback.h"
#include "core/app/timers.h"
#include "core/config.h"
#include "core/devops/devops_client.h"
#include "core/platform/capabilities.h"

namespace patdesk::app {

struct AppContext {
  explicit AppContext(Platform p)
      : platform(p), timers(p.clock), feedback(state, timers, p.clock, [this] { changed(); }) {}

  Platform platform;
  AppState state;
  AppConfig config;
  // Only while signed in; every request goes through it.
  std::unique_ptr<devops::DevOpsClient> devops;
  // Bumped when a session ends, so that answers to its requests are ignored.
  int generation = 0;
  // Tells the page to draw a frame after an asynchronous change.
  std::function<void()> onChanged;
  Timers timers;
  Feedback feedback;

  int64_t now() const { return platform.clock->nowMs(); }
  void changed() const {
    if (onChanged) onChanged();
  }

  // Wraps an asynchronous callback: ignored when the session it belongs to has ended, and
  // followed by changed() so the page draws the result.
  template <class F>
  auto guard(F fn) {
    const int gen = generation;
    return [this, gen, fn](auto&&... args) {
      if (gen != generation) return;
      fn(std::forward<decltype(args)>(args)...);
      changed();
    };
  }
};

}  // namespace patdesk::app
