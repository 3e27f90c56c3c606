// classifyResponse (and its helpers) over an arbitrary status, headers and body.
// Input format: "<status>\n<Name: value lines>\n\n<body>".
// Invariants: status 0 is devops.network, 203 is devops.sign_in_page, Ok only for a 2xx other
// than 203; every error has a code and carries the status; Retry-After is never negative.
#include "core/devops/http_errors.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::devops;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in = fuzz::bytes(data, size);
  std::string statusLine, rest;
  fuzz::splitFirstLine(in, statusLine, rest);
  HttpResponse response;
  response.status = fuzz::statusFrom(statusLine);
  // Header lines until an empty line; the remainder is the body.
  size_t pos = 0;
  while (pos < rest.size()) {
    const size_t nl = rest.find('\n', pos);
    const std::string line =
        rest.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? rest.size() : nl + 1;
    if (line.empty()) break;
    const size_t colon = line.find(':');
    HttpHeader h;
    h.name = line.substr(0, colon);
    if (colon != std::string::npos) h.value = line.substr(colon + 1);
    response.headers.push_back(std::move(h));
  }
  response.body = rest.substr(pos);

  const Status s = classifyResponse(response);
  if (s.ok()) {
    FUZZ_CHECK(response.status >= 200 && response.status < 300 && response.status != 203);
  } else {
    const Error& e = s.error();
    FUZZ_CHECK(!e.code.empty());
    FUZZ_CHECK(!e.message.empty());
    FUZZ_CHECK(e.httpStatus == response.status);
    if (response.status == 0) FUZZ_CHECK(e.code == "devops.network");
    if (response.status == 203) FUZZ_CHECK(e.code == "devops.sign_in_page");
    if (e.code.rfind("pat.", 0) == 0) FUZZ_CHECK(e.code != "pat.none");
  }
  if (auto wait = retryAfterMs(response)) FUZZ_CHECK(*wait >= 0);
  (void)activityIdOf(response);
  (void)serverMessageOf(response);
  return 0;
}
