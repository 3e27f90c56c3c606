#include "core/devops/client_jobs.h"

#include <algorithm>

#include "core/devops/http_errors.h"
#include "core/error_codes.h"

namespace patdesk::devops {
namespace {
constexpr int64_t kBaseBackoffMs = 1000;
constexpr int64_t kMaxBackoffMs = 30000;
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

int64_t backoffMs(int attempt, const HttpResponse& r) {
  if (auto retryAfter = retryAfterMs(r)) return std::min(*retryAfter, kMaxBackoffMs);
  return std::min(kBaseBackoffMs << std::min(attempt, 5), kMaxBackoffMs);
}

Error fromResponse(Error e, const HttpResponse& r) {
  if (e.httpStatus == 0) e.httpStatus = r.status;
  if (e.activityId.empty()) e.activityId = activityIdOf(r);
  return e;
}

Error createAmbiguous(const Error& cause) {
  Error e = cause;
  e.code = errc::kDevopsCreateAmbiguous;
  e.message = "It is not known whether Azure DevOps created the token: " + cause.message;
  e.action =
      "Refresh the token list before trying again: the token may already exist (revoke it if "
      "you cannot use it).";
  e.detail = cause.code + (cause.detail.empty() ? "" : ": " + cause.detail);
  return e;
}

bool isAmbiguousCreateFailure(const Error& e) {
  return e.code == errc::kDevopsNetwork || e.code == errc::kDevopsServer ||
         e.code == errc::kDevopsMalformed;
}

}  // namespace patdesk::devops
