// The reads that are waiting out a 429 whose Retry-After the page cannot read: each waits
// 10 s, 30 s, then 60 s with jitter, and the person may retry them at once or give up. The
// DevOps client owns one; it says when the next try is through a listener (the countdown).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/devops/retry_policy.h"
#include "core/platform/capabilities.h"

namespace patdesk::devops {

struct ThrottleStatus {
  bool waiting = false;
  int64_t retryAtMs = 0;  // the earliest retry due (Clock time)
  int64_t waitMs = 0;     // how long that wait is in all
};

class ThrottledReads {
 public:
  using Resume = std::function<void(std::shared_ptr<Job>)>;
  ThrottledReads(Clock* clock, Random* random) : clock_(clock), random_(random) {}
  ~ThrottledReads();
  ThrottledReads(const ThrottledReads&) = delete;
  ThrottledReads& operator=(const ThrottledReads&) = delete;

  void setListener(std::function<void(const ThrottleStatus&)> listener) {
    listener_ = std::move(listener);
  }
  // Waits, then hands the job to `resume` (which sends it again). Counts the attempt.
  void wait(const std::shared_ptr<Job>& job, HttpResponse throttled, Resume resume);
  // Every waiting job goes to `resume` now.
  void retryNow(const Resume& resume);
  // Every waiting job is finished with its 429.
  void cancel();

 private:
  struct Waiting {
    std::shared_ptr<Job> job;
    int timer = 0;
    int64_t retryAtMs = 0;
    int64_t waitMs = 0;
    HttpResponse last;
  };
  std::vector<Waiting> takeAll();
  void notify();

  Clock* clock_;
  Random* random_;
  std::vector<Waiting> waiting_;
  std::function<void(const ThrottleStatus&)> listener_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace patdesk::devops
