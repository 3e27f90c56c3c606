#include "core/devops/retry_policy.h"

#include <algorithm>

#include "core/devops/http_errors.h"

namespace patdesk::devops {
namespace {

constexpr int64_t kBaseBackoffMs = 1000;
constexpr int64_t kMaxBackoffMs = 30000;
constexpr int64_t kThrottleBackoffMs[] = {10000, 30000, 60000};

}  // namespace

bool shouldRetry(const Job& job, const HttpResponse& r) {
  const bool is5xx = r.status >= 500 && r.status < 600;
  switch (job.policy) {
    case RetryPolicy::Read:
      return job.attempt < 3 && (r.status == 0 || r.status == 429 || is5xx);
    case RetryPolicy::Idempotent:
      return job.attempt < 2 && is5xx;
    case RetryPolicy::Never:
      return false;
  }
  return false;
}

bool throttledWithoutRetryAfter(const HttpResponse& r) {
  return r.status == 429 && !retryAfterMs(r);
}

int64_t throttleBackoffMs(int attempt) { return kThrottleBackoffMs[std::clamp(attempt, 0, 2)]; }

int64_t backoffMs(int attempt, const HttpResponse& r) {
  if (auto retryAfter = retryAfterMs(r)) return std::min(*retryAfter, kMaxBackoffMs);
  return std::min(kBaseBackoffMs << std::min(attempt, 5), kMaxBackoffMs);
}

}  // namespace patdesk::devops
