// The DevOps client's queued requests and the rules applied to each answer: which failures
// are retried (and after how long), and how a create's failure is reported when it is not
// known whether Azure DevOps acted. Internal to devops_client.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/error.h"
#include "core/platform/http.h"

namespace patdesk::devops {

// GET: 429, 5xx and status 0, up to 3 retries. PUT/DELETE: 5xx only, up to 2. POST: never.
enum class RetryPolicy { Read, Idempotent, Never };

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
int64_t backoffMs(int attempt, const HttpResponse& r);
// Adds the response's status and activity id to a decoder error.
Error fromResponse(Error e, const HttpResponse& r);
Error createAmbiguous(const Error& cause);
bool isAmbiguousCreateFailure(const Error& e);

}  // namespace patdesk::devops
