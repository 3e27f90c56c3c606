#include <doctest/doctest.h>

#include <string>

#include "core/text/base64url.h"

using namespace patdesk;

TEST_CASE("base64url encodes the RFC 4648 section 10 vectors without padding") {
  CHECK(base64UrlEncode("") == "");
  CHECK(base64UrlEncode("f") == "Zg");
  CHECK(base64UrlEncode("fo") == "Zm8");
  CHECK(base64UrlEncode("foo") == "Zm9v");
  CHECK(base64UrlEncode("foob") == "Zm9vYg");
  CHECK(base64UrlEncode("fooba") == "Zm9vYmE");
  CHECK(base64UrlEncode("foobar") == "Zm9vYmFy");
}

TEST_CASE("standard base64 encodes the RFC 4648 section 10 vectors with padding") {
  CHECK(base64Encode("") == "");
  CHECK(base64Encode("f") == "Zg==");
  CHECK(base64Encode("fo") == "Zm8=");
  CHECK(base64Encode("foo") == "Zm9v");
  CHECK(base64Encode("foob") == "Zm9vYg==");
  CHECK(base64Encode("fooba") == "Zm9vYmE=");
  CHECK(base64Encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("base64url decodes the RFC 4648 vectors with or without padding") {
  const char* plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
  const char* unpadded[] = {"", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy"};
  const char* padded[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
  for (int i = 0; i < 7; ++i) {
    CAPTURE(i);
    REQUIRE(base64UrlDecode(unpadded[i]).has_value());
    CHECK(*base64UrlDecode(unpadded[i]) == plain[i]);
    REQUIRE(base64UrlDecode(padded[i]).has_value());
    CHECK(*base64UrlDecode(padded[i]) == plain[i]);
    REQUIRE(base64Decode(padded[i]).has_value());
    CHECK(*base64Decode(padded[i]) == plain[i]);
  }
}

TEST_CASE("base64url uses - and _ where standard base64 uses + and /") {
  const std::string bytes = "\xfb\xff\xbf";
  CHECK(base64UrlEncode(bytes) == "-_-_");
  CHECK(base64Encode(bytes) == "+/+/");
  CHECK(*base64UrlDecode("-_-_") == bytes);
  CHECK(*base64Decode("+/+/") == bytes);
  CHECK_FALSE(base64UrlDecode("+/+/").has_value());
  CHECK_FALSE(base64Decode("-_-_").has_value());
}

TEST_CASE("every byte value survives a base64url round trip") {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t len = 0; len <= all.size(); len += 17) {
    const std::string part = all.substr(0, len);
    auto back = base64UrlDecode(base64UrlEncode(part));
    REQUIRE(back.has_value());
    CHECK(*back == part);
  }
}

TEST_CASE("base64url decoding rejects invalid input") {
  CHECK_FALSE(base64UrlDecode("Z").has_value());       // impossible length
  CHECK_FALSE(base64UrlDecode("Zm9v!").has_value());   // outside the alphabet
  CHECK_FALSE(base64UrlDecode("Zm 9v").has_value());   // whitespace
  CHECK_FALSE(base64UrlDecode("Zg=").has_value());     // incomplete padding
  CHECK_FALSE(base64UrlDecode("Zg===").has_value());   // too much padding
  CHECK_FALSE(base64UrlDecode("Z===").has_value());    // padding beyond two
  CHECK_FALSE(base64UrlDecode("Zg==Zg").has_value());  // padding in the middle
  CHECK_FALSE(base64UrlDecode("Zh").has_value());      // non-zero trailing bits
  CHECK_FALSE(base64UrlDecode(std::string("Zg\0", 3)).has_value());
}
