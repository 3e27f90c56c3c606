#include <doctest/doctest.h>

#include "core/auth/redirect_response.h"

using namespace patdesk::auth;

namespace {
const std::string kBase = "https://patdesk.example/app/";
}

TEST_CASE("a successful response is read from the fragment") {
  auto r = parseRedirectResponse(kBase + "#code=0.AAA-b_c%2Bd&state=S1&session_state=ss-1");
  REQUIRE(r.ok());
  CHECK(r.value().code == "0.AAA-b_c+d");
  CHECK(r.value().state == "S1");
  CHECK(r.value().sessionState == "ss-1");
  CHECK_FALSE(r.value().isError());
}

TEST_CASE("an error response keeps its description, uri and ids") {
  auto r = parseRedirectResponse(
      kBase +
      "#error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent."
      "&error_uri=https%3A%2F%2Flogin.microsoftonline.com%2Ferror%3Fcode%3D65004&state=S2"
      "&correlation_id=c-1&trace_id=t-1");
  REQUIRE(r.ok());
  CHECK(r.value().isError());
  CHECK(r.value().error == "access_denied");
  CHECK(r.value().errorDescription == "AADSTS65004: User declined to consent.");
  CHECK(r.value().errorUri == "https://login.microsoftonline.com/error?code=65004");
  CHECK(r.value().correlationId == "c-1");
  CHECK(r.value().traceId == "t-1");
}

TEST_CASE("the query is read when the fragment has no response") {
  auto r = parseRedirectResponse(kBase + "?code=abc&state=S3#tokens");
  REQUIRE(r.ok());
  CHECK(r.value().code == "abc");
  CHECK(looksLikeAuthResponse(kBase + "?code=abc&state=S3"));
}

TEST_CASE("only URLs naming code, error or state look like a sign-in response") {
  CHECK(looksLikeAuthResponse(kBase + "#code=x&state=y"));
  CHECK(looksLikeAuthResponse(kBase + "#error=x"));
  CHECK(looksLikeAuthResponse(kBase + "#state=only"));
  CHECK_FALSE(looksLikeAuthResponse(kBase));
  CHECK_FALSE(looksLikeAuthResponse(kBase + "#tokens"));
  CHECK_FALSE(looksLikeAuthResponse(kBase + "#/screen?codes=1"));
  CHECK_FALSE(looksLikeAuthResponse(kBase + "?x=1#y=2"));
}

TEST_CASE("garbage in the fragment is auth.bad_redirect") {
  for (const char* fragment : {"#code=%zz&state=s", "#code=%&state=s", "#state=s",
                               "#code=a&error=b&state=s", "#code=&state=s"}) {
    CAPTURE(fragment);
    auto r = parseRedirectResponse(kBase + fragment);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "auth.bad_redirect");
    CHECK_FALSE(r.error().action.empty());
  }
  CHECK(parseRedirectResponse(kBase).error().code == "auth.bad_redirect");
}

TEST_CASE("a fragment larger than 16 KiB is refused") {
  const std::string code(kMaxRedirectPartBytes, 'a');
  auto r = parseRedirectResponse(kBase + "#code=" + code + "&state=s");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "auth.bad_redirect");
  CHECK(r.error().message.find("too large") != std::string::npos);

  const std::string justFits(kMaxRedirectPartBytes - std::string("code=&state=s").size(), 'a');
  CHECK(parseRedirectResponse(kBase + "#code=" + justFits + "&state=s").ok());
}

TEST_CASE("a parameter given twice is refused, never picked silently") {
  for (const char* fragment :
       {"#code=a&code=b&state=s", "#code=a&state=s&state=t", "#error=x&error=y&state=s",
        "#code=a&state=s&session_state=1&session_state=2"}) {
    CAPTURE(fragment);
    auto r = parseRedirectResponse(kBase + fragment);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "auth.bad_redirect");
    CHECK(r.error().message.find("more than once") != std::string::npos);
  }
}

TEST_CASE("a response in both the query and the fragment is refused") {
  auto r = parseRedirectResponse(kBase + "?code=a&state=s#code=b&state=s");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "auth.bad_redirect");
}

TEST_CASE("a response without state is auth.state_missing") {
  for (const char* fragment : {"#code=abc", "#error=access_denied", "#code=abc&state="}) {
    CAPTURE(fragment);
    auto r = parseRedirectResponse(kBase + fragment);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "auth.state_missing");
  }
}
