// Feedback: what the person sees about work in progress and its outcome — the busy counter
// and its label, toasts that fade after a few seconds, and the last error.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>

#include "core/app/app_state.h"
#include "core/app/timers.h"
#include "core/error.h"

namespace patdesk::app {

class Feedback {
 public:
  Feedback(AppState& state, Timers& timers, Clock* clock, std::function<void()> changed)
      : state_(state), timers_(timers), clock_(clock), changed_(std::move(changed)) {}

  // One network action more (or less) in flight; the spinner says `label`.
  void beginBusy(const std::string& label);
  void endBusy();
  // Nothing is in flight any more (the session that sent it ended).
  void clearBusy();

  void toast(const std::string& text);
  // Drops toasts whose time is up.
  void dropExpiredToasts();

  // A missing-permission error from Azure DevOps gets the admin-consent link of the sign-in.
  void fail(const Error& e);
  void setAdminConsentLink(std::string link) { adminConsentLink_ = std::move(link); }
  void dismissError() { state_.lastError.reset(); }

 private:
  AppState& state_;
  Timers& timers_;
  Clock* clock_;
  std::function<void()> changed_;
  std::string adminConsentLink_;
};

}  // namespace patdesk::app
