#include "core/devops/throttled_reads.h"

#include <algorithm>
#include <utility>

namespace patdesk::devops {

ThrottledReads::~ThrottledReads() {
  *alive_ = false;
  for (const auto& w : waiting_) clock_->cancel(w.timer);
}

void ThrottledReads::wait(const std::shared_ptr<Job>& job, HttpResponse throttled, Resume resume) {
  const int64_t base = throttleBackoffMs(job->attempt);
  // Up to a fifth more than the base wait, so that many tabs do not come back together.
  uint8_t byte = 0;
  const int64_t jitter = random_ && random_->fill(&byte, 1) ? base / 5 * byte / 255 : 0;
  const int64_t total = base + jitter;
  ++job->attempt;
  std::weak_ptr<bool> alive = alive_;
  const int timer = clock_->schedule(total, [this, alive, job, resume] {
    if (alive.expired() || !*alive.lock()) return;
    waiting_.erase(std::remove_if(waiting_.begin(), waiting_.end(),
                                  [&](const Waiting& w) { return w.job == job; }),
                   waiting_.end());
    notify();
    resume(job);
  });
  waiting_.push_back({job, timer, clock_->nowMs() + total, total, std::move(throttled)});
  notify();
}

std::vector<ThrottledReads::Waiting> ThrottledReads::takeAll() {
  std::vector<Waiting> taken;
  taken.swap(waiting_);
  for (const auto& w : taken) clock_->cancel(w.timer);
  notify();
  return taken;
}

void ThrottledReads::retryNow(const Resume& resume) {
  for (auto& w : takeAll()) resume(w.job);
}

void ThrottledReads::cancel() {
  for (auto& w : takeAll()) w.job->done(std::move(w.last));
}

void ThrottledReads::notify() {
  if (!listener_) return;
  ThrottleStatus status;
  for (const auto& w : waiting_) {
    if (!status.waiting || w.retryAtMs < status.retryAtMs) {
      status.waiting = true;
      status.retryAtMs = w.retryAtMs;
      status.waitMs = w.waitMs;
    }
  }
  listener_(status);
}

}  // namespace patdesk::devops
