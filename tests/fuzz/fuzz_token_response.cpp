// decodeTokenResponse over an arbitrary status and body. Input format: "<status>\n<body>".
// Invariants: tokens only for a 2xx with an access token, a Bearer (or absent) token type and a
// positive lifetime small enough for millisecond arithmetic; status 0 and non-JSON bodies are
// auth.network; every error has a code.
#include <cctype>

#include "core/auth/token_response.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::auth;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in = fuzz::bytes(data, size);
  HttpResponse response;
  std::string statusLine;
  fuzz::splitFirstLine(in, statusLine, response.body);
  response.status = fuzz::statusFrom(statusLine);

  const AuthErrorContext context{"https://patdesk.example/app/",
                                 "11111111-2222-3333-4444-555555555555",
                                 "https://login.microsoftonline.com/organizations"};
  const auto r = decodeTokenResponse(response, context);
  if (r.ok()) {
    const TokenSet& t = r.value();
    FUZZ_CHECK(response.status >= 200 && response.status < 300);
    FUZZ_CHECK(!t.accessToken.empty());
    FUZZ_CHECK(t.expiresInSeconds > 0);
    // At most ~31 years: the session computes nowMs + expiresInSeconds * 1000.
    FUZZ_CHECK(t.expiresInSeconds <= 1'000'000'000);
    std::string type = t.tokenType;
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    FUZZ_CHECK(type.empty() || type == "bearer");
  } else {
    const Error& e = r.error();
    FUZZ_CHECK(!e.code.empty());
    FUZZ_CHECK(!e.message.empty());
    if (response.status == 0) FUZZ_CHECK(e.code == "auth.network");
  }
  return 0;
}
