#include <doctest/doctest.h>

#include <set>

#include "core/auth/pkce.h"
#include "core/text/base64url.h"
#include "fakes/fake_platform.h"

using namespace patdesk;
using namespace patdesk::auth;
using patdesk::testing::FakeRandom;

TEST_CASE("the PKCE challenge for the RFC 7636 appendix B verifier matches") {
  CHECK(pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") ==
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST_CASE("the RFC 7636 appendix B octets encode to its verifier") {
  const uint8_t octets[32] = {116, 24,  223, 180, 151, 153, 224, 37,  79,  250, 96,
                              125, 216, 173, 187, 186, 22,  212, 37,  77,  105, 214,
                              191, 240, 91,  88,  5,   88,  83,  132, 141, 121};
  CHECK(base64UrlEncode(octets, sizeof octets) == "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  // makePkce does exactly this with the random bytes.
  struct Fixed : Random {
    const uint8_t* bytes;
    bool fill(uint8_t* out, size_t size) override {
      for (size_t i = 0; i < size; ++i) out[i] = bytes[i % 32];
      return true;
    }
  } fixed;
  fixed.bytes = octets;
  auto pair = makePkce(fixed);
  REQUIRE(pair.ok());
  CHECK(pair.value().verifier == "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  CHECK(pair.value().challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST_CASE("a PKCE verifier is 43 URL-safe characters from 32 random bytes") {
  FakeRandom random;
  auto pair = makePkce(random);
  REQUIRE(pair.ok());
  CHECK(pair.value().verifier.size() == 43);
  CHECK(pair.value().verifier == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
  CHECK(pair.value().challenge == "6oZqdX5MOLq_qBJ8vppAnT4fk6AP8UiP9zX8-Rev_9A");
  CHECK(random.next == 32);
}

TEST_CASE("random tokens have at least 16 bytes of entropy and differ") {
  FakeRandom random;
  auto small = randomToken(random, 4);
  REQUIRE(small.ok());
  CHECK(base64UrlDecode(small.value())->size() == kMinTokenBytes);
  auto big = randomToken(random, 32);
  REQUIRE(big.ok());
  CHECK(big.value().size() == 43);
  CHECK(big.value() != small.value());
}

TEST_CASE("a client-request-id is a version 4 UUID") {
  FakeRandom random;
  random.next = 96;
  auto id = randomUuid(random);
  REQUIRE(id.ok());
  CHECK(id.value() == "60616263-6465-4667-a869-6a6b6c6d6e6f");
  random.next = 0xff;
  auto other = randomUuid(random);
  REQUIRE(other.ok());
  CHECK(other.value().size() == 36);
  CHECK(other.value()[14] == '4');
  CHECK(std::set<char>{'8', '9', 'a', 'b'}.count(other.value()[19]) == 1);
}

TEST_CASE("without secure randomness every generator fails closed") {
  FakeRandom random;
  random.available = false;
  auto pkce = makePkce(random);
  REQUIRE_FALSE(pkce.ok());
  CHECK(pkce.error().code == "auth.no_secure_random");
  CHECK_FALSE(pkce.error().message.empty());
  CHECK_FALSE(pkce.error().action.empty());
  CHECK(randomToken(random, 16).error().code == "auth.no_secure_random");
  CHECK(randomUuid(random).error().code == "auth.no_secure_random");
}
