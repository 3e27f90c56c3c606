#include <doctest/doctest.h>

#include "core/links/create_link.h"
#include "core/links/token_link.h"
#include "core/links/url_search_params.h"

using namespace patdesk::links;

namespace {
bool mentions(const std::vector<std::string>& messages, const std::string& word) {
  for (const auto& m : messages) {
    if (m.find(word) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("search params decode plus as space and percent escapes like URLSearchParams") {
  const auto p = parseSearchParams("a=two+words&b=%41%2b%20&c&=empty&&d=x=y");
  REQUIRE(p.size() == 5);
  CHECK(p[0] == std::pair<std::string, std::string>{"a", "two words"});
  CHECK(p[1] == std::pair<std::string, std::string>{"b", "A+ "});
  CHECK(p[2] == std::pair<std::string, std::string>{"c", ""});
  CHECK(p[3] == std::pair<std::string, std::string>{"", "empty"});
  CHECK(p[4] == std::pair<std::string, std::string>{"d", "x=y"});
}

TEST_CASE("search params keep a stray percent sign instead of failing") {
  const auto p = parseSearchParams("a=100%&b=%zz&c=%4");
  CHECK(*firstValue(p, "a") == "100%");
  CHECK(*firstValue(p, "b") == "%zz");
  CHECK(*firstValue(p, "c") == "%4");
}

TEST_CASE("search params turn bytes that are not UTF-8 into U+FFFD as the browser does") {
  CHECK(*firstValue(parseSearchParams("n=%C3%A9"), "n") == "\xC3\xA9");
  CHECK(*firstValue(parseSearchParams("n=%FF"), "n") == "\xEF\xBF\xBD");
  // A truncated three-byte sequence is one maximal subpart: one replacement, then 'x'.
  CHECK(*firstValue(parseSearchParams("n=%E2%82x"), "n") == "\xEF\xBF\xBDx");
  // Overlong encodings and surrogates are invalid too.
  CHECK(*firstValue(parseSearchParams("n=%C0%AF"), "n") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(*firstValue(parseSearchParams("n=%ED%A0%80"), "n") ==
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(toValidUtf8("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");
}

TEST_CASE("the first of repeated parameters wins like URLSearchParams.get") {
  CHECK(*firstValue(parseSearchParams("name=one&name=two"), "name") == "one");
  CHECK_FALSE(firstValue(parseSearchParams("name=one"), "org").has_value());
}

TEST_CASE("search params serialise like URLSearchParams.toString") {
  CHECK(serializeSearchParams({{"name", "ci feed"}, {"x", "a+b&c=d/é~*"}}) ==
        "name=ci+feed&x=a%2Bb%26c%3Dd%2F%C3%A9%7E*");
}

TEST_CASE("only new and new-question-mark fragments are create links") {
  CHECK(isCreateLinkFragment("new"));
  CHECK(isCreateLinkFragment("new?name=x"));
  CHECK_FALSE(isCreateLinkFragment("newer?name=x"));
  CHECK_FALSE(isCreateLinkFragment("token?id=1"));
  CHECK_FALSE(isCreateLinkFragment(""));
  CHECK_FALSE(parseCreateLink("code=abc").has_value());
}

TEST_CASE("the issue's example link fills name, organization, scopes and days") {
  const auto r =
      parseCreateLink("new?name=ci-feed&org=contoso&scopes=vso.packaging+vso.code&days=30");
  REQUIRE(r.has_value());
  CHECK(*r->name == "ci-feed");
  CHECK(*r->organization == "contoso");
  CHECK(r->scopes == std::vector<std::string>{"vso.packaging", "vso.code"});
  CHECK(r->highPrivilegeScopes.empty());
  CHECK(*r->days == 30);
  CHECK(r->droppedScopes.empty());
  CHECK(r->messages.empty());
}

TEST_CASE("a bare new link asks for nothing and says nothing") {
  const auto r = parseCreateLink("new");
  REQUIRE(r.has_value());
  CHECK_FALSE(r->name.has_value());
  CHECK_FALSE(r->organization.has_value());
  CHECK(r->scopes.empty());
  CHECK_FALSE(r->days.has_value());
  CHECK(r->messages.empty());
}

TEST_CASE("a link cannot ask for full access and app_token is dropped with a message") {
  const auto r = parseCreateLink("new?scopes=app_token+vso.code");
  REQUIRE(r.has_value());
  CHECK(r->scopes == std::vector<std::string>{"vso.code"});
  CHECK(r->droppedScopes == std::vector<std::string>{"app_token"});
  REQUIRE(r->messages.size() == 1);
  CHECK(mentions(r->messages, "app_token"));
  CHECK(mentions(r->messages, "full access"));
}

TEST_CASE("unknown scope names are dropped with a message naming each of them") {
  const auto r = parseCreateLink("new?scopes=vso.bogus%20vso.code_write+VSO.CODE+vso.bogus");
  REQUIRE(r.has_value());
  CHECK(r->scopes == std::vector<std::string>{"vso.code_write"});
  CHECK(r->droppedScopes == std::vector<std::string>{"vso.bogus", "VSO.CODE"});
  REQUIRE(r->messages.size() == 1);
  CHECK(r->messages[0] == "Unknown scopes were left out: vso.bogus, VSO.CODE.");
}

TEST_CASE("high-privilege scopes from a link are kept and flagged") {
  const auto r = parseCreateLink("new?scopes=vso.code_full+vso.work+vso.build_execute");
  REQUIRE(r.has_value());
  CHECK(r->scopes == std::vector<std::string>{"vso.code_full", "vso.work", "vso.build_execute"});
  CHECK(r->highPrivilegeScopes == std::vector<std::string>{"vso.code_full", "vso.build_execute"});
}

TEST_CASE("days are clamped to one through 365 with a note") {
  auto big = parseCreateLink("new?days=400");
  CHECK(*big->days == 365);
  CHECK(mentions(big->messages, "400"));
  auto zero = parseCreateLink("new?days=0");
  CHECK(*zero->days == 1);
  CHECK(mentions(zero->messages, "1 day"));
  auto negative = parseCreateLink("new?days=-5");
  CHECK(*negative->days == 1);
  auto huge = parseCreateLink("new?days=99999999999999999999999");
  CHECK(*huge->days == 365);
  auto fine = parseCreateLink("new?days=+90");
  CHECK(*fine->days == 90);
  CHECK(fine->messages.empty());
}

TEST_CASE("days that are not a whole number are ignored with a note") {
  auto words = parseCreateLink("new?days=ten");
  CHECK_FALSE(words->days.has_value());
  CHECK(mentions(words->messages, "\"ten\""));
  auto fraction = parseCreateLink("new?days=30.5");
  CHECK_FALSE(fraction->days.has_value());
  auto empty = parseCreateLink("new?days=");
  CHECK_FALSE(empty->days.has_value());
  CHECK(empty->messages.empty());
}

TEST_CASE("a link's name keeps its characters and its organization is trimmed") {
  auto r = parseCreateLink("new?name=a%2C+%22b%22%0A%3Dc&org=+contoso+");
  CHECK(*r->name == "a, \"b\"\n=c");
  CHECK(*r->organization == "contoso");
  auto blank = parseCreateLink("new?org=+");
  CHECK_FALSE(blank->organization.has_value());
}

TEST_CASE("a built create link reads back to the same fields") {
  CreateLinkFields f;
  f.name = "ci feed, \"nightly\" & more";
  f.organization = "contoso";
  f.scope = "vso.packaging vso.code";
  f.days = 30;
  const std::string link = buildCreateLink("https://patdesk.example/app/?x=1#old", f);
  CHECK(link ==
        "https://patdesk.example/app/#new?name=ci+feed%2C+%22nightly%22+%26+more&org=contoso"
        "&scopes=vso.packaging+vso.code&days=30");
  const auto back = parseCreateLink(link.substr(link.find('#') + 1));
  REQUIRE(back.has_value());
  CHECK(*back->name == f.name);
  CHECK(*back->organization == f.organization);
  CHECK(back->scopes == std::vector<std::string>{"vso.packaging", "vso.code"});
  CHECK(*back->days == 30);
}

TEST_CASE("a built create link never carries full access and leaves empty fields out") {
  CreateLinkFields f;
  f.scope = "app_token";
  CHECK(buildCreateLink("https://patdesk.example/", f) == "https://patdesk.example/#new");
  f.name = "x";
  f.scope = "app_token vso.code";
  CHECK(buildCreateLink("https://patdesk.example/", f) ==
        "https://patdesk.example/#new?name=x&scopes=vso.code");
}

TEST_CASE("a token link carries the authorizationId and reads back") {
  const std::string link = buildTokenLink("https://patdesk.example/#new?x", "a b&c");
  CHECK(link == "https://patdesk.example/#token?id=a+b%26c");
  CHECK(*parseTokenLink("token?id=a+b%26c") == "a b&c");
  CHECK_FALSE(parseTokenLink("token?id=").has_value());
  CHECK_FALSE(parseTokenLink("new?id=1").has_value());
}
