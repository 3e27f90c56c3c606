// parseRedirectResponse / looksLikeAuthResponse over an arbitrary URL.
// Invariants: an accepted response looks like one, has a state and exactly one of code/error;
// rebuilding it with buildQuery into a fresh fragment parses back to the same fields;
// every refusal is auth.bad_redirect or auth.state_missing.
#include "core/auth/redirect_response.h"
#include "core/text/url.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::auth;

namespace {

QueryParams paramsOf(const RedirectResponse& r) {
  QueryParams p;
  auto add = [&p](const char* name, const std::string& value) {
    if (!value.empty()) p.emplace_back(name, value);
  };
  add("code", r.code);
  add("state", r.state);
  add("error", r.error);
  add("error_description", r.errorDescription);
  add("error_uri", r.errorUri);
  add("session_state", r.sessionState);
  add("correlation_id", r.correlationId);
  add("trace_id", r.traceId);
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string url = fuzz::bytes(data, size);
  const bool looks = looksLikeAuthResponse(url);
  const auto r = parseRedirectResponse(url);
  if (!r.ok()) {
    const std::string& code = r.error().code;
    FUZZ_CHECK(code == "auth.bad_redirect" || code == "auth.state_missing");
    if (!looks) FUZZ_CHECK(code == "auth.bad_redirect");
    return 0;
  }
  const RedirectResponse& v = r.value();
  FUZZ_CHECK(looks);
  FUZZ_CHECK(!v.state.empty());
  FUZZ_CHECK(v.code.empty() != v.error.empty());
  FUZZ_CHECK(v.isError() == !v.error.empty());

  const std::string rebuilt = "https://patdesk.example/app/#" + buildQuery(paramsOf(v));
  if (rebuilt.size() - 29 <= kMaxRedirectPartBytes) {
    const auto again = parseRedirectResponse(rebuilt);
    FUZZ_CHECK(again.ok());
    const RedirectResponse& w = again.value();
    FUZZ_CHECK(w.code == v.code && w.state == v.state && w.error == v.error);
    FUZZ_CHECK(w.errorDescription == v.errorDescription && w.errorUri == v.errorUri);
    FUZZ_CHECK(w.sessionState == v.sessionState && w.correlationId == v.correlationId);
    FUZZ_CHECK(w.traceId == v.traceId);
  }
  return 0;
}
