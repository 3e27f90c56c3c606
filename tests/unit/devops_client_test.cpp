#include "core/devops/devops_client.h"

#include <doctest/doctest.h>

#include <memory>

#include "core/text/iso8601.h"
#include "devops_test_support.h"
#include "fakes/fake_platform.h"

using namespace patdesk;
using namespace patdesk::devops;
using nlohmann::json;
using patdesk::testing::FakePlatform;
using patdesk::testing::parseUrl;
using patdesk::testing::patExample;

namespace {

struct Fixture {
  FakePlatform fake;
  int tokenCalls = 0;
  std::unique_ptr<DevOpsClient> client;
  Fixture() {
    client = std::make_unique<DevOpsClient>(
        "https://app.vssps.visualstudio.com", "https://vssps.dev.azure.com", fake.platform(),
        [this] { return "access-" + std::to_string(++tokenCalls); });
  }
  patdesk::testing::FakeHttp& http() { return fake.http; }
  bool respond(int status, const std::string& body, std::vector<HttpHeader> headers = {}) {
    return fake.http.respond("", status, body, headers);
  }
};

std::string exampleBody(const char* name, const char* status = "200") {
  return patExample(name)["responses"][status]["body"].dump();
}

std::string pageBody(const std::string& id, const std::string& continuation) {
  json body = {{"patTokens",
                {{{"authorizationId", id},
                  {"displayName", "t-" + id},
                  {"scope", "vso.code"},
                  {"targetAccounts", {"38aaa865-2c70-4bf7-a308-0c6539c38c1a"}},
                  {"validFrom", "2026-10-01T00:00:00Z"},
                  {"validTo", "2026-12-01T00:00:00Z"},
                  {"token", nullptr}}}},
               {"continuationToken", continuation}};
  return body.dump();
}

std::string tokenResult(const std::string& id, const std::string& validTo,
                        const std::string& secret) {
  json token = {{"authorizationId", id},
                {"displayName", "ci"},
                {"scope", "vso.code_write"},
                {"targetAccounts", {"org-guid"}},
                {"validFrom", "2026-11-18T11:06:40Z"},
                {"validTo", validTo},
                {"token", secret.empty() ? json() : json(secret)}};
  return json{{"patToken", token}, {"patTokenError", "none"}}.dump();
}

}  // namespace

TEST_CASE("the profile is fetched with a fresh access token and decoded") {
  Fixture f;
  std::optional<Result<Profile>> got;
  f.client->getProfile([&](Result<Profile> r) { got = std::move(r); });
  REQUIRE(f.http().pending.size() == 1);
  const auto& req = f.http().pending.front().request;
  CHECK(req.url == "https://app.vssps.visualstudio.com/_apis/profile/profiles/me?api-version=7.1");
  CHECK(req.headers.front().value == "Bearer access-1");
  f.respond(200,
            patdesk::testing::loadSpecJson(
                "profile/7.1/httpExamples/profiles/GET__profile_profiles_me.json")["responses"]
                                                                                  ["200"]["body"]
                                                                                      .dump());
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value().email == "fabrikamfiber16@hotmail.com");
  CHECK(f.client->inFlight() == 0);
}

TEST_CASE("organizations are listed for the member id") {
  Fixture f;
  std::optional<Result<std::vector<Organization>>> got;
  f.client->listOrganizations("member-1", [&](auto r) { got = std::move(r); });
  CHECK(parseUrl(f.http().pending.front().request.url).query.at("memberId") == "member-1");
  f.respond(200, R"({"count":1,"value":[{"accountName":"fabrikam","accountId":"g"}]})");
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value().at(0).name == "fabrikam");
}

TEST_CASE("a list follows the continuation token with the same filters until it is empty") {
  Fixture f;
  ListQuery q;
  q.filter = DisplayFilter::Revoked;
  q.sortBy = SortBy::Status;
  q.ascending = true;
  std::vector<std::pair<int, std::vector<PatToken>>> pages;
  std::optional<Status> done;
  f.client->listPats(
      "My Org", q,
      [&](std::vector<PatToken> page, int n) { pages.emplace_back(n, std::move(page)); },
      [&](Status s) { done = s; });

  const std::vector<std::pair<std::string, std::string>> script = {
      {"", "tok-2"}, {"tok-2", "tok 3+"}, {"tok 3+", ""}};
  for (size_t i = 0; i < script.size(); ++i) {
    REQUIRE(f.http().pending.size() == 1);
    const auto url = parseUrl(f.http().pending.front().request.url);
    CHECK(url.path == "/My%20Org/_apis/tokens/pats");
    CHECK(url.query.at("displayFilterOption") == "revoked");
    CHECK(url.query.at("sortByOption") == "status");
    CHECK(url.query.at("isSortAscending") == "true");
    CHECK(url.query.at("$top") == "100");
    if (script[i].first.empty()) {
      CHECK(url.query.count("continuationToken") == 0);
    } else {
      CHECK(url.query.at("continuationToken") == script[i].first);
    }
    CHECK_FALSE(done);
    f.respond(200, pageBody("id" + std::to_string(i + 1), script[i].second));
  }
  REQUIRE(done);
  CHECK(done->ok());
  REQUIRE(pages.size() == 3);
  for (int i = 0; i < 3; ++i) {
    CHECK(pages[i].first == i + 1);
    REQUIRE(pages[i].second.size() == 1);
    CHECK(pages[i].second[0].authorizationId == "id" + std::to_string(i + 1));
    CHECK(pages[i].second[0].organization == "My Org");
    CHECK(pages[i].second[0].revoked);
  }
  CHECK(f.http().pending.empty());
}

TEST_CASE("a list stops when the server repeats a continuation token") {
  Fixture f;
  int pages = 0;
  std::optional<Status> done;
  f.client->listPats(
      "o", ListQuery{},
      [&](std::vector<PatToken> page, int) {
        ++pages;
        CHECK_FALSE(page.at(0).revoked);
      },
      [&](Status s) { done = s; });
  f.respond(200, pageBody("a", "same"));
  f.respond(200, pageBody("b", "same"));
  REQUIRE(done);
  CHECK(done->ok());
  CHECK(pages == 2);
  CHECK(f.http().pending.empty());
}

TEST_CASE("the official list example is one page") {
  Fixture f;
  std::vector<PatToken> tokens;
  std::optional<Status> done;
  f.client->listPats(
      "fabrikam", ListQuery{}, [&](std::vector<PatToken> page, int) { tokens = std::move(page); },
      [&](Status s) { done = s; });
  f.respond(200, exampleBody("ListPats"));
  REQUIRE(done);
  CHECK(done->ok());
  CHECK(tokens.size() == 4);
  CHECK(tokens[0].isGlobal());
}

TEST_CASE("a list error after the first page ends the listing with that error") {
  Fixture f;
  int pages = 0;
  std::optional<Status> done;
  f.client->listPats(
      "o", ListQuery{}, [&](auto, int) { ++pages; }, [&](Status s) { done = s; });
  f.respond(200, pageBody("a", "next"));
  f.respond(404, R"({"message":"no org"})");
  REQUIRE(done);
  REQUIRE_FALSE(done->ok());
  CHECK(done->error().code == "devops.org_not_found");
  CHECK(pages == 1);
}

TEST_CASE("at most 4 requests are in flight and the rest wait in order") {
  Fixture f;
  int completed = 0;
  for (int i = 0; i < 6; ++i) {
    f.client->getPat("o", "id" + std::to_string(i), [&](Result<PatToken> r) {
      CHECK(r.ok());
      ++completed;
    });
  }
  CHECK(f.client->inFlight() == 4);
  CHECK(f.http().sent.size() == 4);
  f.respond(200, tokenResult("x", "2026-12-01T00:00:00Z", ""));
  CHECK(f.http().sent.size() == 5);
  CHECK(f.http().sent.back().url.find("authorizationId=id4") != std::string::npos);
  CHECK(f.client->inFlight() == 4);
  while (f.respond(200, tokenResult("x", "2026-12-01T00:00:00Z", ""))) {
    CHECK(f.client->inFlight() <= 4);
  }
  CHECK(completed == 6);
  CHECK(f.client->inFlight() == 0);
}

TEST_CASE("a throttled GET waits for Retry-After before retrying with a fresh token") {
  Fixture f;
  std::optional<Result<PatToken>> got;
  f.client->getPat("o", "id", [&](Result<PatToken> r) { got = std::move(r); });
  f.respond(429, "", {{"Retry-After", "7"}});
  CHECK_FALSE(got);
  CHECK(f.http().pending.empty());
  CHECK(f.client->inFlight() == 0);
  f.fake.clock.advance(6999);
  CHECK(f.http().pending.empty());
  f.fake.clock.advance(1);
  REQUIRE(f.http().pending.size() == 1);
  CHECK(f.http().pending.front().request.headers.front().value == "Bearer access-2");
  f.respond(200, exampleBody("GetPat"));
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value().organization == "o");
  CHECK(got->value().displayName == "analytics_token");
}

TEST_CASE("Retry-After is capped at 30 seconds and a GET gives up after 3 retries") {
  Fixture f;
  std::optional<Result<PatToken>> got;
  f.client->getPat("o", "id", [&](Result<PatToken> r) { got = std::move(r); });
  for (int i = 0; i < 3; ++i) {
    REQUIRE(f.respond(429, "", {{"Retry-After", "120"}}));
    f.fake.clock.advance(29999);
    CHECK(f.http().pending.empty());
    f.fake.clock.advance(1);
    REQUIRE(f.http().pending.size() == 1);
  }
  f.respond(429, "", {{"Retry-After", "120"}});
  REQUIRE(got);
  REQUIRE_FALSE(got->ok());
  CHECK(got->error().code == "devops.throttled");
  CHECK(f.http().sent.size() == 4);
  CHECK(f.fake.clock.pendingTimers() == 0);
}

TEST_CASE("a GET retries 5xx and status 0 with exponential backoff, then reports the error") {
  Fixture f;
  std::optional<Result<Profile>> got;
  f.client->getProfile([&](Result<Profile> r) { got = std::move(r); });
  f.respond(503, "");
  f.fake.clock.advance(999);
  CHECK(f.http().pending.empty());
  f.fake.clock.advance(1);  // 1 s
  f.respond(0, "");
  f.fake.clock.advance(1999);
  CHECK(f.http().pending.empty());
  f.fake.clock.advance(1);  // 2 s
  f.respond(500, "");
  f.fake.clock.advance(3999);
  CHECK(f.http().pending.empty());
  f.fake.clock.advance(1);  // 4 s
  f.respond(0, "");
  REQUIRE(got);
  CHECK(got->error().code == "devops.network");
  CHECK(f.http().sent.size() == 4);
}

TEST_CASE("a GET that succeeds on a retry reports success") {
  Fixture f;
  std::optional<Result<Profile>> got;
  f.client->getProfile([&](Result<Profile> r) { got = std::move(r); });
  f.respond(502, "<html>bad gateway</html>");
  f.fake.clock.advance(1000);
  f.respond(200, R"({"id":"u"})");
  REQUIRE(got);
  CHECK(got->ok());
}

TEST_CASE("PUT and DELETE retry 5xx at most twice and never retry 429 or status 0") {
  Fixture f;
  std::optional<Result<PatToken>> updated;
  UpdatePatRequest u;
  u.authorizationId = "id";
  u.displayName = "n";
  f.client->updatePat("o", u, [&](Result<PatToken> r) { updated = std::move(r); });
  f.respond(500, "");
  f.fake.clock.advance(1000);
  f.respond(503, "");
  f.fake.clock.advance(2000);
  REQUIRE(f.http().sent.size() == 3);
  CHECK(f.http().sent[2].method == "PUT");
  f.respond(500, R"({"message":"boom"})");
  REQUIRE(updated);
  CHECK(updated->error().code == "devops.server");
  CHECK(updated->error().serverMessage == "boom");

  std::optional<Status> revoked;
  f.client->revokePat("o", "id", [&](Status s) { revoked = s; });
  f.respond(429, "", {{"Retry-After", "1"}});
  REQUIRE(revoked);
  CHECK(revoked->error().code == "devops.throttled");
  revoked.reset();
  f.client->revokePat("o", "id", [&](Status s) { revoked = s; });
  f.respond(0, "");
  REQUIRE(revoked);
  CHECK(revoked->error().code == "devops.network");
  revoked.reset();
  f.client->revokePat("o", "id", [&](Status s) { revoked = s; });
  f.respond(500, "");
  f.fake.clock.advance(1000);
  REQUIRE(f.http().pending.size() == 1);
  CHECK(f.http().pending.front().request.method == "DELETE");
  f.respond(204, "");
  REQUIRE(revoked);
  CHECK(revoked->ok());
}

TEST_CASE("an update returns the updated token from the official example") {
  Fixture f;
  std::optional<Result<PatToken>> got;
  UpdatePatRequest u;
  u.authorizationId = "3d3aca0c-9ad3-4b07-8334-08ec8b1ddc32";
  u.allOrgs = true;
  f.client->updatePat("fabrikam", u, [&](Result<PatToken> r) { got = std::move(r); });
  f.respond(200, exampleBody("UpdatePat"));
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value().displayName == "updated_token");
  CHECK(got->value().isGlobal());
}

TEST_CASE("a revoke accepts 200 and 204 and reports other answers") {
  Fixture f;
  std::vector<Status> results;
  auto collect = [&](Status s) { results.push_back(s); };
  f.client->revokePat("o", "a", collect);
  f.client->revokePat("o", "b", collect);
  f.client->revokePat("o", "c", collect);
  f.client->revokePat("o", "d", collect);
  CHECK(f.http().sent[0].url.find("authorizationId=a") != std::string::npos);
  f.respond(200, "");
  f.respond(204, "");
  f.respond(202, "");
  f.respond(203, "<html>sign in</html>");
  REQUIRE(results.size() == 4);
  CHECK(results[0].ok());
  CHECK(results[1].ok());
  CHECK(results[2].error().code == "devops.unexpected_response");
  CHECK(results[3].error().code == "devops.sign_in_page");
}

TEST_CASE("a create is never retried and an ambiguous failure says to refresh the list") {
  for (int status : {0, 500, 503, 200}) {
    CAPTURE(status);
    Fixture f;
    std::optional<Result<PatToken>> got;
    CreatePatRequest c;
    c.displayName = "ci";
    c.scope = "vso.code";
    c.validToMs = 1798329600000;
    f.client->createPat("o", c, [&](Result<PatToken> r) { got = std::move(r); });
    CHECK(f.http().sent.front().method == "POST");
    f.respond(status, status == 200 ? R"({"patToken":{"authorizationId":)" : "",
              {{"Retry-After", "1"}});
    f.fake.clock.advance(60000);
    CHECK(f.http().sent.size() == 1);
    REQUIRE(got);
    REQUIRE_FALSE(got->ok());
    CHECK(got->error().code == "devops.create_ambiguous");
    CHECK(got->error().action.find("Refresh the token list before trying again") !=
          std::string::npos);
    CHECK(got->error().httpStatus == status);
  }
}

TEST_CASE("a create that fails clearly keeps its own error") {
  Fixture f;
  std::vector<Result<PatToken>> got;
  CreatePatRequest c;
  for (int i = 0; i < 3; ++i)
    f.client->createPat("o", c, [&](Result<PatToken> r) { got.push_back(r); });
  f.respond(401, R"({"message":"TF400813: not authorized"})");
  f.respond(429, "", {{"Retry-After", "3"}});
  f.respond(200, R"({"patToken":null,"patTokenError":"globalPATCreationBlocked"})");
  f.fake.clock.advance(60000);
  CHECK(f.http().sent.size() == 3);
  REQUIRE(got.size() == 3);
  CHECK(got[0].error().code == "devops.unauthorized");
  CHECK(got[1].error().code == "devops.throttled");
  CHECK(got[2].error().code == "pat.globalPATCreationBlocked");
}

TEST_CASE("a create returns the new secret from the official example") {
  Fixture f;
  std::optional<Result<PatToken>> got;
  CreatePatRequest c;
  c.displayName = "new_token";
  c.scope = "app_token";
  c.validToMs = *text::parseIso8601("2020-12-01T23:46:23.319Z");
  f.client->createPat("fabrikam", c, [&](Result<PatToken> r) { got = std::move(r); });
  CHECK(json::parse(f.http().sent.front().body) == patExample("CreatePat")["parameters"]["body"]);
  f.respond(200, exampleBody("CreatePat"));
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value().token == "dip55dwf4vpitomw63jzvomefmi2jluguprzwwqwuc6xq4fhocwq");
  CHECK(got->value().organization == "fabrikam");
}

TEST_CASE("a rotation creates a same-length org token, then revokes the old one") {
  Fixture f;
  PatToken old;
  old.authorizationId = "old-id";
  old.displayName = "ci";
  old.scope = "vso.code_write vso.work";
  old.validFromMs = *text::parseIso8601("2026-01-01T00:00:00Z");
  old.validToMs = old.validFromMs + 90LL * 86400000;
  std::vector<std::string> steps;
  std::optional<Result<RotateOutcome>> got;
  f.client->rotatePat(
      "fabrikam", old, [&](const std::string& s) { steps.push_back(s); },
      [&](Result<RotateOutcome> r) { got = std::move(r); });
  REQUIRE(f.http().pending.size() == 1);
  const auto& create = f.http().pending.front().request;
  CHECK(create.method == "POST");
  const json body = json::parse(create.body);
  CHECK(body["displayName"] == "ci");
  CHECK(body["scope"] == "vso.code_write vso.work");
  CHECK(body["allOrgs"] == false);
  const int64_t expectedTo = f.fake.clock.now + 90LL * 86400000;
  CHECK(body["validTo"] == text::formatIso8601(expectedTo));
  CHECK(steps == std::vector<std::string>{"Creating the replacement…"});

  f.respond(200, tokenResult("new-id", text::formatIso8601(expectedTo), "s3cret"));
  REQUIRE(f.http().pending.size() == 1);
  const auto& revoke = f.http().pending.front().request;
  CHECK(revoke.method == "DELETE");
  CHECK(parseUrl(revoke.url).query.at("authorizationId") == "old-id");
  CHECK(steps.size() == 2);
  CHECK(steps.back() == "Revoking the old token…");
  CHECK_FALSE(got);
  f.respond(204, "");
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value().oldRevoked);
  CHECK_FALSE(got->value().revokeError);
  CHECK(got->value().replacement.token == "s3cret");
  CHECK(got->value().replacement.authorizationId == "new-id");
  CHECK(got->value().replacement.organization == "fabrikam");
}

TEST_CASE("a rotation whose revoke fails still succeeds and keeps the new token") {
  Fixture f;
  PatToken old;
  old.authorizationId = "old-id";
  old.displayName = "global";
  old.scope = "vso.build";
  old.validFromMs = *text::parseIso8601("2020-01-01T00:00:00Z");
  old.validToMs = *text::parseIso8601("2023-01-01T00:00:00Z");  // 3 years: capped at 1
  std::optional<Result<RotateOutcome>> got;
  f.client->rotatePat("o", old, nullptr, [&](Result<RotateOutcome> r) { got = std::move(r); });
  const json body = json::parse(f.http().pending.front().request.body);
  CHECK(body["validTo"] == text::formatIso8601(f.fake.clock.now + 365LL * 86400000));
  f.respond(200, tokenResult("new-id", "2027-11-18T00:00:00Z", "s3cret"));
  f.respond(403, R"({"message":"VS30063: no"})");
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK_FALSE(got->value().oldRevoked);
  REQUIRE(got->value().revokeError);
  CHECK(got->value().revokeError->code == "devops.forbidden");
  CHECK(got->value().replacement.token == "s3cret");
}

TEST_CASE("a rotation whose create fails reports the error and revokes nothing") {
  Fixture f;
  PatToken old;
  old.authorizationId = "old-id";
  std::vector<std::string> steps;
  std::optional<Result<RotateOutcome>> got;
  f.client->rotatePat(
      "o", old, [&](const std::string& s) { steps.push_back(s); },
      [&](Result<RotateOutcome> r) { got = std::move(r); });
  CHECK(json::parse(f.http().pending.front().request.body)["validTo"] ==
        text::formatIso8601(f.fake.clock.now + 30LL * 86400000));  // unknown lifetime: 30 days
  f.respond(200, R"({"patToken":null,"patTokenError":"patLifespanPolicyViolation"})");
  REQUIRE(got);
  CHECK(got->error().code == "pat.patLifespanPolicyViolation");
  CHECK(steps.size() == 1);
  CHECK(f.http().sent.size() == 1);
}

TEST_CASE("a shortened expiry is explained with both dates") {
  PatToken created;
  const int64_t requested = *text::parseDate("2027-06-01");
  created.validToMs = *text::parseDate("2026-12-27");
  auto notice = lifespanClampNotice(requested, created);
  REQUIRE(notice);
  CHECK(notice->find("2026-12-27") != std::string::npos);
  CHECK(notice->find("2027-06-01") != std::string::npos);
  created.validToMs = requested - 59000;  // rounding by the server is not a clamp
  CHECK_FALSE(lifespanClampNotice(requested, created));
  created.validToMs = requested;
  CHECK_FALSE(lifespanClampNotice(requested, created));
  created.validToMs = requested - 61000;
  CHECK(lifespanClampNotice(requested, created));
}

TEST_CASE("a shortened expiry names the organization's maximum, read from the token's dates") {
  PatToken created;
  created.validFromMs = *text::parseDate("2026-12-02");
  created.validToMs = *text::parseDate("2027-01-01");  // clamped to 30 days
  auto notice = lifespanClampNotice(*text::parseDate("2027-06-01"), created);
  REQUIRE(notice);
  CHECK(notice->find("your organization limits how long personal access tokens may last (at "
                     "most 30 days).") != std::string::npos);
}

TEST_CASE("destroying the client drops pending callbacks and timers") {
  FakePlatform fake;
  bool called = false;
  {
    DevOpsClient client("https://p", "https://t", fake.platform(), [] { return "x"; });
    client.getProfile([&](Result<Profile>) { called = true; });
    client.getPat("o", "id", [&](Result<PatToken>) { called = true; });
    fake.http.respond("profiles", 503, "");
    CHECK(fake.clock.pendingTimers() == 1);
  }
  CHECK(fake.clock.pendingTimers() == 0);
  fake.http.respond("", 200, R"({"id":"u"})");
  fake.clock.advance(60000);
  CHECK_FALSE(called);
}
