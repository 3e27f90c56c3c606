#include "core/app/feedback.h"

#include <algorithm>

#include "core/auth/permissions.h"
#include "core/error_codes.h"

namespace patdesk::app {

namespace {
constexpr int64_t kToastMs = 4000;
}

void Feedback::beginBusy(const std::string& label) {
  ++state_.busy;
  state_.busyLabel = label;
}

void Feedback::endBusy() {
  if (state_.busy > 0) --state_.busy;
  if (state_.busy == 0) state_.busyLabel.clear();
}

void Feedback::clearBusy() {
  state_.busy = 0;
  state_.busyLabel.clear();
}

void Feedback::toast(const std::string& text) {
  state_.toasts.push_back({text, clock_->nowMs() + kToastMs});
  // A frame after the toast's time is up, so that a page drawing on demand removes it.
  timers_.schedule(kToastMs + 10, [this] {
    dropExpiredToasts();
    changed_();
  });
}

void Feedback::dropExpiredToasts() {
  const int64_t now = clock_->nowMs();
  auto& t = state_.toasts;
  t.erase(std::remove_if(t.begin(), t.end(), [&](const Toast& x) { return x.untilMs <= now; }),
          t.end());
}

void Feedback::fail(const Error& e) {
  state_.lastError = e;
  if (e.code == errc::kAuthMissingPermission && !adminConsentLink_.empty() &&
      e.action.find(adminConsentLink_) == std::string::npos)
    state_.lastError = auth::missingPatPermissionError(adminConsentLink_);
}

}  // namespace patdesk::app
