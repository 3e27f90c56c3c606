#include "core/app/timers.h"

#include <memory>
#include <utility>

namespace patdesk::app {

int Timers::schedule(int64_t delayMs, std::function<void()> fn) {
  // The id is only known once schedule() returns; the callback reads it through the pointer.
  auto id = std::make_shared<int>(0);
  *id = clock_->schedule(delayMs, [this, id, fn = std::move(fn)] {
    pending_.erase(*id);
    fn();
  });
  pending_.insert(*id);
  return *id;
}

void Timers::cancel(int id) {
  if (pending_.erase(id)) clock_->cancel(id);
}

void Timers::cancelAll() {
  if (clock_) {
    for (int id : pending_) clock_->cancel(id);
  }
  pending_.clear();
}

}  // namespace patdesk::app
