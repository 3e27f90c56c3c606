// When the DevOps client sends a request again, and after how long. GET: 429, 5xx and status
// 0, up to 3 retries. PUT/DELETE: 5xx only, up to 2. POST: never (a create is not idempotent).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/platform/http.h"

namespace patdesk::devops {

enum class RetryPolicy { Read, Idempotent, Never };

// One request and what to do with its final answer.
struct Job {
  HttpRequest request;
  RetryPolicy policy = RetryPolicy::Never;
  // The organization the request is for ("" for profile and account calls): its tenant
  // decides which access token goes with it (guest organizations).
  std::string organization;
  int attempt = 0;        // retries done so far
  bool replayed = false;  // sent once more after a refresh (never twice)
  std::function<void(HttpResponse)> done;
};

bool shouldRetry(const Job& job, const HttpResponse& r);
// A 429 whose Retry-After the page cannot read (absent, or hidden by CORS).
bool throttledWithoutRetryAfter(const HttpResponse& r);
// The wait before retry number `attempt` + 1 of a throttled read without Retry-After: 10 s,
// 30 s, then 60 s (jitter is added by the caller).
int64_t throttleBackoffMs(int attempt);
// The wait before any other retry: Retry-After when readable (capped at 30 s), else 1, 2,
// 4 … s up to 30 s.
int64_t backoffMs(int attempt, const HttpResponse& r);

}  // namespace patdesk::devops
