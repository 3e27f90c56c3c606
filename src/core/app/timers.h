// The App's timers: every pending timer is remembered so that none fires into a destroyed
// App (the clock may outlive it) and a sign-out can cancel what belongs to the session.
#pragma once

#include <cstdint>
#include <functional>
#include <set>

#include "core/platform/capabilities.h"

namespace patdesk::app {

class Timers {
 public:
  explicit Timers(Clock* clock) : clock_(clock) {}
  ~Timers() { cancelAll(); }
  Timers(const Timers&) = delete;
  Timers& operator=(const Timers&) = delete;

  // Runs `fn` once after `delayMs`; returns an id for cancel().
  int schedule(int64_t delayMs, std::function<void()> fn);
  // Does nothing for an id that already fired or was cancelled.
  void cancel(int id);
  void cancelAll();

 private:
  Clock* clock_;
  std::set<int> pending_;
};

}  // namespace patdesk::app
