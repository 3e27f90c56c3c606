// Inputs found by the libFuzzer targets (tests/fuzz, scripts/fuzz.sh), replayed through the
// public functions so the fixes stay fixed. Each input is also a committed seed in
// tests/fuzz/seeds/<target>/.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "core/auth/id_token.h"
#include "core/auth/token_response.h"
#include "core/devops/decoders.h"
#include "core/devops/scopes.h"
#include "core/text/base64url.h"
#include "core/text/iso8601.h"

using namespace patdesk;

namespace {

std::string jwtWithPayload(const std::string& payload) {
  return "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." + base64UrlEncode(payload) + ".c2ln";
}

HttpResponse reply(int status, const std::string& body) {
  HttpResponse r;
  r.status = status;
  r.body = body;
  return r;
}

auth::AuthErrorContext context() {
  return {"https://patdesk.example/app/", "11111111-2222-3333-4444-555555555555",
          "https://login.microsoftonline.com/organizations"};
}

}  // namespace

TEST_CASE(
    "an id token whose exp does not fit in 64 bits decodes with no expiry instead of "
    "undefined behaviour") {
  // fuzz_id_token: P:{"nonce":"n","exp":1.0e30} -- a float-to-int64 cast out of range (UBSan
  // float-cast-overflow; a trap in WebAssembly).
  for (const char* exp : {"1.0e30", "-1.0e30", "9.3e18", "18446744073709551615"}) {
    CAPTURE(exp);
    const auto claims =
        auth::decodeIdToken(jwtWithPayload(std::string(R"({"nonce":"n","exp":)") + exp + "}"));
    REQUIRE(claims.ok());
    CHECK(claims.value().nonce == "n");
    CHECK(claims.value().expiresAt == 0);
  }
  const auto fractional = auth::decodeIdToken(jwtWithPayload(R"({"exp":1767225600.5})"));
  REQUIRE(fractional.ok());
  CHECK(fractional.value().expiresAt == 1767225600);
  const auto negative = auth::decodeIdToken(jwtWithPayload(R"({"exp":-9223372036854775808})"));
  REQUIRE(negative.ok());
  CHECK(negative.value().expiresAt == INT64_MIN);
}

TEST_CASE(
    "a token response with a huge integer expires_in is refused instead of overflowing "
    "the session's expiry arithmetic") {
  // fuzz_token_response: expires_in 9223372036854775807 was accepted; the session computes
  // nowMs + expiresInSeconds * 1000 (signed overflow).
  for (const char* expires : {"9223372036854775807", "18446744073709551615", "1000000001",
                              "\"99999999999\"", "\"1000000001\"", "1e10"}) {
    CAPTURE(expires);
    const auto r = auth::decodeTokenResponse(
        reply(200, std::string(R"({"access_token":"AT","token_type":"Bearer","expires_in":)") +
                       expires + "}"),
        context());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "auth.bad_token_response");
  }
  const auto longest = auth::decodeTokenResponse(
      reply(200, R"({"access_token":"AT","expires_in":1000000000})"), context());
  REQUIRE(longest.ok());
  CHECK(longest.value().expiresInSeconds == 1000000000);
}

TEST_CASE(
    "a timestamp that an offset moves outside years 0000 to 9999 is refused, so every "
    "parsed instant formats and parses back") {
  // fuzz_iso8601: 0000-01-01T00:00:00+23:59 parsed to year -1, which formatIso8601 writes as
  // "-001-12-31T00:01:00.000Z" and parseIso8601 cannot read back.
  CHECK_FALSE(text::parseIso8601("0000-01-01T00:00:00+23:59").has_value());
  CHECK_FALSE(text::parseIso8601("9999-12-31T23:59:59.999-23:59").has_value());
  CHECK_FALSE(text::parseIso8601("9999-12-31T23:59:60Z").has_value());
  for (const char* edge : {"0000-01-01T00:00:00Z", "0000-01-01T00:00:00-01:00",
                           "9999-12-31T23:59:59.999Z", "9999-12-31T00:00:00+01:00"}) {
    CAPTURE(edge);
    const auto ms = text::parseIso8601(edge);
    REQUIRE(ms.has_value());
    CHECK(text::parseIso8601(text::formatIso8601(*ms)) == ms);
  }
  // The decoders refuse such a date like any other unreadable one.
  const auto page = devops::decodePatPage(
      R"({"patTokens":[{"authorizationId":"a","validTo":"0000-01-01T00:00:00+23:59"}]})");
  REQUIRE_FALSE(page.ok());
  CHECK(page.error().code == "devops.malformed");
}

TEST_CASE(
    "with full access a second level of a group is not printed, so the canonical scope "
    "string is stable when parsed again") {
  // fuzz_scopes: "app_token vso.code vso.code_write vso.custom" printed as
  // "app_token vso.code_write vso.custom", which printed again as "app_token vso.custom".
  const std::string input = "app_token vso.code vso.code_write vso.custom";
  const std::string once = devops::toScopeString(devops::parseScopeString(input));
  CHECK(once == "app_token vso.custom");
  CHECK(devops::toScopeString(devops::parseScopeString(once)) == once);
  CHECK(devops::describeScopes(input) == devops::describeScopes(once));
  // Without full access the second level is still kept verbatim.
  CHECK(devops::toScopeString(devops::parseScopeString("vso.code vso.code_write")) ==
        "vso.code vso.code_write");
}
