#include <doctest/doctest.h>

#include "core/auth/token_response.h"

using namespace patdesk;
using namespace patdesk::auth;

namespace {

HttpResponse reply(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

AuthErrorContext ctx() {
  return {"https://patdesk.example/app/", "11111111-2222-3333-4444-555555555555",
          "https://login.microsoftonline.com/organizations"};
}

}  // namespace

TEST_CASE("a token response is decoded") {
  auto t = decodeTokenResponse(reply(200, R"({"token_type":"Bearer","scope":"a b",
      "expires_in":3599,"ext_expires_in":3599,"access_token":"AT","refresh_token":"RT",
      "id_token":"ID"})"),
                               ctx());
  REQUIRE(t.ok());
  CHECK(t.value().accessToken == "AT");
  CHECK(t.value().refreshToken == "RT");
  CHECK(t.value().idToken == "ID");
  CHECK(t.value().scope == "a b");
  CHECK(t.value().tokenType == "Bearer");
  CHECK(t.value().expiresInSeconds == 3599);
}

TEST_CASE("expires_in may be a string, and defaults to an hour when absent") {
  auto t = decodeTokenResponse(reply(200, R"({"access_token":"AT","expires_in":"4000"})"), ctx());
  REQUIRE(t.ok());
  CHECK(t.value().expiresInSeconds == 4000);
  t = decodeTokenResponse(reply(200, R"({"access_token":"AT"})"), ctx());
  REQUIRE(t.ok());
  CHECK(t.value().expiresInSeconds == 3600);
}

TEST_CASE("a token response without a usable access token is auth.bad_token_response") {
  for (const char* body :
       {R"({})", R"({"access_token":""})", R"({"access_token":5})",
        R"({"access_token":"AT","expires_in":"soon"})", R"({"access_token":"AT","expires_in":-1})",
        R"({"access_token":"AT","expires_in":[1]})",
        R"({"access_token":"AT","token_type":"pop"})"}) {
    CAPTURE(body);
    auto t = decodeTokenResponse(reply(200, body), ctx());
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().code == "auth.bad_token_response");
  }
}

TEST_CASE("an error JSON is mapped with its ids and the server's words") {
  auto t = decodeTokenResponse(
      reply(
          400,
          R"({"error":"invalid_grant","error_description":"AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token. Trace ID: 1d2e Correlation ID: 3f4a Timestamp: 2026-11-18 10:00:00Z","error_codes":[54005],"timestamp":"2026-11-18 10:00:00Z","trace_id":"1d2e","correlation_id":"3f4a"})"),
      ctx());
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().code == "aadsts.54005");
  CHECK(t.error().httpStatus == 400);
  CHECK(t.error().activityId == "3f4a");
  CHECK(t.error().serverMessage.rfind("AADSTS54005: OAuth2 Authorization code", 0) == 0);
  CHECK(t.error().detail.find("trace ID: 1d2e") != std::string::npos);
}

TEST_CASE("an error JSON with only error_codes still yields the AADSTS number") {
  auto t = decodeTokenResponse(reply(400, R"({"error":"invalid_request","error_codes":[9002326]})"),
                               ctx());
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().code == "aadsts.9002326");
}

TEST_CASE("no response or a non-JSON body explains the browser blocked or lost the request") {
  for (const HttpResponse& r : {reply(0, ""), reply(200, "<html>proxy</html>"),
                                reply(502, "Bad gateway"), reply(200, "[]")}) {
    auto t = decodeTokenResponse(r, ctx());
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().code == "auth.network");
    CHECK(t.error().message == "The browser blocked or lost the sign-in request.");
    CHECK(t.error().action.find("Single-page application") != std::string::npos);
    CHECK(t.error().action.find("blocker") != std::string::npos);
    CHECK(t.error().action.find("authority") != std::string::npos);
    CHECK(t.error().httpStatus == r.status);
  }
}

TEST_CASE("an error status with JSON but no error fields is auth.bad_token_response") {
  auto t = decodeTokenResponse(reply(500, R"({"message":"oops"})"), ctx());
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().code == "auth.bad_token_response");
  CHECK(t.error().httpStatus == 500);
}

TEST_CASE("a /token request blocked by the page's CSP is not blamed on a Web redirect URI") {
  HttpResponse r = reply(0, "");
  r.origin = "https://login.contoso.example";
  r.blockedByCsp = true;
  auto t = decodeTokenResponse(r, ctx());
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().code == "csp.blocked");
  CHECK(t.error().message ==
        "config.json points to https://login.contoso.example, but this page's "
        "Content-Security-Policy does not allow connections there: see Deploy in the README.");
  CHECK(t.error().action.find("Web") == std::string::npos);
  CHECK(t.error().message.find("registered as") == std::string::npos);
}

TEST_CASE("a /token status 0 that is not a CSP block names the host and CORS, proxy or network") {
  HttpResponse r = reply(0, "");
  r.origin = "https://login.microsoftonline.com";
  auto t = decodeTokenResponse(r, ctx());
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().code == "auth.network");
  CHECK(t.error().action.find("The request to https://login.microsoftonline.com may be blocked "
                              "by CORS, a proxy, or the network.") == 0);
}
