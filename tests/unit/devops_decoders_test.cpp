#include <doctest/doctest.h>

#include "core/devops/decoders.h"
#include "core/text/iso8601.h"
#include "devops_test_support.h"

using namespace patdesk;
using namespace patdesk::devops;
using patdesk::testing::loadSpecJson;
using patdesk::testing::patExample;

namespace {
std::string exampleBody(const nlohmann::json& example, const char* status = "200") {
  return example["responses"][status]["body"].dump();
}
}  // namespace

TEST_CASE("the official profile example decodes, and coreAttributes are a fallback") {
  const auto example =
      loadSpecJson("profile/7.1/httpExamples/profiles/GET__profile_profiles_me.json");
  auto p = decodeProfile(exampleBody(example));
  REQUIRE(p.ok());
  CHECK(p.value().id == "d6245f20-2af8-44f4-9451-8107cb2767db");
  CHECK(p.value().displayName == "Normal Paulk");
  CHECK(p.value().email == "fabrikamfiber16@hotmail.com");

  auto core = decodeProfile(R"({"id":"u1","coreAttributes":{
      "DisplayName":{"descriptor":{},"value":"Ada Lovelace"},
      "EmailAddress":{"value":"ada@example.com"}}})");
  REQUIRE(core.ok());
  CHECK(core.value().displayName == "Ada Lovelace");
  CHECK(core.value().email == "ada@example.com");

  CHECK(decodeProfile(R"({"displayName":"x"})").error().code == "devops.malformed");
  CHECK(decodeProfile("<html>").error().code == "devops.malformed");
  CHECK(decodeProfile(R"({"id":5})").error().code == "devops.malformed");
}

TEST_CASE("organizations decode from the official {count, value} example and from a bare array") {
  const auto example =
      loadSpecJson("account/7.1/httpExamples/accounts/GET__Accounts_memberId-_userId_.json");
  auto orgs = decodeAccounts(exampleBody(example));
  REQUIRE(orgs.ok());
  REQUIRE(orgs.value().size() == 2);
  CHECK(orgs.value()[0].name == "Fabrikam-Fiber-Inc");
  CHECK(orgs.value()[0].id == "6affcbef-fe5d-44c6-8a29-439b79aaa118");
  CHECK(orgs.value()[1].name == "NormalPaulk");

  auto bare = decodeAccounts(R"([{"accountName":"a","accountId":"1"}])");
  REQUIRE(bare.ok());
  CHECK(bare.value().size() == 1);
  CHECK(decodeAccounts("[]").value().empty());
  CHECK(decodeAccounts(R"({"count":1})").error().code == "devops.malformed");
  CHECK(decodeAccounts(R"([{"accountId":"1"}])").error().code == "devops.malformed");
  CHECK(decodeAccounts("[{").error().code == "devops.malformed");
}

TEST_CASE("the official list example decodes, with a null targetAccounts meaning global") {
  auto page = decodePatPage(exampleBody(patExample("ListPats")));
  REQUIRE(page.ok());
  CHECK(page.value().continuationToken.empty());
  const auto& tokens = page.value().tokens;
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].displayName == "all_access_token");
  CHECK(tokens[0].isGlobal());
  CHECK(tokens[0].scope == "app_token");
  CHECK(tokens[0].validTo == "2020-11-23T04:04:38.5233333Z");
  CHECK(tokens[0].validToMs == *text::parseIso8601("2020-11-23T04:04:38.523Z"));
  CHECK(tokens[0].validFromMs == *text::parseIso8601("2020-10-24T03:04:57.52Z"));
  CHECK(tokens[0].token.empty());
  CHECK(tokens[1].displayName == "work_token");
  CHECK_FALSE(tokens[1].isGlobal());
  CHECK(*tokens[1].targetAccounts ==
        std::vector<std::string>{"38aaa865-2c70-4bf7-a308-0c6539c38c1a"});
  CHECK(tokens[3].authorizationId == "3d3aca0c-9ad3-4b07-8334-08ec8b1ddc32");
  for (const auto& t : tokens) {
    CHECK(t.organization.empty());
    CHECK_FALSE(t.revoked);
  }
}

TEST_CASE("the create, get and update examples decode into PatTokenResult") {
  auto created = decodePatTokenResult(exampleBody(patExample("CreatePat")));
  REQUIRE(created.ok());
  CHECK(created.value().patTokenError == "none");
  REQUIRE(created.value().patToken);
  CHECK(created.value().patToken->token == "dip55dwf4vpitomw63jzvomefmi2jluguprzwwqwuc6xq4fhocwq");
  CHECK(created.value().patToken->validTo == "2020-12-01T23:46:23.32Z");
  CHECK(created.value().patToken->validToMs == 1606866383320);

  auto got = decodePatTokenResult(exampleBody(patExample("GetPat")));
  REQUIRE(got.ok());
  CHECK(got.value().patToken->scope == "vso.analytics");
  CHECK(got.value().patToken->token.empty());

  auto updated = decodePatTokenResult(exampleBody(patExample("UpdatePat")));
  REQUIRE(updated.ok());
  CHECK(updated.value().patToken->displayName == "updated_token");
  CHECK(updated.value().patToken->isGlobal());
}

TEST_CASE("a PatTokenResult error keeps its value and message and may have no token") {
  auto r = decodePatTokenResult(
      R"({"patToken":{},"patTokenError":"invalidScope","patTokenErrorMessage":"bad scope"})");
  REQUIRE(r.ok());
  CHECK_FALSE(r.value().patToken);
  CHECK(r.value().patTokenError == "invalidScope");
  CHECK(r.value().patTokenErrorMessage == "bad scope");
  auto nullToken = decodePatTokenResult(R"({"patToken":null,"patTokenError":"accessDenied"})");
  REQUIRE(nullToken.ok());
  CHECK_FALSE(nullToken.value().patToken);
}

TEST_CASE("broken tokens are malformed rather than half-read") {
  CHECK(decodePatPage(R"({"patTokens":[{"displayName":"x"}]})").error().code == "devops.malformed");
  CHECK(decodePatPage(R"({"patTokens":[{"authorizationId":"a","validTo":"yesterday"}]})")
            .error()
            .code == "devops.malformed");
  CHECK(decodePatPage(R"({"patTokens":[{"authorizationId":"a","targetAccounts":"x"}]})")
            .error()
            .code == "devops.malformed");
  CHECK(decodePatPage(R"({"patTokens":{}})").error().code == "devops.malformed");
  CHECK(decodePatPage("").error().code == "devops.malformed");
  CHECK(decodePatPage("\xff\xfe").error().code == "devops.malformed");
  CHECK(decodePatToken(R"({"authorizationId":"a","targetAccounts":[1]})").error().code ==
        "devops.malformed");
  auto ok = decodePatPage("\xEF\xBB\xBF{\"patTokens\":[],\"continuationToken\":null}");
  REQUIRE(ok.ok());
  CHECK(ok.value().tokens.empty());
  auto minimal = decodePatToken(R"({"authorizationId":"a","validFrom":null})");
  REQUIRE(minimal.ok());
  CHECK(minimal.value().validFromMs == 0);
  CHECK(minimal.value().isGlobal());
}
