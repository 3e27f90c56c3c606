#include <doctest/doctest.h>

#include "core/auth/id_token.h"
#include "core/text/base64url.h"

using namespace patdesk;
using namespace patdesk::auth;

namespace {
std::string jwt(const std::string& payloadJson) {
  return base64UrlEncode(R"({"alg":"RS256","typ":"JWT"})") + "." + base64UrlEncode(payloadJson) +
         ".c2lnbmF0dXJl";
}
}  // namespace

TEST_CASE("the display claims are read from the ID token payload") {
  auto c = decodeIdToken(jwt(R"({"name":"Ana Lima","preferred_username":"ana@contoso.com",
      "tid":"t-1","oid":"o-1","nonce":"N1","exp":1795003600,"aud":"x"})"));
  REQUIRE(c.ok());
  CHECK(c.value().name == "Ana Lima");
  CHECK(c.value().preferredUsername == "ana@contoso.com");
  CHECK(c.value().tenantId == "t-1");
  CHECK(c.value().objectId == "o-1");
  CHECK(c.value().nonce == "N1");
  CHECK(c.value().expiresAt == 1795003600);
}

TEST_CASE("missing or oddly typed claims are simply empty") {
  auto c = decodeIdToken(jwt(R"({"name":5,"exp":"soon"})"));
  REQUIRE(c.ok());
  CHECK(c.value().name.empty());
  CHECK(c.value().expiresAt == 0);
}

TEST_CASE("something that is not a JWT with a JSON payload is auth.bad_id_token") {
  for (const std::string& bad :
       {std::string(""), std::string("abc"), std::string("a.b"), std::string("a.b.c.d"),
        std::string("x.!!!.y"), "x." + base64UrlEncode("not json") + ".y",
        "x." + base64UrlEncode("[1,2]") + ".y"}) {
    CAPTURE(bad);
    auto c = decodeIdToken(bad);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == "auth.bad_id_token");
  }
}

TEST_CASE("the nonce must match the one sent") {
  IdTokenClaims c;
  c.nonce = "N1";
  CHECK(checkNonce(c, "N1").ok());
  CHECK(checkNonce(c, "N2").error().code == "auth.nonce_mismatch");
  CHECK(checkNonce(c, "N10").error().code == "auth.nonce_mismatch");
  CHECK(checkNonce(c, "").error().code == "auth.nonce_mismatch");
  c.nonce = "";
  CHECK(checkNonce(c, "").error().code == "auth.nonce_mismatch");
}
