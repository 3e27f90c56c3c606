// The shared text helpers: trim, ASCII case, word splitting.
#include <doctest/doctest.h>

#include "core/text/strings.h"

using namespace patdesk::text;

TEST_CASE("trim removes ASCII whitespace at both ends only") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("\f\vx\v") == "x");
  CHECK(trim("") == "");
  CHECK(trim(" \t ") == "");
  CHECK(trim("\xC2\xA0x") == "\xC2\xA0x");  // a UTF-8 no-break space is not ASCII whitespace
}

TEST_CASE("ASCII lower-casing and comparison leave other bytes alone") {
  CHECK(lowerAscii("Fabrikam-Fiber") == "fabrikam-fiber");
  CHECK(lowerAscii("\xC3\x89t\xC3\xA9") == "\xC3\x89t\xC3\xA9");
  CHECK(equalsIgnoreAsciiCase("Content-Type", "content-type"));
  CHECK_FALSE(equalsIgnoreAsciiCase("Content-Type", "content-typ"));
  CHECK(containsIgnoreAsciiCase("Work Items", "work"));
  CHECK_FALSE(containsIgnoreAsciiCase("Code", "work"));
  CHECK(containsIgnoreAsciiCase("anything", ""));
}

TEST_CASE("splitWords splits a scope string on any whitespace and drops empty words") {
  CHECK(splitWords("vso.code  vso.work\tvso.build\n") ==
        std::vector<std::string>{"vso.code", "vso.work", "vso.build"});
  CHECK(splitWords("   ").empty());
  CHECK(splitWords("").empty());
  CHECK(splitWords("app_token") == std::vector<std::string>{"app_token"});
}

TEST_CASE("constantTimeEquals is plain equality of bytes") {
  CHECK(constantTimeEquals("state-123", "state-123"));
  CHECK_FALSE(constantTimeEquals("state-123", "state-124"));
  CHECK_FALSE(constantTimeEquals("state-123", "state-12"));
  CHECK(constantTimeEquals("", ""));
}
